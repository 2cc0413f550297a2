import SurveyCore

/// Reads the sections of a `.dta` file into a ``StataFile``.
///
/// Formats 117 to 119 are read section by section, checking every opening and closing tag
/// (`<stata_dta>`, `<header>`, … `</stata_dta>`) rather than trusting the offsets of `<map>`,
/// which some release-117 writers got wrong. Formats 102 to 115 are read field by field, then
/// the value-label sets that follow the data up to the end of the file.
///
/// Every count from the file is checked against the bytes left before it is used to allocate:
/// a header claiming two billion variables or observations fails at once with a
/// ``ReadError`` instead of reserving memory for them.
struct StataFileParser {
    private var reader: StataByteReader
    private var decoder = StataTextDecoder()
    private let release: StataRelease

    /// Hears the variables decoded so far, of all.
    private var progress: ReadProgress? = nil

    private init(reader: StataByteReader, release: StataRelease) {
        self.reader = reader
        self.release = release
    }

    /// Parses the whole file held in `bytes`; `name` names it in messages.
    static func parse(_ bytes: UnsafeRawBufferPointer, name: String, progress: ReadProgress? = nil) throws(ReadError) -> StataFile {
        var reader = StataByteReader(bytes: bytes, name: name)
        guard !bytes.isEmpty else {
            throw ReadError(.malformed, "Cannot read '\(name)': the file is empty; a Stata .dta file starts with a header, so check that the file was copied completely.")
        }
        let number: Int
        if reader.peek("<stata_dta>") {
            reader.position = 11
            try reader.expect("<header>")
            try reader.expect("<release>")
            let digits = try reader.take(3, for: "the release number")
            guard let value = Int(String(decoding: digits, as: UTF8.self)) else {
                throw reader.malformed("the release number '\(StataByteReader.shown(String(decoding: digits, as: UTF8.self)))' in the header is not a number")
            }
            number = value
            try reader.expect("</release>")
        } else if bytes[0] == UInt8(ascii: "<") {
            throw ReadError(.unsupportedFormat, "Cannot read '\(name)': it starts like an XML file, not a Stata .dta file; check that the file is a Stata data set.")
        } else {
            number = Int(bytes[0])
            // Releases before 117 start: release, byte order (1 or 2; 0 in some release-102
            // files), file type 1, an unused byte.
            if bytes.count >= 3, !(bytes[1] <= 2 && bytes[2] == 1) {
                throw ReadError(.unsupportedFormat, "Cannot read '\(name)': it does not start like a Stata .dta file (no Stata header in its first bytes); check that the file is a Stata data set.")
            }
        }
        guard let release = StataRelease(number) else {
            if number >= 120 && number <= 121 {
                throw ReadError(.unsupportedFormat, "Cannot read '\(name)': it is a Stata format-\(number) file (Stata 18 with alias variables), which Barometer does not read; re-save it in Stata with `saveold, version(14)`.")
            }
            throw ReadError(.unsupportedFormat, "Cannot read '\(name)': it is not a Stata .dta file Barometer knows (the first byte gives format \(number); Barometer reads formats 102 to 119); check that the file is a Stata data set.")
        }
        var parser = StataFileParser(reader: reader, release: release)
        parser.progress = progress
        return release.isTagged ? try parser.parseTagged() : try parser.parseFixed()
    }

    // MARK: Formats 117 to 119

