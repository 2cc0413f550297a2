import BarometerCLI
import Foundation
import Polls
import SurveyCore
import SurveyIO
import Studies
import Testing

private let warSide = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../examples/polls-war-side.csv").standardized.path

@Suite("barometer polls")
struct PollsCommandTests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("polls-\(UUID())")

    @Test func listShowsThePublishedPolls() {
        let run = BarometerCLI.run(["polls", "list", warSide])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2022-11-04 to 2022-11-24  1110  war_side  Ukraine 22, Russia 13, Neutral 59"))
        #expect(run.stdout.hasSuffix("3 polls.\n"))
    }

    @Test("the average in JSON: a row per day and per pollster, the model, the same numbers as the library")
    func averageMatchesTheLibrary() throws {
        let run = BarometerCLI.run(["polls", "average", warSide, "--question", "war_side", "--answer", "Russia",
                                    "--random-walk-sd", "0.002", "--extra-variance", "0", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(run.stdout.utf8))
        let days = result.rows.filter { $0.statistic == .pollAverage }
        #expect(days.first?.domain["date"] == "2022-03-16" && days.last?.domain["date"] == "2023-05-07")
        #expect(days.count == CivilDay("2023-05-07")!.number - CivilDay("2022-03-16")!.number + 1)
        #expect(result.rows.filter { $0.statistic == .houseEffect }.map { $0.domain["pollster"] } == ["Demoscope"])
        #expect(result.pollModels.first?.randomWalkSD == 0.002 && result.pollModels.first?.estimated == false)
        let polls = try PollTable.polls(from: DatasetLoader.load(path: warSide), name: warSide)
        let fit = try PollAverage.fit(try PollAverage.observations(polls, question: "war_side", answer: "Russia"), randomWalkSD: 0.002, extraVariance: 0)
        #expect(days.map(\.estimate) == fit.estimates.map { Optional($0) })
        #expect(days.map(\.standardError) == fit.standardErrors.map { Optional($0) })
        // Every answer when --answer is left out.
        let all = BarometerCLI.run(["polls", "average", warSide, "--question", "war_side", "--format", "json"])
        let every = try JSONDecoder().decode(AnalysisResult.self, from: Data(all.stdout.utf8))
        #expect(Set(every.rows.compactMap(\.level)) == ["Ukraine", "Russia", "Neutral"] && every.pollModels.count == 3)
    }

    @Test("bad polls and requests: one sentence naming the row and the field, exit 1", arguments: [
        ("share", "39", "139", "the share of 'Russia' is 139.0"),
        ("field_end", "2022-11-24", "2022-10-24", "the fieldwork ends (2022-10-24) before it starts (2022-11-04)"),
        ("sample_size", "1110", "", "Row 5 of"),
        ("field_start", "2023-05-03", "3 May 2023", "field_start '3 May 2023' is not a date"),
    ])
    func badPolls(_ column: String, _ from: String, _ to: String, _ expected: String) throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        var lines = try String(contentsOfFile: warSide, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let position = header.firstIndex(of: column)!
        let row = column == "share" ? 2 : column == "field_start" ? 7 : column == "sample_size" ? 4 : 5
        var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(fields[position] == from)
        fields[position] = to
        lines[row] = fields.joined(separator: ",")
        let file = scratch.appendingPathComponent("bad.csv").path
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let run = BarometerCLI.run(["polls", "average", file, "--question", "war_side"])
        #expect(run.status == 1)
        #expect(run.stderr.contains(expected), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1 && run.stdout.isEmpty)
    }

    @Test("import stores the polls once (again replaces), list and show read them back, average runs on the store")
    func importListShowAverage() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("store").path
        // The store starts with the published polls, Demoscope's three among them: importing them replaces them.
        let first = BarometerCLI.run(["polls", "import", warSide, "--data", data])
        #expect(first.status == 0 && first.stdout == "Imported 3 polls into \(data): 0 new, 3 replaced.\n", "\(first.stderr)")
        let changed = try String(contentsOfFile: warSide, encoding: .utf8).replacingOccurrences(of: "Demoscope,", with: "Demoscope2,")
        let other = scratch.appendingPathComponent("other.csv").path
        try changed.write(toFile: other, atomically: true, encoding: .utf8)
        #expect(BarometerCLI.run(["polls", "import", other, "--data", data]).stdout.contains("3 new, 0 replaced"))
        let list = BarometerCLI.run(["polls", "list", "--data", data, "--question", "war_side"])
        #expect(list.status == 0 && list.stdout.hasSuffix("8 polls.\n"))
        let id = try #require(list.stdout.split(separator: "\n").dropFirst(2).first?.split(separator: " ").first.map(String.init))
        let show = BarometerCLI.run(["polls", "show", id, "--data", data])
        #expect(show.status == 0 && show.stdout.contains("Which side of the conflict do you support?") && show.stdout.contains("margin of error"))
        #expect(BarometerCLI.run(["polls", "show", "nope", "--data", data]).stderr.contains("No poll 'nope' in the store"))
        let fromStore = BarometerCLI.run(["polls", "average", "--data", data, "--question", "war_side", "--answer", "Russia", "--format", "csv",
                                          "--random-walk-sd", "0.002", "--extra-variance", "0"])
        let polls = try libraryPolls(warSide) + libraryPolls(other)
        let expected = try PollAverage.result(polls, question: "war_side", answers: ["Russia"], randomWalkSD: 0.002, extraVariance: 0)
        #expect(fromStore.status == 0 && fromStore.stdout.contains("house-effect,,Demoscope2,"), "\(fromStore.stderr)")
        let estimates = fromStore.stdout.split(separator: "\n").filter { $0.contains(",poll-average,") }.map { Double($0.split(separator: ",", omittingEmptySubsequences: false)[6])! }
        #expect(estimates == expected.rows.filter { $0.statistic == .pollAverage }.map { $0.estimate! })
    }

    @Test("a new folder starts from the published polls: list and average need nothing else")
    func freshFolder() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("fresh").path
        let list = BarometerCLI.run(["polls", "list", "--data", data])
        #expect(list.status == 0 && list.stdout.hasSuffix("31 polls.\n"), "\(list.stderr)")
        #expect(list.stdout.contains("Demoscope (adults aged 18–29 in Kazakhstan)") && list.stdout.contains("unpublished"))
        let average = BarometerCLI.run(["polls", "average", "--data", data, "--question", "war_side", "--answer", "Russia"])
        #expect(average.status == 0, "\(average.stderr)")
        #expect(average.stdout.contains("2 polls of other populations (adults aged 18–29 in Kazakhstan; adults aged 60 and over in Kazakhstan) are left out"))
        let unsized = BarometerCLI.run(["polls", "average", "--data", data, "--question", "eeu_support"])
        #expect(unsized.status == 1 && unsized.stderr.contains("(4 more do not publish their sample size, which the average needs to weigh them)"))
        let yaml = scratch.appendingPathComponent("one.yaml").path
        try "polls:\n  - {pollster: X, field_start: 2024-01-01, field_end: 2024-01-03, sample_size: 900, question: eeu_support, answers: {Support: 70}}\n"
            .write(toFile: yaml, atomically: true, encoding: .utf8)
        #expect(BarometerCLI.run(["polls", "import", yaml, "--data", data]).stdout == "Imported 1 poll into \(data): 1 new, 0 replaced.\n")
    }

    @Test("list --format csv writes the columns import reads: the list re-imports unchanged")
    func csvRoundTrip() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let first = BarometerCLI.run(["polls", "list", warSide, "--format", "csv"])
        #expect(first.status == 0 && first.stdout.hasPrefix("pollster,field_start,field_end,sample_size,question,answer,share,sponsor"))
        let copy = scratch.appendingPathComponent("copy.csv").path
        try first.stdout.write(toFile: copy, atomically: true, encoding: .utf8)
        #expect(BarometerCLI.run(["polls", "list", copy, "--format", "csv"]).stdout == first.stdout)
        #expect(try libraryPolls(copy) == libraryPolls(warSide))
        let json = BarometerCLI.run(["polls", "list", warSide, "--format", "json"])
        #expect(json.status == 0 && json.stdout.contains("\"pollster\" : \"Demoscope\""))
        #expect(BarometerCLI.run(["polls", "list", warSide, "--format", "xml"]).status == 64)
    }

    @Test("chart draws the polls and the average in the language asked, with the model options of average")
    func chartDrawsThePollsAndTheAverage() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let out = scratch.appendingPathComponent("war.svg").path
        let run = BarometerCLI.run(["polls", "chart", warSide, "--question", "war_side", "--answer", "Russia", "--lang", "kk",
                                    "--random-walk-sd", "0.002", "--extra-variance", "0", "--out", out])
        #expect(run.status == 0 && run.stdout == "Wrote '\(out)'.\n", "\(run.stderr)")
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
        #expect(svg.components(separatedBy: "class=\"poll-dot\"").count - 1 == 3)
        #expect(svg.components(separatedBy: "class=\"average-band\"").count - 1 == 1)
        #expect(svg.contains("<desc id=\"poll-chart-desc\">Сауалнамалар орташасы: Russia; сауалнама саны: 3"))
        #expect(svg.contains("Сауалнамалардың орташасы: Russia"))  // the subtitle
        // The line ends at the average's last value, as `polls average` gives it.
        let average = BarometerCLI.run(["polls", "average", warSide, "--question", "war_side", "--answer", "Russia",
                                        "--random-walk-sd", "0.002", "--extra-variance", "0", "--format", "json"])
        let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(average.stdout.utf8))
        let last = try #require(result.rows.last { $0.statistic == .pollAverage }?.estimate)
        #expect(svg.contains(">\(Int((last * 100).rounded()))%</text>"))
        // The spelled-out --language is read the same; the model's options are checked as average's.
        let english = BarometerCLI.run(["polls", "chart", warSide, "--question", "war_side", "--language", "en", "--out", out])
        let englishSVG = try String(contentsOfFile: out, encoding: .utf8)
        #expect(english.status == 0 && englishSVG.contains("Poll average chart of Ukraine, Russia, Neutral"))
        let unknown = BarometerCLI.run(["polls", "chart", warSide, "--question", "war_side", "--reference", "Gallup", "--out", out])
        #expect(unknown.status == 1 && unknown.stderr == "error: The reference pollster 'Gallup' has no poll of this question; choose one of Demoscope.\n")
        #expect(BarometerCLI.run(["polls", "chart", warSide, "--question", "war_side", "--anchor", "soon", "--out", out]).status == 64)
        #expect(BarometerCLI.run(["polls", "chart", warSide, "--question", "war_side", "--out", "war.pdf"]).status == 64)
        #expect(BarometerCLI.run(["polls", "average", warSide, "--question", "war_side", "--reference", "A", "--anchor", "2022-11-14=15"]).status == 64)
    }

    /// The polls of a file as the library reads them.
    func libraryPolls(_ path: String) throws -> [Poll] {
        try PollTable.polls(from: DatasetLoader.load(path: path), name: "x")
    }

    @Test func badRequests() {
        let unknown = BarometerCLI.run(["polls", "average", warSide, "--question", "war_side", "--reference", "Gallup"])
        #expect(unknown.status == 1 && unknown.stderr == "error: The reference pollster 'Gallup' has no poll of this question; choose one of Demoscope.\n")
        let question = BarometerCLI.run(["polls", "average", warSide, "--question", "eeu"])
        #expect(question.status == 1 && question.stderr.contains("No poll asked the question 'eeu'"))
        let early = BarometerCLI.run(["polls", "average", warSide, "--question", "war_side", "--until", "2022-01-01"])
        #expect(early.status == 1 && early.stderr.contains("before the last poll (2023-05-07)"))
        #expect(BarometerCLI.run(["polls", "average", warSide, "--question", "war_side", "--until", "May"]).status == 64)
        let late = BarometerCLI.run(["polls", "average", warSide, "--question", "war_side", "--until", "2023-06-01", "--anchor", "2023-07-01=40"])
        #expect(late.status == 1 && late.stderr.contains("The anchor on 2023-07-01 lies after the end of the average (2023-06-01)"))
        // An anchor before the first poll (the previous election, say) starts the average on its day.
        let before = BarometerCLI.run(["polls", "average", warSide, "--question", "war_side", "--answer", "Russia", "--anchor", "2022-02-24=20", "--format", "csv"])
        #expect(before.status == 0 && before.stdout.contains("war_side,poll-average,2022-02-24,,Russia,Russia,0.2,0.0,"), "\(before.stderr)\(before.stdout.prefix(300))")
        // A date farther from the polls than they span is a typo, not an election: one sentence.
        let typo = BarometerCLI.run(["polls", "average", warSide, "--question", "war_side", "--answer", "Russia", "--anchor", "2012-11-14=15"])
        #expect(typo.status == 1 && typo.stderr == "error: The anchor on 2012-11-14 lies 3409 days before the first poll, farther from the polls than they span (2022-03-16 to 2023-05-07); check its date.\n", "\(typo.stderr)")
        #expect(BarometerCLI.run(["polls", "average", warSide, "--question", "war_side", "--anchor", "soon"]).status == 64)
        let anchored = BarometerCLI.run(["polls", "average", warSide, "--question", "war_side", "--answer", "Russia", "--anchor", "2022-11-14=15", "--format", "csv"])
        #expect(anchored.status == 0 && anchored.stdout.contains("war_side,poll-average,2022-11-14,,Russia,Russia,0.15,0.0,"), "\(anchored.stderr)\(anchored.stdout.prefix(300))")
    }

    @Test("--with-study: the study's waves enter as one more pollster with their design-based estimates and SEs")
    func withStudy() throws {
        let study = demoFolder + "/study"
        let run = BarometerCLI.run(["polls", "average", warSide, "--question", "war_side", "--answer", "Russia", "--with-study", study,
                                    "--concept", "war_side", "--levels", "russia", "--study-name", "Barometer", "--random-walk-sd", "0.002",
                                    "--extra-variance", "0", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(run.stdout.utf8))
        #expect(result.rows.filter { $0.statistic == .houseEffect }.compactMap { $0.domain["pollster"] } == ["Barometer", "Demoscope"])
        // The same as the library given the study's trend of the level.
        let trend = try StudyFolder(path: study).run(.trend("war_side", levels: ["russia"], changes: .none))
        let waves = try SurveyWaveObservations.observations(trend, pollster: "Barometer")
        #expect(waves.count == trend.rows.filter { $0.statistic == .proportion }.count && waves.count >= 4)
        #expect(waves.first?.samplingVariance == trend.rows.first { $0.statistic == .proportion }.map { $0.standardError! * $0.standardError! })
        let expected = try PollAverage.result(try libraryPolls(warSide), question: "war_side", answers: ["Russia"], also: ["Russia": waves],
                                              randomWalkSD: 0.002, extraVariance: 0)
        #expect(result.rows.map(\.estimate) == expected.rows.map(\.estimate))
        // Merged levels are one series.
        let merged = BarometerCLI.run(["polls", "average", warSide, "--question", "war_side", "--answer", "Russia", "--with-study", study,
                                       "--concept", "war_side", "--levels", "russia+neutral", "--format", "csv"])
        #expect(merged.status == 0 && merged.stdout.contains("house-effect,,Kazakhstan and Russia"), "\(merged.stderr)")
        // Bad combinations are one sentence.
        #expect(BarometerCLI.run(["polls", "average", warSide, "--question", "war_side", "--concept", "war_side"]).stderr
            .contains("--concept works with --with-study"))
        let noAnswer = BarometerCLI.run(["polls", "average", warSide, "--question", "war_side", "--with-study", study, "--concept", "war_side", "--levels", "russia"])
        #expect(noAnswer.status != 0 && noAnswer.stderr.contains("--with-study needs --answer"))
        let badLevel = BarometerCLI.run(["polls", "average", warSide, "--question", "war_side", "--answer", "Russia", "--with-study", study,
                                         "--concept", "war_side", "--levels", "martians"])
        #expect(badLevel.status == 1 && badLevel.stderr.split(separator: "\n").count == 1, "\(badLevel.stderr)")
    }
}
