@testable import BarometerServer
import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
import Studies
import SurveyCore
import Testing

/// Rendered public answers are kept and served again, compressed when the client takes gzip,
/// and forgotten the moment the store's catalog changes — here or through another instance.
@Suite("Cached and compressed answers")
struct ResponseCacheTests {
    static let trend = "/api/v1/studies/demo/trend?concept=opinion_russia&by=agegroup"

    static func health(_ client: some TestClientProtocol) async throws -> [String: Any] {
        let r = try await client.execute(uri: "/health", method: .get, headers: [:], body: nil)
        #expect(r.status == .ok && r.headers[.cacheControl] == "no-store")
        return try ServerFixture.json(r)
    }

    static func responses(_ health: [String: Any]) -> [String: Int] {
        ((health["caches"] as? [String: Any])?["responses"] as? [String: Any])?.compactMapValues { $0 as? Int } ?? [:]
    }

    @Test("a second request for the same view is answered from the cache with the same bytes; /health counts it")
    func repeatedViewIsCached() async throws {
        try await ServerFixture.app().test(.router) { client in
            let first = try await client.execute(uri: Self.trend, method: .get)
            #expect(first.status == .ok)
            let before = Self.responses(try await Self.health(client))
            let second = try await client.execute(uri: Self.trend, method: .get)
            #expect(second.body == first.body && second.headers[.eTag] == first.headers[.eTag])
            let after = Self.responses(try await Self.health(client))
            #expect(after["hits"] == (before["hits"] ?? -1) + 1)
            #expect((after["entries"] ?? 0) >= 1 && (after["bytes"] ?? 0) > first.body.readableBytes)
            #expect((after["bytes"] ?? 0) <= (after["limitBytes"] ?? 0))
        }
    }

