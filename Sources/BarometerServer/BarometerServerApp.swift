import Foundation
import Hummingbird
import Logging
import Store

/// Builds the server: the JSON API under `/api/v1` and the explorer's pages, with JSON or
/// HTML errors, rate limiting, security headers, entity tags with `304 Not Modified`, request
/// logs with ids and timings, gzip, a cache of rendered public answers keyed by the store's
/// catalog version, analyses on their own threads behind a bounded queue (503 beyond it), and
/// `/health` and `/ready`. Tests call it and drive the
/// router without sockets; `barometer serve` runs it (stopping gracefully on SIGINT/SIGTERM).
public enum BarometerServerApp {
    public static func router(service: StudyService, configuration: ServerConfiguration) -> Router<ExplorerRequestContext> {
        let router = Router(context: ExplorerRequestContext.self)
        let gate = AnalysisGate(threads: configuration.analysisThreads, queue: configuration.analysisQueue)
        let responses = BoundedCache<String, CachedResponse>(limit: configuration.responseCacheBytes)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ConditionalRequestMiddleware())
        router.add(middleware: RateLimitMiddleware(limiter: RateLimiter(rate: configuration.requestsPerSecond, burst: configuration.burst)))
        router.add(middleware: CompressionMiddleware())
        router.add(middleware: ErrorResponseMiddleware())
        router.add(middleware: StaffSessionMiddleware(service: service))
        router.add(middleware: ResponseCacheMiddleware(service: service, cache: responses))
        router.add(middleware: AdmissionMiddleware(gate: gate))
        HealthRoutes(service: service, gate: gate, responses: responses).register(on: router)
        let api = APIRoutes(service: service, configuration: configuration)
        api.register(on: router)
        ExplorerRoutes(service: service, api: api, configuration: configuration).register(on: router)
        StaffRoutes(service: service, configuration: configuration).register(on: router)
        return router
    }

    public static func buildApplication(
        store: BarometerStore, configuration: ServerConfiguration, logger: Logger = Logger(label: "barometer.server"),
        now: @escaping @Sendable () -> Date = { Date() }
    ) -> some ApplicationProtocol {
        let service = StudyService(store: store, configuration: configuration, now: now)
        return Application(
            router: router(service: service, configuration: configuration),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Barometer"),
            logger: logger)
    }
}
