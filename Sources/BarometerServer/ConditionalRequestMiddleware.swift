import HTTPTypes
import Hummingbird

/// Caching rules for every response. An answer for a client with an account (an
/// `Authorization` header, or a staff session cookie: embargoed waves, full access) is `private, no-store`, so no shared
/// cache keeps it for the public. A public GET whose entity tag the client already holds
/// (`If-None-Match`) is answered `304 Not Modified` without a body.
struct ConditionalRequestMiddleware: RouterMiddleware {
    typealias Context = ExplorerRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.vary] == nil { response.headers[.vary] = "Authorization" }
        if request.headers[.authorization] != nil || StaffSession.cookie(StaffSession.cookieName, in: request) != nil {
            response.headers[.cacheControl] = "private, no-store"
            return response
        }
        guard request.method == .get || request.method == .head, response.status == .ok,
              let tag = response.headers[.eTag], let header = request.headers[.ifNoneMatch], EntityTag.matches(header, tag) else {
            return response
        }
        var headers = HTTPFields()
        for name in [HTTPField.Name.eTag, .cacheControl, .vary] { headers[name] = response.headers[name] }
        return Response(status: .notModified, headers: headers)
    }
}
