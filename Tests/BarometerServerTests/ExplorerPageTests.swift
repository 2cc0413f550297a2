import BarometerServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Explorer pages")
struct ExplorerPageTests {
    @Test func homeListsTheStudies() async throws {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { r in
                let html = ServerFixture.text(r)
                #expect(r.status == .ok && r.headers[.contentType] == "text/html; charset=utf-8")
                #expect(html.contains("<a class=\"study\" href=\"/studies/demo\">"))
                #expect(html.contains("simulated data"))
                #expect(r.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(r.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'none'") == true)
            }
        }
    }

    @Test func questionBrowserSearchesInKazakh() async throws {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/studies/demo?lang=kk&q=%D0%B1%D0%B0%D0%B7%D0%B0", method: .get) { r in
                let html = ServerFixture.text(r)
                #expect(html.contains("<html lang=\"kk\">"))
                #expect(html.contains("id=\"found\""))
                #expect(html.contains("/studies/demo/concepts/russian_base?lang=kk"))
                #expect(!html.contains("/studies/demo/concepts/opinion_china"))
            }
        }
    }

    @Test func questionPageHasChartTableControlsAndLinks() async throws {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/studies/demo/concepts/opinion_russia?by=agegroup&wave=2022-autumn", method: .get) { r in
                let html = ServerFixture.text(r)
                #expect(r.status == .ok, "\(html.prefix(500))")
                #expect(html.contains("<figure id=\"chart\""))
                #expect(html.components(separatedBy: "<svg").count - 1 == 2)
                #expect(html.contains("<select id=\"by\" name=\"by\">") && html.contains("<option value=\"agegroup\" selected>"))
                #expect(html.contains("<option value=\"2022-autumn\" selected>"))
                #expect(html.contains("<div id=\"estimates\">") && html.contains("<table>"))
                #expect(html.contains("18–29"))
                #expect(html.contains("id=\"download-csv\"") && html.contains("id=\"download-svg\""))
                #expect(html.contains("id=\"embed\"") && html.contains("&lt;iframe"))
                #expect(html.contains("Rao–Scott F"))
                #expect(html.contains("margin of error"))
            }
            try await client.execute(uri: "/studies/demo/concepts/opinion_russia?lang=ru", method: .get) { r in
                let html = ServerFixture.text(r)
                #expect(html.contains("<html lang=\"ru\">") && html.contains("Разбивка") && html.contains("Все волны (динамика)"))
            }
            try await client.execute(uri: "/embed/studies/demo/concepts/opinion_russia", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[HTTPField.Name("X-Frame-Options")!] == nil)
                #expect(!ServerFixture.text(r).contains("<form"))
            }
        }
    }

    @Test func errorsArePagesWithTheSentence() async throws {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/studies/demo/concepts/nothing", method: .get) { r in
                #expect(r.status == .notFound)
                #expect(ServerFixture.text(r).contains("has no question &#39;nothing&#39;"))
                #expect(r.headers[.contentType] == "text/html; charset=utf-8")
            }
            try await client.execute(uri: "/studies/demo/concepts/opinion_russia?by=id", method: .get) { r in
                #expect(r.status == .unprocessableContent)
                #expect(ServerFixture.text(r).contains("is not a breakdown of"))
            }
            try await client.execute(uri: "/studies/demo/concepts/opinion_russia?filter=%3Cscript%3E", method: .get) { r in
                #expect(!ServerFixture.text(r).contains("<script>alert") && !ServerFixture.text(r).contains("<script><"))
            }
        }
    }
}
