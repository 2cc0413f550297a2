import Foundation
import SurveyCore

/// Builds the bytes of an SPSS system file from a ``Dataset``: little-endian, UTF-8 text, with
/// the records PSPP documents in *System File Format* (header; variable records with their
/// continuation records and very long string segments; value labels; documents; extension
/// records 3, 4, 7, 11, 13, 14, 16, 20, 21, 22; dictionary termination; data).
struct SystemFileEncoder {
    /// One variable as it will be written.
    private struct Plan {
        var column: Column
        var metadata: VariableMetadata
        var name: String
        var shortName: String
        /// 0 numeric, else the string width in bytes.
        var width: Int
        var format: SPSSFormat
        /// Short names and widths of the segments of a string (one unless very long).
        var segments: [(shortName: String, width: Int)]
        /// 1-based dictionary index of the first record.
        var dictionaryIndex = 0
        /// Values of a string column (`nil` missing) as UTF-8.
        var strings: [[UInt8]?] = []
        var numbers: [Double] = []

        var isNumeric: Bool { width == 0 }
        var slotCount: Int { segments.reduce(0) { $0 + ($1.width + 7) / 8 } }
    }

    private static let lowestBits: UInt64 = 0xFFEF_FFFF_FFFF_FFFE
    private static let highestBits: UInt64 = 0x7FEF_FFFF_FFFF_FFFF
    private static let maximumStringWidth = 32_767

    private let dataset: Dataset
    private let compression: SPSSWriter.Compression
    private let created: Date
    private var plans: [Plan] = []

    init(dataset: Dataset, compression: SPSSWriter.Compression, created: Date = Date()) {
        self.dataset = dataset
        self.compression = compression
        self.created = created
    }

    /// The file's bytes.
    /// - Throws: a sentence (without the file name) when the data cannot be written as SPSS.
    mutating func encode() throws(SPSSFormatError) -> [UInt8] {
        try plan()
        var out = ByteWriter()
        writeHeader(&out)
        writeVariables(&out)
        writeValueLabels(&out)
        writeDocuments(&out)
        writeExtensions(&out)
        out.int32(999)
        out.int32(0)
        writeData(&out)
        return out.bytes
    }

    // MARK: - Planning

    private mutating func plan() throws(SPSSFormatError) {
        var shortNames = Set<String>()
        var index = 1
        for column in dataset.columns {
            let metadata = dataset.metadata(column.name)
            try Self.checkName(column.name)
            var plan = Plan(column: column, metadata: metadata, name: column.name, shortName: "", width: 0,
                            format: SPSSFormat(type: 5, width: 8, decimals: 2), segments: [])
            switch column.values {
            case .numeric(let values):
                let shift = metadata.temporal == .date || metadata.temporal == .dateTime ? SPSSFormat.epochOffset : 0
                plan.numbers = shift == 0 ? values : values.map { $0 + shift }
                plan.format = Self.numericFormat(metadata, values)
            case .categorical(let codes, let levels):
                let encoded = levels.map { Array($0.utf8) }
                plan.strings = codes.map { $0 >= 0 && Int($0) < encoded.count ? encoded[Int($0)] : nil }
            case .text(let values):
                plan.strings = values.map { $0.map { Array($0.utf8) } }
            }
            if plan.numbers.isEmpty && !isNumericColumn(column) {
                var width = max(1, metadata.stringWidth ?? 0)
                for s in plan.strings { if let s, s.count > width { width = s.count } }
                for label in metadata.valueLabels { if let code = label.stringCode { width = max(width, code.utf8.count) } }
                guard width <= Self.maximumStringWidth else {
                    throw SPSSFormatError(.malformed, "variable '\(column.name)' holds a value of \(width) bytes, but SPSS strings hold at most \(Self.maximumStringWidth); shorten the text")
                }
                plan.width = width
                plan.format = SPSSFormat(type: 1, width: min(width, 255), decimals: 0)
            }
            plan.shortName = Self.shortName(for: column.name, taken: &shortNames)
            if plan.width > 255 {
                let count = (plan.width + 251) / 252
                plan.segments = (0..<count).map { i in
                    let segmentWidth = i < count - 1 ? 255 : plan.width - (count - 1) * 252
                    let short = i == 0 ? plan.shortName : Self.shortName(for: String(plan.shortName.prefix(5)) + String(i), taken: &shortNames)
                    return (short, segmentWidth)
                }
            } else {
                plan.segments = [(plan.shortName, plan.width == 0 ? 8 : plan.width)]
            }
            plan.dictionaryIndex = index
            index += plan.slotCount
            try checkMissing(plan)
            plans.append(plan)
        }
    }

