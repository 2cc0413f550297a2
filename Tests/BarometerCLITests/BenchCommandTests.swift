import BarometerCLI
import Foundation
import Testing

/// What `barometer bench read` prints; checked for shape only, never for speed.
private struct BenchJSON: Decodable {
    let file: String
    let bytes: Int
    let rows: Int
    let columns: Int
    let seconds: [Double]
    let median: Double
    let best: Double
    let megabytesPerSecond: Double
}

@Suite("barometer bench")
struct BenchCommandTests {
    private func bench(_ arguments: String...) throws -> BenchJSON {
        let run = BarometerCLI.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("}\n") && run.stdout.filter { $0 == "\n" }.count == 1, "one JSON line")
        return try JSONDecoder().decode(BenchJSON.self, from: Data(run.stdout.utf8))
    }

    @Test func readReportsEveryRepetition() throws {
        let report = try bench("bench", "read", OpinionFixture.csv, "--repeat", "3")
        #expect(report.file == OpinionFixture.csv)
        #expect(report.rows == 12)
        #expect(report.columns == 7)
        let size = try FileManager.default.attributesOfItem(atPath: OpinionFixture.csv)[.size] as? NSNumber
        #expect(report.bytes == size?.intValue)
        #expect(report.seconds.count == 3)
        #expect(report.seconds.allSatisfy { $0 >= 0 })
        #expect(report.best == report.seconds.min())
        #expect(report.median == report.seconds.sorted()[1])
        #expect(report.megabytesPerSecond >= 0)
    }

    @Test func readsAnSPSSFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sav = folder.appendingPathComponent("opinion.sav").path
        #expect(BarometerCLI.run(["convert", OpinionFixture.csv, sav]).status == 0)

        let report = try bench("bench", "read", sav)
        #expect(report.rows == 12)
        #expect(report.columns == 7)
        #expect(report.seconds.count == 3, "three reads by default")
    }

    @Test func badRepeatAndMissingFile() {
        let zero = BarometerCLI.run(["bench", "read", OpinionFixture.csv, "--repeat", "0"])
        #expect(zero.status == 64)
        #expect(zero.stderr.contains("--repeat must be at least 1"))

        let missing = BarometerCLI.run(["bench", "read", "no-such-file.sav"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: File 'no-such-file.sav' not found"))
        #expect(missing.stdout.isEmpty)
    }

    @Test func benchAloneShowsItsVerbs() {
        let run = BarometerCLI.run(["bench"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("read"))
    }
}
