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

    /// Whether the request's `Accept-Encoding` allows gzip (`gzip`, `x-gzip` or `*`, unless
    /// its weight is zero: `gzip;q=0`). Asked on every request, so it reads the header's
    /// bytes without making strings.
    static func accepts(_ request: Request) -> Bool {
        guard let header = request.headers[.acceptEncoding] else { return false }
        for item in header.utf8.split(separator: UInt8(ascii: ",")) {
            let parts = item.split(separator: UInt8(ascii: ";"))
            guard let coding = parts.first.map(trimmed), isGzip(coding) else { continue }
            if !parts.dropFirst().contains(where: { isZeroWeight(trimmed($0)) }) { return true }
        }
        return false
    }

    private static func trimmed(_ bytes: Substring.UTF8View.SubSequence) -> Substring.UTF8View.SubSequence {
        var bytes = bytes
        while bytes.first == UInt8(ascii: " ") || bytes.first == UInt8(ascii: "\t") { bytes = bytes.dropFirst() }
        while bytes.last == UInt8(ascii: " ") || bytes.last == UInt8(ascii: "\t") { bytes = bytes.dropLast() }
        return bytes
    }

    private static func isGzip(_ coding: Substring.UTF8View.SubSequence) -> Bool {
        let lower = coding.map { $0 | 0x20 }
        return lower.elementsEqual("gzip".utf8) || lower.elementsEqual("x-gzip".utf8) || (coding.count == 1 && coding.first == UInt8(ascii: "*"))
    }

    /// `q=0`, `q=0.0`, `q=0.000`: a weight of zero refuses the coding.
    private static func isZeroWeight(_ parameter: Substring.UTF8View.SubSequence) -> Bool {
        guard parameter.count >= 3, parameter.first.map({ $0 | 0x20 }) == UInt8(ascii: "q"),
              parameter.dropFirst().first == UInt8(ascii: "=") else { return false }
        return parameter.dropFirst(2).allSatisfy { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: ".") }
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
