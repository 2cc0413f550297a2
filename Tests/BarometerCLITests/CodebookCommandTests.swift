import BarometerCLI
import Foundation
import SurveyIO
import Testing

/// The opinion fixture: 12 respondents, q1 coded 1/2/98 (98 "Don't know", user-missing), labels
/// in `opinion.yaml`.
enum OpinionFixture {
    static let csv = Bundle.module.path(forResource: "opinion", ofType: "csv", inDirectory: "Fixtures")!
    static let yaml = Bundle.module.path(forResource: "opinion", ofType: "yaml", inDirectory: "Fixtures")!
}

private struct CodebookJSON: Decodable {
    struct Category: Decodable { let code: String; let label: [String: String]?; let count: Int; let missing: Bool }
    struct Variable: Decodable {
        let name: String
        let type: String
        let measurement: String?
        let label: [String: String]?
        let valid: Int
        let missing: Int
        let systemMissing: Int
        let userMissing: Int
        let missingCodes: [String]
        let categories: [Category]?
        let minimum: Double?
        let mean: Double?
        let maximum: Double?
    }
    struct Design: Decodable { let weights: String?; let strata: String?; let clusters: [String]; let nest: Bool; let flags: String }
    let barometerCodebook: Int
    let file: String
    let respondents: Int
    let label: [String: String]?
    let documents: [String]
    let design: Design?
    let variables: [Variable]
}

