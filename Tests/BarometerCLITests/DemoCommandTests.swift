import BarometerCLI
import Foundation
import Polls
import Reports
import Studies
import SurveyCore
import SurveyIO
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `barometer demo` end to end: one run shared by the tests (it takes a few seconds).
let demoFolder: String = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID())").path
    _ = BarometerCLI.run(["demo", "--out", folder])
    return folder
}()

@Suite("barometer demo")
struct DemoCommandTests {
    @Test func writesTheStudyAsSPSSFilesAndReadsItBack() throws {
        let folder = try StudyFolder(path: demoFolder + "/study")
        #expect(folder.study.waves.count == 16)
        #expect(folder.study.simulated)
        let wave = try #require(folder.study.wave("2022-autumn"))
        #expect(wave.file == "waves/2022-autumn.sav" && wave.codebook == "waves/2022-autumn.codebook.yaml")
        let data = try folder.dataset(of: wave)
        #expect(data.rowCount > 1_400 && data.rowCount < 1_600)
        // The SPSS file holds English labels; the codebook beside it adds Russian and Kazakh.
        let label = data.metadata("opinion_russia").label
        #expect(label.text(in: "en") != nil && label.text(in: "ru") != nil && label.text(in: "kk") != nil)
        #expect(data.metadata("opinion_russia").missingCodes.contains(98))
        #expect(FileManager.default.fileExists(atPath: demoFolder + "/study/census.yaml"))
        // Estimates through the files equal the published pattern: a third unfavourable by autumn 2022.
        let result = try TrendAnalysis.run(AnalysisRequest.trend("opinion_russia", waves: ["2022-autumn"], netScore: false), study: folder.study) {
            try folder.prepared($0)
        }
        let unfavourable = result.rows.filter { ["somewhat_unfavourable", "very_unfavourable"].contains($0.code ?? "") }.map { $0.estimate! }.reduce(0, +)
        #expect(unfavourable >= 0.30 && unfavourable <= 0.40)
    }

    @Test func buildsTheReportWithEveryChart() throws {
        let html = try String(contentsOfFile: demoFolder + "/report/report.html", encoding: .utf8)
        #expect(html.contains("Simulated data"))
        for section in ["Opinion of Russia", "Who turned against Russia", "Russia&#39;s role in autumn 2022", "A Russian military base", "Sympathies in the war",
                        "The survey beside the published polls"] {
            #expect(html.contains("<h2>\(section)</h2>"), "\(section)")
        }
        let charts = try FileManager.default.contentsOfDirectory(atPath: demoFolder + "/report/charts").sorted()
        #expect(charts.count == 15)
        for chart in charts {
            let data = try Data(contentsOf: URL(fileURLWithPath: demoFolder + "/report/charts/" + chart))
            #expect(XMLParser(data: data).parse(), "\(chart) is not XML")
        }
        #expect(html.contains("Support fell from"))
        #expect(FileManager.default.fileExists(atPath: demoFolder + "/report/report.md"))
    }

    @Test("the report sets the survey beside Demoscope's published polls: the same average as the library and polls average --with-study")
    func pollsBesideTheSurvey() throws {
        let html = try String(contentsOfFile: demoFolder + "/report/report.html", encoding: .utf8)
        #expect(html.contains("Support for Russia in the war: published polls and the survey"))
        #expect(html.contains("House effects: Russia") && html.contains("This survey (simulated)"))
        // The shipped polls of the question, with their sources, beside report.yaml.
        let polls = try PollFile.read(path: demoFolder + "/polls.csv")
        #expect(polls.count == 5 && polls.allSatisfy { $0.source != nil })
        // The report's table is the library's average with the study's waves as one more pollster…
        let folder = try StudyFolder(path: demoFolder + "/study")
        let trend = try folder.run(.trend("war_side", levels: ["russia"], changes: .none))
        let waves = try SurveyWaveObservations.observations(trend, pollster: "This survey (simulated)")
        let expected = try PollAverage.result(polls, question: "war_side", answers: ["Russia"], also: ["Russia": waves])
        let table = try #require(FileManager.default.contentsOfDirectory(atPath: demoFolder + "/report/tables").first { $0.hasPrefix("14-") })
        let csv = try String(contentsOfFile: demoFolder + "/report/tables/" + table, encoding: .utf8)
        let rendered = ResultRenderer(language: "en").render(expected, as: .csv)
        #expect(csv.split(separator: "\n").dropFirst().prefix(20) == rendered.split(separator: "\n").dropFirst().prefix(20))
        #expect(csv.contains("house-effect,,This survey (simulated),Russia"))
        // … and what `polls average --with-study` prints.
        let run = BarometerCLI.run(["polls", "average", demoFolder + "/polls.csv", "--question", "war_side", "--answer", "Russia",
                                    "--with-study", demoFolder + "/study", "--concept", "war_side", "--levels", "russia",
                                    "--study-name", "This survey (simulated)", "--format", "csv"])
        #expect(run.status == 0 && run.stdout == rendered, "\(run.stderr)")
    }

