import BarometerCLI
import Foundation
import SurveyCore
import SurveyIO
import Testing

private let focusGroups = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../examples/focus-groups-example.csv").standardized.path
private let reasonsFrame = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../examples/code-frames/russia-reasons.yaml").standardized.path

private let mentionsFixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../ConformanceTests/Fixtures/mentions.csv").standardized.path

@Suite("barometer code export and import, estimate --mentions")
struct CodeSheetCommandTests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("code-\(UUID())")

    /// A small survey file with two open-ended columns in Russian and Kazakh.
    func survey() throws -> String {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let path = scratch.appendingPathComponent("wave.csv").path
        var lines = ["respid,language,reason1,reason2"]
        let answers = ["Развитая страна", "Дос ел", "Общая история", "Экономикасы күшті", "Не знаю", "Сильная армия"]
        for i in 1...30 {
            let second = i % 3 == 0 ? "\"Торговля, сотрудничество\"" : ""
            lines.append("\(100 + i),\(i % 2 == 0 ? "ru" : "kk"),\(answers[i % answers.count]),\(second)")
        }
        lines.append("200,ru,,")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Reads a sheet, fills its codes column with `code(unit)` and writes it back.
    func fill(_ sheet: String, _ code: (String) -> String) throws {
        var table = try DatasetLoader.load(path: sheet)
        let units = try table.column("unit")
        let codes = (0..<table.rowCount).map { units.text(at: $0).map(code) }
        table = try Dataset(columns: table.columns.map { $0.name == "codes" ? Column(name: "codes", values: .text(codes)) : $0 })
        try CSVWriter.write(table, to: sheet)
    }

    @Test("export shares the answers out with a blind double-coded fifth; import keeps who coded what and shows the disagreements; a resolution settles them")
    func roundTrip() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = try survey()
        let out = scratch.appendingPathComponent("coding").path
        let export = BarometerCLI.run(["code", "export", file, "--text", "reason1,reason2", "--id", "respid", "--language-column", "language",
                                       "--coders", "anna,bolat", "--double", "0.2", "--seed", "7", "--out", out])
        #expect(export.status == 0, "\(export.stderr)")
        // 30 first reasons and 10 second ones; 8 of the 40 coded twice.
        #expect(export.stdout.contains("Wrote 40 answers to 2 coder sheets"), "\(export.stdout)")
        #expect(export.stdout.contains("8 coded twice, blind"))
        let anna = "\(out)/anna.csv", bolat = "\(out)/bolat.csv"
        let annaUnits = try DatasetLoader.load(path: anna).rowCount, bolatUnits = try DatasetLoader.load(path: bolat).rowCount
        #expect(annaUnits + bolatUnits == 48)
        // The same seed makes the same plan; the sheets carry the answer as typed, the codes empty.
        let sheet = try String(contentsOfFile: anna, encoding: .utf8)
        #expect(sheet.hasPrefix("unit,respondent,question,language,answer,codes,note\r\n"))
        #expect(!sheet.contains("bolat"))

        // Anna codes everything "a"; Bolat codes "b" on the answers of odd respondents.
        try fill(anna) { _ in "a" }
        try fill(bolat) { unit in Int(unit.prefix(3))! % 2 == 1 ? "b" : "a" }
        let codings = scratch.appendingPathComponent("codings.csv").path
        let disagreements = scratch.appendingPathComponent("disagreements.csv").path
        let imported = BarometerCLI.run(["code", "import", anna, bolat, "--plan", "\(out)/plan.csv", "--out", codings, "--disagreements", disagreements])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Imported 48 codings of 40 answers by anna, bolat"), "\(imported.stdout)")
        #expect(imported.stdout.contains("Coded twice: 8"))
        let open = try DatasetLoader.load(path: disagreements)
        #expect(open.rowCount > 0)
        #expect(imported.stdout.contains("Disagreements: \(open.rowCount), 0 resolved."))
        let records = try DatasetLoader.load(path: codings)
        let coders = try records.column("coder"), sources = try records.column("source"), times = try records.column("coded_at")
        #expect((0..<records.rowCount).filter { sources.text(at: $0) == "coder" }.count == 48)
        #expect((0..<records.rowCount).allSatisfy { sources.text(at: $0) == "final" || times.text(at: $0) != nil })
        #expect(Set((0..<records.rowCount).compactMap { coders.text(at: $0) }) == ["anna", "bolat"])
        // 40 answers minus the unresolved disagreements have final codes.
        #expect((0..<records.rowCount).filter { sources.text(at: $0) == "final" }.count == 40 - open.rowCount)

        // Resolving every disagreement as "a" gives every answer a final code.
        var resolved = open
        resolved = try Dataset(columns: resolved.columns.map { $0.name == "resolution" ? Column(name: "resolution", values: .text(Array(repeating: "a", count: open.rowCount))) : $0 })
        try CSVWriter.write(resolved, to: disagreements)
        let again = BarometerCLI.run(["code", "import", anna, bolat, "--plan", "\(out)/plan.csv", "--resolutions", disagreements, "--out", codings])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("\(open.rowCount) resolved"))
        let final = try DatasetLoader.load(path: codings)
        let finalSources = try final.column("source")
        #expect((0..<final.rowCount).filter { finalSources.text(at: $0) == "final" }.count == 40)
    }

    @Test("code apply writes the resolved codes into the file as labelled code columns, 0/1 columns and the sets, which estimate --mentions reads")
    func applyTheCodes() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = try survey()
        let out = scratch.appendingPathComponent("coding").path
        #expect(BarometerCLI.run(["code", "export", file, "--text", "reason1,reason2", "--id", "respid", "--coders", "anna", "--out", out]).status == 0)
        // Odd respondents' answers are "a", even ones' "b;c" (two codes), respondent 110's left uncoded.
        try fill("\(out)/anna.csv") { unit in unit.hasPrefix("110:") ? "" : Int(unit.prefix(3))! % 2 == 1 ? "a" : "b;c" }
        let codings = scratch.appendingPathComponent("codings.csv").path
        #expect(BarometerCLI.run(["code", "import", "\(out)/anna.csv", "--plan", "\(out)/plan.csv", "--out", codings]).status == 0)
        let frame = scratch.appendingPathComponent("frame.yaml").path
        try """
            frame: {name: Test reasons, languages: [en, ru]}
            codes:
              - {code: a, label: {en: Alpha, ru: Альфа}}
              - {code: b, label: {en: Beta, ru: Бета}}
              - {code: c, label: {en: Gamma, ru: Гамма}, uncodable: true}
            """.write(toFile: frame, atomically: true, encoding: .utf8)
        let coded = scratch.appendingPathComponent("coded.sav").path
        let apply = BarometerCLI.run(["code", "apply", file, "--frame", frame, "--text", "reason1,reason2", "--id", "respid", "--codings", codings, "--out", coded])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(apply.stdout.contains("39 of 40 answers coded"), "\(apply.stdout)")
        let data = try DatasetLoader.load(path: coded)
        let first = try data.column("reason1_code"), beta = try data.column("reason_b"), gamma = try data.column("reason_c")
        #expect(data.metadata("reason1_code").label(ofCode: 2) == "Beta" && data.metadata("reason1_code").missingCodes == [3])
        // The codebook beside the SPSS file keeps the Russian labels.
        let codebook = try String(contentsOfFile: scratch.appendingPathComponent("coded.codebook.yaml").path, encoding: .utf8)
        #expect(codebook.contains("Бета") && codebook.contains("reason_b"))
        #expect(data.codebook.multipleResponseSets.map(\.name).sorted() == ["$reason", "$reason_d"])
        let respid = try data.column("respid")
        for row in 0..<data.rowCount {
            guard let id = respid.text(at: row).flatMap(Int.init), id <= 130 else { continue }
            if id == 110 { #expect(first.text(at: row) == nil); continue }
            #expect(first.text(at: row) == (id % 2 == 1 ? "1" : "2"))
            // "b;c": the code column keeps the first, the 0/1 columns both.
            #expect(beta.text(at: row) == (id % 2 == 1 ? "0" : "1") && gamma.text(at: row) == beta.text(at: row))
        }
        let shares = BarometerCLI.run(["estimate", coded, "--mentions", "reason1_code,reason2_code", "--format", "json"])
        #expect(shares.status == 0, "\(shares.stderr)")
        let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(shares.stdout.utf8))
        #expect(result.rows.map(\.level) == ["Alpha", "Beta"])
        // A code that the frame does not have is refused, and nothing is written.
        try fill("\(out)/anna.csv") { _ in "z" }
        #expect(BarometerCLI.run(["code", "import", "\(out)/anna.csv", "--out", codings]).status == 0)
        let again = scratch.appendingPathComponent("again.sav").path
        let bad = BarometerCLI.run(["code", "apply", file, "--frame", frame, "--text", "reason1,reason2", "--id", "respid", "--codings", codings, "--out", again])
        #expect(bad.status == 1 && bad.stderr.contains("as 'z', which the frame 'Test reasons' does not have"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: again))
    }

    @Test("code transcripts counts coded segments by group and language with quotations, says they are not estimates, and skips the moderator")
    func transcripts() throws {
        let run = BarometerCLI.run(["code", "transcripts", focusGroups, "--frame", reasonsFrame])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Focus groups: 3 groups (Almaty-ru, Shymkent-kk, Kostanay-ru), languages ru, kk; 11 participants' turns"))
        #expect(run.stdout.contains("not estimates of a population: no weights, no intervals"))
        #expect(run.stdout.contains("Russia's domestic qualities                            1            1            1   2   1    3"), "\(run.stdout)")
        #expect(run.stdout.contains("Shymkent-kk (kk), Дана: «Тарихымыз ортақ. Бір елде өмір сүрдік.»"))
        #expect(!run.stdout.contains("Модератор"))
        // A plain-text transcript of one group, in Kazakh labels.
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let text = scratch.appendingPathComponent("taraz.txt").path
        try "# Тараз, 2024\nМодератор: Неге?\nАсқар: Экономикасы күшті.\n".write(toFile: text, atomically: true, encoding: .utf8)
        let plain = BarometerCLI.run(["code", "transcripts", text, "--frame", reasonsFrame, "--language", "kk", "--lang", "kk"])
        #expect(plain.status == 0 && plain.stdout.contains("1 group (taraz), languages kk; 1 participants' turns, 1 coded"), "\(plain.stdout)")
        #expect(plain.stdout.contains("Ресейдің ішкі қасиеттері"))
        let csv = scratch.appendingPathComponent("bad.csv").path
        try "group,speaker,words\nA,B,c\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let bad = BarometerCLI.run(["code", "transcripts", csv, "--frame", reasonsFrame])
        #expect(bad.status != 0 && bad.stderr.contains("has no column 'turn'"), "\(bad.stderr)")
    }

    @Test("a sheet whose units do not match the plan is refused in one sentence, and nothing is written")
    func mismatchedSheet() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = try survey()
        let out = scratch.appendingPathComponent("coding").path
        #expect(BarometerCLI.run(["code", "export", file, "--text", "reason1", "--id", "respid", "--coders", "anna,bolat", "--out", out]).status == 0)
        // Anna's sheet loses its last row.
        let anna = "\(out)/anna.csv"
        // RFC 4180 lines end in CR LF.
        var lines = try String(contentsOfFile: anna, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        lines.removeLast()
        try (lines.joined(separator: "\r\n") + "\r\n").write(toFile: anna, atomically: true, encoding: .utf8)
        let codings = scratch.appendingPathComponent("codings.csv").path
        let run = BarometerCLI.run(["code", "import", anna, "--plan", "\(out)/plan.csv", "--out", codings])
        #expect(run.status == 1)
        #expect(run.stderr.contains("The units of the coder sheet"), "\(run.stderr)")
        #expect(run.stderr.contains("1 of anna's unit missing"))
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: codings))
    }

    @Test("bad flags: one sentence each", arguments: [
        (["--coders", "anna", "--double", "0.2"], "--double 0.2 needs two coders"),
        (["--coders", "anna,anna"], "--coders names 'anna' twice"),
        (["--coders", "anna,bolat", "--double", "1.5"], "--double 1.5 is not a share between 0 and 1"),
        (["--coders", "anna", "--id", "respondent"], "--id 'respondent' is not a column of the file"),
    ])
    func badFlags(_ flags: [String], _ expected: String) throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = try survey()
        var arguments = ["code", "export", file, "--text", "reason1", "--out", scratch.appendingPathComponent("c").path]
        if !flags.contains("--id") { arguments += ["--id", "respid"] }
        let run = BarometerCLI.run(arguments + flags)
        #expect(run.status != 0)
        #expect(run.stderr.contains(expected), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("c/plan.csv").path))
    }

    @Test("estimate --mentions and --mentioned print the shares of each code with the design, by group, with Holm-adjusted tests")
    func mentionsOnTheCommandLine() throws {
        let run = BarometerCLI.run(["estimate", mentionsFixture, "--weight", "weight", "--strata", "stratum", "--cluster", "psu", "--nest",
                                    "--mentions", "reason1,reason2", "--mentioned", "reason1,reason2", "--by", "language", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(run.stdout.utf8))
        #expect(result.rows.filter { $0.statistic == .mentions }.count == 14)
        #expect(result.rows.filter { $0.statistic == .mentioned }.count == 14)
        #expect(result.tests.count == 7 && result.tests.allSatisfy { $0.adjustment == "holm" && $0.adjustedPValue! >= $0.pValue! })
        let table = BarometerCLI.run(["estimate", mentionsFixture, "--weight", "weight", "--strata", "stratum", "--cluster", "psu", "--nest",
                                      "--mentioned", "reason1,reason2", "--by", "language"])
        #expect(table.stdout.contains("Share of respondents mentioning: reason1,reason2"), "\(table.stdout)")
        #expect(table.stdout.contains("Holm-adjusted p"))
        let typo = BarometerCLI.run(["estimate", mentionsFixture, "--mentions", "reason1,reason3"])
        #expect(typo.status == 1 && typo.stderr.contains("reason3"), "\(typo.stderr)")
    }
}