@Suite("barometer codebook")
struct CodebookCommandTests {
    @Test func tableListsVariablesLabelsCodesAndCounts() {
        let run = BarometerCLI.run(["codebook", OpinionFixture.csv, "--codebook", OpinionFixture.yaml])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "Codebook of \(OpinionFixture.csv) — Opinion test survey")
        let expected = """
            12 respondents, 7 variables
            Design stored in the file (--design-from-file): --weight wt --strata region --cluster psu --nest

            Documents
            Simulated data for tests.

            Variables
            Name    Type         Label              Valid  Missing
            ──────  ───────────  ─────────────────  ─────  ───────
            id      numeric                            12        0
            region  categorical                        12        0
            psu     numeric                            12        0
            wt      numeric                            12        0
            q1      numeric      Opinion of Russia      9        3
            sex     categorical  Sex                   12        0
            age     numeric      Age                   11        1

            id
            numeric; valid 12, missing 0
            min 1, mean 6.5, max 12

            region
            categorical; valid 12, missing 0

            Code   Label  n     %
            ─────  ─────  ─  ────
            North         6  50.0
            South         6  50.0

            psu
            numeric; valid 12, missing 0
            min 1, mean 1.5, max 2

            wt
            numeric; valid 12, missing 0
            min 1, mean 1.875, max 3

            q1 — Opinion of Russia
            numeric, ordinal; valid 9, missing 3 (1 empty, 2 user-missing)
            user-missing codes: 98

            Code  Label            n     %
            ────  ───────────────  ─  ────  ───────
               1  Very favourable  5  41.7
               2  Unfavourable     4  33.3
              98  Don't know       2  16.7  missing

            sex — Sex
            categorical; valid 12, missing 0

            Code  Label   n     %
            ────  ──────  ─  ────
            F     Female  6  50.0
            M     Male    6  50.0

            age — Age
            numeric, scale; valid 11, missing 1
            min 22, mean 43.09, max 70

            """
        #expect(lines.dropFirst(2).joined(separator: "\n") == expected)
    }

    @Test func russianHeadingsAndLabels() {
        let run = BarometerCLI.run(["codebook", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--lang", "ru"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("q1 — Мнение о России\nчисловая, порядковая; валидных: 9, пропусков: 3 (пустых: 1, кодов пропуска: 2)\nкоды пропуска: 98\n"))
        #expect(run.stdout.contains("\n 98  Затрудняюсь ответить  2  16.7  пропуск\n"))
    }

    @Test func withoutACodebookTheFileSpeaksForItself() {
        let run = BarometerCLI.run(["codebook", OpinionFixture.csv, "--format", "markdown"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("# Codebook of \(OpinionFixture.csv)\n\n12 respondents, 7 variables\n\n## Variables\n\n| Name "))
        #expect(run.stdout.contains("### q1\n\nnumeric; valid 11, missing 1  \nmin 1, mean 19, max 98\n"))
        #expect(!run.stdout.contains("Design stored"))
    }

    @Test func jsonHoldsEveryLanguageAndCount() throws {
        let run = BarometerCLI.run(["codebook", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONDecoder().decode(CodebookJSON.self, from: Data(run.stdout.utf8))
        #expect(json.barometerCodebook == 1)
        #expect(json.file == OpinionFixture.csv)
        #expect(json.respondents == 12)
        #expect(json.label == ["en": "Opinion test survey", "ru": "Тестовый опрос"])
        #expect(json.documents == ["Simulated data for tests."])
        #expect(json.design?.flags == "--weight wt --strata region --cluster psu --nest")
        #expect(json.design?.clusters == ["psu"])
        #expect(json.variables.map(\.name) == ["id", "region", "psu", "wt", "q1", "sex", "age"])

        let q1 = try #require(json.variables.first { $0.name == "q1" })
        #expect(q1.type == "numeric")
        #expect(q1.measurement == "ordinal")
        #expect(q1.label?["kk"] == "Ресей туралы пікір")
        #expect((q1.valid, q1.missing, q1.systemMissing, q1.userMissing) == (9, 3, 1, 2))
        #expect(q1.missingCodes == ["98"])
        #expect(q1.categories?.map(\.code) == ["1", "2", "98"])
        #expect(q1.categories?.map(\.count) == [5, 4, 2])
        #expect(q1.categories?.map(\.missing) == [false, false, true])
        #expect(q1.categories?.first?.label == ["en": "Very favourable", "ru": "Очень хорошее"])

        let age = try #require(json.variables.first { $0.name == "age" })
        #expect(age.categories == nil)
        #expect(age.minimum == 22)
        #expect(age.maximum == 70)
        #expect(abs((age.mean ?? 0) - 474.0 / 11) < 1e-12)

        let region = try #require(json.variables.first { $0.name == "region" })
        #expect(region.categories?.map(\.code) == ["North", "South"])
        #expect(region.categories?.first?.label == nil)
    }

    @Test func yamlFormatIsACodebookThatReadsBack() throws {
        let run = BarometerCLI.run(["codebook", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--format", "yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("  q1:\n    label: {en: Opinion of Russia, ru: Мнение о России, kk: Ресей туралы пікір}\n    type: numeric\n"))
        let document = try CodebookYAML.read(string: run.stdout, name: "out.yaml")
        let original = try CodebookYAML.read(path: OpinionFixture.yaml)
        #expect(document.variableNames == ["id", "region", "psu", "wt", "q1", "sex", "age"])
        for name in original.variableNames {
            #expect(document.codebook[name] == original.codebook[name], "\(name)")
        }
        #expect(document.codebook.design == original.codebook.design)
    }

    @Test func csvFormatHasALinePerCategory() {
        let run = BarometerCLI.run(["codebook", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--format", "csv"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first == "variable,type,label,measurement,valid,missing,code,value_label,count,user_missing")
        #expect(lines.contains("q1,numeric,Opinion of Russia,ordinal,9,3,98,Don't know,2,true"))
        #expect(lines.contains("age,numeric,Age,scale,11,1,,,,"))
    }

    @Test func aCodebookNamingAnAbsentVariableIsAnError() throws {
        let yaml = FileManager.default.temporaryDirectory.appendingPathComponent("codebook-absent-\(UUID()).yaml")
        try "variables:\n  q01: {label: Opinion}\n".write(to: yaml, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: yaml) }
        let run = BarometerCLI.run(["codebook", OpinionFixture.csv, "--codebook", yaml.path])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "error: Cannot apply codebook '\(yaml.path)', line 2: variable 'q01' is not in '\(OpinionFixture.csv)'; did you mean 'q1'?\n")
    }

    @Test func aMalformedCodebookIsAnErrorBeforeTheDataIsRead() throws {
        let yaml = FileManager.default.temporaryDirectory.appendingPathComponent("codebook-bad-\(UUID()).yaml")
        try "variables:\n  q1:\n    measurement: interval\n".write(to: yaml, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: yaml) }
        let run = BarometerCLI.run(["codebook", "/no/such/data.csv", "--codebook", yaml.path])
        #expect(run.status == 1)
        #expect(run.stderr == "error: Cannot read codebook '\(yaml.path)', line 3: the measurement of 'q1' is 'interval', which is not a measurement level; write nominal, ordinal or scale (interval is called scale).\n")
    }

    @Test func missingCodebookFile() {
        let run = BarometerCLI.run(["codebook", OpinionFixture.csv, "--codebook", "/no/such/cb.yaml"])
        #expect(run.status == 1)
        #expect(run.stderr == "error: File '/no/such/cb.yaml' not found; check the path.\n")
    }

    @Test func badFormatIsAUsageError() {
        let run = BarometerCLI.run(["codebook", OpinionFixture.csv, "--format", "xml"])
        #expect(run.status == 64)
    }
}
