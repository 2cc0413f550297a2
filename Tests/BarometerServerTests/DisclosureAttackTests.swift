import BarometerServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Store
import Studies
import SurveyCore
import Testing

/// The attack suite of the public server (README, "The public server"): every way we know to
/// recover one respondent's answers from public requests must fail, while a visitor's ordinary
/// questions keep working, and an account keeps full access.
@Suite("Disclosure: attacks on the public server fail, ordinary questions work")
struct DisclosureAttackTests {
    static let wave = "2022-autumn"

    /// A respondent of the demo wave: their id, age, region and sex codes.
    static let target: (id: Int, age: Double, region: Double, sex: Double) = {
        let data = ServerFixture.demo.dataset(wave: wave)!
        func values(_ name: String) -> [Double] {
            guard case .numeric(let v) = data.columns.first(where: { $0.name == name })?.values else { return [] }
            return v
        }
        let (ids, ages, regions, sexes) = (values("id"), values("age"), values("region"), values("sex"))
        return (Int(ids[16]), ages[16], regions[16], sexes[16])
    }()

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    /// Sends `uri` without an account and expects a refusal (403 or 4xx) whose body holds no
    /// estimate.
    static func expectRefused(_ client: some TestClientProtocol, _ uri: String, method: HTTPRequest.Method = .get, body: ByteBuffer? = nil,
                              sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await client.execute(uri: uri, method: method, body: body) { r in
            #expect((400..<500).contains(Int(r.status.code)), "\(uri) answered \(r.status.code): \(ServerFixture.text(r).prefix(300))", sourceLocation: sourceLocation)
            let text = ServerFixture.text(r)
            #expect(!text.contains("\"estimate\""), "\(uri) published estimates", sourceLocation: sourceLocation)
            #expect(!text.contains("<svg"), "\(uri) drew a chart", sourceLocation: sourceLocation)
        }
    }

    @Test("differencing by an identifier: id >= 0 against id != 17, as totals, means and weighted counts")
    func differencingByIdentifier() async throws {
        try await ServerFixture.app().test(.router) { client in
            for measure in ["total=age", "mean=age", "proportion=sex", "variable=opinion_russia"] {
                for filter in ["id >= 0", "id != \(Self.target.id)", "id == \(Self.target.id)"] {
                    try await Self.expectRefused(client, "/api/v1/studies/demo/analyze?wave=\(Self.wave)&\(measure)&filter=\(Self.encoded(filter))")
                }
            }
            // The identifier as a breakdown or a measure.
            try await Self.expectRefused(client, "/api/v1/studies/demo/analyze?wave=\(Self.wave)&variable=sex&by=id")
            try await Self.expectRefused(client, "/api/v1/studies/demo/analyze?wave=\(Self.wave)&mean=id")
            try await Self.expectRefused(client, "/api/v1/studies/demo/analyze?wave=\(Self.wave)&total=weight")
        }
    }

    @Test("differencing by a continuous variable: region and sex, against the same and age != A")
    func differencingByContinuousVariable() async throws {
        let t = Self.target
        let base = "region == \(Int(t.region)) and sex == \(Int(t.sex))"
        try await ServerFixture.app().test(.router) { client in
            for filter in ["\(base) and age != \(Int(t.age))", "\(base) and age == \(Int(t.age))", "age > 84", "age >= 18"] {
                for measure in ["mean=age", "total=age", "variable=opinion_russia"] {
                    try await Self.expectRefused(client, "/api/v1/studies/demo/analyze?wave=\(Self.wave)&\(measure)&filter=\(Self.encoded(filter))")
                }
            }
        }
    }

    @Test("rare combinations and trackers: (A or T) minus T, and fine cross-classifications")
    func rareCombinationsAndTrackers() async throws {
        let t = Self.target
        let small = "region == \(Int(t.region)) and sex == \(Int(t.sex)) and agegroup == 5 and education == 1"
        try await ServerFixture.app().test(.router) { client in
            for filter in [small, "(\(small)) or language == 1", "not (\(small))", "(\(small)) or sex == 1"] {
                try await Self.expectRefused(client, "/api/v1/studies/demo/analyze?wave=\(Self.wave)&variable=opinion_russia&filter=\(Self.encoded(filter))")
                try await Self.expectRefused(client, "/api/v1/studies/demo/trend?concept=opinion_russia&filter=\(Self.encoded(filter))")
            }
            // Breakdowns whose groups include rare categories.
            try await Self.expectRefused(client, "/api/v1/studies/demo/trend?concept=opinion_russia&by=ethnicity&waves=\(Self.wave)")
            try await Self.expectRefused(client, "/api/v1/studies/demo/analyze?wave=\(Self.wave)&variable=opinion_russia&by=region&by=education")
        }
    }

