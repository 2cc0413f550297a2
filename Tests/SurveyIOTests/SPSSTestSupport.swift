import Foundation
import SurveyCore
import SurveyIO

/// Helpers shared by the SPSS tests.
enum SPSSTest {
    static func read(_ fixture: String) throws -> Dataset {
        try SPSSReader.read(path: SPSSFixtures.path(fixture))
    }

    /// The error reading `bytes` gives, or `nil` when they read.
    static func readError(_ bytes: [UInt8], name: String = "test.sav") -> ReadError? {
        do {
            _ = try SPSSReader.read(bytes: bytes, name: name)
            return nil
        } catch {
            return error
        }
    }

    static func numbers(_ d: Dataset, _ name: String) -> [Double]? {
        guard case .numeric(let v) = try? d.column(name).values else { return nil }
        return v
    }

    /// The values of a string column (categorical or text), `nil` when missing.
    static func strings(_ d: Dataset, _ name: String) -> [String?]? {
        switch try? d.column(name).values {
        case .categorical(let codes, let levels): codes.map { $0 < 0 ? nil : levels[Int($0)] }
        case .text(let values): values
        default: nil
        }
    }

    /// Numbers equal, `NaN` equal to `NaN`.
    static func same(_ a: [Double]?, _ b: [Double]?) -> Bool {
        guard let a, let b, a.count == b.count else { return false }
        return zip(a, b).allSatisfy { $0.isNaN && $1.isNaN || $0 == $1 }
    }

    /// Two columns hold the same values (numbers with `NaN` equal; strings whatever their kind).
    static func sameValues(_ a: Column, _ b: Column) -> Bool {
        guard a.name == b.name else { return false }
        switch (a.values, b.values) {
        case (.numeric(let x), .numeric(let y)): return same(x, y)
        case (.numeric, _), (_, .numeric): return false
        default: return texts(a) == texts(b)
        }
    }

    static func texts(_ c: Column) -> [String?] {
        switch c.values {
        case .categorical(let codes, let levels): codes.map { $0 < 0 ? nil : levels[Int($0)] }
        case .text(let values): values
        case .numeric: []
        }
    }

    /// Metadata equal, a value label's `NaN` code equal to `NaN` (a string label's `code` is NaN,
    /// so `VariableMetadata`'s own `==` never holds for string labels).
    static func sameMetadata(_ a: VariableMetadata, _ b: VariableMetadata) -> Bool {
        var a = a, b = b
        for i in a.valueLabels.indices where a.valueLabels[i].stringCode != nil { a.valueLabels[i].code = 0 }
        for i in b.valueLabels.indices where b.valueLabels[i].stringCode != nil { b.valueLabels[i].code = 0 }
        return a == b
    }

    /// A scratch directory removed when the value goes away.
    final class Scratch {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("barometer-spss-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }
}
