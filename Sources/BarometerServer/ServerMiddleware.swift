import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Synchronization

/// Turns every error into a response with a 4xx/5xx status and one sentence: JSON under
/// `/api/`, an HTML page elsewhere. Unexpected errors are logged with the request.
struct ErrorResponseMiddleware: RouterMiddleware {
    typealias Context = ExplorerRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = APIError.from(error)
            // A full analysis queue (503) is the server working as designed, not a failure.
            if apiError.status.code >= 500 && apiError.status != .serviceUnavailable {
                context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            }
            if request.uri.path.hasPrefix("/api/") {
                return Response(status: apiError.status, headers: [.contentType: "application/json; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: apiError.json)))
            }
            let page = ExplorerPages.errorPage(apiError, language: APIRoutes.query(request).language)
            return Response(status: apiError.status, headers: [.contentType: "text/html; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: page)))
        }
    }
}

/// A token bucket per client address: `rate` requests per second on average, `burst` at
/// once; beyond that 429 with Retry-After.
final class RateLimiter: Sendable {
    private struct Bucket { var tokens: Double; var updated: Double }
    private let buckets = Mutex<[String: Bucket]>([:])
    let rate: Double
    let burst: Double

    init(rate: Double, burst: Int) {
        self.rate = rate
        self.burst = Double(burst)
    }

    /// Whether the client may make a request now (seconds on a monotonic clock).
    func allow(_ client: String, at now: Double) -> Bool {
        buckets.withLock { b in
            var bucket = b[client] ?? Bucket(tokens: burst, updated: now)
            bucket.tokens = min(burst, bucket.tokens + (now - bucket.updated) * rate)
            bucket.updated = now
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            b[client] = bucket
            if b.count > 10_000 { b = b.filter { now - $0.value.updated < 60 } }
            return allowed
        }
    }
}

struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = ExplorerRequestContext
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let now = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
        guard limiter.allow(context.clientAddress, at: now) else {
            var response = try await ErrorResponseMiddleware().handle(request, context: context) { _, _ in
                throw APIError(.tooManyRequests, "Too many requests from \(context.clientAddress): at most \(Int(limiter.rate)) a second (\(Int(limiter.burst)) at once); wait a moment and try again.")
            }
            response.headers[.retryAfter] = "1"
            return response
        }
        return try await next(request, context)
    }
}

/// Security headers on every response: no framing except by the embed pages, no sniffing,
/// a content security policy that allows only the page's own inline style and script.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = ExplorerRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        if !request.uri.path.hasPrefix("/embed/") {
            response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        }
        if response.headers[.contentType]?.hasPrefix("text/html") == true {
            response.headers[HTTPField.Name("Content-Security-Policy")!] = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'"
        }
        return response
    }
}