    @Test func sameSeedSameBytes() throws {
        let other = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: other) }
        let run = BarometerCLI.run(["demo", "--out", other, "--lang", "kk"])
        #expect(run.status == 0, "\(run.stderr)")
        for file in ["study/study.yaml", "study/waves/2019-autumn.sav", "study/waves/2023-spring.codebook.yaml"] {
            #expect(FileManager.default.contents(atPath: demoFolder + "/" + file) == FileManager.default.contents(atPath: other + "/" + file), "\(file)")
        }
        let kk = try String(contentsOfFile: other + "/report/report.html", encoding: .utf8)
        #expect(kk.contains("<html lang=\"kk\">"))
        // The published answers ("Russia") are shown as the study's level in the report's language.
        #expect(kk.contains("Сауалнама жүргізушілердің жүйелі ауытқулары: Ресейді") && kk.contains("Біздің сауалнама (модельденген)"))
        #expect(!kk.contains(">Russia<") && !kk.contains(": Russia"))
        #expect(run.stdout.contains("Report: \(other)/report/report.html"))
    }

    @Test func refusesAFolderItDidNotWrite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("not-demo-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: folder.appendingPathComponent("thesis.txt"))
        let run = BarometerCLI.run(["demo", "--out", folder.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("exists and was not written by `barometer demo`"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["thesis.txt"])
        #expect(BarometerCLI.run(["demo", "--lang", "fr"]).status == 64)
    }
}

@Suite("barometer demo codes its open-ended reasons")
struct DemoCodingTests {
    @Test("every wave gains a labelled code column per reason, a 0/1 column per code and the multiple-response sets, through SPSS and the codebook")
    func codedColumns() throws {
        let folder = try StudyFolder(path: demoFolder + "/study")
        let data = try folder.dataset(of: try #require(folder.study.wave("2019-autumn")))
        let text = try data.column("russia_reason1"), code = try data.column("russia_reason1_code")
        let answered = (0..<data.rowCount).filter { text.text(at: $0) != nil }
        let coded = answered.filter { code.text(at: $0) != nil }
        #expect(answered.count > 500)
        // The rules and the classifier leave almost nothing for coders; nothing unanswered is coded.
        #expect(Double(coded.count) >= 0.95 * Double(answered.count), "\(coded.count) of \(answered.count)")
        #expect((0..<data.rowCount).allSatisfy { text.text(at: $0) != nil || code.text(at: $0) == nil })
        let meta = data.metadata("russia_reason1_code")
        #expect(meta.valueLabels.count == 7 && meta.missingCodes == [7])
        #expect(meta.label(ofCode: 1, language: "kk") == "Ресейдің ішкі қасиеттері" && meta.label(ofCode: 1, language: "ru") == "Внутренние качества России")
        #expect(data.codebook.multipleResponseSets.map(\.name).sorted() == ["$russia_reason", "$russia_reason_d"])
        // The 0/1 column of a code is 1 exactly where a reason has that code.
        let domestic = try data.column("russia_reason_domestic"), second = try data.column("russia_reason2_code")
        for row in answered {
            let either = code.text(at: row) == "1" || second.text(at: row) == "1"
            #expect(domestic.text(at: row) == (either ? "1" : (code.text(at: row) == nil && second.text(at: row) == nil ? nil : "0")))
        }
    }

    @Test("a report follows a coded question across waves: a chart and table of shares of mentions, the same numbers as trend --mentions")
    func reportAcrossWaves() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mention-report-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let yaml = """
            title: {en: Reasons, ru: Причины, kk: Себептер}
            study: \(demoFolder)/study
            sections:
              - title: {en: Why Russia is liked, ru: Почему Россия нравится, kk: Ресей неге ұнайды}
                analyses:
                  - {chart: trend, mentions: $russia_reason, waves: [2019-autumn, 2021-autumn, 2022-autumn], missing: exclude}
                  - {chart: small-multiples, mentioned: $russia_reason, by: language, compare: none}
            """
        try yaml.write(toFile: folder + "/report.yaml", atomically: true, encoding: .utf8)
        for language in ["en", "kk"] {
            let run = BarometerCLI.run(["report", folder + "/report.yaml", "--out", folder + "/out-\(language)", "--lang", language])
            #expect(run.status == 0, "\(run.stderr)")
            let html = try String(contentsOfFile: folder + "/out-\(language)/report.html", encoding: .utf8)
            #expect(html.components(separatedBy: "<figure").count - 1 == 2)
            #expect(html.components(separatedBy: "<svg").count - 1 == 4, "a wide and a narrow chart per analysis")
            let title = language == "en" ? "Reasons for a favourable opinion of Russia (coded)" : "Ресейге жақсы көзқарастың себептері (кодталған)"
            #expect(html.contains(title))
            if language == "kk" { #expect(!html.contains("Russia's domestic qualities") && html.contains("Ресейдің ішкі қасиеттері")) }
        }
        // The table's numbers are trend --mentions's.
        let tables = try FileManager.default.contentsOfDirectory(atPath: folder + "/out-en/tables").sorted()
        let first = try #require(tables.first { $0.hasPrefix("01-") })
        #expect(first == "01-russia_reason.csv")
        let report = try DatasetLoader.load(path: folder + "/out-en/tables/" + first)
        let run = BarometerCLI.run(["trend", demoFolder + "/study", "--mentions", "$russia_reason", "--waves", "2019-autumn,2021-autumn,2022-autumn",
                                    "--missing", "exclude", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let cli = try JSONDecoder().decode(AnalysisResult.self, from: Data(run.stdout.utf8))
        let estimates = try report.column("estimate")
        let values = (0..<report.rowCount).compactMap { estimates.text(at: $0).flatMap(Double.init) }
        #expect(values.count == 3 * 6 && values == cli.rows.compactMap(\.estimate))
    }

    @Test("crosstab takes a multiple-response set as its rows: each code's share of the mentions (or of the respondents) of every group")
    func crosstabOfASet() throws {
        let file = demoFolder + "/study/waves/2019-autumn.sav"
        let design = ["--weight", "weight", "--strata", "stratum", "--cluster", "psu"]
        let crosstab = BarometerCLI.run(["crosstab", file, "$russia_reason", "language", "--format", "json"] + design)
        let estimate = BarometerCLI.run(["estimate", file, "--mentions", "russia_reason1_code,russia_reason2_code", "--by", "language", "--format", "json"] + design)
        #expect(crosstab.status == 0 && estimate.status == 0, "\(crosstab.stderr)")
        let a = try JSONDecoder().decode(AnalysisResult.self, from: Data(crosstab.stdout.utf8))
        let b = try JSONDecoder().decode(AnalysisResult.self, from: Data(estimate.stdout.utf8))
        #expect(a.rows.count == 14 && a.rows.map(\.estimate) == b.rows.map(\.estimate) && a.rows.map(\.ci) == b.rows.map(\.ci))
        let respondents = BarometerCLI.run(["crosstab", file, "$russia_reason", "language", "--base", "respondents", "--format", "json"] + design)
        let c = try JSONDecoder().decode(AnalysisResult.self, from: Data(respondents.stdout.utf8))
        #expect(c.rows.allSatisfy { $0.statistic == .mentioned } && c.tests.count == 7 && c.tests.allSatisfy { $0.adjustment == "holm" })
        let text = BarometerCLI.run(["crosstab", file, "$russia_reason", "language"] + design)
        #expect(text.status == 0 && text.stdout.contains("Russia's domestic qualities"))
        let bad = BarometerCLI.run(["crosstab", file, "russia_reason1_code", "language", "--base", "respondents"] + design)
        #expect(bad.status == 64 && bad.stderr.contains("--base applies to a multiple-response set"))
    }

    @Test("the report's PONARS table equals estimate --mentions on the wave's file, beside the memo's numbers, in every language")
    func reportTable() throws {
        let html = try String(contentsOfFile: demoFolder + "/report/report.html", encoding: .utf8)
        #expect(html.contains("<h2>Why Russia is liked</h2>"))
        #expect(html.contains("Categorizable (95% CI)") && html.contains(">57%<") && html.contains(">18%<"))
        #expect(html.contains("PONARS Eurasia Policy Memo 658"))
        let tables = try FileManager.default.contentsOfDirectory(atPath: demoFolder + "/report/tables")
        let name = try #require(tables.sorted().first { $0.hasSuffix("-russia_reason.csv") })
        let report = try DatasetLoader.load(path: demoFolder + "/report/tables/" + name)
        let file = demoFolder + "/study/waves/2019-autumn.sav"
        let run = BarometerCLI.run(["estimate", file, "--weight", "weight", "--strata", "stratum", "--cluster", "psu",
                                    "--mentions", "russia_reason1_code,russia_reason2_code", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let cli = try JSONDecoder().decode(AnalysisResult.self, from: Data(run.stdout.utf8))
        let estimates = try report.column("estimate"), codes = try report.column("code")
        let reportRows = (0..<report.rowCount).filter { estimates.text(at: $0) != nil }
        #expect(reportRows.count == 7 && cli.rows.count == 7)
        for row in reportRows {
            let match = try #require(cli.rows.first { $0.code == codes.text(at: row) })
            #expect(estimates.text(at: row).flatMap(Double.init) == match.estimate, "code \(codes.text(at: row) ?? "")")
        }
        let other = FileManager.default.temporaryDirectory.appendingPathComponent("demo-ru-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: other) }
        #expect(BarometerCLI.run(["demo", "--out", other, "--lang", "ru"]).status == 0)
        let ru = try String(contentsOfFile: other + "/report/report.html", encoding: .utf8)
        #expect(ru.contains("Классифицируемые (95% ДИ)") && ru.contains("Внутренние качества России") && ru.contains("p (Холм)"))
        #expect(!ru.contains("All mentions") && !ru.contains("Russia's domestic qualities"))
    }
}
