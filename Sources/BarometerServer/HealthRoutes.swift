import Foundation
import Hummingbird
import Synchronization

/// What a load balancer and an operator ask an instance: `/health` (is the process serving,
/// and how full are its caches and its analysis queue; always cheap, never queued behind
/// analyses) and `/ready` (can it answer: the store is reachable; 503 when not, so a balancer
/// sends traffic elsewhere).
struct HealthRoutes: Sendable {
    /// Paths that bypass the response cache and the analysis queue.
    static let paths: Set<String> = ["/health", "/ready"]

    let service: StudyService
    let gate: AnalysisGate
    let responses: BoundedCache<String, CachedResponse>
    let started = ContinuousClock.now

    func register(on router: Router<ExplorerRequestContext>) {
        router.get("health") { _, _ in
            Self.json(report().text, status: .ok)
        }
        router.get("ready") { _, _ in
            do {
                let version = try service.currentVersion()
                return Self.json(AnyJSON.ordered([("ready", .bool(true)), ("catalogVersion", .int(Int(version)))]).text, status: .ok)
            } catch {
                return Self.json(AnyJSON.ordered([("ready", .bool(false)), ("reason", .string(APIError.from(error).message))]).text,
                                 status: .serviceUnavailable)
            }
        }
    }

    /// The instance's state: uptime, resident memory, both caches and the analysis queue.
    func report() -> AnyJSON {
        let uptime = ContinuousClock.now - started
        return .ordered([
            ("status", .string("ok")),
            ("uptimeSeconds", .int(Int(uptime.components.seconds))),
            ("catalogVersion", .int(Int(service.knownCatalogVersion))),
            ("memory", .ordered([("residentBytes", Self.residentBytes().map { .int($0) } ?? .null)])),
            ("caches", .ordered([("waves", Self.describe(service.waves.statistics)), ("responses", Self.describe(responses.statistics))])),
            ("analyses", Self.describe(gate.statistics)),
        ])
    }

    static func describe(_ s: CacheStatistics) -> AnyJSON {
        .ordered([("entries", .int(s.entries)), ("bytes", .int(s.bytes)), ("limitBytes", .int(s.limit)), ("hits", .int(s.hits)),
                  ("misses", .int(s.misses)), ("evictions", .int(s.evictions))])
    }

    static func describe(_ s: AnalysisStatistics) -> AnyJSON {
        .ordered([("threads", .int(s.threads)), ("limit", .int(s.limit)), ("running", .int(s.running)), ("waiting", .int(s.waiting)),
                  ("completed", .int(s.completed)), ("refused", .int(s.refused))])
    }

    /// The last reading of the resident set and when it was taken: `/health` reads
    /// `/proc` at most once a second, so that asking it costs as little as answering it.
    private static let lastReading = Mutex<(at: ContinuousClock.Instant, bytes: Int?)?>(nil)

    /// The process's resident set in bytes, at most a second old; nil where `/proc` is missing.
    static func residentBytes() -> Int? {
        let now = ContinuousClock.now
        if let last = lastReading.withLock({ $0 }), now - last.at < .seconds(1) { return last.bytes }
        let bytes = readResidentBytes()
        lastReading.withLock { $0 = (now, bytes) }
        return bytes
    }

    /// The process's resident set in bytes (Linux `/proc/self/statm`), nil elsewhere.
    static func readResidentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    static func json(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
