import Foundation
import SurveyCore
import Testing

/// Differences between the groups of one sample (`differences`, `reference`): the request
/// names, the engine's rows and errors, and the JSON of the result.
@Suite("Differences between groups of one sample")
struct GroupDifferenceTests {
    private func request(by: [String] = ["region"], reference: String? = nil, measures: [Measure] = [Measure(.mean, "age")]) -> AnalysisRequest {
        AnalysisRequest(design: design(), measures: measures, by: by, differences: DifferencesSpec(reference: reference))
    }

    @Test func queryParametersBecomeTheRequest() throws {
        let r = try RequestParameters(pairs: [("mean", "age"), ("by", "region"), ("differences", "true"), ("reference", "South")], surface: .query).request()
        #expect(r.differences == DifferencesSpec(reference: "South"))
        let off = try RequestParameters(pairs: [("mean", "age"), ("by", "region"), ("differences", "false")], surface: .query).request()
        #expect(off.differences == nil)
        do {
            _ = try RequestParameters(pairs: [("mean", "age"), ("by", "region"), ("reference", "South")], surface: .query).request()
            Issue.record("reference without differences was accepted")
        } catch {
            #expect(error.field == .reference)
            #expect(error.message(for: .query).contains("reference=South names the group to compare the others with, but the request asks for no differences; add differences=true"))
        }
        #expect(throws: SurveyError.self) {
            try RequestParameters(pairs: [("mean", "age"), ("differences", "maybe")], surface: .query).request()
        }
    }

    /// Groups that are strata share no PSU, so their estimates do not covary: the SE of the
    /// difference is then √(SE₁² + SE₂²).
    @Test func strataAreIndependent() throws {
        let result = try AnalysisEngine.run(request(), on: try smallSample())
        let means = result.rows.filter { $0.statistic == .mean }
        let row = try #require(result.rows.first { $0.statistic == .difference })
        #expect(row.domain["region"] == "North − South")
        let north = try #require(means.first { $0.domain["region"] == "North" }), south = try #require(means.first { $0.domain["region"] == "South" })
        #expect(isClose(row.estimate!, north.estimate! - south.estimate!))
        #expect(isClose(row.standardError!, (pow(north.standardError!, 2) + pow(south.standardError!, 2)).squareRoot()))
        #expect(row.degreesOfFreedom == result.design.degreesOfFreedom)
        #expect(row.difference?.groupRespondents == 6 && row.difference?.referenceRespondents == 6)
    }

    /// Groups that cut across PSUs covary: a proportion by answer inside PSUs.
    @Test func everyLevelOfAProportionAndTheReference() throws {
        let data = try smallSample()
        let result = try AnalysisEngine.run(request(by: ["answer"], reference: "yes", measures: [Measure(.proportion, "region")]), on: data)
        let differences = result.rows.filter { $0.statistic == .difference }
        #expect(differences.map { "\($0.domain["answer"]!)|\($0.level!)" } == ["dk − yes|North", "dk − yes|South", "no − yes|North", "no − yes|South"])
        for row in differences {
            let share = { (group: String) in result.rows.first { $0.statistic == .proportion && $0.domain["answer"] == group && $0.level == row.level }!.estimate! }
            let groups = row.domain["answer"]!.components(separatedBy: " − ")
            #expect(isClose(row.estimate!, share(groups[0]) - share(groups[1])))
            #expect(row.difference?.of == .proportion)
        }
    }

    @Test func badRequestsAreRefusedWithOneSentence() throws {
        let data = try smallSample()
        let two = failure(request(by: ["region", "answer"]), on: data)
        #expect(two?.field == .differences)
        #expect(two?.message == "--differences compares the groups of one breakdown, but the request has 2 (region, answer); name exactly one with --by region.")
        let none = failure(request(by: []), on: data)
        #expect(none?.message.contains("but the request has none") == true)
        let reference = failure(request(reference: "East"), on: data)
        #expect(reference?.field == .reference)
        #expect(reference?.message == "--reference East is not a group of 'region'; choose one of 'North', 'South'.")
        let mentions = failure(request(measures: [.mentions(.mentioned, columns: ["answer"])]), on: data)
        #expect(mentions?.field == .differences)
    }

    @Test func jsonKeepsTheGroupsAndOmitsThemElsewhere() throws {
        let result = try AnalysisEngine.run(request(), on: try smallSample())
        let data = try JSONEncoder().encode(result)
        let decoded = try JSONDecoder().decode(AnalysisResult.self, from: data)
        #expect(decoded.rows == result.rows)
        #expect(decoded.request?.differences == DifferencesSpec())
        let plain = try AnalysisEngine.run(AnalysisRequest(design: design(), measures: [Measure(.mean, "age")], by: ["region"]), on: try smallSample())
        let text = String(decoding: try JSONEncoder().encode(plain), as: UTF8.self)
        #expect(!text.contains("\"difference\""))
        #expect(!text.contains("\"differences\""))
    }

    /// `a` equals `b` to a relative 1e-12 (absolute below 1).
    private func isClose(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-12 * max(abs(a), abs(b), 1)
    }
}
