import BarometerServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Polls
import Store
import Studies
import SurveyCore
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("JSON API")
struct APITests {
    @Test func studiesWavesConceptsAndOpenAPI() async throws {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/studies", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/json; charset=utf-8")
                let studies = try ServerFixture.json(r)["studies"] as? [[String: Any]]
                #expect(studies?.first?["slug"] as? String == "demo")
                #expect(studies?.first?["waves"] as? Int == 16)
            }
            try await client.execute(uri: "/api/v1/studies/demo/waves", method: .get) { r in
                let waves = try ServerFixture.json(r)["waves"] as? [[String: Any]]
                #expect(waves?.count == 16)
                #expect(waves?.last?["id"] as? String == "2024-autumn")
            }
            try await client.execute(uri: "/api/v1/studies/demo", method: .get) { r in
                let json = try ServerFixture.json(r)
                #expect((json["concepts"] as? [Any])?.count == ServerFixture.demo.study.concepts.count)
            }
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { r in
                let doc = try ServerFixture.json(r)
                #expect(doc["openapi"] as? String == "3.1.0")
                let paths = (doc["paths"] as? [String: Any])?.keys.sorted() ?? []
                #expect(paths.contains("/studies/{study}/trend") && paths.contains("/studies/{study}/analyze"))
            }
        }
    }

    @Test("the OpenAPI document names query parameters as the one table does")
    func openAPIUsesTheTableOfNames() async throws {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { r in
                var names = Set<String>()
                func visit(_ value: Any) {
                    if let object = value as? [String: Any] {
                        if object["in"] as? String == "query", let name = object["name"] as? String { names.insert(name) }
                        object.values.forEach(visit)
                    } else if let array = value as? [Any] {
                        array.forEach(visit)
                    }
                }
                visit(try ServerFixture.json(r))
                // The pages' own keys, and the poll database's (published toplines, not a survey request).
                let pageKeys: Set<String> = ["q", "chart", "format", "start", "end", "embargo-until", "question", "answer", "reference", "anchor", "population"]
                #expect(names.contains("ci-method") && names.contains("missing"))
                for name in names.subtracting(pageKeys) {
                    #expect(RequestParameter(rawValue: name)?.surfaces.contains(.query) == true, "\(name) is not a query parameter of the table")
                }
            }
        }
    }

    @Test("concepts are found by words in English, Russian and Kazakh", arguments: ["russia", "России", "Ресей", "military base", "база"])
    func conceptSearch(_ q: String) async throws {
        try await ServerFixture.app().test(.router) { client in
            let uri = "/api/v1/studies/demo/concepts?q=" + q.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            try await client.execute(uri: uri, method: .get) { r in
                let ids = (try ServerFixture.json(r)["concepts"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
                #expect(!ids.isEmpty, "\(q)")
                if q.contains("base") || q == "база" { #expect(ids.first == "russian_base") } else { #expect(ids.contains("opinion_russia")) }
            }
        }
    }

    @Test func codebookHasLabelsButNoData() async throws {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/studies/demo/waves/2022-autumn/codebook", method: .get) { r in
                #expect(r.status == .ok)
                let text = ServerFixture.text(r)
                let variables = try ServerFixture.json(r)["variables"] as? [[String: Any]] ?? []
                let opinion = try #require(variables.first { $0["name"] as? String == "opinion_russia" })
                #expect((opinion["values"] as? [Any])?.count == 6)
                #expect(!text.contains("\"count\"") && !text.contains("\"data\""))
            }
        }
    }

    @Test("trend and analyze give the numbers of the engine (as the CLI)")
    func sameNumbersAsTheEngine() async throws {
        let study = ServerFixture.demo.study
        let direct = try TrendAnalysis.run(AnalysisRequest.trend("opinion_russia", by: ["agegroup"], waves: ["2022-autumn"]), study: study) {
            let data = ServerFixture.demo.dataset(wave: $0.id)!
            return PreparedWave(dataset: data, design: try SurveyDesign($0.design, dataset: data))
        }
        let wave = study.wave("2019-spring")!
        let engine = try AnalysisEngine.run(
            AnalysisRequest(design: wave.design, measures: [Measure(.proportion, "russian_media")], by: ["sex"]), on: ServerFixture.demo.dataset(wave: wave.id)!)
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/studies/demo/trend?concept=opinion_russia&by=agegroup&waves=2022-autumn", method: .get) { r in
                #expect(r.status == .ok)
                let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(buffer: r.body))
                #expect(result.rows.count == direct.rows.count)
                for (a, b) in zip(result.rows, direct.rows) {
                    #expect(Set(a.domain.entries) == Set(b.domain.entries) && a.level == b.level)
                    #expect(a.estimate == b.estimate && a.standardError == b.standardError && a.ci == b.ci)
                }
                #expect(result.tests.count == 1)
            }
            try await client.execute(uri: "/api/v1/studies/demo/analyze?wave=2019-spring&variable=russian_media&by=sex", method: .get) { r in
                let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(buffer: r.body))
                #expect(result.rows.map(\.estimate) == engine.rows.map(\.estimate))
                #expect(result.rows.map(\.standardError) == engine.rows.map(\.standardError))
                #expect(result.provenance?.wave == "2019-spring")
            }
            let body = try JSONEncoder().encode(AnalysisRequest(design: DesignSpec(), measures: [Measure(.proportion, "russian_media")], by: ["sex"]))
            try await client.execute(uri: "/api/v1/studies/demo/analyze?wave=2019-spring", method: .post, body: ByteBuffer(data: body)) { r in
                #expect(r.status == .ok)
                let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(buffer: r.body))
                #expect(result.rows.map(\.estimate) == engine.rows.map(\.estimate))
            }
        }
    }

    @Test func differencesBetweenGroupsOnEveryPath() async throws {
        let wave = ServerFixture.demo.study.wave("2019-spring")!
        let engine = try AnalysisEngine.run(
            AnalysisRequest(design: wave.design, measures: [Measure(.proportion, "russian_media")], by: ["sex"], differences: DifferencesSpec()),
            on: ServerFixture.demo.dataset(wave: wave.id)!)
        let expected = engine.rows.filter { $0.statistic == .difference }
        #expect(!expected.isEmpty)
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/studies/demo/analyze?wave=2019-spring&variable=russian_media&by=sex&differences=true", method: .get) { r in
                #expect(r.status == .ok)
                let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(buffer: r.body))
                let rows = result.rows.filter { $0.statistic == .difference }
                #expect(rows.map(\.estimate) == expected.map(\.estimate))
                #expect(rows.map(\.standardError) == expected.map(\.standardError))
                #expect(rows.map { $0.difference?.pValue } == expected.map { $0.difference?.pValue })
            }
            try await client.execute(uri: "/api/v1/studies/demo/trend?concept=opinion_russia&by=agegroup&waves=2022-autumn&differences=true&reference=18–29".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!, method: .get) { r in
                #expect(r.status == .ok, "\(ServerFixture.text(r))")
                let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(buffer: r.body))
                let rows = result.rows.filter { $0.statistic == .difference }
                #expect(!rows.isEmpty)
                #expect(rows.allSatisfy { $0.difference?.reference["agegroup"] == "18–29" && $0.domain["wave"] == "2022-autumn" })
            }
            try await client.execute(uri: "/api/v1/studies/demo/analyze?wave=2019-spring&variable=russian_media&by=sex&differences=true&reference=nobody", method: .get) { r in
                #expect(r.status != .ok)
                let text = try ServerFixture.errorMessage(r)
                #expect(text.contains("reference=nobody is not a group of 'sex'; choose one of"), "\(text)")
            }
        }
    }

    @Test func chartAndCSV() async throws {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/studies/demo/chart.svg?concept=war_side&chart=trend&lang=kk", method: .get) { r in
                #expect(r.status == .ok && r.headers[.contentType] == "image/svg+xml; charset=utf-8")
                #expect(XMLParser(data: Data(buffer: r.body)).parse())
                #expect(ServerFixture.text(r).contains("Украинадағы соғыста"))
            }
            try await client.execute(uri: "/api/v1/studies/demo/trend.csv?concept=russian_base", method: .get) { r in
                #expect(ServerFixture.text(r).hasPrefix("variable,statistic"))
                #expect(r.headers[.contentDisposition]?.contains("attachment") == true)
            }
        }
    }

    @Test("errors are JSON with a status and one sentence", arguments: [
        ("/api/v1/studies/nope", 404, "No study 'nope'"),
        ("/api/v1/studies/demo/trend?concept=opinon_russia", 404, "did you mean 'opinion_russia'"),
        ("/api/v1/studies/demo/trend", 400, "names no concept"),
        ("/api/v1/studies/demo/trend?concept=opinion_russia&level=95", 400, "level=95 is not a confidence level"),
        ("/api/v1/studies/demo/trend?concept=opinion_russia&by=sex,agegroup,language", 422, "at most 2"),
        ("/api/v1/studies/demo/analyze?wave=2022-autumn&variable=sex&by=id", 403, "'id' is not a breakdown the public may use; by= takes agegroup"),
        ("/api/v1/studies/demo/analyze?variable=sex", 400, "names no wave"),
        ("/api/v1/studies/demo/analyze?wave=2099-spring&variable=sex", 404, "has no wave '2099-spring'"),
        ("/api/v1/studies/demo/analyze?wave=2022-autumn&variable=sex&filter=age%20%3E%2084", 403, "reads 'age', which is not a variable the public may filter on; filter= may use"),
        ("/api/v1/studies/demo/analyze?wave=2022-autumn&variable=opinion_russia&by=region&filter=language%20%3D%3D%201", 403, "some group of region × language has fewer than 30 respondents"),
        ("/api/v1/studies/demo/trend?concept=opinion_russia&ci-method=exact", 400, "ci-method=exact is not an interval method"),
        ("/api/v1/studies/demo/trend?concept=opinion_russia&ci=exact", 400, "ci-method=exact is not an interval method"),
        ("/api/v1/studies/demo/trend?concept=opinon_russia&lang=ru", 404, "listed at /api/v1/studies/STUDY/concepts"),
        ("/api/v1/studies/demo/analyze?wave=2022-autumn&mean=opinion_russia", 403, "not a variable the public may average"),
        ("/api/v1/studies/demo/analyze?wave=2022-autumn&variable=sex&filter=age%20%3E%3E", 422, "filter"),
    ])
    func errors(_ uri: String, _ status: Int, _ message: String) async throws {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { r in
                #expect(Int(r.status.code) == status, "\(uri): \(ServerFixture.text(r))")
                #expect(r.headers[.contentType] == "application/json; charset=utf-8")
                let text = try ServerFixture.errorMessage(r)
                #expect(text.contains(message), "\(uri): \(ServerFixture.text(r))")
            }
        }
    }

    @Test func badBodiesAreRefused() async throws {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/studies/demo/analyze?wave=2019-spring", method: .post, body: ByteBuffer(string: "{\"measures\": 3}")) { r in
                #expect(r.status == .badRequest)
                let text = try ServerFixture.errorMessage(r)
                #expect(text.contains("not a valid analysis request"))
            }
            let big = ByteBuffer(string: "{\"x\":\"" + String(repeating: "a", count: 100_000) + "\"}")
            try await client.execute(uri: "/api/v1/studies/demo/analyze?wave=2019-spring", method: .post, body: big) { r in
                #expect(r.status == .contentTooLarge)
            }
        }
    }

    @Test("small groups are never shown: a breakdown with a small group is refused, not half shown")
    func disclosureControl() async throws {
        try await ServerFixture.app(configuration: ServerConfiguration(minimumCellCount: 100)).test(.router) { client in
            try await client.execute(uri: "/api/v1/studies/demo/trend?concept=opinion_russia&by=ethnicity&waves=2022-autumn", method: .get) { r in
                #expect(r.status == .forbidden)
                let text = try ServerFixture.errorMessage(r)
                #expect(text.contains("some group of ethnicity has fewer than 100 respondents"), "\(text)")
            }
            try await client.execute(uri: "/api/v1/studies/demo/trend?concept=opinion_russia&by=sex&waves=2022-autumn", method: .get) { r in
                #expect(r.status == .ok)
            }
        }
    }

    @Test("embargoed waves need a token; uploads need a token")
    func embargoAndUploads() async throws {
        let (store, token) = try ServerFixture.storeWithAccount(embargoLast: true)
        try await ServerFixture.app(store: store).test(.router) { client in
            try await client.execute(uri: "/api/v1/studies/demo/waves", method: .get) { r in
                let json = try ServerFixture.json(r)
                #expect((json["waves"] as? [Any])?.count == 15)
            }
            try await client.execute(uri: "/api/v1/studies/demo/waves", method: .get, headers: [.authorization: "Bearer \(token)"]) { r in
                let json = try ServerFixture.json(r)
                #expect((json["waves"] as? [Any])?.count == 16)
            }
            try await client.execute(uri: "/api/v1/studies/demo/analyze?wave=2024-autumn&variable=sex", method: .get) { r in
                #expect(r.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/studies/demo/waves", method: .get, headers: [.authorization: "Bearer brm_wrong"]) { r in
                #expect(r.status == .unauthorized)
            }
            let csv = ByteBuffer(string: "sex,weight\n1,1\n2,1\n1,1\n")
            try await client.execute(uri: "/api/v1/studies/demo/waves/2025-spring?format=csv&start=2025-04-01&end=2025-05-01", method: .post, body: csv) { r in
                #expect(r.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/studies/demo/waves/2025-spring?format=csv&start=2025-04-01&end=2025-05-01&weight=weight",
                                     method: .post, headers: [.authorization: "Bearer \(token)"], body: csv) { r in
                #expect(r.status == .created, "\(ServerFixture.text(r))")
            }
        }
        #expect(try store.waves(study: "demo").count == 17)
    }

    @Test("the poll database and its average are public: listed and averaged through the API")
    func pollsAndTheirAverage() async throws {
        let store = try BarometerStore.inMemory(passwordIterations: 1_000)
        func poll(_ start: String, _ russia: Double, _ ukraine: Double) -> Poll {
            Poll(pollster: "Demoscope", fieldStart: CivilDay(start)!, fieldEnd: CivilDay(start)!.adding(9), sampleSize: 1_100, question: "war_side",
                 answers: [.init("Russia", share: russia), .init("Ukraine", share: ukraine)])
        }
        try store.importPolls([poll("2022-03-01", 39, 10), poll("2022-11-04", 13, 22), poll("2023-05-03", 12.8, 21.1)])
        try await ServerFixture.app(store: store).test(.router) { client in
            try await client.execute(uri: "/api/v1/polls?question=war_side", method: .get) { r in
                #expect(r.status == .ok)
                let json = try ServerFixture.json(r)
                // The five published polls of war_side every store starts with, and the three imported.
                #expect((json["polls"] as? [Any])?.count == 8)
            }
            try await client.execute(uri: "/api/v1/polls/average?question=war_side&answer=Russia", method: .get) { r in
                #expect(r.status == .ok, "\(ServerFixture.text(r))")
                let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(buffer: r.body))
                #expect(result.rows.first?.statistic == .pollAverage && result.rows.first?.domain["date"] == "2022-03-05")
                #expect(result.pollModels.count == 1)
                // The same numbers as the library (and so `barometer polls average`) on the store's polls.
                let expected = try PollAverage.result(try store.polls(question: "war_side").map(\.poll), question: "war_side", answers: ["Russia"])
                #expect(result.rows.map(\.estimate) == expected.rows.map(\.estimate))
                #expect(result.rows.map(\.standardError) == expected.rows.map(\.standardError))
            }
            // population= averages another population's polls: the November 2022 age group publishes no sample size.
            try await client.execute(uri: "/api/v1/polls/average?question=war_side&answer=Russia&population=adults+aged+18%E2%80%9329+in+Kazakhstan", method: .get) { r in
                #expect(r.status == .unprocessableContent)
                let message = try ServerFixture.errorMessage(r)
                #expect(message.contains("(1 more do not publish their sample size"))
            }
            // The published polls' questions have titles in the page's language.
            try await client.execute(uri: "/polls?lang=kk", method: .get) { r in
                let html = ServerFixture.text(r)
                #expect(html.contains(">ЕАЭО-ны қолдау</a>") && html.contains(">Украинадағы соғыста қай тарапты қолдайды</a>"))
            }
            // A question whose polls publish no sample size: the page lists them and says why there is no average.
            try await client.execute(uri: "/polls/eeu_support?lang=ru", method: .get) { r in
                let html = ServerFixture.text(r)
                #expect(r.status == .ok && html.contains("id=\"too-few\"") && html.contains("id=\"not-averaged\""))
            }
            try await client.execute(uri: "/api/v1/polls/average?question=war_side&reference=Gallup", method: .get) { r in
                #expect(r.status == .badRequest || r.status == .unprocessableContent)
                let message = try ServerFixture.errorMessage(r)
                #expect(message.contains("The reference pollster 'Gallup' has no poll"))
            }
        }
    }

    @Test func rateLimitAnswers429() async throws {
        try await ServerFixture.app(configuration: ServerConfiguration(requestsPerSecond: 0.001, burst: 2)).test(.router) { client in
            for _ in 0..<2 { try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) } }
            try await client.execute(uri: "/api/v1/studies", method: .get) { r in
                #expect(r.status == .tooManyRequests)
                #expect(r.headers[HTTPField.Name("Retry-After")!] == "1")
                let text = try ServerFixture.errorMessage(r)
                #expect(text.contains("Too many requests"))
            }
        }
    }
}
