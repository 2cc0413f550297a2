import HTTPTypes
import Hummingbird
import NIOCore

/// A rendered public answer kept by the ``ResponseCacheMiddleware``: its headers, its body and,
/// for text, the body gzipped once, so a hit costs neither rendering nor compression.
struct CachedResponse: Sendable {
    let headers: HTTPFields
    let body: ByteBuffer
    let gzipped: ByteBuffer?

    init(headers: HTTPFields, body: ByteBuffer) {
        var headers = headers
        headers[.contentLength] = nil
        self.headers = headers
        self.body = body
        gzipped = GzipEncoding.isCompressible(headers[.contentType]) ? GzipEncoding.compress(body) : nil
    }

    /// The memory it holds, roughly.
    var cost: Int { body.readableBytes + (gzipped?.readableBytes ?? 0) + 512 }

    /// The response for a client that takes gzip or not.
    func response(gzip: Bool) -> Response {
        var headers = self.headers
        if GzipEncoding.isCompressible(headers[.contentType]) { headers[.vary] = "Authorization, Accept-Encoding" }
        if gzip, let gzipped {
            return Response(status: .ok, headers: GzipEncoding.gzipHeaders(headers, length: gzipped.readableBytes), body: .init(byteBuffer: gzipped))
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }
}
