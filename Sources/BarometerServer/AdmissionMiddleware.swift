import HTTPTypes
import Hummingbird

/// Runs every request but `/health` and `/ready` through the ``AnalysisGate``: on the
/// analysis threads when admitted, else `503 Service Unavailable` with `Retry-After` and one
/// sentence (JSON under `/api/`, a page in the query's language elsewhere). It sits inside
/// the response cache, so cached answers never wait for it.
struct AdmissionMiddleware: RouterMiddleware {
    typealias Context = ExplorerRequestContext
    let gate: AnalysisGate
    /// Seconds a refused client is told to wait.
    static let retryAfter = 2

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if HealthRoutes.paths.contains(request.uri.path) { return try await next(request, context) }
        guard gate.admit() else {
            var response = try await ErrorResponseMiddleware().handle(request, context: context) { _, _ in
                throw APIError(
                    .serviceUnavailable,
                    "The server is busy: all \(gate.limit) places for analyses (running and waiting) are taken; try again in \(Self.retryAfter) seconds.",
                    phrase: .serverBusy, arguments: ["\(Self.retryAfter)"])
            }
            response.headers[.retryAfter] = "\(Self.retryAfter)"
            return response
        }
        defer { gate.release() }
        return try await gate.run { try await next(request, context) }
    }
}
