import BarometerServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
import Testing

@Suite("saved analyses in the explorer: saving a view, the list, permalinks, and 404 for the public")
struct SavedAnalysisPageTests {
    static let question = "/studies/demo/concepts/opinion_russia?by=sex&lang=ru"

    /// The save form's action and token on the question page of a signed-in analyst.
    static func saveForm(_ client: some TestClientProtocol, session: String) async throws -> (action: String, token: String) {
        try await client.execute(uri: question, method: .get, headers: [.cookie: "barometer_session=\(session)"]) { r in
            let html = ServerFixture.text(r)
            let form = html.components(separatedBy: "<form class=\"save\"").dropFirst().first ?? ""
            let action = form.components(separatedBy: "action=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""
            let token = form.components(separatedBy: "name=\"csrf\" value=\"").dropFirst().first?.prefix(64) ?? ""
            return (String(action).replacingOccurrences(of: "&amp;", with: "&"), String(token))
        }
    }

    @Test("a signed-in analyst saves the view under a name, finds it in /saved and opens its permalink with the table and the live view")
    func saveListOpen() async throws {
        let (store, _) = try ServerFixture.storeWithAccount()
        try await ServerFixture.app(store: store).test(.router) { client in
            let session = StaffSessionTests.session(try await StaffSessionTests.signIn(client))
            let cookie = "barometer_session=\(session)"
            let (action, token) = try await Self.saveForm(client, session: session)
            #expect(action.hasPrefix("/studies/demo/concepts/opinion_russia/save?") && action.contains("by=sex") && action.contains("lang=ru"))
            let saved = try await StaffSessionTests.post(client, action, fields: [("csrf", token), ("name", "Россия по полу")], cookies: [cookie])
            #expect(saved.status == .seeOther)
            let location = saved.headers[.location] ?? ""
            #expect(location.hasPrefix("/saved/") && location.hasSuffix("?lang=ru"))
            let id = String(location.dropFirst("/saved/".count).prefix { $0 != "?" })

            try await client.execute(uri: "/saved?lang=ru", method: .get, headers: [.cookie: cookie]) { r in
                let html = ServerFixture.text(r)
                #expect(r.status == .ok && r.headers[.cacheControl] == "private, no-store")
                #expect(html.contains("Сохранённые анализы") && html.contains("Россия по полу") && html.contains("<td>admin</td>"))
                // The study by its title in the page's language, linking to it, not by its slug.
                #expect(html.contains("<a href=\"/studies/demo?lang=ru\">Казахстан и Россия: барометр мнений 2017–2024 (смоделированные данные)</a>"))
                #expect(html.contains("href=\"/saved/\(id)?lang=ru\""))
            }
            try await client.execute(uri: location, method: .get, headers: [.cookie: cookie]) { r in
                let html = ServerFixture.text(r)
                #expect(r.status == .ok && r.headers[.cacheControl] == "private, no-store")
                #expect(html.contains("<h1>Россия по полу</h1>") && html.contains("id=\"estimates\"") && html.contains("<table"))
                #expect(html.contains("Казахстан и Россия: барометр мнений"))
                #expect(html.contains("id=\"live\" href=\"/studies/demo/concepts/opinion_russia/save?") == false)
                #expect(html.contains("id=\"live\" href=\"/studies/demo/concepts/opinion_russia?"))
            }
            #expect(try store.analysis(id: id).savedBy == "admin")

            // The public: 404 at every staff address, as at one that does not exist; no save form.
            for (uri, nowhere) in [("/saved", "/no-such-page"), ("/saved/\(id)", "/no-such-page"), (location, "/no-such-page?lang=ru")] {
                let unknown = try await client.execute(uri: nowhere, method: .get)
                try await client.execute(uri: uri, method: .get) { r in
                    #expect(r.status == .notFound && String(buffer: r.body) == String(buffer: unknown.body), "\(uri)")
                }
            }
            try await client.execute(uri: "/saved/0000", method: .get, headers: [.cookie: cookie]) { r in #expect(r.status == .notFound) }
            try await client.execute(uri: Self.question, method: .get) { r in #expect(!ServerFixture.text(r).contains("class=\"save\"")) }
            let anonymous = try await StaffSessionTests.post(client, action, fields: [("csrf", token), ("name", "x")], cookies: [])
            #expect(anonymous.status == .notFound)
        }
        #expect(try store.namedAnalyses().count == 1)
    }

    @Test("saving without the session's token is refused 403; without a name, 400 with a sentence in the page's language")
    func refusals() async throws {
        let (store, _) = try ServerFixture.storeWithAccount()
        try await ServerFixture.app(store: store).test(.router) { client in
            let session = StaffSessionTests.session(try await StaffSessionTests.signIn(client))
            let cookie = "barometer_session=\(session)"
            let (action, token) = try await Self.saveForm(client, session: session)
            let forged = try await StaffSessionTests.post(client, action, fields: [("csrf", String(repeating: "0", count: 64)), ("name", "x")], cookies: [cookie])
            #expect(forged.status == .forbidden)
            let foreign = try await StaffSessionTests.post(client, action, fields: [("csrf", token), ("name", "x")], cookies: [cookie],
                                                           headers: [.origin: "https://evil.example"])
            #expect(foreign.status == .forbidden)
            let unnamed = try await StaffSessionTests.post(client, action, fields: [("csrf", token), ("name", "  ")], cookies: [cookie])
            #expect(unnamed.status == .badRequest && ServerFixture.text(unnamed).contains("Название сохраняемого вида пустое"))
        }
        #expect(try store.namedAnalyses().isEmpty)
    }
}