    private func isNumericColumn(_ column: Column) -> Bool {
        if case .numeric = column.values { return true }
        return false
    }

    /// Names go into the long variable names record as `SHORT=long` pairs separated by tabs.
    private static func checkName(_ name: String) throws(SPSSFormatError) {
        let bytes = name.utf8.count
        guard bytes > 0, bytes <= 64, !name.contains(where: { $0 == "=" || $0.isNewline || $0 == "\t" || $0 == "\0" }) else {
            throw SPSSFormatError(.malformed, "the variable name '\(name)' cannot be stored in an SPSS file, which needs 1 to 64 bytes without '=', tabs or line breaks; rename the variable")
        }
    }

    /// A unique 8-byte upper-case short name derived from `name`.
    private static func shortName(for name: String, taken: inout Set<String>) -> String {
        var base = String(name.uppercased().unicodeScalars.filter {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "@" || $0 == "#" || $0 == "$" || $0 == ".")
        }.map(Character.init))
        while let first = base.first, !(first.isLetter || first == "@") { base.removeFirst() }
        base = String(base.prefix(8))
        if !base.isEmpty, !taken.contains(base) {
            taken.insert(base)
            return base
        }
        if base.isEmpty { base = "V" }
        var n = 1
        while true {
            let suffix = String(n)
            let candidate = String(base.prefix(8 - suffix.count)) + suffix
            if !taken.contains(candidate) {
                taken.insert(candidate)
                return candidate
            }
            n += 1
        }
    }

    private static func numericFormat(_ metadata: VariableMetadata, _ values: [Double]) -> SPSSFormat {
        if let text = metadata.displayFormat, let format = SPSSFormat(text: text), format.type != 1, format.type != 2,
           format.width <= 255 {
            return format
        }
        switch metadata.temporal {
        case .date: return SPSSFormat(type: 20, width: 11, decimals: 0)
        case .dateTime: return SPSSFormat(type: 22, width: 20, decimals: 0)
        case .time: return SPSSFormat(type: 21, width: 8, decimals: 0)
        case nil:
            let integral = values.allSatisfy { $0.isNaN || ($0 == $0.rounded() && abs($0) < 1e15) }
            return SPSSFormat(type: 5, width: 8, decimals: integral ? 0 : 2)
        }
    }

    private func checkMissing(_ plan: Plan) throws(SPSSFormatError) {
        let m = plan.metadata
        if plan.isNumeric {
            let limit = m.missingRange == nil ? 3 : 1
            guard m.missingCodes.count <= limit else {
                throw SPSSFormatError(.malformed, "variable '\(plan.name)' has \(m.missingCodes.count) user-missing codes\(m.missingRange == nil ? "" : " and a range"), but SPSS allows at most \(limit == 3 ? "3 codes" : "a range and 1 code"); drop some from the codebook")
            }
        } else {
            guard m.missingStrings.count <= 3 else {
                throw SPSSFormatError(.malformed, "variable '\(plan.name)' has \(m.missingStrings.count) user-missing strings, but SPSS allows at most 3; drop some from the codebook")
            }
            if let long = m.missingStrings.first(where: { $0.utf8.count > 8 }) {
                throw SPSSFormatError(.malformed, "variable '\(plan.name)' has the user-missing string '\(long)', longer than the 8 bytes SPSS allows; shorten it in the codebook")
            }
        }
    }

    // MARK: - Dictionary

    private func writeHeader(_ out: inout ByteWriter) {
        out.append(Array((compression == .zlib ? "$FL3" : "$FL2").utf8))
        out.fixed(Array("@(#) SPSS DATA FILE Barometer".utf8), count: 60)
        out.int32(2)
        out.int32(plans.reduce(0) { $0 + $1.slotCount })
        out.int32(compression == .none ? 0 : compression == .bytecode ? 1 : 2)
        let weight = dataset.codebook.design?.weights.flatMap { w in plans.first { $0.name == w && $0.isNumeric } }
        out.int32(weight?.dictionaryIndex ?? 0)
        out.int32(dataset.rowCount <= Int(Int32.max) ? dataset.rowCount : -1)
        out.double(100)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: created)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        out.fixed(Array("\(two(c.day)) \(months[((c.month ?? 1) - 1) % 12]) \(two((c.year ?? 1970) % 100))".utf8), count: 9)
        out.fixed(Array("\(two(c.hour)):\(two(c.minute)):\(two(c.second))".utf8), count: 8)
        out.fixed(Self.truncated(dataset.codebook.fileLabel?.text() ?? "", bytes: 64), count: 64)
        out.fixed([UInt8](), count: 3, pad: 0)
    }

    /// The UTF-8 of `text`, cut to at most `bytes` bytes without splitting a character.
    private static func truncated(_ text: String, bytes limit: Int) -> [UInt8] {
        var out: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if out.count + bytes.count > limit { break }
            out += bytes
        }
        return out
    }

    private func writeVariables(_ out: inout ByteWriter) {
        for plan in plans {
            for (s, segment) in plan.segments.enumerated() {
                let first = s == 0
                out.int32(2)
                out.int32(plan.isNumeric ? 0 : segment.width)
                let label = first ? Array((plan.metadata.label.text() ?? "").utf8) : []
                out.int32(label.isEmpty ? 0 : 1)
                let missing: (count: Int, values: [[UInt8]]) = first ? missingValues(plan) : (0, [])
                out.int32(missing.count)
                let format = plan.isNumeric ? plan.format : SPSSFormat(type: 1, width: segment.width, decimals: 0)
                out.int32(Int(format.packed))
                out.int32(Int(format.packed))
                out.fixed(Array(segment.shortName.utf8), count: 8)
                if !label.isEmpty {
                    out.int32(label.count)
                    let start = out.bytes.count
                    out.append(label)
                    out.pad(toMultipleOf: 4, from: start, with: 0x20)
                }
                for value in missing.values { out.append(value) }
                for _ in 1..<max(1, (segment.width + 7) / 8) where !plan.isNumeric {
                    out.int32(2)
                    out.int32(-1)
                    for _ in 0..<4 { out.int32(0) }
                    out.fixed([UInt8](), count: 8)
                }
            }
        }
    }

    /// `n_missing_values` and the 8-byte values of the variable record.
    private func missingValues(_ plan: Plan) -> (count: Int, values: [[UInt8]]) {
        let m = plan.metadata
        if !plan.isNumeric {
            guard plan.width <= 8 else { return (0, []) }
            return (m.missingStrings.count, m.missingStrings.map { padded(Array($0.utf8), to: 8) })
        }
        let shift = m.temporal == .date || m.temporal == .dateTime ? SPSSFormat.epochOffset : 0
        func bits(_ x: Double) -> [UInt8] {
            let b: UInt64 = x == .infinity ? Self.highestBits : x == -.infinity ? Self.lowestBits : (x + shift).bitPattern
            return (0..<8).map { UInt8(truncatingIfNeeded: b >> UInt64(8 * $0)) }
        }
        if let range = m.missingRange {
            var values = [bits(range.lowerBound), bits(range.upperBound)]
            if let code = m.missingCodes.first { values.append(bits(code)) }
            return (-values.count, values)
        }
        return (m.missingCodes.count, m.missingCodes.map(bits))
    }

    private func padded(_ bytes: [UInt8], to count: Int) -> [UInt8] {
        Array(bytes.prefix(count)) + [UInt8](repeating: 0x20, count: max(0, count - bytes.count))
    }

    /// Type 3 and 4 records, one pair per numeric or short string variable with labels.
    private func writeValueLabels(_ out: inout ByteWriter) {
        for plan in plans where plan.width <= 8 {
            let labels = plan.metadata.valueLabels.filter { plan.isNumeric ? $0.stringCode == nil : $0.stringCode != nil }
            guard !labels.isEmpty else { continue }
            let shift = plan.metadata.temporal == .date || plan.metadata.temporal == .dateTime ? SPSSFormat.epochOffset : 0
            out.int32(3)
            out.int32(labels.count)
            for label in labels {
                if let code = label.stringCode {
                    out.append(padded(Array(code.utf8), to: 8))
                } else {
                    out.double(label.code + shift)
                }
                let text = Self.truncated(label.label.text() ?? "", bytes: 255)
                let start = out.bytes.count
                out.append([UInt8(text.count)] + text)
                out.pad(toMultipleOf: 8, from: start, with: 0x20)
            }
            out.int32(4)
            out.int32(1)
            out.int32(plan.dictionaryIndex)
        }
    }

    private func writeDocuments(_ out: inout ByteWriter) {
        var lines: [[UInt8]] = []
        for document in dataset.codebook.documents {
            for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
                var rest = Substring(line)
                repeat {
                    let piece = Self.truncated(String(rest), bytes: 80)
                    lines.append(piece)
                    rest = rest.dropFirst(String(decoding: piece, as: UTF8.self).count)
                } while !rest.isEmpty
            }
        }
        guard !lines.isEmpty else { return }
        out.int32(6)
        out.int32(lines.count)
        for line in lines { out.fixed(line, count: 80) }
    }

    private func extensionRecord(_ out: inout ByteWriter, subtype: Int, size: Int = 1, data: [UInt8]) {
        out.int32(7)
        out.int32(subtype)
        out.int32(size)
        out.int32(data.count / size)
        out.append(data)
    }

    private func writeExtensions(_ out: inout ByteWriter) {
        var record = ByteWriter()
        // Machine integer info: version 1.0.0, machine -1, IEEE 754, compression 1, little-endian, UTF-8.
        for value in [1, 0, 0, -1, 1, 1, 2, 65001] { record.int32(value) }
        extensionRecord(&out, subtype: 3, size: 4, data: record.bytes)

        record = ByteWriter()
        record.uint64(SystemFileCaseReader.sysmisBits)
        record.uint64(Self.highestBits)
        record.uint64(Self.lowestBits)
        extensionRecord(&out, subtype: 4, size: 8, data: record.bytes)

        let shortNames = Dictionary(plans.map { ($0.name, $0.shortName) }, uniquingKeysWith: { a, _ in a })
        let sets = dataset.codebook.multipleResponseSets.map { set in
            (set: set, shortNames: set.variables.compactMap { shortNames[$0] })
        }
        if !sets.isEmpty {
            extensionRecord(&out, subtype: 7, data: MultipleResponseSetRecord.encode(sets))
        }

        record = ByteWriter()
        for plan in plans {
            for segment in plan.segments {
                let measure: Int
                switch plan.metadata.measurement {
                case .nominal: measure = 1
                case .ordinal: measure = 2
                case .scale: measure = 3
                case nil: measure = 0
                }
                record.int32(measure)
                record.int32(plan.isNumeric ? max(plan.format.width, 1) : min(max(segment.width, 1), 80))
                record.int32(plan.isNumeric ? 1 : 0)
            }
        }
        extensionRecord(&out, subtype: 11, size: 4, data: record.bytes)

        var names: [UInt8] = []
        for (i, plan) in plans.enumerated() {
            if i > 0 { names.append(0x09) }
            names += Array("\(plan.shortName)=\(plan.name)".utf8)
        }
        extensionRecord(&out, subtype: 13, data: names)

        var veryLong: [UInt8] = []
        for plan in plans where plan.width > 255 {
            veryLong += Array("\(plan.shortName)=\(String(format: "%05d", plan.width))".utf8) + [0, 0x09]
        }
        if !veryLong.isEmpty { extensionRecord(&out, subtype: 14, data: veryLong) }

        record = ByteWriter()
        record.int64(1)
        record.int64(dataset.rowCount)
        extensionRecord(&out, subtype: 16, size: 8, data: record.bytes)

        extensionRecord(&out, subtype: 20, data: Array("UTF-8".utf8))

        record = ByteWriter()
        for plan in plans where plan.width > 8 {
            let labels = plan.metadata.valueLabels.filter { $0.stringCode != nil }
            guard !labels.isEmpty else { continue }
            record.int32(plan.name.utf8.count)
            record.append(Array(plan.name.utf8))
            record.int32(plan.width)
            record.int32(labels.count)
            for label in labels {
                record.int32(plan.width)
                record.append(padded(Array((label.stringCode ?? "").utf8), to: plan.width))
                let text = Self.truncated(label.label.text() ?? "", bytes: 255)
                record.int32(text.count)
                record.append(text)
            }
        }
        if !record.bytes.isEmpty { extensionRecord(&out, subtype: 21, data: record.bytes) }

        record = ByteWriter()
        for plan in plans where plan.width > 8 && !plan.metadata.missingStrings.isEmpty {
            record.int32(plan.name.utf8.count)
            record.append(Array(plan.name.utf8))
            record.append([UInt8(plan.metadata.missingStrings.count)])
            record.int32(8)
            for value in plan.metadata.missingStrings { record.append(padded(Array(value.utf8), to: 8)) }
        }
        if !record.bytes.isEmpty { extensionRecord(&out, subtype: 22, data: record.bytes) }
    }

    // MARK: - Data

    private func writeData(_ out: inout ByteWriter) {
        var units = ByteWriter()
        var bytecode = BytecodeWriter()
        for row in 0..<dataset.rowCount {
            for plan in plans {
                if plan.isNumeric {
                    let value = plan.numbers[row]
                    if compression == .none {
                        units.uint64(value.isNaN ? SystemFileCaseReader.sysmisBits : value.bitPattern)
                    } else {
                        bytecode.number(value)
                    }
                    continue
                }
                let text = plan.strings[row] ?? []
                var offset = 0
                for segment in plan.segments {
                    let take = min(255, max(0, text.count - offset))
                    var chunk = Array(text[offset..<(offset + take)])
                    offset += take
                    let size = (segment.width + 7) / 8 * 8
                    chunk += [UInt8](repeating: 0x20, count: size - chunk.count)
                    if compression == .none {
                        units.append(chunk)
                    } else {
                        for i in stride(from: 0, to: size, by: 8) { bytecode.string(chunk[i..<(i + 8)]) }
                    }
                }
            }
        }
        switch compression {
        case .none:
            out.append(units.bytes)
        case .bytecode:
            out.append(bytecode.finish())
        case .zlib:
            writeZlib(&out, bytecode.finish())
        }
    }

    /// The ZLIB data header, the compressed blocks and the trailer of a `.zsav` file.
    private func writeZlib(_ out: inout ByteWriter, _ data: [UInt8]) {
        let blockSize = 0x3F_F000
        let headerOffset = out.bytes.count
        out.int64(headerOffset)
        out.int64(0)  // trailer offset, patched below
        out.int64(0)  // trailer length, patched below
        var blocks: [(uncompressedOffset: Int, compressedOffset: Int, uncompressedSize: Int, compressedSize: Int)] = []
        var start = 0
        while start < data.count || blocks.isEmpty {
            let end = min(start + blockSize, data.count)
            let compressed = Deflater.zlib(Array(data[start..<end]))
            blocks.append((headerOffset + start, out.bytes.count, end - start, compressed.count))
            out.append(compressed)
            start = end
            if start >= data.count { break }
        }
        let trailerOffset = out.bytes.count
        out.int64(-100)
        out.int64(0)
        out.int32(blockSize)
        out.int32(blocks.count)
        for block in blocks {
            out.int64(block.uncompressedOffset)
            out.int64(block.compressedOffset)
            out.int32(block.uncompressedSize)
            out.int32(block.compressedSize)
        }
        out.patchInt64(trailerOffset, at: headerOffset + 8)
        out.patchInt64(out.bytes.count - trailerOffset, at: headerOffset + 16)
    }
}
