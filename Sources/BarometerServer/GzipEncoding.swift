import CompressNIO
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// Content coding of responses: whether a client takes gzip, which bodies are worth
/// compressing (JSON, HTML, CSV, SVG: text that shrinks five to tenfold; not workbooks, which
/// are zip files already), and the compression itself (zlib through CompressNIO).
enum GzipEncoding {
    /// Bodies smaller than this are sent as they are: the header would eat the saving.
    static let minimumBytes = 512

    /// Whether the request's `Accept-Encoding` allows gzip (`gzip` or `*`, unless with `q=0`).
    static func accepts(_ request: Request) -> Bool {
        guard let header = request.headers[.acceptEncoding] else { return false }
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, coding == "gzip" || coding == "x-gzip" || coding == "*" else { continue }
            let refused = parts.dropFirst().contains { $0.replacingOccurrences(of: " ", with: "").hasPrefix("q=0") && !$0.contains(where: { "123456789".contains($0) }) }
            if !refused { return true }
        }
        return false
    }

    /// Whether a body of this content type is text worth compressing.
    static func isCompressible(_ contentType: String?) -> Bool {
        guard let type = contentType?.lowercased() else { return false }
        return type.hasPrefix("text/") || type.hasPrefix("application/json") || type.hasPrefix("image/svg+xml")
    }

    /// `body` gzipped, or nil when it is too small or does not shrink.
    static func compress(_ body: ByteBuffer) -> ByteBuffer? {
        guard body.readableBytes >= minimumBytes else { return nil }
        var input = body
        guard let compressed = try? input.compress(with: .gzip()), compressed.readableBytes < body.readableBytes else { return nil }
        return compressed
    }

    /// The entity tag of the gzip form of a body whose tag is `tag` (a strong tag names one
    /// representation, so the two forms differ).
    static func gzipTag(_ tag: String) -> String {
        tag.hasSuffix("\"") ? String(tag.dropLast()) + "-gzip\"" : tag + "-gzip"
    }

    /// The bytes of a response body.
    static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let collector = BodyCollector()
        try await body.write(collector)
        return collector.box.buffer.withLock { $0 }
    }

    /// `headers` with `Content-Encoding: gzip`, the gzip tag and `Vary: Accept-Encoding`.
    static func gzipHeaders(_ headers: HTTPFields, length: Int) -> HTTPFields {
        var headers = headers
        headers[.contentEncoding] = "gzip"
        headers[.contentLength] = "\(length)"
        if let tag = headers[.eTag] { headers[.eTag] = gzipTag(tag) }
        return headers
    }
}

/// Gathers what a response body writes into one buffer.
private struct BodyCollector: ResponseBodyWriter {
    final class Box: Sendable {
        let buffer = Mutex(ByteBuffer())
    }
    let box = Box()

    mutating func write(_ part: ByteBuffer) async throws {
        box.buffer.withLock { buffer in
            var part = part
            buffer.writeBuffer(&part)
        }
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
