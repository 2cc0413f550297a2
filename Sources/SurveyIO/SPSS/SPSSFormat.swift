import Foundation
import SurveyCore

/// A print or write format of an SPSS variable (`F8.2`, `A20`, `DATE11`), as packed into an
/// `int32` of the variable record: decimals in the low byte, then the width, then the type
/// (PSPP, *System File Format*, "Variable Record", table of format types).
struct SPSSFormat: Sendable, Equatable {
    var type: Int
    var width: Int
    var decimals: Int

    /// Format type codes and names; types 0, 13, 14, 18 and 19 are unused.
    private static let names: [Int: String] = [
        1: "A", 2: "AHEX", 3: "COMMA", 4: "DOLLAR", 5: "F", 6: "IB", 7: "PIBHEX", 8: "P", 9: "PIB",
        10: "PK", 11: "RB", 12: "RBHEX", 15: "Z", 16: "N", 17: "E", 20: "DATE", 21: "TIME",
        22: "DATETIME", 23: "ADATE", 24: "JDATE", 25: "DTIME", 26: "WKDAY", 27: "MONTH", 28: "MOYR",
        29: "QYR", 30: "WKYR", 31: "PCT", 32: "DOT", 33: "CCA", 34: "CCB", 35: "CCC", 36: "CCD",
        37: "CCE", 38: "EDATE", 39: "SDATE", 40: "MTIME", 41: "YMDHMS",
    ]
    private static let codes: [String: Int] = Dictionary(uniqueKeysWithValues: names.map { ($1, $0) })

    /// Seconds from the SPSS epoch, 1582-10-14 00:00, to 1970-01-01 00:00 (141 428 days).
    static let epochOffset: Double = 12_219_379_200

    init(type: Int, width: Int, decimals: Int) {
        self.type = type
        self.width = width
        self.decimals = decimals
    }

    /// Unpacks a format from its `int32` code.
    init(packed: UInt32) {
        type = Int(packed >> 16 & 0xFF)
        width = Int(packed >> 8 & 0xFF)
        decimals = Int(packed & 0xFF)
    }

    var packed: UInt32 {
        UInt32(type & 0xFF) << 16 | UInt32(width & 0xFF) << 8 | UInt32(decimals & 0xFF)
    }

    var name: String? { Self.names[type] }

    /// Whether the format type is one SPSS defines.
    var isKnown: Bool { name != nil }

    /// What kind of point in time values of this format are, if any. `WKDAY` and `MONTH` hold
    /// small integers (a weekday or month number), not points in time, so they have none.
    var temporal: TemporalKind? {
        switch type {
        case 20, 23, 24, 28, 29, 30, 38, 39: .date
        case 22, 41: .dateTime
        case 21, 25, 40: .time
        default: nil
        }
    }

    /// The format as SPSS syntax writes it: `F8.2`, `F8.0`, `A20`, `DATE11`, `DOLLAR8`,
    /// `DATETIME23.2`. `F` always shows its decimals, other types only when there are some (the
    /// convention of ReadStat and so of pyreadstat and haven).
    var text: String? {
        guard let name else { return nil }
        if type == 5 || decimals > 0 { return "\(name)\(width).\(decimals)" }
        return "\(name)\(width)"
    }

    /// Parses SPSS format syntax such as `F8.2`, `a20` or `DATE11`; `nil` when it is not one.
    init?(text: String) {
        let upper = text.uppercased().trimmingCharacters(in: .whitespaces)
        let letters = upper.prefix { $0.isLetter }
        guard let type = Self.codes[String(letters)] else { return nil }
        let rest = upper.dropFirst(letters.count)
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let width = Int(parts.first ?? ""), (1...32767).contains(width) else { return nil }
        var decimals = 0
        if parts.count == 2 {
            guard let d = Int(parts[1]), (0...16).contains(d) else { return nil }
            decimals = d
        }
        self.init(type: type, width: width, decimals: decimals)
    }
}
