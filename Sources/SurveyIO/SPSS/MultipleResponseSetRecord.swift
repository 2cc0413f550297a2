import SurveyCore

/// Parses the multiple response sets records (record 7, subtypes 7 and 19; PSPP, *System File
/// Format*, "Multiple Response Sets Records") and writes them back.
///
/// Each set is one line: `$name=` then `C` (categories), `D` (dichotomies) or `E` (dichotomies
/// labelled by counted values, subtype 19), the counted value and the label as byte counts
/// followed by bytes, and the lower-case short names of the variables:
///
/// ```
/// $a=C 10 my mcgroup a b c
/// $b=D2 55 0  g e f d
/// $d=E 1 2 34 13 third mdgroup k l m
/// ```
enum MultipleResponseSetRecord {
    /// One set as stored: texts still bytes, variables still short names.
    struct RawSet {
        var name: [UInt8]
        var kind: UInt8
        /// For `E` sets, 11 when the label comes from the first variable's label.
        var labelSource: Int
        var countedValue: [UInt8]
        var label: [UInt8]
        var variables: [[UInt8]]
    }

    /// The sets of one record; a malformed set ends the parse (the record is nonessential), and
    /// the sets read before it are kept.
    static func parse(_ data: [UInt8]) -> [RawSet] {
        var sets: [RawSet] = []
        var i = 0
        func skip(_ byte: UInt8) -> Bool {
            guard i < data.count, data[i] == byte else { return false }
            i += 1
            return true
        }
        func number() -> Int? {
            var value = 0, digits = 0
            while i < data.count, (0x30...0x39).contains(data[i]), digits < 9 {
                value = value * 10 + Int(data[i] - 0x30)
                i += 1
                digits += 1
            }
            return digits > 0 ? value : nil
        }
        func counted() -> [UInt8]? {
            guard let n = number(), skip(0x20), n <= data.count - i else { return nil }
            defer { i += n }
            return Array(data[i..<(i + n)])
        }
        while i < data.count {
            while i < data.count, data[i] == 0x0A || data[i] == 0x0D { i += 1 }
            guard i < data.count else { break }
            guard let equals = data[i...].firstIndex(of: UInt8(ascii: "=")) else { break }
            var set = RawSet(name: Array(data[i..<equals]), kind: 0, labelSource: 0, countedValue: [], label: [], variables: [])
            i = equals + 1
            guard i < data.count else { break }
            set.kind = data[i]
            i += 1
            switch set.kind {
            case UInt8(ascii: "C"):
                break
            case UInt8(ascii: "D"):
                guard let value = counted() else { return sets }
                set.countedValue = value
            case UInt8(ascii: "E"):
                guard skip(0x20), let source = number(), skip(0x20), let value = counted() else { return sets }
                set.labelSource = source
                set.countedValue = value
            default:
                return sets
            }
            guard skip(0x20), let label = counted() else { return sets }
            set.label = label
            let lineEnd = data[i...].firstIndex(of: 0x0A) ?? data.count
            set.variables = data[i..<lineEnd].split(separator: 0x20).map { Array($0) }
            i = lineEnd
            sets.append(set)
        }
        return sets
    }

    /// The record text for `sets`, whose variables are given by their short names.
    /// - Returns: the subtype-7 text (`C` and `D` sets) and the subtype-19 text (none here: sets
    ///   are written as `D`, which every SPSS version reads).
    static func encode(_ sets: [(set: MultipleResponseSet, shortNames: [String])]) -> [UInt8] {
        var out: [UInt8] = []
        func counted(_ text: String) -> [UInt8] {
            let bytes = Array(text.utf8)
            return Array(String(bytes.count).utf8) + [0x20] + bytes
        }
        for (set, shortNames) in sets {
            let name = set.name.hasPrefix("$") ? set.name : "$" + set.name
            out += Array(name.utf8) + [UInt8(ascii: "=")]
            switch set.kind {
            case .categories:
                out += [UInt8(ascii: "C")]
            case .dichotomies(let value):
                out += [UInt8(ascii: "D")] + counted(value)
            }
            out += [0x20] + counted(set.label.text() ?? "")
            for short in shortNames { out += [0x20] + Array(short.lowercased().utf8) }
            out.append(0x0A)
        }
        return out
    }
}