    private mutating func parseTagged() throws(ReadError) -> StataFile {
        try reader.expect("<byteorder>")
        if reader.peek("MSF") {
            reader.bigEndian = true
        } else if !reader.peek("LSF") {
            throw reader.malformed("the byte order at byte \(reader.position) is neither LSF nor MSF")
        }
        try reader.skip(3, for: "the byte order")
        try reader.expect("</byteorder>")
        try reader.expect("<K>")
        let variableCount = try reader.count(width: release.variableCountLength, "the number of variables")
        try reader.expect("</K>")
        try reader.expect("<N>")
        let observationCount = try reader.count(width: release.observationCountLength, "the number of observations")
        try reader.expect("</N>")
        try reader.expect("<label>")
        let labelLength = try reader.count(width: release.dataLabelLengthLength, "the length of the data label")
        let dataLabel = decoder.decode(try reader.take(labelLength, for: "the data label"))
        try reader.expect("</label>")
        try reader.expect("<timestamp>")
        let stampLength = Int(try reader.u8("the length of the time stamp"))
        try reader.skip(stampLength, for: "the time stamp")
        try reader.expect("</timestamp>")
        try reader.expect("</header>")
        try reader.expect("<map>")
        try reader.skip(14 * 8, for: "the map")
        try reader.expect("</map>")

        let perVariable = 2 + 2 * release.nameLength + release.sortEntryLength + release.formatLength + release.variableLabelLength
        _ = try reader.requireArray(variableCount, of: perVariable, for: "the header's variable count")
        var file = StataFile(release: release, bigEndian: reader.bigEndian, dataLabel: dataLabel, encoding: "")

        try reader.expect("<variable_types>")
        var types: [StataStorageType] = []
        types.reserveCapacity(variableCount)
        for i in 0 ..< variableCount {
            let code = Int(try reader.u16("the storage types"))
            guard let type = StataStorageType(code: code, release: release) else {
                throw reader.malformed("variable \(i + 1) has the unknown storage type code \(code)")
            }
            types.append(type)
        }
        try reader.expect("</variable_types>")
        try reader.expect("<varnames>")
        let names = try texts(variableCount, length: release.nameLength, what: "the variable names")
        try reader.expect("</varnames>")
        try reader.expect("<sortlist>")
        try reader.skip((variableCount + 1) * release.sortEntryLength, for: "the sort list")
        try reader.expect("</sortlist>")
        try reader.expect("<formats>")
        let formats = try texts(variableCount, length: release.formatLength, what: "the display formats")
        try reader.expect("</formats>")
        try reader.expect("<value_label_names>")
        let labelSets = try texts(variableCount, length: release.nameLength, what: "the value-label names")
        try reader.expect("</value_label_names>")
        try reader.expect("<variable_labels>")
        let labels = try texts(variableCount, length: release.variableLabelLength, what: "the variable labels")
        try reader.expect("</variable_labels>")
        file.variables = (0 ..< variableCount).map {
            StataFile.Variable(name: names[$0], type: types[$0], format: formats[$0], valueLabelSet: labelSets[$0], label: labels[$0])
        }

        try reader.expect("<characteristics>")
        while reader.peek("<ch>") {
            try reader.expect("<ch>")
            let length = Int(try reader.u32("the length of a characteristic"))
            file.characteristics.append(try characteristic(try reader.take(length, for: "a characteristic")))
            try reader.expect("</ch>")
        }
        try reader.expect("</characteristics>")

        try reader.expect("<data>")
        let dataStart = reader.position
        let rowWidth = types.reduce(0) { $0 + $1.width }
        try reader.skip(try dataSize(observations: observationCount, rowWidth: rowWidth), for: "the data")
        try reader.expect("</data>")

        try reader.expect("<strls>")
        var strLs: [StrLKey: String] = [:]
        while reader.peek("GSO") {
            try reader.expect("GSO")
            let v = UInt64(try reader.u32("a long string's variable number"))
            let o = release.number == 117 ? UInt64(try reader.u32("a long string's observation number")) : try reader.u64("a long string's observation number")
            let kind = try reader.u8("a long string's type")
            let length = Int(try reader.u32("a long string's length"))
            let contents = try reader.take(length, for: "a long string")
            strLs[StrLKey(v: v, o: o)] = try longString(contents, kind: kind)
        }
        try reader.expect("</strls>")

        try reader.expect("<value_labels>")
        while reader.peek("<lbl>") {
            try reader.expect("<lbl>")
            let length = Int(try reader.u32("the length of a value-label set"))
            let name = decoder.decode(try reader.take(release.nameLength, for: "the name of a value-label set"))
            try reader.skip(3, for: "a value-label set")
            let table = try reader.take(length, for: "value-label set '\(StataByteReader.shown(name))'")
            file.valueLabelSets[name] = try valueLabelTable(table, name: name)
            try reader.expect("</lbl>")
        }
        try reader.expect("</value_labels>")
        try reader.expect("</stata_dta>")

        file.columns = try decodeData(file.variables, at: dataStart, observations: observationCount, rowWidth: rowWidth, strLs: strLs)
        file.encoding = decoder.encoding(release: release)
        return file
    }

    // MARK: Formats 102 to 115

