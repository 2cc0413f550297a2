import Foundation
import SurveyCore
import SurveyIO

/// Paths of the SPSS fixtures copied into the test bundle (see Fixtures/spss/MANIFEST.tsv).
enum SPSSFixtures {
    static let root: URL = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/spss")

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Every system and portable file among the fixtures, relative to `root`.
    static func all(extensions: Set<String> = ["sav", "zsav", "por"]) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var found: [String] = []
        while let item = walker.nextObject() as? String {
            if extensions.contains((item as NSString).pathExtension.lowercased()) { found.append(item) }
        }
        return found.sorted()
    }
}