    @Test("every endpoint is guarded: trend, CSV, XLSX, chart, question page, embed, POST bodies")
    func everyEndpoint() async throws {
        let filter = Self.encoded("id != \(Self.target.id)")
        try await ServerFixture.app().test(.router) { client in
            try await Self.expectRefused(client, "/api/v1/studies/demo/trend?concept=opinion_russia&filter=\(filter)")
            try await Self.expectRefused(client, "/api/v1/studies/demo/trend.csv?concept=opinion_russia&filter=\(filter)")
            try await Self.expectRefused(client, "/api/v1/studies/demo/trend.xlsx?concept=opinion_russia&filter=\(filter)")
            try await Self.expectRefused(client, "/api/v1/studies/demo/chart.svg?concept=opinion_russia&filter=\(filter)")
            try await Self.expectRefused(client, "/studies/demo/concepts/opinion_russia?filter=\(filter)")
            try await Self.expectRefused(client, "/embed/studies/demo/concepts/opinion_russia?filter=\(filter)")
            try await Self.expectRefused(client, "/studies/demo/concepts/opinion_russia?by=id")
            // A body that replaces the design, estimates an identifier, or filters on one.
            let bodies: [AnalysisRequest] = [
                AnalysisRequest(design: DesignSpec(weights: "age"), measures: [Measure(.proportion, "sex")]),
                AnalysisRequest(measures: [Measure(.total, "age")], filter: "id != \(Self.target.id)"),
                AnalysisRequest(measures: [Measure(.mean, "id")]),
                AnalysisRequest(measures: [Measure(.proportion, "russia_reason1")]),
                AnalysisRequest.trend("opinion_russia", filter: "age == \(Int(Self.target.age))"),
            ]
            // Groups defined by the answers to a question (a crosstab's rows), told apart by a filter.
            var crosstab = AnalysisRequest(crosstab: CrosstabSpec(rows: "opinion_russia", columns: "opinion_china"))
            crosstab.filter = "sex == 1"
            for body in bodies + [crosstab] {
                try await Self.expectRefused(client, "/api/v1/studies/demo/analyze?wave=\(Self.wave)", method: .post,
                                             body: ByteBuffer(data: try JSONEncoder().encode(body)))
            }
        }
    }

