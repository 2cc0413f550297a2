/// A spreadsheet as data: named sheets of rows of cells, built by pure modules (Reports) and
/// written as an .xlsx file by SurveyIO's `XLSXWriter`.
///
/// The model holds what a reader of the sheet sees, not how a file lays it out: each sheet has
/// a header row (bold and frozen in the file), rows of text, numbers and empty cells, and
/// optional column widths, wrapped columns and drop-down lists (``WorksheetListValidation``).
///
/// ```swift
/// let sheet = Worksheet(name: "Estimates", header: ["Level", "Estimate"],
///                       rows: [[.text("Favourable"), .number(0.3941)]])
/// let workbook = Workbook(sheets: [sheet])
/// ```
public struct Workbook: Sendable, Equatable {
    /// The sheets, in the order of their tabs.
    public var sheets: [Worksheet]

    /// A workbook of `sheets`.
    public init(sheets: [Worksheet]) {
        self.sheets = sheets
    }

    /// The characters a sheet name may not hold in spreadsheet programs.
    public static let forbiddenSheetNameCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// The longest sheet name spreadsheet programs accept, in UTF-16 code units.
    public static let maximumSheetNameLength = 31

    /// The names the sheets get in a file: each sheet's name with the characters spreadsheet
    /// programs refuse (`[ ] : * ? / \` and control characters) replaced by a space, leading and
    /// trailing apostrophes and spaces trimmed, cut to 31 UTF-16 code units, "Sheet N" for a
    /// name left empty, and a suffix " (2)", " (3)", ... where a name repeats another
    /// (compared without case, as spreadsheet programs do).
    public var sheetNames: [String] {
        var taken = Set<String>()
        return sheets.enumerated().map { index, sheet in
            let base = Self.cleanSheetName(sheet.name, fallback: "Sheet \(index + 1)")
            var name = base
            var copy = 1
            while taken.contains(name.lowercased()) {
                copy += 1
                let suffix = " (\(copy))"
                name = Self.cut(base, to: Self.maximumSheetNameLength - suffix.utf16.count) + suffix
            }
            taken.insert(name.lowercased())
            return name
        }
    }

    /// `name` without forbidden characters, trimmed and cut to the longest allowed length.
    static func cleanSheetName(_ name: String, fallback: String) -> String {
        let replaced = String(name.map { character -> Character in
            Self.forbiddenSheetNameCharacters.contains(character)
                || character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) ? " " : character
        })
        let trimmed = Self.trimmed(replaced)
        let cutName = Self.trimmed(Self.cut(trimmed, to: Self.maximumSheetNameLength))
        return cutName.isEmpty ? fallback : cutName
    }

    /// `text` without leading and trailing spaces and apostrophes (a name may not start or end
    /// with an apostrophe).
    private static func trimmed(_ text: String) -> String {
        let drop: (Character) -> Bool = { $0 == " " || $0 == "'" }
        return String(text.drop(while: drop).reversed().drop(while: drop).reversed())
    }

    /// The longest prefix of `text` (whole characters) of at most `length` UTF-16 code units.
    private static func cut(_ text: String, to length: Int) -> String {
        var out = ""
        var used = 0
        for character in text {
            let size = character.utf16.count
            if used + size > length { break }
            out.append(character)
            used += size
        }
        return out
    }
}
