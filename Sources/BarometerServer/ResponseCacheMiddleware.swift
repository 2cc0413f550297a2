import HTTPTypes
import Hummingbird

/// Keeps the public answers the server rendered — API JSON, pages, charts, CSV — and serves
/// them again without running anything: keyed by host, path, query, the store's catalog
/// version and the UTC day (embargoes lift at midnight), so an import, an upload or another
/// instance's import is seen on the next request, and an answer for one language is never
/// another's (the language is in the query). Requests with credentials (`Authorization`, a
/// cookie) pass by untouched: what an account sees is never stored for the public.
struct ResponseCacheMiddleware: RouterMiddleware {
    typealias Context = ExplorerRequestContext
    let service: StudyService
    let cache: BoundedCache<String, CachedResponse>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get, request.headers[.authorization] == nil, request.headers[.cookie] == nil,
              !HealthRoutes.paths.contains(request.uri.path) else {
            return try await next(request, context)
        }
        let version = try service.currentVersion()
        let day = Int(service.now().timeIntervalSince1970 / 86_400)
        let key = [request.head.authority ?? "", request.uri.path, request.uri.query ?? "", "\(version)", "\(day)"].joined(separator: "\u{1F}")
        let gzip = GzipEncoding.accepts(request)
        if let hit = cache.value(for: key) { return hit.response(gzip: gzip) }
        let response = try await next(request, context)
        guard response.status == .ok, response.headers[.cacheControl]?.contains("public") == true,
              response.headers[.contentEncoding] == nil else {
            return response
        }
        let entry = CachedResponse(headers: response.headers, body: try await GzipEncoding.collect(response.body))
        cache.insert(entry, for: key, cost: entry.cost + key.utf8.count)
        return entry.response(gzip: gzip)
    }
}
