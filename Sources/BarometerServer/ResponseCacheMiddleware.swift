import HTTPTypes
import Hummingbird

/// Keeps the public answers the server rendered — API JSON, pages, charts, CSV — and serves
/// them again without running anything: keyed by host, path, query, the store's catalog
/// version and the UTC day (embargoes lift at midnight), so an import, an upload or another
/// instance's import is seen on the next request, and an answer for one language is never
/// another's (the language is in the query). Requests with credentials (`Authorization`, a
/// cookie) pass by untouched: what an account sees is never stored for the public.
/// Simultaneous misses of one key render once (``RenderCoalescer``).
struct ResponseCacheMiddleware: RouterMiddleware {
    typealias Context = ExplorerRequestContext
    let service: StudyService
    let cache: BoundedCache<String, CachedResponse>
    /// Cache misses being rendered, so that simultaneous misses of one key render once.
    let renders = RenderCoalescer()

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
        switch await renders.role(for: key) {
        case .follower(let entry?):
            return entry.response(gzip: gzip)
        case .follower(nil):
            return try await renderShared(request, context: context, key: key, gzip: gzip, next: next).response
        case .leader:
            do {
                let (response, entry) = try await renderShared(request, context: context, key: key, gzip: gzip, next: next)
                renders.finish(key, with: entry)
                return response
            } catch {
                renders.finish(key, with: nil)
                throw error
            }
        }
    }

    /// Renders the answer, and keeps it when it may be shared (a public 200).
    private func renderShared(
        _ request: Request, context: Context, key: String, gzip: Bool, next: (Request, Context) async throws -> Response
    ) async throws -> (response: Response, entry: CachedResponse?) {
        let response = try await next(request, context)
        guard response.status == .ok, response.headers[.cacheControl]?.contains("public") == true,
              response.headers[.contentEncoding] == nil else {
            return (response, nil)
        }
        let entry = CachedResponse(headers: response.headers, body: try await GzipEncoding.collect(response.body))
        cache.insert(entry, for: key, cost: entry.cost + key.utf8.count)
        return (entry.response(gzip: gzip), entry)
    }
}
