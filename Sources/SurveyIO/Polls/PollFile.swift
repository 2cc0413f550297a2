import Foundation
import Polls
import SurveyCore

/// A file of polls, by its extension: YAML (`.yaml`, `.yml`; ``PollsYAML``) or a table with one
/// row per answer (`.csv` and the other formats ``DatasetLoader`` reads; ``Polls/PollTable``).
public enum PollFile {
    /// Reads and checks the polls of `path`.
    /// - Throws: ``ReadError`` for a file that cannot be read; ``SurveyCore/SurveyError``
    ///   (`.invalidData`) naming the row or line and the field of a poll that fails its checks.
    public static func read(path: String) throws -> [Poll] {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "yaml" || ext == "yml" { return try PollsYAML.read(path: path) }
        return try PollTable.polls(from: try DatasetLoader.load(path: path), name: path)
    }
}
