import Foundation
import Studies
import SurveyCore
import SurveyIO
import Testing
import Weighting

@Suite("Trends across waves")
struct TrendAnalysisTests {
    /// The rows of one wave and statistic.
    func rows(_ result: AnalysisResult, wave: String, _ statistic: Statistic = .proportion) -> [ResultRow] {
        result.rows.filter { $0.domain["wave"] == wave && $0.statistic == statistic }
    }

    @Test("each wave equals the core estimator on that wave's file, weighting included")
    func wavesEqualTheCoreEstimator() throws {
        let result = try StudyFixture.trend(AnalysisRequest.trend("opinion"))
        let folder = try StudyFixture.folder()
        for wave in folder.study.waves {
            let mapping = folder.study.concept("opinion")!.mapping(wave: wave.id)!
            let data = try folder.prepared(wave)
            let direct = try AnalysisEngine.run(
                AnalysisRequest(design: wave.design, measures: [Measure(.proportion, mapping.variable)]), on: data.dataset, design: data.design)
            let trend = rows(result, wave: wave.id)
            #expect(trend.count == 5, "\(wave.id): every level, an empty one as 0")
            for row in direct.rows {
                let code = mapping.codes[row.code!]!!
                let match = try #require(trend.first { $0.code == code }, "\(wave.id) \(code)")
                #expect(abs(match.estimate! - row.estimate!) < 1e-12)
                #expect(abs(match.standardError! - row.standardError!) < 1e-12)
                #expect(abs(match.ci!.lower! - row.ci!.lower!) < 1e-12)
            }
        }
        // Wave 3 is raked to its targets: 54% women.
        let w3 = try StudyFixture.folder().prepared(try StudyFixture.folder().study.wave("w3")!)
        #expect(w3.design.weightAdjustments.first?.hasPrefix("raked to 1 margin") == true)
        #expect(result.waves.map(\.id) == ["w1", "w2", "w3"])
        #expect(result.waves[2].design.weighting.count == 1)
    }

    @Test("an empty level is reported as 0 with no interval")
    func emptyLevel() throws {
        let result = try StudyFixture.trend(AnalysisRequest.trend("opinion"))
        let empty = try #require(rows(result, wave: "w1").first { $0.code == "very_unfavourable" })
        #expect(empty.estimate == 0 && empty.standardError == 0 && empty.ci == nil && empty.unweightedCount == 0)
        #expect(empty.level == "Very unfavourable")
    }

    @Test("net score: share positive minus share negative, with the SE of the mean of the score")
    func netScore() throws {
        let result = try StudyFixture.trend(AnalysisRequest.trend("opinion"))
        for wave in ["w1", "w2", "w3"] {
            let p = rows(result, wave: wave)
            let positive = p.filter { $0.code!.hasSuffix("_favourable") && !$0.code!.contains("unfav") }.map { $0.estimate! }.reduce(0, +)
            let negative = p.filter { $0.code!.contains("unfavourable") }.map { $0.estimate! }.reduce(0, +)
            let net = try #require(rows(result, wave: wave, .netScore).first)
            #expect(abs(net.estimate! - (positive - negative)) < 1e-12)
            #expect(net.standardError! > 0)
        }
        let without = try StudyFixture.trend(AnalysisRequest.trend("opinion", netScore: false))
        #expect(!without.rows.contains { $0.statistic == .netScore })
    }

    @Test("differences between groups in every wave: each level and the net score, with the groups' own estimates; no change of them")
    func differencesBetweenGroups() throws {
        var request = AnalysisRequest.trend("opinion", by: ["sex"], changes: .consecutive)
        request.differences = DifferencesSpec()
        let result = try StudyFixture.trend(request)
        for wave in ["w1", "w2", "w3"] {
            let differences = rows(result, wave: wave, .difference)
            // Levels someone in the wave chose (an empty level is no category of the wave's data).
            let levels = Set(rows(result, wave: wave).filter { $0.unweightedCount > 0 }.compactMap(\.code)).count
            #expect(differences.count == levels + 1, "\(wave): one per level and the net score")
            for row in differences {
                let d = try #require(row.difference)
                #expect(d.group["wave"] == wave && d.reference["wave"] == wave)
                let statistic: Statistic = d.of == .netScore ? .netScore : .proportion
                let a = try #require(result.rows.first { $0.statistic == statistic && $0.domain == d.group && $0.level == row.level })
                let b = try #require(result.rows.first { $0.statistic == statistic && $0.domain == d.reference && $0.level == row.level })
                #expect(abs(row.estimate! - (a.estimate! - b.estimate!)) <= 1e-12)
                #expect(abs(d.groupEstimate! - a.estimate!) <= 1e-12)
                #expect(row.domain["sex"] == "\(a.domain["sex"]!) − \(b.domain["sex"]!)")
            }
        }
        #expect(!result.comparisons.contains { $0.domain["sex"]?.contains("−") == true })
        #expect(!result.comparisons.isEmpty)
    }

