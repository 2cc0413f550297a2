import SurveyCore

/// A variable of a system file once its records are put together: a numeric variable, a string
/// with its continuation records, or a very long string with its segments (PSPP, *System File
/// Format*, "Very Long String Record").
struct SystemFileVariable {
    /// The variable record of the (first) segment.
    var record: SystemFileDictionary.VariableRecord
    /// The 8-byte short name in the variable record.
    var shortName: String
    /// The long name if the file gives one, else the short name.
    var name: String
    /// 0 for numeric, else the width in bytes.
    var width: Int
    /// Where the string's bytes are in a case: the first unit and how many bytes to take,
    /// one entry per segment.
    var segments: [(slot: Int, bytes: Int)]
    var metadata = VariableMetadata()

    var isNumeric: Bool { width == 0 }

    init(record: SystemFileDictionary.VariableRecord, shortName: String) {
        self.record = record
        self.shortName = shortName
        self.name = shortName
        self.width = record.width
        self.segments = [(record.slot, record.width)]
    }

    /// Widens this variable into a very long string of `width` bytes stored in `parts` (this
    /// variable's record first). Each segment but the last holds 255 bytes of the string.
    mutating func merge(segments parts: [SystemFileDictionary.VariableRecord], width: Int) {
        self.width = width
        var left = width
        segments = []
        for (i, part) in parts.enumerated() {
            let take = min(left, i == parts.count - 1 ? part.width : 255)
            segments.append((part.slot, max(take, 0)))
            left -= max(take, 0)
        }
    }
}
