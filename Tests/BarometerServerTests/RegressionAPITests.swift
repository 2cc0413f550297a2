import BarometerServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Store
import SurveyCore
import Testing

/// A design-based regression through the API (`analyze?model=`): the same request vocabulary
/// as the command line, and the public server's limits — published outcomes, breakdowns and
/// declared numeric predictors only, and every level of a categorical predictor crossed with
/// the filter holding enough respondents.
@Suite("Regression through the API")
struct RegressionAPITests {
    static let wave = "2022-autumn"

    static func uri(_ query: String) -> String {
        "/api/v1/studies/demo/analyze?wave=\(wave)&" + query
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    @Test("a public logistic model of a question on breakdowns")
    func publicModel() async throws {
        try await ServerFixture.app().test(.router) { client in
            let model = Self.encoded("opinion_russia ~ agegroup + sex + age")
            try await client.execute(uri: Self.uri("model=\(model)&family=binomial&odds-ratios=true"), method: .get) { r in
                #expect(r.status == .ok, "\(ServerFixture.text(r).prefix(400))")
                let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(buffer: r.body))
                #expect(result.rows.first?.variable == "(Intercept)")
                #expect(result.rows.allSatisfy { $0.statistic == .coefficient && $0.coefficient?.oddsRatio != nil })
                #expect(result.rows.contains { $0.variable == "age" })
                #expect(result.tests.contains { $0.description == "agegroup" })
            }
        }
    }

    @Test("attacks: an identifier, a weight or free text in the model, and a tiny domain, are refused")
    func attacks() async throws {
        let target = "region == 1 and sex == 1 and agegroup == 5 and education == 1"
        try await ServerFixture.app().test(.router) { client in
            for (model, extra) in [
                ("opinion_russia ~ id", "&family=binomial"),              // an identifier as predictor
                ("age ~ weight", ""),                                     // a design variable
                ("id ~ sex", ""),                                         // an identifier as outcome
                ("age ~ sex + region:education:agegroup", ""),            // a fine cross-classification
                ("opinion_russia ~ sex", "&family=binomial&filter=\(Self.encoded(target))"),   // a tiny domain
                ("age ~ sex", "&filter=\(Self.encoded("id != 17"))"),    // differencing by an identifier
            ] {
                try await client.execute(uri: Self.uri("model=\(Self.encoded(model))\(extra)"), method: .get) { r in
                    #expect((400..<500).contains(Int(r.status.code)), "\(model)\(extra) answered \(r.status.code): \(ServerFixture.text(r).prefix(300))")
                    #expect(!ServerFixture.text(r).contains("\"estimate\""), "\(model) published estimates")
                }
            }
        }
    }
}
