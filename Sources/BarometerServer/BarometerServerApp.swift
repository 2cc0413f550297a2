import Foundation
import Hummingbird
import Logging
import Store

/// Builds the server: the JSON API under `/api/v1` and the explorer's pages, with JSON or
/// HTML errors, rate limiting, security headers, entity tags with `304 Not Modified`, and
/// request logs. Tests call it and drive the
/// router without sockets; `barometer serve` runs it (stopping gracefully on SIGINT/SIGTERM).
public enum BarometerServerApp {
    public static func router(service: StudyService, configuration: ServerConfiguration) -> Router<ExplorerRequestContext> {
        let router = Router(context: ExplorerRequestContext.self)
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ConditionalRequestMiddleware())
        router.add(middleware: RateLimitMiddleware(limiter: RateLimiter(rate: configuration.requestsPerSecond, burst: configuration.burst)))
        router.add(middleware: ErrorResponseMiddleware())
        let api = APIRoutes(service: service, configuration: configuration)
        api.register(on: router)
        ExplorerRoutes(service: service, api: api, configuration: configuration).register(on: router)
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