    private mutating func parseFixed() throws(ReadError) -> StataFile {
        reader.position = 1
        let order = try reader.u8("the byte order")
        switch order {
        case 1: reader.bigEndian = true
        case 2: reader.bigEndian = false
        default:
            guard release.number <= 103 else {
                throw reader.malformed("the byte order code \(order) in the header is neither 1 (big-endian) nor 2 (little-endian)")
            }
        }
        try reader.skip(2, for: "the header")
        let variableCount = Int(try reader.u16("the number of variables"))
        let observationCount = try reader.count(width: release.observationCountLength, "the number of observations")
        let dataLabel = decoder.decode(try reader.take(release.fixedDataLabelLength, for: "the data label"))
        try reader.skip(release.fixedTimestampLength, for: "the time stamp")

        let perVariable = 1 + 2 * release.nameLength + 2 + release.formatLength + release.variableLabelLength
        _ = try reader.requireArray(variableCount, of: perVariable, for: "the header's variable count")
        var file = StataFile(release: release, bigEndian: reader.bigEndian, dataLabel: dataLabel, encoding: "")

        var types: [StataStorageType] = []
        types.reserveCapacity(variableCount)
        for i in 0 ..< variableCount {
            let code = Int(try reader.u8("the storage types"))
            guard let type = StataStorageType(code: code, release: release) else {
                throw reader.malformed("variable \(i + 1) has the unknown storage type code \(code)")
            }
            types.append(type)
        }
        let names = try texts(variableCount, length: release.nameLength, what: "the variable names")
        try reader.skip((variableCount + 1) * 2, for: "the sort list")
        let formats = try texts(variableCount, length: release.formatLength, what: "the display formats")
        let labelSets = try texts(variableCount, length: release.nameLength, what: "the value-label names")
        let labels = try texts(variableCount, length: release.variableLabelLength, what: "the variable labels")
        file.variables = (0 ..< variableCount).map {
            StataFile.Variable(name: names[$0], type: types[$0], format: formats[$0], valueLabelSet: labelSets[$0], label: labels[$0])
        }

        if release.number >= 105 {
            while true {
                let kind = try reader.u8("an expansion field")
                let length = try reader.count(width: release.expansionLengthLength, "the length of an expansion field")
                if kind == 0 { break }
                let contents = try reader.take(length, for: "an expansion field")
                if kind == 1 { file.characteristics.append(try characteristic(contents)) }
            }
        }

        let dataStart = reader.position
        let rowWidth = types.reduce(0) { $0 + $1.width }
        try reader.skip(try dataSize(observations: observationCount, rowWidth: rowWidth), for: "the data")

        while reader.remaining > 0 {
            if release.hasFixedValueLabels {
                let count = Int(try reader.u16("the size of a value-label set"))
                let name = decoder.decode(try reader.take(release.nameLength, for: "the name of a value-label set"))
                try reader.skip(1, for: "value-label set '\(StataByteReader.shown(name))'")
                let valueBytes = try reader.requireArray(count, of: 2 + 8, for: "value-label set '\(StataByteReader.shown(name))'")
                let table = try reader.take(valueBytes, for: "value-label set '\(StataByteReader.shown(name))'")
                var entries: [StataFile.ValueLabelEntry] = []
                for i in 0 ..< count {
                    let code = Int16(bitPattern: UInt16(truncatingIfNeeded: StataByteReader.unsigned(
                        UnsafeRawBufferPointer(rebasing: table[2 * i ..< 2 * i + 2]), bigEndian: reader.bigEndian)))
                    let text = decoder.decode(UnsafeRawBufferPointer(rebasing: table[2 * count + 8 * i ..< 2 * count + 8 * i + 8]))
                    entries.append(.init(code: Double(code), label: text))
                }
                file.valueLabelSets[name] = entries
            } else {
                let length = Int(try reader.u32("the length of a value-label set"))
                let name = decoder.decode(try reader.take(release.nameLength, for: "the name of a value-label set"))
                try reader.skip(3, for: "value-label set '\(StataByteReader.shown(name))'")
                let table = try reader.take(length, for: "value-label set '\(StataByteReader.shown(name))'")
                file.valueLabelSets[name] = try valueLabelTable(table, name: name)
            }
        }

        file.columns = try decodeData(file.variables, at: dataStart, observations: observationCount, rowWidth: rowWidth, strLs: [:])
        file.encoding = decoder.encoding(release: release)
        return file
    }

    // MARK: Parts

