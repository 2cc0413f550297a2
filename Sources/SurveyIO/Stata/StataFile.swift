import SurveyCore

/// The contents of a `.dta` file as stored, before they become a ``Dataset``: what
/// ``StataFileParser`` produces and ``StataDatasetBuilder`` interprets.
struct StataFile: Sendable {
    struct Variable: Sendable {
        var name: String
        var type: StataStorageType
        var format: String
        /// The name of the value-label set attached to the variable ("" for none).
        var valueLabelSet: String
        var label: String
    }

    /// A characteristic `target[name]`: `target` is `_dta` for the data set, else a variable.
    struct Characteristic: Sendable {
        var target: String
        var name: String
        var value: String
    }

    /// One entry of a value-label set: a stored code (an extended missing code for `.a`–`.z`).
    struct ValueLabelEntry: Sendable, Equatable {
        var code: Double
        var label: String
    }

    var release: StataRelease
    var bigEndian: Bool
    var dataLabel: String
    var variables: [Variable] = []
    var characteristics: [Characteristic] = []
    /// Value-label sets by name, entries in the order the file gives them.
    var valueLabelSets: [String: [ValueLabelEntry]] = [:]
    /// One array of values per variable, in variable order.
    var columns: [Column.Values] = []
    var encoding: String

    /// The characteristics of `target`, by name (the last wins when a name repeats).
    func characteristics(of target: String) -> [String: String] {
        var result: [String: String] = [:]
        for c in characteristics where c.target == target { result[c.name] = c.value }
        return result
    }
}
