import Hummingbird
import Store

/// Finds the signed-in analyst of a request from its session cookie, checked against the store
/// (so a session signed out on one server is gone on all), and answers the request as them.
/// A cookie value the store did not issue is ignored: the request is the public's.
struct StaffSessionMiddleware: RouterMiddleware {
    typealias Context = ExplorerRequestContext
    let service: StudyService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let secret = StaffSession.cookie(StaffSession.cookieName, in: request),
              let account = try service.store.session(secret, at: service.now()) else {
            return try await next(request, context)
        }
        return try await StaffSession.$current.withValue(StaffSession(account: account, secret: secret)) {
            try await next(request, context)
        }
    }
}
