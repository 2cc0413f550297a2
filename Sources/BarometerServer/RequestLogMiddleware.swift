import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One structured log line per request — `request` (its id), `method`, `path`, `status`,
/// `ms` — and the id in the `X-Request-Id` response header, so a reverse proxy's log, the
/// client's report and the server's log line up. A proxy's own `X-Request-Id` is kept when it
/// is a plain token (letters, digits, `-`, `_`, `.`; at most 64), else the server makes one.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = ExplorerRequestContext
    static let header = HTTPField.Name("X-Request-Id")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let id = request.headers[Self.header].flatMap(Self.acceptable) ?? Self.newID()
        var context = context
        context.logger[metadataKey: "request"] = .string(id)
        var response = try await next(request, context)
        response.headers[Self.header] = id
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        let level: Logger.Level = response.status == .serviceUnavailable ? .warning : response.status.code >= 500 ? .error : .info
        context.logger.log(level: level, "answered", metadata: [
            "method": .string(request.method.rawValue), "path": .string(request.uri.path), "status": .stringConvertible(response.status.code),
            "ms": .string(String(format: "%.2f", ms)),
        ])
        return response
    }

    static func acceptable(_ id: String) -> String? {
        guard (1...64).contains(id.utf8.count), id.utf8.allSatisfy({ $0.isASCIIAlnum || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }) else { return nil }
        return id
    }

    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(generator.next() as UInt64, radix: 16, uppercase: false)
    }
}

private extension UInt8 {
    var isASCIIAlnum: Bool { (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
}
