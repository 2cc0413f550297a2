import BarometerCLI
import Foundation
import SurveyCore
import SurveyIO
import Testing

/// A fresh folder for one test's files, removed at the end.
private final class Scratch {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("convert-\(UUID())")

    init() throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    func copy(_ source: String, as name: String) throws -> String {
        try FileManager.default.copyItem(atPath: source, toPath: path(name))
        return path(name)
    }
}

@Suite("barometer convert")
struct ConvertCommandTests {
    @Test func csvToCSVWritesCodesAndASidecarCodebook() throws {
        let scratch = try Scratch()
        let out = scratch.path("wave.csv")
        let run = BarometerCLI.run(["convert", OpinionFixture.csv, out, "--codebook", OpinionFixture.yaml])
        #expect(run.status == 0, "\(run.stderr)")
        let sidecar = scratch.path("wave.codebook.yaml")
        #expect(run.stdout == "Wrote '\(out)' and '\(sidecar)': 12 respondents, 7 variables.\n")
        #expect(scratch.files == ["wave.codebook.yaml", "wave.csv"])

        let csv = try String(contentsOfFile: out, encoding: .utf8)
        #expect(csv.hasPrefix("id,region,psu,wt,q1,sex,age\r\n1,North,1,1.5,1,F,25\r\n"))
        #expect(csv.contains("\r\n4,North,2,2,1,M,\r\n"), "a missing value is an empty field")
        #expect(csv.hasSuffix("\r\n12,South,2,3,,M,41\r\n"))

        // The pair reads back to the same data and labels.
        let back = try CodebookMerger.apply(try CodebookYAML.read(path: sidecar), to: try DatasetLoader.load(path: out),
                                            dataName: out)
        let original = try CodebookMerger.apply(try CodebookYAML.read(path: OpinionFixture.yaml),
                                                to: try DatasetLoader.load(path: OpinionFixture.csv), dataName: "x")
        #expect(back.variableNames == original.variableNames)
        #expect(CSVWriter.string(back) == CSVWriter.string(original))
        #expect(back.codebook == original.codebook)
    }

