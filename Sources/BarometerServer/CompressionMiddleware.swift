import HTTPTypes
import Hummingbird

/// Gzips the text responses the cache did not (answers for accounts, errors, uncached routes)
/// when the client accepts it, and marks every compressible response `Vary: Accept-Encoding`.
struct CompressionMiddleware: RouterMiddleware {
    typealias Context = ExplorerRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard GzipEncoding.isCompressible(response.headers[.contentType]), response.headers[.contentEncoding] == nil else { return response }
        response.headers[.vary] = "Authorization, Accept-Encoding"
        guard GzipEncoding.accepts(request), request.method != .head, (response.body.contentLength ?? Int.max) >= GzipEncoding.minimumBytes else {
            return response
        }
        let body = try await GzipEncoding.collect(response.body)
        guard let gzipped = GzipEncoding.compress(body) else {
            response.body = .init(byteBuffer: body)
            return response
        }
        response.headers = GzipEncoding.gzipHeaders(response.headers, length: gzipped.readableBytes)
        response.body = .init(byteBuffer: gzipped)
        return response
    }
}
