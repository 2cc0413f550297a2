import BarometerServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
import Testing

@Suite("staff sign-in: sessions, lockout, CSRF, full access and no caching")
struct StaffSessionTests {
    /// What a browser holds after opening the sign-in form: the pre-session cookie and the
    /// form's token.
    struct SignInForm {
        let preSession: String
        let token: String
    }

    static func cookie(_ name: String, in response: TestResponse) -> (value: String, attributes: String)? {
        for header in response.headers[values: .setCookie] where header.hasPrefix(name + "=") {
            let value = header.dropFirst(name.count + 1).prefix { $0 != ";" }
            return (String(value), header)
        }
        return nil
    }

    static func openForm(_ client: some TestClientProtocol, language: String = "en") async throws -> SignInForm {
        try await client.execute(uri: "/sign-in?lang=\(language)", method: .get) { r in
            #expect(r.status == .ok && r.headers[.cacheControl] == "private, no-store")
            let html = ServerFixture.text(r)
            let token = html.components(separatedBy: "name=\"csrf\" value=\"").dropFirst().first?.prefix(64) ?? ""
            return SignInForm(preSession: cookie("barometer_presession", in: r)?.value ?? "", token: String(token))
        }
    }

    static func post(_ client: some TestClientProtocol, _ uri: String, fields: [(String, String)], cookies: [String],
                     headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var components = URLComponents()
        components.queryItems = fields.map { URLQueryItem(name: $0.0, value: $0.1) }
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if !cookies.isEmpty { headers[.cookie] = cookies.joined(separator: "; ") }
        headers.append(contentsOf: extra)
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: components.percentEncodedQuery ?? ""))
    }

    static func signIn(_ client: some TestClientProtocol, username: String = "admin", password: String = "correct horse",
                       headers: HTTPFields = [:]) async throws -> TestResponse {
        let form = try await openForm(client)
        return try await post(client, "/sign-in", fields: [("csrf", form.token), ("username", username), ("password", password)],
                              cookies: ["barometer_presession=\(form.preSession)"], headers: headers)
    }

    static func session(_ response: TestResponse) -> String { cookie("barometer_session", in: response)?.value ?? "" }

    @Test("signing in sets an HttpOnly, SameSite=Strict session cookie (Secure behind TLS) and shows the staff header in the page's language")
    func signIn() async throws {
        let (store, _) = try ServerFixture.storeWithAccount()
        try await ServerFixture.app(store: store).test(.router) { client in
            let plain = try await Self.signIn(client)
            #expect(plain.status == .seeOther && plain.headers[.location] == "/")
            let attributes = Self.cookie("barometer_session", in: plain)?.attributes ?? ""
            #expect(attributes.contains("; HttpOnly") && attributes.contains("; SameSite=Strict") && attributes.contains("; Path=/"))
            #expect(!attributes.contains("Secure"))
            let tls = try await Self.signIn(client, headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            #expect(Self.cookie("barometer_session", in: tls)?.attributes.hasSuffix("; Secure") == true)

            let cookie = "barometer_session=\(Self.session(plain))"
            for (language, words) in [("en", "Signed in as admin"), ("ru", "Вы вошли как admin"), ("kk", "Сіз admin ретінде кірдіңіз")] {
                try await client.execute(uri: "/?lang=\(language)", method: .get, headers: [.cookie: cookie]) { r in
                    let html = ServerFixture.text(r)
                    #expect(html.contains(words) && html.contains("action=\"/sign-out"), "\(language)")
                    #expect(r.headers[.cacheControl] == "private, no-store")
                }
            }
            try await client.execute(uri: "/", method: .get) { r in
                #expect(!ServerFixture.text(r).contains("sign-out") && !ServerFixture.text(r).contains("Signed in"))
            }
        }
    }

    @Test("a wrong password and an unknown user get the same page; five failures lock the name for the right password too")
    func failuresAndLockout() async throws {
        let (store, _) = try ServerFixture.storeWithAccount()
        let clock = SettableClock()
        try await ServerFixture.app(store: store, now: { clock.now }).test(.router) { client in
            let form = try await Self.openForm(client, language: "ru")
            func attempt(_ username: String, _ password: String) async throws -> TestResponse {
                try await Self.post(client, "/sign-in?lang=ru", fields: [("csrf", form.token), ("username", username), ("password", password)],
                                    cookies: ["barometer_presession=\(form.preSession)"])
            }
            let wrong = try await attempt("admin", "wrong password"), unknown = try await attempt("nobody", "wrong password")
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(ServerFixture.text(wrong) == ServerFixture.text(unknown))
            #expect(ServerFixture.text(wrong).contains("Неверное имя пользователя или пароль"))
            #expect(Self.cookie("barometer_session", in: wrong) == nil)
            for _ in 0..<4 { _ = try await attempt("admin", "wrong password") }
            let locked = try await attempt("admin", "correct horse")
            #expect(locked.status == .unauthorized && ServerFixture.text(locked).contains("подождите 15 минут"))
            #expect(Self.cookie("barometer_session", in: locked) == nil)
            clock.now = clock.now.addingTimeInterval(BarometerStore.signInFailureWindow + 1)
            #expect(try await attempt("admin", "correct horse").status == .seeOther)
        }
    }

    @Test("a POST without the form's token, with another session's token, or from another site is refused 403 with a sentence")
    func csrf() async throws {
        let (store, _) = try ServerFixture.storeWithAccount()
        try await ServerFixture.app(store: store).test(.router) { client in
            let form = try await Self.openForm(client), other = try await Self.openForm(client)
            let fields = [("username", "admin"), ("password", "correct horse")]
            let cookies = ["barometer_presession=\(form.preSession)"]
            for response in [
                try await Self.post(client, "/sign-in", fields: fields, cookies: cookies),
                try await Self.post(client, "/sign-in", fields: fields + [("csrf", other.token)], cookies: cookies),
                try await Self.post(client, "/sign-in", fields: fields + [("csrf", form.token)], cookies: []),
                try await Self.post(client, "/sign-in", fields: fields + [("csrf", form.token)], cookies: cookies, headers: [.origin: "https://evil.example"]),
                try await Self.post(client, "/sign-in?lang=kk", fields: fields + [("csrf", form.token)], cookies: cookies,
                                    headers: [.referer: "https://evil.example/page"]),
            ] {
                #expect(response.status == .forbidden)
                #expect(ServerFixture.text(response).contains("The form was refused") || ServerFixture.text(response).contains("Пішін қабылданбады"))
                #expect(Self.cookie("barometer_session", in: response) == nil)
            }
            let session = Self.session(try await Self.signIn(client))
            let refused = try await Self.post(client, "/sign-out", fields: [("csrf", form.token)], cookies: ["barometer_session=\(session)"])
            #expect(refused.status == .forbidden)
            #expect(try store.session(session) != nil, "a refused sign-out leaves the session")
        }
    }

    @Test("signing out on one server ends the session on another sharing the store")
    func signOutEverywhere() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("barometer-staff-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try BarometerStore(directory: folder, passwordIterations: 1_000)
        try first.importStudy(slug: "demo", study: ServerFixture.demo.study, datasets: ServerFixture.datasets())
        try first.createAccount(username: "admin", password: "correct horse", role: .admin)
        let second = try BarometerStore(directory: folder, passwordIterations: 1_000)
        let session = try await ServerFixture.app(store: first).test(.router) { client in Self.session(try await Self.signIn(client)) }
        let cookie: HTTPFields = [.cookie: "barometer_session=\(session)"]
        let formToken = try await ServerFixture.app(store: second).test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: cookie) { r in
                let html = ServerFixture.text(r)
                #expect(html.contains("Signed in as admin"))
                return String(html.components(separatedBy: "name=\"csrf\" value=\"").dropFirst().first?.prefix(64) ?? "")
            }
        }
        try await ServerFixture.app(store: second).test(.router) { client in
            let out = try await Self.post(client, "/sign-out", fields: [("csrf", formToken)], cookies: ["barometer_session=\(session)"])
            #expect(out.status == .seeOther && Self.cookie("barometer_session", in: out)?.attributes.contains("Max-Age=0") == true)
        }
        try await ServerFixture.app(store: first).test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: cookie) { r in
                #expect(!ServerFixture.text(r).contains("Signed in as"))
            }
        }
    }

    @Test("a signed-in analyst sees the embargoed wave, privately and never from the cache; a forged cookie is the public's")
    func fullAccessNeverCached() async throws {
        let (store, _) = try ServerFixture.storeWithAccount(embargoLast: true)
        let uri = "/api/v1/studies/demo/analyze?wave=2024-autumn&variable=opinion_russia&by=sex"
        try await ServerFixture.app(store: store).test(.router) { client in
            let session = Self.session(try await Self.signIn(client))
            for _ in 0..<2 {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: "barometer_session=\(session)"]) { r in
                    #expect(r.status == .ok && r.headers[.cacheControl] == "private, no-store")
                }
                try await client.execute(uri: "/api/v1/studies/demo/waves", method: .get, headers: [.cookie: "barometer_session=\(session)"]) { r in
                    let waves = try ServerFixture.json(r)["waves"] as? [Any]
                    #expect(waves?.count == 16)
                }
            }
            try await client.execute(uri: uri, method: .get) { r in #expect(r.status == .notFound) }
            for forged in ["brs_" + String(repeating: "A", count: 43), String(session.dropLast()) + "x", "brm_whatever"] {
                try await client.execute(uri: "/api/v1/studies/demo/waves", method: .get, headers: [.cookie: "barometer_session=\(forged)"]) { r in
                    let waves = try ServerFixture.json(r)["waves"] as? [Any]
                    #expect(r.status == .ok && waves?.count == 15)
                }
            }
            // Uploads take a token, never the cookie (which another site's page could send).
            try await client.execute(uri: "/api/v1/studies/demo/waves/2025-spring?format=csv", method: .post,
                                     headers: [.cookie: "barometer_session=\(session)"], body: ByteBuffer(string: "sex\n1\n")) { r in
                #expect(r.status == .unauthorized)
            }
        }
    }
}
