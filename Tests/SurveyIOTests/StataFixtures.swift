import Foundation
import SurveyCore
import SurveyIO

/// Where the Stata fixtures live and small helpers shared by the Stata tests.
enum StataFixtures {
    static let root: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("stata")

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func read(_ relative: String) throws -> Dataset { try StataReader.read(path: path(relative)) }

    static func bytes(_ relative: String) throws -> Data { try Data(contentsOf: root.appendingPathComponent(relative)) }

    /// The names of the expectation files (`expected/*.json`), sorted.
    static var expectationFiles: [String] {
        let dir = root.appendingPathComponent("expected")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    static func numbers(_ d: Dataset, _ name: String) -> [Double]? {
        guard case .numeric(let v) = try? d.column(name).values else { return nil }
        return v
    }

    static func texts(_ d: Dataset, _ name: String) -> [String?]? {
        guard case .text(let t) = try? d.column(name).values else { return nil }
        return t
    }
}

/// A scratch directory removed when the value is released.
final class StataScratch {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("barometer-stata-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    deinit { try? FileManager.default.removeItem(at: url) }
}
