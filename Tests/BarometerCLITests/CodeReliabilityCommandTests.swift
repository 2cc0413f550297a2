import BarometerCLI
import Foundation
import SurveyCore
import Testing
import TextCoding

private let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../examples/coder-reliability.csv").standardized.path

@Suite("barometer code reliability")
struct CodeReliabilityCommandTests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("reliability-\(UUID())")

    /// Writes `text` as a CSV file in the scratch folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let url = scratch.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("the example: three coders, alpha, Fleiss' κ left out with a reason, agreement; the same numbers as the library")
    func example3Coders() throws {
        let run = BarometerCLI.run(["code", "reliability", example, "--coders", "coder_a,coder_b,coder_c", "--unit", "answer_id", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(run.stdout.utf8))
        #expect(result.rows.map(\.statistic) == [.krippendorffAlpha, .percentAgreement])
        #expect(result.rows.allSatisfy { $0.variable == "coder-reliability" && $0.unweightedCount == 29 && $0.ci?.method == .bootstrap })
        #expect(result.reliability?.coders == ["coder_a", "coder_b", "coder_c"] && result.reliability?.units == 30)
        #expect(result.reliability?.replicates == 1_000 && result.reliability?.seed == 2007)
        #expect(result.warnings.contains("1 of 30 units was coded by fewer than two coders and is left out of every statistic."))
        #expect(result.warnings.contains { $0.hasPrefix("Fleiss' kappa is not reported") })
        #expect(result.provenance?.file == "coder-reliability.csv")
        // The library on the same codes.
        let lines = try String(contentsOfFile: example, encoding: .utf8).split(separator: "\n").dropFirst()
        let units = lines.map { line -> [String?] in
            let fields = Array(line.split(separator: ",", omittingEmptySubsequences: false).suffix(3))
            return fields.map { $0.isEmpty ? nil : String($0) }
        }
        let sheet = CodingSheet(name: "coder-reliability", coders: ["coder_a", "coder_b", "coder_c"], units: units.indices.map { "\($0)" },
                                texts: units, separator: ";")
        let library = try CoderReliability.analyse(sheet, measurement: .nominal)
        #expect(library.rows.map(\.estimate) == result.rows.map(\.estimate))
        #expect(library.rows.map(\.ci) == result.rows.map(\.ci))
    }

    @Test("the table: the coding line, one table per statistic, no weighted counts; Russian headings")
    func table() throws {
        let path = try file("pairs.csv", "id,a,b\n1,1,1\n2,2,2\n3,3,2\n4,1,1\n5,2,2\n6,3,3\n7,1,2\n8,2,2\n9,3,3\n10,1,1\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = BarometerCLI.run(["code", "reliability", path, "--coders", "a,b", "--level", "ordinal", "--bootstrap", "200"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Coding: coders a, b; units: 10, coded at least twice: 10; ordinal codes; percentile intervals from 200 bootstrap resamples of units (seed 2007)\n"))
        for title in ["Krippendorff's alpha: pairs", "Cohen's kappa: pairs", "Fleiss' kappa: pairs", "Percent agreement: pairs"] {
            #expect(run.stdout.contains("\n\(title)\n"), "\(title)")
        }
        #expect(run.stdout.contains("Weights") && run.stdout.contains("quadratic") && !run.stdout.contains("Weighted N"))
        #expect(run.stdout.contains("80.0%"))
        let russian = BarometerCLI.run(["code", "reliability", path, "--coders", "a,b", "--level", "ordinal", "--bootstrap", "200", "--lang", "ru"])
        #expect(russian.stdout.hasPrefix("Кодирование: кодировщики a, b; единиц: 10"))
        #expect(russian.stdout.contains("Каппа Коэна: pairs") && russian.stdout.contains("квадратичные") && russian.stdout.contains("порядковая"))
        let kazakh = BarometerCLI.run(["code", "reliability", path, "--coders", "a,b", "--bootstrap", "200", "--lang", "kk", "--format", "markdown"])
        #expect(kazakh.stdout.contains("### Криппендорф альфасы: pairs") && kazakh.stdout.contains("салмақсыз"))
    }

    @Test("a seed repeats the intervals exactly; --confidence sets their level; CSV names the method")
    func seedAndCSV() throws {
        let arguments = ["code", "reliability", example, "--coders", "coder_a,coder_b", "--bootstrap", "300", "--seed", "99",
                         "--confidence", "0.9", "--format", "csv"]
        let first = BarometerCLI.run(arguments), second = BarometerCLI.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains(",0.9,bootstrap,"))
        #expect(first.stdout.contains("coder-reliability,cohen-kappa,unweighted,"))
        let other = BarometerCLI.run(arguments.map { $0 == "99" ? "100" : $0 })
        #expect(other.stdout != first.stdout)
    }

    @Test("several codes in a cell: rows per code")
    func perCode() throws {
        let path = try file("topics.csv", "a,b\n\"economy; history\",economy\nwar,war\n\"war;economy\",war\nhistory,history\neconomy,\"economy;war\"\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = BarometerCLI.run(["code", "reliability", path, "--coders", "a,b", "--bootstrap", "200", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(run.stdout.utf8))
        #expect(result.reliability?.perCode == true)
        #expect(result.rows.filter { $0.statistic == .krippendorffAlpha }.map(\.code) == ["economy", "history", "war"])
        let table = BarometerCLI.run(["code", "reliability", path, "--coders", "a,b", "--bootstrap", "200"])
        #expect(table.stdout.contains("several codes per unit") && table.stdout.contains("\nCode "))
    }

    @Test("bad input: one sentence, non-zero exit, nothing on standard output", arguments: [
        (["--coders", "coder_a,coder_x"], "coder-reliability.csv has no column 'coder_x' (did you mean 'coder_a' or 'coder_b' or 'coder_c'?); name one of its columns (answer_id, answer, coder_a, coder_b, coder_c) in --coders."),
        (["--coders", "coder_a"], "--coders coder_a names 1 coder; name the columns of at least two, e.g. --coders coder_a,coder_b."),
        (["--coders", "coder_a,coder_b", "--level", "interval"], "coder-reliability.csv, row 1, coder 'coder_a': the code 'economy' is not a number, which --level interval needs; recode it as a number, or use --level nominal."),
        (["--coders", "coder_a,coder_b", "--bootstrap", "50"], "--bootstrap 50 is too few replicates for a percentile interval; use at least 100, e.g. --bootstrap 1000."),
        (["--coders", "coder_a,coder_b", "--confidence", "95"], "--confidence 95.0 is not between 0 and 1; write --confidence 0.95."),
        (["--coders", "coder_a,coder_b", "--unit", "answer_no"], "coder-reliability.csv has no column 'answer_no'"),
    ])
    func badInput(_ flags: [String], _ message: String) {
        let run = BarometerCLI.run(["code", "reliability", example] + flags)
        #expect(run.status != 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test("no unit coded by two of the coders named")
    func nobodyTwice() throws {
        let path = try file("apart.csv", "a,b\n1,\n,2\n3,\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = BarometerCLI.run(["code", "reliability", path, "--coders", "a,b"])
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(run.stderr == "error: apart.csv has fewer than two coders on every unit: no answer was coded by two of a, b; name in --coders the columns of coders who coded the same answers.\n")
    }

    @Test("--ci-method bootstrap is not a method of survey estimates")
    func bootstrapIsNotADesignMethod() {
        let run = BarometerCLI.run(["estimate", "x.csv", "--proportion", "q", "--ci-method", "bootstrap"])
        #expect(run.status != 0 && run.stderr.contains("bootstrap"))
    }
}