    /// `count` fixed-width texts of `length` bytes each.
    private mutating func texts(_ count: Int, length: Int, what: String) throws(ReadError) -> [String] {
        let all = try reader.take(try reader.requireArray(count, of: length, for: what), for: what)
        var result: [String] = []
        result.reserveCapacity(count)
        for i in 0 ..< count {
            result.append(decoder.decode(UnsafeRawBufferPointer(rebasing: all[i * length ..< (i + 1) * length])))
        }
        return result
    }

    /// A characteristic: the target's name, the characteristic's name, then its NUL-ended text.
    private mutating func characteristic(_ contents: UnsafeRawBufferPointer) throws(ReadError) -> StataFile.Characteristic {
        let n = release.nameLength
        guard contents.count >= 2 * n else {
            throw reader.malformed("a characteristic ending before byte \(reader.position) has \(contents.count) bytes, fewer than the \(2 * n) its two names take")
        }
        return StataFile.Characteristic(
            target: decoder.decode(UnsafeRawBufferPointer(rebasing: contents[0 ..< n])),
            name: decoder.decode(UnsafeRawBufferPointer(rebasing: contents[n ..< 2 * n])),
            value: decoder.decode(UnsafeRawBufferPointer(rebasing: contents[(2 * n)...])))
    }

    /// The bytes the data section takes, checked against what is left.
    private func dataSize(observations: Int, rowWidth: Int) throws(ReadError) -> Int {
        let (size, overflow) = observations.multipliedReportingOverflow(by: rowWidth)
        guard !overflow, size <= reader.remaining else {
            throw reader.malformed("the header claims \(observations) observations of \(rowWidth) bytes each, more than the \(reader.remaining) bytes left in the file from byte \(reader.position)")
        }
        return size
    }

    /// A value-label table: n, the length of the text, n offsets, n values, then the texts.
    private mutating func valueLabelTable(_ table: UnsafeRawBufferPointer, name: String) throws(ReadError) -> [StataFile.ValueLabelEntry] {
        let bigEndian = reader.bigEndian
        func int32(_ offset: Int) -> UInt32 {
            UInt32(truncatingIfNeeded: StataByteReader.unsigned(UnsafeRawBufferPointer(rebasing: table[offset ..< offset + 4]), bigEndian: bigEndian))
        }
        guard table.count >= 8 else {
            throw reader.malformed("value-label set '\(StataByteReader.shown(name))' is \(table.count) bytes long, too short for its own header")
        }
        let count = Int(int32(0))
        let textLength = Int(int32(4))
        let (arrays, overflow) = count.multipliedReportingOverflow(by: 8)
        guard !overflow, 8 + arrays <= table.count, textLength <= table.count - 8 - arrays else {
            throw reader.malformed("value-label set '\(StataByteReader.shown(name))' claims \(count) labels and \(textLength) bytes of text, more than its \(table.count) bytes hold")
        }
        let textStart = 8 + arrays
        var entries: [StataFile.ValueLabelEntry] = []
        entries.reserveCapacity(count)
        for i in 0 ..< count {
            let offset = Int(int32(8 + 4 * i))
            guard offset < textLength else {
                throw reader.malformed("label \(i + 1) of value-label set '\(StataByteReader.shown(name))' starts at offset \(offset), outside its \(textLength) bytes of text")
            }
            let raw = Int32(bitPattern: int32(8 + 4 * count + 4 * i))
            let text = decoder.decode(UnsafeRawBufferPointer(rebasing: table[(textStart + offset) ..< (textStart + textLength)]))
            if release.hasExtendedMissing, raw > 2_147_483_620 {
                // `.` (2,147,483,621) cannot be a category; `.a`–`.z` follow it.
                if raw > 2_147_483_621 { entries.append(.init(code: StataMissingValues.code(index: Int(raw) - 2_147_483_621), label: text)) }
                continue
            }
            entries.append(.init(code: Double(raw), label: text))
        }
        return entries
    }

    /// The text of a long string: type 130 is NUL-ended text, type 129 binary data (kept when it
    /// is text, else replaced by a note of its size).
    private mutating func longString(_ contents: UnsafeRawBufferPointer, kind: UInt8) throws(ReadError) -> String {
        switch kind {
        case 130:
            return decoder.decode(contents)
        case 129:
            var body = contents
            if let last = body.last, last == 0 { body = UnsafeRawBufferPointer(rebasing: body.dropLast()) }
            if !body.contains(0), let text = String(validating: body, as: UTF8.self) { return text }
            return "[binary data, \(contents.count) bytes]"
        default:
            throw reader.malformed("a long string ending at byte \(reader.position) has the unknown type \(kind) (Stata writes 129 or 130)")
        }
    }

