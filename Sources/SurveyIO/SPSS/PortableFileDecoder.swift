import SurveyCore

/// Turns the bytes of an SPSS portable file (`.por`) into a ``Dataset`` (PSPP, *Portable File
/// Format*).
///
/// A portable file is text in lines of 80 characters (shorter lines stand for lines padded with
/// spaces). It starts with 200 bytes of splash strings, a 256-byte table that gives, for each
/// character of the portable character set, the byte the file uses for it, and the tag
/// `SPSSPORT`. Then come tagged records: `1`-`3` product and author, `4` the variable count,
/// `5` precision, `6` the weight variable, `7` a variable (width, name, print and write
/// formats), `8`-`B` its missing values, `C` its label, `D` value labels, `E` documents and `F`
/// the data, ended by `Z`. Numbers are written in base 30 (digits `0`-`9`, `A`-`T`) with an
/// optional fraction and base-30 exponent, each ended by `/`; `*.` is system-missing. A string
/// is its length as a number, then that many characters.
struct PortableFileDecoder {
    /// The file's characters: raw bytes in a file whose table puts digits and letters where
    /// ASCII does (then text is decoded with `text`), else Unicode scalars translated through the
    /// table.
    private var units: [UInt32] = []
    private var position = 0
    private var translated = false
    private var text: TextDecoder

