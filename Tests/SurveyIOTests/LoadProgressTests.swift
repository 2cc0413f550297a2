import Foundation
import SurveyCore
import SurveyIO
import Synchronization
import Testing

/// Progress of large SPSS and Stata files is reported as they are read, not only at the end.
@Suite("Load progress")
struct LoadProgressTests {
    static func dataset(rows: Int) throws -> Dataset {
        try Dataset(columns: [
            .numeric("a", (0..<rows).map(Double.init)),
            .numeric("b", (0..<rows).map { Double($0 % 7) }),
            .numeric("c", (0..<rows).map { Double($0) / 3 }),
        ])
    }

    func calls(_ path: String) throws -> [(Int, Int)] {
        let seen = Mutex<[(Int, Int)]>([])
        _ = try DatasetLoader.load(path: path) { done, total in seen.withLock { $0.append((done, total)) } }
        return seen.withLock { $0 }
    }

    @Test(arguments: ["sav", "dta"])
    func progressGrowsWhileReading(_ ext: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID()).\(ext)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try DatasetWriter.write(try Self.dataset(rows: 60_000), to: path)
        let seen = try calls(path)
        #expect(seen.count > 2, "\(ext): \(seen.count) calls")
        let fractions = seen.map { Double($0.0) / Double(max($0.1, 1)) }
        #expect(zip(fractions, fractions.dropFirst()).allSatisfy { $0 <= $1 + 1e-12 }, "\(ext): not monotone")
        #expect(fractions.first! < 1 && abs(fractions.last! - 1) < 1e-12)
    }
}
