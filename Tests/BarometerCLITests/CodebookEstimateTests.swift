import BarometerCLI
import Foundation
import Testing

private struct Result: Decodable {
    struct Row: Decodable {
        let variable: String
        let domain: [String: String]
        let level: String?
        let code: String?
        let estimate: Double?
        let unweightedCount: Int
    }
    struct Design: Decodable {
        let weights: String?
        let strata: String?
        let clusters: [String]
        let nest: Bool
        let lonelyPSU: String
    }
    let design: Design
    let rows: [Row]
}

private func json(_ arguments: [String]) throws -> Result {
    let run = BarometerCLI.run(arguments + ["--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    return try JSONDecoder().decode(Result.self, from: Data(run.stdout.utf8))
}

@Suite("Codebook labels in estimates, end to end")
struct CodebookEstimateTests {
    @Test func codesOfACSVColumnShowTheirYAMLLabels() {
        let run = BarometerCLI.run(["estimate", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--weight", "wt",
                                    "--proportion", "q1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\nVery favourable "))
        #expect(run.stdout.contains("\nUnfavourable "))
        #expect(run.stdout.contains("\nDon't know "))
    }

    @Test func labelsAndCodesInJSON() throws {
        let result = try json(["estimate", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--weight", "wt",
                               "--proportion", "q1"])
        #expect(result.rows.map(\.level) == ["Very favourable", "Unfavourable", "Don't know"])
        #expect(result.rows.map(\.code) == ["1", "2", "98"])
        // Weights: q1 = 1 → 1.5 + 2 + 2 + 1 + 3 = 9.5 of 19.5 answering.
        #expect(abs((result.rows[0].estimate ?? 0) - 9.5 / 19.5) < 1e-12)
    }

    @Test func excludeMissingDropsTheUserMissingCode() throws {
        let result = try json(["estimate", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--weight", "wt",
                               "--proportion", "q1", "--exclude-missing"])
        #expect(result.rows.map(\.level) == ["Very favourable", "Unfavourable"])
        #expect(abs((result.rows[0].estimate ?? 0) - 9.5 / 17) < 1e-12)
        #expect(result.rows.map(\.unweightedCount) == [5, 4])
    }

    @Test func labelsInAnotherLanguage() throws {
        let result = try json(["estimate", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--weight", "wt",
                               "--proportion", "q1", "--by", "sex", "--lang", "ru"])
        #expect(Set(result.rows.compactMap { $0.domain["sex"] }) == ["Женский", "Мужской"])
        #expect(result.rows.first?.level == "Очень хорошее")
    }

    @Test func withoutTheCodebookTheCodesShow() throws {
        let result = try json(["estimate", OpinionFixture.csv, "--weight", "wt", "--proportion", "q1", "--exclude-missing"])
        #expect(result.rows.map(\.level) == ["1", "2", "98"], "without a codebook 98 is no missing code")
    }

    @Test func filterByALabel() throws {
        let result = try json(["estimate", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--weight", "wt",
                               "--mean", "age", "--filter", "q1 == 'Very favourable' and sex == 'Female'"])
        #expect(result.rows.first?.unweightedCount == 3)
    }

    @Test func crosstabShowsLabels() {
        let run = BarometerCLI.run(["crosstab", OpinionFixture.csv, "sex", "q1", "--codebook", OpinionFixture.yaml,
                                    "--weight", "wt", "--exclude-missing"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("sex     Very favourable  Unfavourable\n"))
        #expect(run.stdout.contains("\nFemale "))
    }
}

@Suite("Codebook design: --design-from-file")
struct CodebookDesignFromFileTests {
    @Test func errorWhenTheFileStoresNoDesign() {
        let run = BarometerCLI.run(["estimate", OpinionFixture.csv, "--proportion", "q1", "--design-from-file"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "error: '\(OpinionFixture.csv)' stores no sampling design, so --design-from-file has nothing to use; give the design with --weight, --strata and --cluster, or add a `design:` section to a codebook given with --codebook.\n")
        let crosstab = BarometerCLI.run(["crosstab", OpinionFixture.csv, "sex", "q1", "--design-from-file"])
        #expect(crosstab.status == 1)
        #expect(crosstab.stderr.hasPrefix("error: '\(OpinionFixture.csv)' stores no sampling design"))
    }

    @Test func usesTheStoredDesign() throws {
        let result = try json(["estimate", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--proportion", "q1",
                               "--design-from-file"])
        #expect(result.design.weights == "wt")
        #expect(result.design.strata == "region")
        #expect(result.design.clusters == ["psu"])
        #expect(result.design.nest)
        #expect(result.design.lonelyPSU == "fail")
    }

    @Test func flagsReplaceStoredParts() throws {
        let result = try json(["estimate", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--proportion", "q1",
                               "--design-from-file", "--weight", "id", "--lonely-psu", "adjust"])
        #expect(result.design.weights == "id")
        #expect(result.design.strata == "region")
        #expect(result.design.clusters == ["psu"])
        #expect(result.design.lonelyPSU == "adjust")
    }

    @Test func withoutTheFlagTheStoredDesignIsNotUsed() throws {
        let result = try json(["estimate", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--proportion", "q1"])
        #expect(result.design.weights == nil)
        #expect(result.design.clusters.isEmpty)
    }
}