    @Test func noSidecarWithoutLabels() throws {
        let scratch = try Scratch()
        let run = BarometerCLI.run(["convert", OpinionFixture.csv, scratch.path("plain.csv")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Wrote '\(scratch.path("plain.csv"))': 12 respondents, 7 variables.\n")
        #expect(scratch.files == ["plain.csv"])
    }

    @Test func refusesToOverwriteTheInput() throws {
        let scratch = try Scratch()
        let input = try scratch.copy(OpinionFixture.csv, as: "data.csv")
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        for output in [input, scratch.url.path + "/./data.csv", scratch.url.path + "/../" + scratch.url.lastPathComponent + "/data.csv"] {
            let run = BarometerCLI.run(["convert", input, output, "--codebook", OpinionFixture.yaml])
            #expect(run.status == 1)
            #expect(run.stderr == "error: Cannot write '\(output)': it is the input file '\(input)', which a conversion never overwrites; choose another output name.\n")
        }
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link.csv"), withDestinationPath: input)
        let viaLink = BarometerCLI.run(["convert", input, scratch.path("link.csv")])
        #expect(viaLink.status == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
        #expect(scratch.files == ["data.csv", "link.csv"])
    }

    @Test func refusesASidecarOverTheInput() throws {
        let scratch = try Scratch()
        let input = try scratch.copy(OpinionFixture.yaml, as: "x.codebook.yaml")
        #expect(throws: ReadError.self) { try DatasetWriter.check(output: scratch.path("x.csv"), input: input) }
        do {
            try DatasetWriter.check(output: scratch.path("x.csv"), input: input)
        } catch {
            #expect(error.message == "Cannot write '\(scratch.path("x.codebook.yaml"))': it is the input file '\(input)', which a conversion never overwrites; choose another output name.")
        }
        #expect(DatasetWriter.sidecarPath(for: "/a/wave.csv") == "/a/wave.codebook.yaml")
    }

    @Test func replacesAnEarlierOutputWhole() throws {
        let scratch = try Scratch()
        let out = scratch.path("out.csv")
        try "stale".write(toFile: out, atomically: true, encoding: .utf8)
        let run = BarometerCLI.run(["convert", OpinionFixture.csv, out])
        #expect(run.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("id,region"))
        #expect(scratch.files == ["out.csv"])
    }

    @Test func unknownOutputFormat() throws {
        let scratch = try Scratch()
        let run = BarometerCLI.run(["convert", OpinionFixture.csv, scratch.path("out.xlsx")])
        #expect(run.status == 1)
        #expect(run.stderr == "error: Cannot write '\(scratch.path("out.xlsx"))': '.xlsx' is not a format Barometer writes; name the output .csv, .sav, .zsav or .dta.\n")
        #expect(scratch.files.isEmpty)
    }

    /// CSV with a YAML codebook → Stata 118 → read back: same values, labels and missing codes.
    @Test func toStataAndBack() throws {
        let scratch = try Scratch()
        let out = scratch.path("out.dta")
        let run = BarometerCLI.run(["convert", OpinionFixture.csv, out, "--codebook", OpinionFixture.yaml])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(scratch.files == ["out.dta"])
        let original = BarometerCLI.run(["estimate", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--weight", "wt",
                                         "--proportion", "q1", "--mean", "age", "--format", "csv"])
        let converted = BarometerCLI.run(["estimate", out, "--weight", "wt", "--proportion", "q1", "--mean", "age", "--format", "csv"])
        #expect(original.status == 0 && converted.status == 0, "\(converted.stderr)")
        #expect(converted.stdout == original.stdout)
        #expect(converted.stdout.contains("Very favourable"))
    }

    /// CSV with a YAML codebook → SPSS (.sav, .zsav) → read back: same estimates and labels.
    @Test(arguments: ["out.sav", "out.zsav"])
    func toSPSSAndBack(_ name: String) throws {
        let scratch = try Scratch()
        let out = scratch.path(name)
        let run = BarometerCLI.run(["convert", OpinionFixture.csv, out, "--codebook", OpinionFixture.yaml])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(scratch.files == [name], "no temporary file is left")
        let original = BarometerCLI.run(["estimate", OpinionFixture.csv, "--codebook", OpinionFixture.yaml, "--weight", "wt",
                                         "--proportion", "q1", "--mean", "age", "--format", "csv"])
        let converted = BarometerCLI.run(["estimate", out, "--weight", "wt", "--proportion", "q1", "--mean", "age", "--format", "csv"])
        #expect(original.status == 0 && converted.status == 0, "\(converted.stderr)")
        #expect(converted.stdout == original.stdout)
        #expect(converted.stdout.contains("Very favourable"))
    }

    @Test func missingOutputFolder() throws {
        let scratch = try Scratch()
        let out = scratch.path("nowhere/out.csv")
        let run = BarometerCLI.run(["convert", OpinionFixture.csv, out])
        #expect(run.status == 1)
        #expect(run.stderr == "error: Cannot write '\(out)': the folder '\(scratch.path("nowhere"))' does not exist; create it first or choose another path.\n")
    }

    @Test func missingInput() throws {
        let scratch = try Scratch()
        let run = BarometerCLI.run(["convert", scratch.path("none.csv"), scratch.path("out.csv")])
        #expect(run.status == 1)
        #expect(run.stderr == "error: File '\(scratch.path("none.csv"))' not found; check the path.\n")
        #expect(scratch.files.isEmpty)
    }
}

@Suite("Convert: CSV writer")
struct ConvertCSVWriterTests {
    @Test func quotingNumbersAndMissing() throws {
        let dataset = try Dataset(columns: [
            .numeric("x", [1, 2.5, .nan, 1e-5, .infinity, -3]),
            .categorical("t", strings: ["a,b", "say \"hi\"", nil, " pad", "line\nbreak", "Алматы"]),
            Column(name: "open ended", values: .text(["ok", nil, "x", "y", "z", "w"])),
        ])
        let csv = CSVWriter.string(dataset)
        #expect(csv == "x,t,open ended\r\n1,\"a,b\",ok\r\n2.5,\"say \"\"hi\"\"\",\r\n,,x\r\n1e-05,\" pad\",y\r\nInf,\"line\nbreak\",z\r\n-3,Алматы,w\r\n")
        let back = try CSVReader.read(string: csv, name: "back.csv")
        #expect(try back.column("x") == dataset.column("x") || {
            guard case .numeric(let v) = try back.column("x").values else { return false }
            return v[0] == 1 && v[1] == 2.5 && v[2].isNaN && v[3] == 1e-5 && v[4] == .infinity && v[5] == -3
        }())
    }
}