    @Test("free text, weights and design variables are never published, not even in the codebook")
    func freeTextAndDesignVariables() async throws {
        try await ServerFixture.app().test(.router) { client in
            for variable in ["russia_reason1", "russia_reason2", "weight", "dweight", "stratum", "psu", "id", "age"] {
                try await Self.expectRefused(client, "/api/v1/studies/demo/analyze?wave=\(Self.wave)&variable=\(variable)")
            }
            // Shares of mentions: neither the typed answers nor coded columns the study has not
            // made public.
            for columns in ["russia_reason1,russia_reason2", "russia_reason1_code,russia_reason2_code", "russia_reason_domestic"] {
                for measure in ["mentions", "mentioned"] {
                    try await Self.expectRefused(client, "/api/v1/studies/demo/analyze?wave=\(Self.wave)&\(measure)=\(columns)")
                }
            }
            try await client.execute(uri: "/api/v1/studies/demo/waves/\(Self.wave)/codebook", method: .get) { r in
                #expect(r.status == .ok)
                let names = Set(((try ServerFixture.json(r))["variables"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
                #expect(names.contains("opinion_russia") && names.contains("agegroup"))
                for hidden in ["russia_reason1", "weight", "dweight", "stratum", "psu", "id"] { #expect(!names.contains(hidden), "\(hidden)") }
            }
        }
    }

    @Test("every published group rests on at least the minimum number of respondents")
    func publishedGroupsAreLarge() async throws {
        try await ServerFixture.app().test(.router) { client in
            for uri in ["/api/v1/studies/demo/trend?concept=opinion_russia&by=agegroup",
                        "/api/v1/studies/demo/analyze?wave=\(Self.wave)&variable=opinion_russia&by=language&filter=\(Self.encoded("sex == 'Female'"))"] {
                try await client.execute(uri: uri, method: .get) { r in
                    #expect(r.status == .ok, "\(uri): \(ServerFixture.text(r).prefix(300))")
                    let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(buffer: r.body))
                    var groups: [Domain: Int] = [:]
                    for row in result.rows where row.statistic == .proportion { groups[row.domain, default: 0] += row.unweightedCount }
                    #expect(!groups.isEmpty && groups.values.allSatisfy { $0 >= 30 }, "\(groups)")
                }
            }
        }
    }

    @Test("quantiles: the extremes of a group, or any quantile of age, would be one respondent's exact answer")
    func quantilesAreOneRespondentsAnswer() async throws {
        try await ServerFixture.app().test(.router) { client in
            for query in ["quantile=age", "quantile=age&probabilities=0.001,0.999", "quantile=age&by=sex&probabilities=0.5",
                          "quantile=id", "quantile=weight", "mean=age&quantile=age"] {
                try await Self.expectRefused(client, "/api/v1/studies/demo/analyze?wave=\(Self.wave)&\(query)")
            }
            try await client.execute(uri: "/api/v1/studies/demo/analyze?wave=\(Self.wave)&quantile=age&probabilities=0.99", method: .get) { r in
                #expect(r.status == .forbidden)
                #expect(ServerFixture.text(r).contains("single respondent's exact answer") || ServerFixture.text(r).contains("not a variable the public may average"),
                        "\(ServerFixture.text(r).prefix(300))")
            }
        }
    }

    @Test("a visitor's ordinary questions work: any concept by age group, language, region, sex; simple filters",
          arguments: ["agegroup", "language", "region", "sex"])
    func ordinaryQuestions(_ by: String) async throws {
        try await ServerFixture.app().test(.router) { client in
            for concept in ["opinion_russia", "opinion_china", "russian_base"] {
                try await client.execute(uri: "/api/v1/studies/demo/trend?concept=\(concept)&by=\(by)&waves=\(Self.wave)", method: .get) { r in
                    #expect(r.status == .ok, "\(concept) by \(by): \(ServerFixture.text(r).prefix(300))")
                }
            }
            // A simple filter, `+` for spaces as forms, curl --data-urlencode and Python requests
            // write it. (By region with a filter, some region × sex group is small: refused.)
            if by != "region" {
                try await client.execute(uri: "/api/v1/studies/demo/trend?concept=opinion_russia&by=\(by)&waves=\(Self.wave)&filter=sex+==+'Female'", method: .get) { r in
                    #expect(r.status == .ok, "\(ServerFixture.text(r).prefix(300))")
                }
            }
            try await client.execute(uri: "/studies/demo/concepts/opinion_russia?by=\(by)&lang=kk", method: .get) { r in
                #expect(r.status == .ok, "\(ServerFixture.text(r).prefix(300))")
            }
        }
    }

    @Test("a refused view says why in the page's language")
    func refusalsInThePagesLanguage() async throws {
        try await ServerFixture.app().test(.router) { client in
            try await client.execute(uri: "/studies/demo/concepts/opinion_russia?filter=\(Self.encoded("id != 17"))&lang=kk", method: .get) { r in
                #expect(r.status == .forbidden)
                let page = ServerFixture.text(r)
                #expect(page.contains("«id» ашық шолушыда қолжетімсіз") && page.contains("<html lang=\"kk\">"), "\(page.suffix(800))")
            }
            try await client.execute(uri: "/studies/demo/concepts/opinion_russia?by=region&filter=\(Self.encoded("language == 1"))&lang=ru", method: .get) { r in
                #expect(r.status == .forbidden)
                let page = ServerFixture.text(r)
                #expect(page.contains("какая-то группа по признакам region × language слишком мала"), "\(page.suffix(800))")
                #expect(!page.contains("fewer than"))
            }
        }
    }

    @Test("an account keeps full access (the policy applies to the public only)")
    func accountsHaveFullAccess() async throws {
        let (store, token) = try ServerFixture.storeWithAccount(username: "analyst", role: .editor)
        try await ServerFixture.app(store: store).test(.router) { client in
            let uri = "/api/v1/studies/demo/analyze?wave=\(Self.wave)&mean=age&filter=\(Self.encoded("id != \(Self.target.id)"))"
            try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(token)"]) { r in
                #expect(r.status == .ok, "\(ServerFixture.text(r).prefix(300))")
            }
            try await Self.expectRefused(client, uri)
            let quantiles = "/api/v1/studies/demo/analyze?wave=\(Self.wave)&quantile=age&probabilities=0.1,0.5,0.9"
            try await client.execute(uri: quantiles, method: .get, headers: [.authorization: "Bearer \(token)"]) { r in
                #expect(r.status == .ok, "\(ServerFixture.text(r).prefix(300))")
                #expect(ServerFixture.text(r).contains("\"quantile\""))
            }
            try await Self.expectRefused(client, quantiles)
        }
    }
}
