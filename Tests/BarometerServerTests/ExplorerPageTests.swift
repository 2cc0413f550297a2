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

    @Test func questionPageShowsDifferencesBetweenGroups() async throws {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/studies/demo/concepts/opinion_russia?by=agegroup&wave=2022-autumn&differences=true", method: .get) { r in
                let html = ServerFixture.text(r)
                #expect(r.status == .ok, "\(html.prefix(500))")
                #expect(html.contains("<input type=\"checkbox\" id=\"differences\" name=\"differences\" value=\"true\" checked>"))
                #expect(html.contains("Differences between groups: "))
                #expect(html.contains("the covariance of the two groups counted"))
                #expect(html.contains("differences=true"), "the permalink keeps the switch")
                // 10 pairs of age groups × (6 answers and the net score): the verdicts name the largest significant
                // differences and count them all, rather than 70 sentences.
                let sentences = html.components(separatedBy: "the covariance of the two groups counted").count - 1
                #expect(sentences > 0 && sentences <= 6, "\(sentences) sentences on differences")
                #expect(html.contains(" of 70 differences between groups are larger than sampling error"))
            }
            // Without a breakdown the switch is ignored, not an error; unchecked, no differences.
            try await client.execute(uri: "/studies/demo/concepts/opinion_russia?differences=true", method: .get) { r in
                #expect(r.status == .ok)
                #expect(!ServerFixture.text(r).contains("Differences between groups: "))
            }
            try await client.execute(uri: "/studies/demo/concepts/opinion_russia?by=agegroup&wave=2022-autumn&lang=ru", method: .get) { r in
                let html = ServerFixture.text(r)
                #expect(html.contains("<input type=\"checkbox\" id=\"differences\" name=\"differences\" value=\"true\">Разности между группами"))
                #expect(!html.contains("Разности между группами: "))
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

    /// Words in Latin letters a Kazakh or Russian page may show: acronyms, names, the name of
    /// the English language in the switcher, and the study's own identifiers (in the filter
    /// example), source line and description (data: a publication's name), and what the
    /// visitor typed (an unknown question's id).
    static let latinAllowed: Set<String> = ["API", "CSV", "SVG", "XLSX", "English", "survey", "R", "n", "N", "p", "F", "PSU",
                                            "Central", "Asia", "Barometer", "PONARS", "Eurasia", "Policy", "Memo",
                                            "agegroup", "sex", "language", "region", "nothing"]

    @Test("every visible string of a Kazakh or Russian page is in its language", arguments: ["kk", "ru"])
    func pagesAreInTheirLanguage(_ language: String) async throws {
        let uris = ["/", "/studies/demo", "/studies/demo/concepts/opinion_russia", "/studies/demo/concepts/opinion_russia?by=agegroup",
                    "/studies/demo/concepts/opinion_russia?by=language&wave=2022-autumn", "/studies/demo/concepts/war_side?chart=diverging",
                    "/studies/demo/concepts/opinion_russia?missing=exclude&chart=trend", "/studies/demo/concepts/nothing"]
        try await ServerFixture.app().test(.router) { client in
            for uri in uris {
                try await client.execute(uri: uri + (uri.contains("?") ? "&" : "?") + "lang=\(language)", method: .get) { r in
                    let foreign = Self.visibleLatinWords(ServerFixture.text(r)).subtracting(Self.latinAllowed)
                    #expect(foreign.isEmpty, "\(uri) in \(language): \(foreign.sorted())")
                }
            }
        }
    }

    /// Latin-letter words of the text a visitor reads: element text and the title, aria-label,
    /// placeholder and alt attributes (not styles, scripts, links or the embed snippet).
    static func visibleLatinWords(_ page: String) -> Set<String> {
        var text = page
        for pattern in ["<style>[\\s\\S]*?</style>", "<script>[\\s\\S]*?</script>", "<textarea[\\s\\S]*?</textarea>", "<input id=\"permalink\"[^>]*>"] {
            text = text.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        var pieces: [String] = []
        let scanner = text as NSString
        for pattern in [">([^<]+)<", "(?:aria-label|title|placeholder|alt)=\"([^\"]*)\""] {
            let regex = try! NSRegularExpression(pattern: pattern)
            for match in regex.matches(in: text, range: NSRange(location: 0, length: scanner.length)) {
                pieces.append(scanner.substring(with: match.range(at: 1)))
            }
        }
        var words = Set<String>()
        for piece in pieces {
            let unescaped = piece.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            for word in unescaped.split(whereSeparator: { !($0.isASCII && $0.isLetter) }) where !word.isEmpty {
                words.insert(String(word))
            }
        }
        return words
    }
}