    @Test("changes are differences of independent samples: √(SE₁² + SE₂²), z test")
    func changes() throws {
        let result = try StudyFixture.trend(AnalysisRequest.trend("opinion", changes: .consecutive))
        #expect(Set(result.comparisons.map { "\($0.from):\($0.to)" }) == ["w1:w2", "w2:w3"])
        for c in result.comparisons where c.statistic == .proportion {
            let a = try #require(rows(result, wave: c.from).first { $0.level == c.level })
            let b = try #require(rows(result, wave: c.to).first { $0.level == c.level })
            #expect(abs(c.difference - (b.estimate! - a.estimate!)) < 1e-15)
            let se = (a.standardError! * a.standardError! + b.standardError! * b.standardError!).squareRoot()
            #expect(abs(c.standardError - se) < 1e-15)
            let p = 2 * NormalDistribution.cdf(-abs(c.difference) / se)
            #expect(abs(c.pValue - p) < 1e-15)
            #expect(abs(c.ci.lower! - (c.difference - 1.959963984540054 * se)) < 1e-12)
        }
        let pair = try StudyFixture.trend(AnalysisRequest.trend("opinion", changes: .pairs([["w1", "w3"]])))
        #expect(Set(pair.comparisons.map(\.to)) == ["w3"])
        #expect(pair.comparisons.contains { $0.statistic == .netScore })
    }

    @Test("collapsed levels are the sums of their members; --levels keeps only some")
    func collapseAndLevels() throws {
        let plain = try StudyFixture.trend(AnalysisRequest.trend("opinion", netScore: false))
        let groups = [TrendSpec.LevelGroup(parsing: "favourable=very_favourable+Somewhat favourable")!]
        let collapsed = try StudyFixture.trend(AnalysisRequest.trend("opinion", levels: ["favourable"], collapse: groups, netScore: false))
        for wave in ["w1", "w2", "w3"] {
            let sum = rows(plain, wave: wave).filter { ["very_favourable", "somewhat_favourable"].contains($0.code!) }.map { $0.estimate! }.reduce(0, +)
            let fav = rows(collapsed, wave: wave)
            #expect(fav.count == 1 && fav[0].code == "favourable")
            #expect(abs(fav[0].estimate! - sum) < 1e-12)
        }
    }

    @Test("breakdowns, filters and --exclude-missing pass through to every wave")
    func breakdownsAndMissing() throws {
        let result = try StudyFixture.trend(AnalysisRequest.trend(
            "opinion", by: ["sex"], filter: "age != '18-34'", options: AnalysisOptions(missing: .exclude)))
        #expect(!result.rows.contains { $0.code == "dont_know" })
        #expect(Set(result.rows.compactMap { $0.domain["sex"] }) == ["F", "M"])
        let women = rows(result, wave: "w1").filter { $0.domain["sex"] == "F" }.map { $0.estimate! }.reduce(0, +)
        #expect(abs(women - 1) < 1e-12)
    }

    @Test("mistakes are one sentence naming the concept, wave, variable or code", arguments: [
        (AnalysisRequest.trend("opinon"), "no concept 'opinon'; did you mean 'opinion'?"),
        (AnalysisRequest.trend("opinion", levels: ["great"]), "'great' is not a level of 'opinion'"),
        (AnalysisRequest.trend("opinion", waves: ["w9"]), "no wave 'w9'"),
        (AnalysisRequest.trend("opinion", changes: .pairs([["w1", "w7"]])), "names the wave 'w7'"),
        (AnalysisRequest.trend("opinion", by: ["region"]), "Wave 'w1': "),
        (AnalysisRequest.trend("opinion", collapse: [.init(name: "x", members: ["nope"])]), "The group 'x' names 'nope'"),
    ])
    func mistakes(_ request: AnalysisRequest, _ expected: String) {
        do {
            _ = try StudyFixture.trend(request)
            Issue.record("expected an error containing \(expected)")
        } catch let error as SurveyError {
            #expect(error.message.contains(expected), "\(error.message)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("a code the concept does not map, or a variable a wave lacks, is named")
    func validation() throws {
        let folder = try StudyFixture.folder()
        var study = folder.study
        let wave = study.wave("w1")!
        let data = try folder.dataset(of: wave)
        try StudyValidator.check(study, wave: wave, dataset: data)
        study.concepts[0].mappings[0].codes["1"] = nil
        #expect {
            try StudyValidator.check(study, wave: wave, dataset: data)
        } throws: { ($0 as? SurveyError)?.message.contains("Wave 'w1': 'q_ru' has the code 1 for respondent") == true }
        study = folder.study
        study.concepts[0].mappings[0].variable = "q_rus"
        #expect {
            try StudyValidator.check(study, wave: wave, dataset: data)
        } throws: { ($0 as? SurveyError)?.message.contains("mapped to 'q_rus' in wave 'w1', but that wave has no such variable (similar: q_ru") == true }
        study = folder.study
        study.waves[1].fieldworkStart = "2021-04-15"
        #expect(StudyValidator.warnings(study).first?.contains("overlaps") == true)
        #expect(StudyValidator.warnings(folder.study).isEmpty)
    }
}
