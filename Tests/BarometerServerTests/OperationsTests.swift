@testable import BarometerServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
import Testing

/// What an operator and a load balancer rely on: `/health` and `/ready`, request ids, and a
/// bounded queue of analyses that refuses with 503 rather than slowing every request down.
@Suite("Health, readiness, request ids and the analysis queue")
struct OperationsTests {
    @Test("/health reports the caches, the analysis queue and memory; /ready the catalog version")
    func healthAndReadiness() async throws {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/studies/demo/analyze?wave=2022-autumn&variable=sex", method: .get) { #expect($0.status == .ok) }
            let health = try ServerFixture.json(try await client.execute(uri: "/health", method: .get))
            #expect(health["status"] as? String == "ok")
            let caches = try #require(health["caches"] as? [String: [String: Int]])
            #expect((caches["waves"]?["entries"] ?? 0) >= 1 && (caches["waves"]?["bytes"] ?? 0) > 1_000)
            #expect(caches["waves"]?["limitBytes"] == ServerConfiguration().waveCacheBytes)
            let analyses = try #require(health["analyses"] as? [String: Int])
            #expect(analyses["completed"] ?? 0 >= 1 && analyses["refused"] == 0)
            #expect(((health["memory"] as? [String: Any])?["residentBytes"] as? Int ?? 0) > 1_000_000)
            try await client.execute(uri: "/ready", method: .get) { r in
                #expect(r.status == .ok)
                let version = try ServerFixture.json(r)["catalogVersion"] as? Int
                let stored = try ServerFixture.store.catalogVersion()
                #expect(version == Int(stored))
            }
        }
    }

    @Test("every answer carries a request id: the proxy's when it is a plain token, else a new one")
    func requestIDs() async throws {
        try await ServerFixture.app().test(.router) { client in
            let name = HTTPField.Name("X-Request-Id")!
            try await client.execute(uri: "/health", method: .get, headers: [name: "edge-42.a_b"]) { #expect($0.headers[name] == "edge-42.a_b") }
            try await client.execute(uri: "/api/v1/studies/nope", method: .get, headers: [name: "bad id\u{7F}<script>"]) { r in
                #expect(r.status == .notFound)
                let id = try #require(r.headers[name])
                #expect(!id.contains("<") && !id.isEmpty && id.count <= 16)
            }
        }
    }

    @Test("an upload is streamed to disk and refused with 413 past the limit, leaving the store as it was")
    func uploadLimit() async throws {
        let (store, token) = try ServerFixture.storeWithAccount()
        let version = try store.catalogVersion()
        let rows = (0..<4_000).map { "\($0 % 2 + 1),1" }.joined(separator: "\n")
        let csv = ByteBuffer(string: "sex,weight\n" + rows + "\n")
        let uri = "/api/v1/studies/demo/waves/2025-spring?format=csv&start=2025-04-01&end=2025-05-01&weight=weight"
        try await ServerFixture.app(store: store, configuration: ServerConfiguration(maxUploadBytes: 10_000)).test(.router) { client in
            try await client.execute(uri: uri, method: .post, headers: [.authorization: "Bearer \(token)"], body: csv) { r in
                #expect(r.status == .contentTooLarge)
                let message = try ServerFixture.errorMessage(r)
                #expect(message == "The uploaded file is larger than the 9 KB the server accepts; split the wave or ask the administrator to raise the limit.")
            }
        }
        #expect(try store.catalogVersion() == version && store.waves(study: "demo").count == 16)
        try await ServerFixture.app(store: store, configuration: ServerConfiguration(maxUploadBytes: 1 << 20)).test(.router) { client in
            try await client.execute(uri: uri, method: .post, headers: [.authorization: "Bearer \(token)"], body: csv) { r in
                #expect(r.status == .created)
            }
        }
        #expect(try store.catalogVersion() == version + 1 && store.waves(study: "demo").count == 17)
    }

    @Test("the gate admits up to its limit, refuses beyond it, and admits again when one ends")
    func gateLimit() {
        let gate = AnalysisGate(threads: 1, queue: 2)
        #expect(gate.limit == 3)
        #expect(gate.admit() && gate.admit() && gate.admit())
        #expect(!gate.admit())
        #expect(gate.statistics.running == 1 && gate.statistics.waiting == 2 && gate.statistics.refused == 1)
        gate.release()
        #expect(gate.admit())
        for _ in 0..<3 { gate.release() }
        #expect(gate.statistics.running == 0 && gate.statistics.completed == 4)
    }

    @Test("analyses run on the analysis threads, not on Swift's cooperative ones")
    func analysesRunOffTheCooperativePool() async throws {
        let gate = AnalysisGate(threads: 2, queue: 0)
        #expect(try await gate.run { Self.onAnalysisThread() })
        #expect(!Self.onAnalysisThread())
    }

    static func onAnalysisThread() -> Bool { AnalysisExecutor.isAnalysisThread }

    /// A status, its Retry-After, and the sentence of a 503 (or "health").
    typealias Outcome = (HTTPResponse.Status, String?, String)

    static func fetch(_ client: some TestClientProtocol, _ uri: String) async throws -> Outcome {
        let r = try await client.execute(uri: uri, method: .get, headers: [:], body: nil)
        if uri == "/health" { return (r.status, nil, "health") }
        guard r.status == .serviceUnavailable else { return (r.status, nil, "") }
        return (r.status, r.headers[.retryAfter], uri.hasPrefix("/api/") ? try ServerFixture.errorMessage(r) : ServerFixture.text(r))
    }

    @Test("when more requests come than the queue takes: 503 with Retry-After and a sentence, /health still answers, and nothing else fails")
    func saturation() async throws {
        let configuration = ServerConfiguration(requestsPerSecond: 1e6, burst: 1_000_000, analysisThreads: 1, analysisQueue: 0)
        try await ServerFixture.app(configuration: configuration).test(.router) { client in
            let statuses = try await withThrowingTaskGroup(of: Outcome.self) { group in
                for i in 0..<24 {
                    let uri = i % 2 == 0 ? "/api/v1/studies/demo/trend?concept=opinion_russia&by=agegroup&level=0.9\(i)"
                                         : "/studies/demo/concepts/opinion_china?by=sex&lang=ru&level=0.9\(i)"
                    group.addTask { try await Self.fetch(client, uri) }
                }
                group.addTask { try await Self.fetch(client, "/health") }
                var outcomes: [Outcome] = []
                for try await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            #expect(statuses.allSatisfy { $0.0 == .ok || $0.0 == .unprocessableContent || $0.0 == .serviceUnavailable })
            #expect(statuses.contains { $0.2 == "health" && $0.0 == .ok })
            let refused = statuses.filter { $0.0 == .serviceUnavailable }
            #expect(!refused.isEmpty, "24 slow requests at once on one thread without a queue should refuse some")
            #expect(refused.allSatisfy { $0.1 == "2" })
            #expect(refused.contains { $0.2 == "The server is busy: all 1 places for analyses (running and waiting) are taken; try again in 2 seconds." }
                    || refused.contains { $0.2.contains("попробуйте снова через 2 с") })
            let health = try ServerFixture.json(try await client.execute(uri: "/health", method: .get))
            #expect((health["analyses"] as? [String: Int])?["refused"] == refused.count)
        }
    }
}
