import SurveyCore
import Testing
import TextCoding

@Suite("Reliability of coders as result rows")
struct CoderReliabilityTests {
    /// Two coders, eight answers scored 1–4, the last scored by one coder only.
    static let scores = CodingSheet(
        name: "scores", coders: ["a", "b"], units: (1...8).map { "u\($0)" },
        texts: [["1", "1"], ["2", "2"], ["3", "4"], ["4", "4"], ["2", "1"], ["3", "3"], ["1", "1"], ["4", nil]], separator: nil)

    static let quick = ReliabilityBootstrap(replicates: 200, seed: 5, confidenceLevel: 0.9)

    @Test("one code per unit: alpha, Cohen's κ in three weightings for ordered codes, Fleiss' κ and agreement, each with a bootstrap interval")
    func ordinalRows() throws {
        let result = try CoderReliability.analyse(Self.scores, measurement: .ordinal, bootstrap: Self.quick)
        #expect(result.rows.map(\.statistic) == [.krippendorffAlpha, .cohenKappa, .cohenKappa, .cohenKappa, .fleissKappa, .percentAgreement])
        #expect(result.rows.compactMap(\.level) == ["unweighted", "linear", "quadratic"])
        #expect(result.rows.allSatisfy { $0.variable == "scores" && $0.unweightedCount == 7 && $0.code == nil })
        #expect(result.rows.allSatisfy { $0.ci?.method == .bootstrap && $0.ci?.level == 0.9 && $0.standardError != nil })
        let units: [[Double?]] = [[1, 1], [2, 2], [3, 4], [4, 4], [2, 1], [3, 3], [1, 1], [4, nil]]
        #expect(agrees(result.rows[0].estimate, try #require(KrippendorffAlpha(units, metric: .ordinal).alpha)))
        #expect(agrees(result.rows[2].estimate, try #require(CohenKappa(units.map { ($0[0], $0[1]) }, weights: .linear).kappa)))
        #expect(agrees(result.rows[5].estimate, 5.0 / 7.0))
        #expect(result.reliability == ReliabilitySummary(coders: ["a", "b"], units: 8, pairableUnits: 7, measurement: "ordinal",
                                                         perCode: false, replicates: 200, seed: 5))
        #expect(result.warnings == ["1 of 8 units was coded by fewer than two coders and is left out of every statistic."])
    }

    @Test("nominal codes with two coders: Cohen's κ unweighted only; text codes are fine")
    func nominalText() throws {
        let sheet = CodingSheet(name: "why", coders: ["a", "b"], units: ["1", "2", "3", "4"],
                                texts: [["war", "war"], ["economy", "economy"], ["history", "war"], ["economy", "economy"]], separator: ";")
        let result = try CoderReliability.analyse(sheet, measurement: .nominal, bootstrap: Self.quick)
        #expect(result.rows.filter { $0.statistic == .cohenKappa }.map(\.level) == ["unweighted"])
        #expect(result.reliability?.perCode == false)
    }

    @Test("units with different numbers of codes: no Fleiss' κ, and a warning says why")
    func fleissLeftOut() throws {
        let sheet = CodingSheet(name: "q", coders: ["a", "b", "c"], units: ["1", "2", "3", "4"],
                                texts: [["1", "1", "1"], ["2", "2", nil], ["1", "2", "2"], ["2", "2", "2"]], separator: nil)
        let result = try CoderReliability.analyse(sheet, measurement: .nominal, bootstrap: Self.quick)
        #expect(!result.rows.contains { $0.statistic == .fleissKappa || $0.statistic == .cohenKappa })
        #expect(result.warnings.contains { $0.hasPrefix("Fleiss' kappa is not reported: the units coded by two coders or more have 2 to 3 codes") })
    }

    @Test("several codes per unit: each code is a 0/1 variable per coder, missing where the coder did not code the unit")
    func perCode() throws {
        let sheet = CodingSheet(
            name: "why", coders: ["a", "b", "c"], units: ["1", "2", "3", "4", "5", "6"],
            texts: [["economy; history", "economy", "economy;history"], ["war", "war", nil], ["war;economy", "war", "war"],
                    ["history", "history", "history"], ["economy", "economy;war", "economy"], [nil, "war", "war"]],
            separator: ";")
        let result = try CoderReliability.analyse(sheet, measurement: .nominal, bootstrap: Self.quick)
        #expect(result.reliability?.perCode == true)
        let alphas = result.rows.filter { $0.statistic == .krippendorffAlpha }
        #expect(alphas.map(\.code) == ["economy", "history", "war"] && alphas.map(\.level) == ["economy", "history", "war"])
        let economy: [[Double?]] = [[1, 1, 1], [0, 0, nil], [1, 0, 0], [0, 0, 0], [1, 1, 1], [nil, 0, 0]]
        #expect(agrees(alphas[0].estimate, try #require(KrippendorffAlpha(economy, metric: .nominal).alpha)))
        // Three coders, so no Cohen's κ; units have 2 or 3 coders, so no Fleiss' κ (one warning for all codes).
        #expect(Set(result.rows.map(\.statistic)) == [.krippendorffAlpha, .percentAgreement])
        #expect(result.warnings.filter { $0.hasPrefix("Fleiss' kappa") }.count == 1)
        let agreement = try #require(result.rows.first { $0.statistic == .percentAgreement && $0.code == "economy" })
        #expect(agrees(agreement.estimate, try #require(KrippendorffAlpha(economy, metric: .nominal).percentAgreement)))
    }

    @Test("per code with two coders: Fleiss' and Cohen's κ of each code's 0/1 variable")
    func perCodeKappas() throws {
        let sheet = CodingSheet(name: "why", coders: ["a", "b"], units: ["1", "2", "3", "4"],
                                texts: [["1;2", "1"], ["2", "2"], ["1", "1;2"], ["2", "2"]], separator: ";")
        let result = try CoderReliability.analyse(sheet, measurement: .nominal, bootstrap: Self.quick)
        let one: [[Double?]] = [[1, 1], [0, 0], [1, 1], [0, 0]]
        let cohen = result.rows.filter { $0.statistic == .cohenKappa }
        #expect(cohen.map(\.code) == ["1", "2"] && agrees(cohen[0].estimate, 1))
        let fleiss = try #require(result.rows.first { $0.statistic == .fleissKappa && $0.code == "1" })
        #expect(agrees(fleiss.estimate, try #require(FleissKappa(one).kappa)))
    }

    @Test("a coding that cannot be analysed says what is wrong, as data")
    func inputErrors() {
        #expect(throws: CoderReliability.InputError.nonNumericCode(unit: "u2", coder: "b", code: "two", measurement: .interval)) {
            try CoderReliability.analyse(CodingSheet(name: "q", coders: ["a", "b"], units: ["u1", "u2"],
                                                     texts: [["1", "1"], ["2", "two"]], separator: nil), measurement: .interval)
        }
        #expect(throws: CoderReliability.InputError.severalCodesNeedNominal(unit: "u1", coder: "a", codes: ["1", "2"], measurement: .ordinal)) {
            try CoderReliability.analyse(CodingSheet(name: "q", coders: ["a", "b"], units: ["u1", "u2"],
                                                     texts: [["1;2", "1"], ["2", "2"]], separator: ";"), measurement: .ordinal)
        }
        #expect(throws: CoderReliability.InputError.noUnitCodedTwice) {
            try CoderReliability.analyse(CodingSheet(name: "q", coders: ["a", "b"], units: ["u1", "u2"],
                                                     texts: [["1", nil], [nil, "2"]], separator: nil), measurement: .nominal)
        }
        #expect(throws: CoderReliability.InputError.fewerThanTwoCoders(1)) {
            try CoderReliability.analyse(CodingSheet(name: "q", coders: ["a"], units: ["u1"], texts: [["1"]], separator: nil), measurement: .nominal)
        }
    }

    @Test("replicates where alpha is undefined are named in a warning with their count")
    func undefinedWarning() throws {
        let sheet = CodingSheet(name: "q", coders: ["a", "b"], units: ["1", "2", "3", "4"],
                                texts: [["1", "1"], ["1", "1"], ["1", "1"], ["1", "2"]], separator: nil)
        let result = try CoderReliability.analyse(sheet, measurement: .nominal, bootstrap: ReliabilityBootstrap(replicates: 400))
        let units: [[Double?]] = [[1, 1], [1, 1], [1, 1], [1, 2]]
        let interval = ReliabilityBootstrap(replicates: 400).interval(units: 4) { drawn in
            KrippendorffAlpha(drawn.map { units[$0] }, metric: .nominal).alpha
        }
        #expect(interval.undefined > 0)
        #expect(result.warnings.contains("Krippendorff's alpha of 'q' is undefined in \(interval.undefined) of 400 bootstrap resamples (no disagreement to expect, or no unit coded twice); its interval comes from the other \(interval.defined)."), "\(result.warnings)")
    }

    @Test("cells split at the separator: spaces trimmed, empty pieces and repeats dropped; numbers sort before text")
    func sheetCells() {
        let sheet = CodingSheet(name: "q", coders: ["a", "b"], units: ["1", "2"],
                                texts: [[" 10 ; 2;;2 ", ""], ["economy", "  "]], separator: ";")
        #expect(sheet.cells == [[["10", "2"], []], [["economy"], []]])
        #expect(sheet.codes == ["2", "10", "economy"])
        #expect(sheet.hasSeveralCodesPerUnit)
    }
}