    @Test("gzip when the client takes it: the same document, its own entity tag, 304 on that tag; identity otherwise",
          arguments: [ResponseCacheTests.trend, "/studies/demo/concepts/opinion_russia?by=agegroup&lang=kk", "/api/v1/studies/demo/chart.svg?concept=opinion_russia"])
    func gzip(_ uri: String) async throws {
        try await ServerFixture.app().test(.router) { client in
            let plain = try await client.execute(uri: uri, method: .get)
            #expect(plain.status == .ok && plain.headers[.contentEncoding] == nil)
            #expect(plain.headers[.vary] == "Authorization, Accept-Encoding")
            for round in 0..<2 {  // rendered, then from the cache
                let zipped = try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: "br, gzip;q=0.8"])
                #expect(zipped.headers[.contentEncoding] == "gzip", "round \(round)")
                #expect(zipped.body.readableBytes * 3 < plain.body.readableBytes, "gzip should shrink text at least threefold")
                var body = zipped.body
                #expect(try body.decompress(with: .gzip()) == plain.body)
                let tag = try #require(zipped.headers[.eTag])
                #expect(tag != plain.headers[.eTag] && tag.hasSuffix("-gzip\""))
                try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: "gzip", .ifNoneMatch: tag]) { r in
                    #expect(r.status == .notModified && r.body.readableBytes == 0)
                }
            }
            for taker in ["GZIP", "*", "deflate, gzip ; q=1", "x-gzip;q=0.5"] {
                try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: taker]) { r in
                    #expect(r.headers[.contentEncoding] == "gzip", "\(taker)")
                }
            }
            for refusal in ["gzip;q=0", "gzip; q=0.000", "identity", "deflate", "gzipped"] {
                try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: refusal]) { r in
                    #expect(r.headers[.contentEncoding] == nil && r.body == plain.body, "\(refusal)")
                }
            }
        }
    }

    @Test("an answer for an account is compressed but never cached, and never served to the public")
    func accountsBypassTheCache() async throws {
        let (store, token) = try ServerFixture.storeWithAccount(embargoLast: true)
        let uri = "/api/v1/studies/demo/analyze?wave=2024-autumn&variable=opinion_russia&by=sex"
        try await ServerFixture.app(store: store).test(.router) { client in
            for _ in 0..<2 {
                try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(token)", .acceptEncoding: "gzip"]) { r in
                    #expect(r.status == .ok && r.headers[.contentEncoding] == "gzip" && r.headers[.cacheControl] == "private, no-store")
                }
            }
            #expect(Self.responses(try await Self.health(client))["entries"] == 0)
            try await client.execute(uri: uri, method: .get) { r in #expect(r.status == .notFound) }
            try await client.execute(uri: "/api/v1/studies/demo/waves", method: .get) { r in
                let waves = try ServerFixture.json(r)["waves"] as? [Any]
                #expect(waves?.count == 15)
            }
        }
    }

    @Test("two instances on one store: an import through either is seen by the other on its next request")
    func importsAreSeenAtOnce() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("barometer-cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try BarometerStore(directory: folder, passwordIterations: 1_000)
        try first.importStudy(slug: "demo", study: ServerFixture.demo.study, datasets: ServerFixture.datasets())
        let second = try BarometerStore(directory: folder, passwordIterations: 1_000)
        let one = ServerFixture.app(store: first), other = ServerFixture.app(store: second)
        let uri = "/api/v1/studies/demo/analyze?wave=2022-autumn&variable=opinion_russia"
        let before = try await one.test(.router) { client in
            let body = try await client.execute(uri: uri, method: .get).body
            #expect(try await client.execute(uri: uri, method: .get).body == body)
            return body
        }
        // The other instance replaces the wave's data (with another wave's respondents).
        var datasets = ServerFixture.datasets()
        datasets["2022-autumn"] = datasets["2021-autumn"]
        try second.importStudy(slug: "demo", study: ServerFixture.demo.study, datasets: datasets, replace: true)
        try await one.test(.router) { client in
            let after = try await client.execute(uri: uri, method: .get).body
            #expect(after != before)
        }
        let theirs = try await other.test(.router) { client in try await client.execute(uri: uri, method: .get).body }
        let mine = try await one.test(.router) { client in try await client.execute(uri: uri, method: .get).body }
        #expect(mine == theirs)
    }

    @Test("many readers missing the cache at once: the answer is rendered once and all get the same bytes")
    func simultaneousMissesRenderOnce() async throws {
        try await ServerFixture.app().test(.router) { client in
            let uri = "/api/v1/studies/demo/trend?concept=opinion_china&by=agegroup"
            let bodies = try await withThrowingTaskGroup(of: ByteBuffer.self) { group in
                for _ in 0..<12 { group.addTask { try await Self.body(client, uri) } }
                var bodies: [ByteBuffer] = []
                for try await body in group { bodies.append(body) }
                return bodies
            }
            #expect(Set(bodies.map { String(buffer: $0) }).count == 1 && bodies.count == 12)
            let health = try await Self.health(client)
            #expect((health["analyses"] as? [String: Int])?["completed"] == 1, "one analysis for twelve readers")
        }
    }

    static func body(_ client: some TestClientProtocol, _ uri: String) async throws -> ByteBuffer {
        let r = try await client.execute(uri: uri, method: .get, headers: [:], body: nil)
        #expect(r.status == .ok)
        return r.body
    }

    @Test("the cache keeps within its bytes: the least recently used go first; an entry larger than the limit is not kept")
    func boundedByCost() {
        let cache = BoundedCache<String, Int>(limit: 1_000)
        for i in 0..<10 { cache.insert(i, for: "k\(i)", cost: 100) }
        #expect(cache.statistics.bytes == 1_000)
        _ = cache.value(for: "k0")  // k0 is now the most recently used
        cache.insert(10, for: "k10", cost: 100)
        let s = cache.statistics
        #expect(s.bytes <= 900 && s.evictions >= 2)
        #expect(cache.value(for: "k0") == 0 && cache.value(for: "k10") == 10)
        #expect(cache.value(for: "k1") == nil && cache.value(for: "k2") == nil)
        cache.insert(99, for: "huge", cost: 5_000)
        #expect(cache.value(for: "huge") == nil)
    }
}