    /// The characters of the portable character set from position 64 on (PSPP's table); 0 marks
    /// a reserved position. Control characters (0-63) are not used in text.
    private static let portableCharacters: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 256)
        let printable = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .<(+|&[]!$*);^-/¦,%_>?`:£@'=\"≤□±■°†~–└┌≥⁰¹²³⁴⁵⁶⁷⁸⁹┘┐≠—⁽⁾‡{}\\¢·".unicodeScalars)
        for (i, scalar) in printable.enumerated() { table[64 + i] = scalar.value }
        return table
    }()

    private struct Variable {
        var name: String
        var width: Int
        var format: SPSSFormat
        var metadata = VariableMetadata()
    }

    static func decode(_ bytes: [UInt8], encoding: TextDecoder?) throws(SPSSFormatError) -> Dataset {
        var decoder = PortableFileDecoder(text: encoding ?? .windows1252)
        try decoder.load(bytes, encodingGiven: encoding != nil)
        return try decoder.run()
    }

    private init(text: TextDecoder) {
        self.text = text
    }

    // MARK: - Characters

    /// Joins the 80-character lines, reads the translation table and maps every later byte.
    private mutating func load(_ bytes: [UInt8], encodingGiven: Bool) throws(SPSSFormatError) {
        var joined: [UInt8] = []
        joined.reserveCapacity(bytes.count)
        var lineStart = 0
        var i = 0
        while i <= bytes.count {
            if i == bytes.count || bytes[i] == 0x0A {
                var end = i
                if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
                joined.append(contentsOf: bytes[lineStart..<end])
                if i < bytes.count, end - lineStart < 80 {
                    joined.append(contentsOf: repeatElement(0x20, count: 80 - (end - lineStart)))
                }
                lineStart = i + 1
            }
            i += 1
        }
        guard joined.count >= 464 else {
            throw SPSSFormatError(.malformed, "the file is \(bytes.count) bytes long, too short for the 464-byte header of an SPSS portable file; it is truncated or not a portable file")
        }
        let table = Array(joined[200..<456])
        let asciiLayout = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        translated = Array(table[64..<126]) != asciiLayout
        if translated {
            var map = [UInt32](repeating: 0xFFFD, count: 256)
            var seen = [Bool](repeating: false, count: 256)
            for p in 64..<256 where Self.portableCharacters[p] != 0 && !seen[Int(table[p])] {
                seen[Int(table[p])] = true
                map[Int(table[p])] = Self.portableCharacters[p]
            }
            units = joined[456...].map { map[Int($0)] }
        } else {
            units = joined[456...].map { UInt32($0) }
            if !encodingGiven {
                let high = joined[456...].filter { $0 >= 0x80 }
                if !high.isEmpty, TextDecoder.isValidUTF8(joined[456...]) { text = .utf8 }
            }
        }
        let tag = units.prefix(8).compactMap { Unicode.Scalar($0).map(Character.init) }
        guard String(tag) == "SPSSPORT" else {
            throw SPSSFormatError(.unsupportedFormat, "it lacks the 'SPSSPORT' signature of an SPSS portable file; check that the file is the one you meant")
        }
        position = 8
    }

    private func character(_ c: Character) -> UInt32 { c.unicodeScalars.first?.value ?? 0 }

    private var offsetDescription: String { "character \(position + 464)" }

    private mutating func next(_ what: String) throws(SPSSFormatError) -> UInt32 {
        guard position < units.count else { throw .truncated(what, at: position + 464) }
        defer { position += 1 }
        return units[position]
    }

    private func peek() -> UInt32? { position < units.count ? units[position] : nil }

    // MARK: - Fields

    /// A base-30 number ended by `/`; `nil` for system-missing (`*` and one more character).
    private mutating func number(_ what: String) throws(SPSSFormatError) -> Double? {
        var c = try next(what)
        while c == 0x20 { c = try next(what) }
        if c == character("*") {
            _ = try next(what)
            return nil
        }
        var negative = false
        if c == character("-") {
            negative = true
            c = try next(what)
        }
        var mantissa = 0.0, scale = 0, digits = 0, fraction = false
        while true {
            if let d = Self.digit(c) {
                mantissa = mantissa * 30 + Double(d)
                if fraction { scale -= 1 }
                digits += 1
            } else if c == character("."), !fraction {
                fraction = true
            } else {
                break
            }
            c = try next(what)
        }
        guard digits > 0 else {
            throw .damaged("the portable file has no number where \(what) should be, at \(offsetDescription)")
        }
        if c == character("+") || c == character("-") {
            let sign = c == character("-") ? -1 : 1
            var exponent = 0
            c = try next(what)
            var expDigits = 0
            while let d = Self.digit(c) {
                exponent = min(exponent * 30 + d, 10_000)
                expDigits += 1
                c = try next(what)
            }
            guard expDigits > 0 else { throw .damaged("a number in \(what) has an empty exponent, at \(offsetDescription)") }
            scale += sign * exponent
        }
        guard c == character("/") else {
            throw .damaged("a number in \(what) is not ended by '/', at \(offsetDescription)")
        }
        let value = scale == 0 || mantissa == 0 ? mantissa : mantissa * Self.power30(scale)
        return negative ? -value : value
    }

    private static func digit(_ c: UInt32) -> Int? {
        switch c {
        case 0x30...0x39: Int(c - 0x30)
        case 0x41...0x54: Int(c - 0x41) + 10
        default: nil
        }
    }

    /// 30 to the power `n`; a negative power as the reciprocal of an exact positive one.
    private static func power30(_ n: Int) -> Double {
        guard abs(n) <= 300 else { return n > 0 ? .infinity : 0 }
        var p = 1.0
        for _ in 0..<abs(n) { p *= 30 }
        return n < 0 ? 1 / p : p
    }

    private mutating func integer(_ what: String) throws(SPSSFormatError) -> Int {
        guard let value = try number(what), value == value.rounded() else {
            throw .damaged("the portable file has no whole number where \(what) should be, at \(offsetDescription)")
        }
        guard abs(value) < 1e9 else {
            throw .damaged("\(what) is given as \(value), more than any portable file holds, at \(offsetDescription)")
        }
        return Int(value)
    }

    private mutating func string(_ what: String) throws(SPSSFormatError) -> String {
        let length = try integer(what)
        guard length >= 0, length <= units.count - position else {
            if length > units.count - position { throw .truncated(what, at: units.count + 464) }
            throw .damaged("\(what) has the length \(length), at \(offsetDescription)")
        }
        defer { position += length }
        let slice = units[position..<(position + length)]
        if translated {
            var scalars = String.UnicodeScalarView()
            for u in slice { scalars.append(Unicode.Scalar(u) ?? "\u{FFFD}") }
            return String(scalars)
        }
        return text.decode(slice.map { UInt8(truncatingIfNeeded: $0) })
    }

    // MARK: - Records

    private mutating func run() throws(SPSSFormatError) -> Dataset {
        _ = try next("the version")  // 'A'
        _ = try string("the creation date")
        _ = try string("the creation time")
        var variables: [Variable] = []
        var codebook = Codebook()
        var weight: String?
        // A file in another layout (EBCDIC) is translated to Unicode through its own table.
        codebook.encoding = translated ? nil : text.name
        records: while true {
            let tag = try next("the dictionary (it has no data record)")
            switch Unicode.Scalar(tag).map(Character.init) ?? "?" {
            case "1", "2", "3":
                _ = try string("the product or author")
            case "4":
                _ = try integer("the variable count")
            case "5":
                _ = try integer("the precision")
            case "6":
                weight = try string("the weight variable")
            case "7":
                let width = try integer("a variable record")
                let name = try string("a variable name")
                var print = SPSSFormat(type: try integer("a print format"), width: try integer("a print format"), decimals: try integer("a print format"))
                // IBM SPSS writes date and time formats 82 above their system-file codes
                // (seen in files from SPSS 25: EDATE as 120, DATETIME as 104, TIME as 103).
                if !print.isKnown, SPSSFormat(type: print.type - 82, width: 1, decimals: 0).temporal != nil {
                    print.type -= 82
                }
                for _ in 0..<3 { _ = try integer("a write format") }
                guard (0...32767).contains(width) else {
                    throw .damaged("variable '\(name)' has the width \(width), at \(offsetDescription)")
                }
                var variable = Variable(name: name, width: width, format: print)
                if width == 0 {
                    variable.metadata.displayFormat = print.text
                    variable.metadata.temporal = print.temporal
                } else {
                    variable.metadata.displayFormat = "A\(width)"
                    variable.metadata.stringWidth = width
                }
                variables.append(variable)
            case "8", "9", "A", "B":
                guard !variables.isEmpty else { throw .damaged("a missing value record comes before any variable, at \(offsetDescription)") }
                try missingValue(tag: tag, into: &variables[variables.count - 1])
            case "C":
                guard !variables.isEmpty else { throw .damaged("a variable label comes before any variable, at \(offsetDescription)") }
                let label = try string("a variable label").trimmingTrailingSpaces
                if !label.isEmpty { variables[variables.count - 1].metadata.label = LocalizedText(label) }
            case "D":
                try valueLabels(&variables)
            case "E":
                let count = try integer("the document record")
                guard count >= 0, count <= units.count - position else { throw .damaged("the document record claims \(count) lines, at \(offsetDescription)") }
                for _ in 0..<count { codebook.documents.append(try string("a document line").trimmingTrailingSpaces) }
            case "F":
                break records
            default:
                throw .damaged("the portable file has the unknown record tag '\(Unicode.Scalar(tag).map(String.init) ?? "?")' at \(offsetDescription)")
            }
        }
        let columns = try readData(variables)
        for v in variables { codebook[v.name] = v.metadata }
        if let weight, variables.contains(where: { $0.name == weight && $0.width == 0 }) {
            codebook.design = DesignSpec(weights: weight)
        }
        do {
            return try Dataset(columns: columns, codebook: codebook)
        } catch {
            throw SPSSFormatError(.malformed, error.message)
        }
    }

    private func shifted(_ value: Double, _ variable: Variable) -> Double {
        guard value.isFinite else { return value }
        switch variable.metadata.temporal {
        case .date, .dateTime: return value - SPSSFormat.epochOffset
        default: return value
        }
    }

    private mutating func missingValue(tag: UInt32, into variable: inout Variable) throws(SPSSFormatError) {
        if variable.width > 0 {
            let count = tag == character("B") ? 2 : 1
            for _ in 0..<count { variable.metadata.missingStrings.append(try string("a missing value").trimmingTrailingSpaces) }
            return
        }
        let what = "a missing value"
        switch tag {
        case character("8"):
            if let v = try number(what) { variable.metadata.missingCodes.append(shifted(v, variable)) }
        case character("9"):
            if let hi = try number(what) { variable.metadata.missingRange = Self.range(-.infinity, shifted(hi, variable)) }
        case character("A"):
            if let lo = try number(what) { variable.metadata.missingRange = Self.range(shifted(lo, variable), .infinity) }
        default:
            let lo = try number(what), hi = try number(what)
            if let lo, let hi { variable.metadata.missingRange = Self.range(shifted(lo, variable), shifted(hi, variable)) }
        }
    }

    /// `lo...hi`, or `nil` when the ends are out of order or not numbers.
    private static func range(_ lo: Double, _ hi: Double) -> ClosedRange<Double>? {
        lo <= hi ? lo...hi : nil
    }

    private mutating func valueLabels(_ variables: inout [Variable]) throws(SPSSFormatError) {
        let count = try integer("a value label record")
        guard count >= 0, count <= units.count - position else { throw .damaged("a value label record claims \(count) variables, at \(offsetDescription)") }
        var targets: [Int] = []
        for _ in 0..<count {
            let name = try string("a value label record")
            if let i = variables.firstIndex(where: { $0.name == name }) { targets.append(i) }
        }
        let labels = try integer("a value label record")
        guard labels >= 0, labels <= units.count - position else { throw .damaged("a value label record claims \(labels) labels, at \(offsetDescription)") }
        let isString = targets.first.map { variables[$0].width > 0 } ?? false
        for _ in 0..<labels {
            if isString {
                let value = try string("a labelled value").trimmingTrailingSpaces
                let label = LocalizedText(try string("a value label").trimmingTrailingSpaces)
                for i in targets where variables[i].width > 0 {
                    set(ValueLabel(stringCode: value, label: label), in: &variables[i])
                }
            } else {
                let value = try number("a labelled value")
                let label = LocalizedText(try string("a value label").trimmingTrailingSpaces)
                guard let value else { continue }
                for i in targets where variables[i].width == 0 {
                    set(ValueLabel(code: shifted(value, variables[i]), label: label), in: &variables[i])
                }
            }
        }
    }

    /// Adds a label; a later label of the same value replaces the earlier one.
    private func set(_ label: ValueLabel, in variable: inout Variable) {
        if let j = variable.metadata.valueLabels.firstIndex(where: {
            $0.stringCode == label.stringCode && ($0.stringCode != nil || $0.code == label.code)
        }) {
            variable.metadata.valueLabels[j] = label
        } else {
            variable.metadata.valueLabels.append(label)
        }
    }

    private mutating func readData(_ variables: [Variable]) throws(SPSSFormatError) -> [Column] {
        var numbers = [[Double]](repeating: [], count: variables.count)
        var strings = [StringColumnBuilder](repeating: StringColumnBuilder(), count: variables.count)
        var row = 0
        cases: while !variables.isEmpty {
            // The data ends with 'Z' (the rest of the last line is 'Z's too), or with the file.
            while peek() == 0x20 { position += 1 }
            guard let first = peek(), first != character("Z") else { break cases }
            row += 1
            for (i, v) in variables.enumerated() {
                let what = "case \(row) of the data"
                if v.width > 0 {
                    strings[i].append(try string(what))
                } else {
                    numbers[i].append(try number(what).map { shifted($0, v) } ?? .nan)
                }
            }
        }
        return variables.enumerated().map { i, v in
            v.width == 0
                ? .numeric(v.name, numbers[i])
                : strings[i].column(named: v.name, hasValueLabels: !v.metadata.valueLabels.isEmpty)
        }
    }
}
