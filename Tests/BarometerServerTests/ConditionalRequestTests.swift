import BarometerServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
import Testing

/// Entity tags and caching rules: a client that holds an answer gets `304 Not Modified`; an
/// answer for an account never enters a shared cache.
@Suite("Entity tags and caching")
struct ConditionalRequestTests {
    @Test("an answer carries an entity tag; sending it back gets 304 without a body; another view has another tag",
          arguments: ["/api/v1/studies/demo/trend?concept=opinion_russia&by=agegroup&waves=2022-autumn",
                      "/api/v1/studies/demo/trend.csv?concept=opinion_russia&waves=2022-autumn",
                      "/studies/demo/concepts/opinion_russia?wave=2022-autumn"])
    func notModified(_ uri: String) async throws {
        try await ServerFixture.app().test(.router) { client in
            let first = try await client.execute(uri: uri, method: .get)
            let tag = try #require(first.headers[.eTag])
            #expect(first.status == .ok && tag.hasPrefix("\"") && tag.count == 18)
            #expect(first.headers[.cacheControl] == "public, max-age=60" && first.headers[.vary] == "Authorization, Accept-Encoding")
            // The same view is the same bytes, every time (labels once came in a dictionary's order).
            for _ in 0..<12 {
                #expect(try await client.execute(uri: uri, method: .get).headers[.eTag] == tag)
            }
            try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: tag]) { r in
                #expect(r.status == .notModified && r.body.readableBytes == 0)
                #expect(r.headers[.eTag] == tag)
            }
            try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: "W/\(tag), \"other\""]) { r in
                #expect(r.status == .notModified)
            }
            try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: "\"0000000000000000\""]) { r in
                #expect(r.status == .ok && r.headers[.eTag] == tag && r.body.readableBytes > 0)
            }
            try await client.execute(uri: uri + "&lang=ru", method: .get, headers: [.ifNoneMatch: tag]) { r in
                #expect(r.status == .ok && r.headers[.eTag] != tag)
            }
        }
    }

    @Test("an answer for an account is private and never answered from a tag a shared cache could hold")
    func accountsArePrivate() async throws {
        let (store, token) = try ServerFixture.storeWithAccount()
        try await ServerFixture.app(store: store).test(.router) { client in
            let uri = "/api/v1/studies/demo/waves"
            let open = try await client.execute(uri: uri, method: .get)
            let tag = try #require(open.headers[.eTag])
            try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(token)", .ifNoneMatch: tag]) { r in
                #expect(r.status == .ok && r.headers[.cacheControl] == "private, no-store" && r.body.readableBytes > 0)
            }
        }
    }
}
