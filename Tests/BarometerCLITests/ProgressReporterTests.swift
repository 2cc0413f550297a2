@testable import BarometerCLI
import Foundation
import SurveyIO
import Testing

/// Collects what a reporter draws.
private final class Screen {
    var text = ""
}

@Suite("Progress reporter")
struct ProgressReporterTests {
    @Test func drawsABarOnlyWhenThePercentageChangesAndErasesIt() {
        let screen = Screen()
        let reporter = ProgressReporter(minimumBytes: 0) { screen.text += $0 }
        let handler = reporter.handler(reading: "/data/wave12.csv")
        handler?(0, 1000)
        handler?(4, 1000)
        handler?(410, 1000)
        handler?(1000, 1000)
        reporter.finish()
        let empty = String(repeating: "░", count: 30)
        let full = String(repeating: "█", count: 30)
        let part = String(repeating: "█", count: 12) + String(repeating: "░", count: 18)
        #expect(screen.text == "\rReading wave12.csv  \(empty)    0%"
            + "\rReading wave12.csv  \(part)   41%"
            + "\rReading wave12.csv  \(full)  100%"
            + "\r\u{1B}[2K")
    }

    @Test func smallFilesGetNoBar() {
        let screen = Screen()
        let reporter = ProgressReporter(minimumBytes: 1 << 20) { screen.text += $0 }
        reporter.handler(reading: "small.csv")?(100, 1000)
        reporter.finish()
        #expect(screen.text.isEmpty)
    }

    @Test func silentReporterGivesReadersNoHandler() {
        #expect(ProgressReporter.silent.handler(reading: "x.csv") == nil)
        #expect(!ProgressReporter.silent.isEnabled)
    }

    @Test func csvReaderReportsBytesUpToTheEnd() throws {
        // About 1.2 MB, so that the reader reports along the way (at least every 64 KiB).
        var text = "a,b\n"
        for i in 0..<100_000 { text += "\(i),\(i % 7)\n" }
        let data = Data(text.utf8)
        final class Calls { var list: [(Int, Int)] = [] }
        let calls = Calls()
        _ = try CSVReader.read(data: data, name: "big.csv", progress: { calls.list.append(($0, $1)) })
        #expect(calls.list.count > 5)
        #expect(calls.list.allSatisfy { $0.1 == data.count })
        #expect(zip(calls.list, calls.list.dropFirst()).allSatisfy { $0.0 <= $1.0 })
        #expect(calls.list.last?.0 == data.count)
    }

    @Test func loaderPassesProgressOn() throws {
        final class Calls { var last: (Int, Int)? }
        let calls = Calls()
        _ = try DatasetLoader.load(path: OpinionFixture.csv, progress: { calls.last = ($0, $1) })
        let size = try FileManager.default.attributesOfItem(atPath: OpinionFixture.csv)[.size] as? Int
        #expect(calls.last?.0 == size)
        #expect(calls.last?.1 == size)
    }

    @Test func commandsRunThroughTheLibraryDrawNothing() {
        let run = BarometerCLI.run(["codebook", OpinionFixture.csv])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
    }
}