    // MARK: Data

    private struct StrLKey: Hashable {
        var v: UInt64
        var o: UInt64
    }

    /// Most numeric variables decoded together: their columns are made at once
    /// (``InPlaceArrays``, one nested closure each).
    private static let numericGroupSize = 256

    private mutating func decodeData(_ variables: [StataFile.Variable], at start: Int, observations n: Int, rowWidth: Int,
                                     strLs: [StrLKey: String]) throws(ReadError) -> [Column.Values] {
        var columns = [Column.Values?](repeating: nil, count: variables.count)
        let bytes = reader.bytes
        let bigEndian = reader.bigEndian
        var offsets: [Int] = []
        var offset = start
        for variable in variables {
            offsets.append(offset)
            offset += variable.type.width
        }
        // Numbers, a group of variables at a time: every variable of the group is decoded for a
        // block of rows before the next block, so that each row's bytes come from memory once
        // (a variable at a time would read the whole data once per variable, at a stride of the
        // row's width), and the blocks are split across cores.
        let numeric = variables.indices.filter { !variables[$0].type.isString }
        let decoding = StataNumberDecoding(
            base: bytes.baseAddress, rowWidth: rowWidth, bigEndian: bigEndian,
            modern: release.hasExtendedMissing, oldDoubleMissing: release.number <= 105 ? 0x1p333 : Double.nan
        )
        // Progress counts values (variables × observations), told after each slice of rows.
        let total = Swift.max(variables.count * n, 1)
        var decoded = 0
        let sliceRows = Swift.max(4096, (n + 15) / 16)
        for first in stride(from: 0, to: numeric.count, by: Self.numericGroupSize) {
            let group = Array(numeric[first..<min(first + Self.numericGroupSize, numeric.count)])
            let fields = group.map { (type: variables[$0].type, offset: offsets[$0]) }
            let made = InPlaceArrays.make(count: group.count, capacity: n, of: Double.self) { storages in
                for sliceStart in stride(from: 0, to: n, by: sliceRows) {
                    let slice = sliceStart..<Swift.min(n, sliceStart + sliceRows)
                    decoding.decode(fields, rows: slice, into: storages)
                    decoded += group.count * slice.count
                    progress?(decoded, total)
                }
                return (Array(repeating: n, count: group.count), ())
            }
            for (k, index) in group.enumerated() { columns[index] = .numeric(made.arrays[k]) }
        }
        for (index, variable) in variables.enumerated() {
            @inline(__always) func position(_ row: Int) -> Int { offsets[index] + row * rowWidth }
            switch variable.type {
            case .str(let width):
                var values: [String?] = []
                values.reserveCapacity(n)
                for row in 0 ..< n {
                    let p = position(row)
                    let text = decoder.decode(UnsafeRawBufferPointer(rebasing: bytes[p ..< p + width]))
                    values.append(text.isEmpty ? nil : text)
                }
                columns[index] = .text(values)
            case .strL:
                let vWidth = release.strLVariableWidth
                var values: [String?] = []
                values.reserveCapacity(n)
                for row in 0 ..< n {
                    let p = position(row)
                    let v = StataByteReader.unsigned(UnsafeRawBufferPointer(rebasing: bytes[p ..< p + vWidth]), bigEndian: bigEndian)
                    let o = StataByteReader.unsigned(UnsafeRawBufferPointer(rebasing: bytes[p + vWidth ..< p + 8]), bigEndian: bigEndian)
                    if v == 0 && o == 0 {
                        values.append(nil)
                        continue
                    }
                    guard let text = strLs[StrLKey(v: v, o: o)] else {
                        throw reader.malformed("observation \(row + 1) of variable '\(StataByteReader.shown(variable.name))' refers to long string (\(v), \(o)), which the file does not contain")
                    }
                    values.append(text.isEmpty ? nil : text)
                }
                columns[index] = .text(values)
            default:
                continue
            }
            decoded += n
            progress?(decoded, total)
        }
        return columns.map { $0! }
    }
}
