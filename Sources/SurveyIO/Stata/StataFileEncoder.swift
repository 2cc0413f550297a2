import SurveyCore

/// Lays out a ``Dataset`` as the bytes of a format-118 `.dta` file (format 119 beyond 32,767
/// variables), little-endian, following Stata's `help dta`.
///
/// See ``StataWriter`` for what is written; this type does the planning (a storage type, a
/// display format and label sets per variable) and then writes the sections in order,
/// recording their offsets for `<map>`.
struct StataFileEncoder {
    private let dataset: Dataset
    private let name: String
    private let release: StataRelease

    /// Stata's limits, in bytes of UTF-8.
    static let variableLabelLimit = 320
    static let valueLabelLimit = 32_000
    static let characteristicLimit = 67_783
    static let longestStr = 2045

    /// One variable as it will be stored.
    private struct Plan {
        var name: String
        var type: StataStorageType
        var format: String
        var label: String
        /// Label-set name per Stata language name ("" when none).
        var labelSets: [String: String] = [:]
        var numbers: [Double] = []
        var texts: [[UInt8]] = []
    }

    /// A value-label set: sorted entries of a Stata integer code and its text.
    private struct LabelSet {
        var name: String
        var entries: [(code: Int32, text: String)]
    }

    init(dataset: Dataset, name: String) {
        self.dataset = dataset
        self.name = name
        self.release = dataset.columns.count > 32_767 ? .release119 : .release118
    }

    // MARK: Planning

    private func fail(_ problem: String) -> WriteError {
        WriteError(.invalidData, "Cannot write '\(name)': \(problem).")
    }

    /// Stata's reserved words, which cannot name a variable.
    private static let reserved: Set<String> = [
        "_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n", "_N",
        "_pi", "_pred", "_rc", "_skip", "strL", "using", "with",
    ]

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, name.count <= 32, name.utf8.count <= 128,
              first == "_" || first.isLetter,
              name.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber }),
              !reserved.contains(name) else { return false }
        if name.hasPrefix("str"), let n = Int(name.dropFirst(3)), n > 0 { return false }
        return true
    }

    /// The languages of every text in the codebook: the current one (`en` when present) first.
    private func languages() -> [String] {
        var tags = Set<String>()
        let codebook = dataset.codebook
        if let label = codebook.fileLabel { tags.formUnion(label.texts.keys) }
        for column in dataset.columns {
            guard let meta = codebook[column.name] else { continue }
            tags.formUnion(meta.label.texts.keys)
            for v in meta.valueLabels { tags.formUnion(v.label.texts.keys) }
        }
        if tags.isEmpty { return ["en"] }
        let sorted = tags.sorted()
        return tags.contains("en") ? ["en"] + sorted.filter { $0 != "en" } : sorted
    }

    func encode() throws(WriteError) -> [UInt8] {
        for column in dataset.columns where !StataFileEncoder.isValidName(column.name) {
            throw fail("variable '\(column.name)' is not a valid Stata name (letters, digits and _, not starting with a digit, at most 32 characters, not a reserved word such as 'in' or 'long'); rename it")
        }
        let tags = languages()
        let multilingual = tags.count > 1
        let current = tags[0]
        var stataLanguage: [String: String] = [:]
        for tag in tags { stataLanguage[tag] = StataLabelLanguages.stataName(for: tag) }

        var plans: [Plan] = []
        var sets: [LabelSet] = []
        var usedSetNames = Set(dataset.columns.map(\.name))
        var characteristics: [(target: String, name: String, value: String)] = []

        func setName(for variable: String, language tag: String) -> String {
            if tag == current { return variable }
            let candidate = "\(variable)_\(stataLanguage[tag] ?? tag)"
            if candidate.count <= 32, !usedSetNames.contains(candidate) {
                usedSetNames.insert(candidate)
                return candidate
            }
            var i = 1
            while usedSetNames.contains("_lbl\(i)") { i += 1 }
            usedSetNames.insert("_lbl\(i)")
            return "_lbl\(i)"
        }

        for column in dataset.columns {
            let meta = dataset.metadata(column.name)
            var plan = Plan(name: column.name, type: .double, format: "", label: meta.label.texts[current] ?? "")
            var labels: [(code: Double, text: LocalizedText)] = []
            switch column.values {
            case .numeric(let values):
                var numbers = values
                var date: StataDateFormat?
                if let kind = meta.temporal {
                    let declared = meta.displayFormat.flatMap { StataDateFormat(format: $0) }
                    if let declared, declared.temporal == kind {
                        date = declared
                        plan.format = meta.displayFormat ?? ""
                    } else if declared == .timeOfDay, kind == .dateTime {
                        date = .clock
                        plan.format = meta.displayFormat ?? ""
                    } else {
                        plan.format = StataDateFormat.defaultFormat(for: kind)
                        date = StataDateFormat(format: plan.format)
                    }
                }
                if let date {
                    for i in numbers.indices {
                        guard let v = date.stataValue(fromSeconds: numbers[i]) else {
                            throw fail("row \(i + 1) of variable '\(column.name)' holds a date that \(plan.format) cannot represent; store it as %td instead")
                        }
                        numbers[i] = v
                    }
                }
                plan.type = try numericType(numbers, variable: column.name)
                plan.numbers = numbers
                if plan.format.isEmpty {
                    plan.format = meta.displayFormat.flatMap { StataFileEncoder.isNumericFormat($0) ? $0 : nil } ?? StataFileEncoder.defaultFormat(plan.type)
                }
                labels = meta.valueLabels.compactMap { v in
                    let code = date.flatMap { $0.stataValue(fromSeconds: v.code) } ?? v.code
                    return (code, v.label)
                }
            case .categorical(let codes, let levels):
                plan.numbers = codes.map { $0 < 0 ? .nan : Double($0) + 1 }
                plan.type = try numericType(plan.numbers, variable: column.name)
                plan.format = StataFileEncoder.defaultFormat(plan.type)
                labels = levels.enumerated().map { (Double($0.offset + 1), LocalizedText([current: $0.element])) }
            case .text(let strings):
                plan.texts = strings.map { Array(($0 ?? "").utf8) }
                let longest = plan.texts.reduce(0) { max($0, $1.count) }
                guard longest < Int(Int32.max) else {
                    throw fail("a text of variable '\(column.name)' is \(longest) bytes long, more than a Stata strL holds (2 GB); shorten it")
                }
                if longest > StataFileEncoder.longestStr {
                    plan.type = .strL
                    plan.format = "%9s"
                } else {
                    let declared = meta.stringWidth.flatMap { (1 ... StataFileEncoder.longestStr).contains($0) ? $0 : nil } ?? 0
                    plan.type = .str(max(1, longest, declared))
                    plan.format = meta.displayFormat.flatMap { $0.hasPrefix("%") && $0.hasSuffix("s") && $0.utf8.count <= 56 ? $0 : nil }
                        ?? "%\(max(1, longest, declared))s"
                }
            }

            // Value labels: one set per language, integer codes only (as Stata requires).
            for tag in tags {
                var entries: [(code: Int32, text: String)] = []
                for (code, text) in labels {
                    guard let t = text.texts[tag], let stored = StataFileEncoder.labelCode(code) else { continue }
                    entries.append((stored, String(decoding: StataByteWriter.truncated(t, to: StataFileEncoder.valueLabelLimit), as: UTF8.self)))
                }
                guard !entries.isEmpty else { continue }
                let tableSize = entries.reduce(8) { $0 + 9 + $1.text.utf8.count }
                guard tableSize < Int(Int32.max) else {
                    throw fail("the value labels of variable '\(column.name)' take \(tableSize) bytes, more than a Stata value-label set holds; shorten them")
                }
                var seen = Set<Int32>()
                entries = entries.filter { seen.insert($0.code).inserted }.sorted { $0.code < $1.code }
                let set = setName(for: column.name, language: tag)
                plan.labelSets[tag] = set
                sets.append(LabelSet(name: set, entries: entries))
            }
            if multilingual {
                for tag in tags.dropFirst() {
                    let language = stataLanguage[tag] ?? tag
                    if let text = meta.label.texts[tag] { characteristics.append((column.name, "_lang_v_\(language)", text)) }
                    if let set = plan.labelSets[tag] { characteristics.append((column.name, "_lang_l_\(language)", set)) }
                }
            }
            plans.append(plan)
        }

        let codebook = dataset.codebook
        let dataLabel = codebook.fileLabel?.texts[current] ?? ""
        if multilingual {
            characteristics.append(("_dta", "_lang_list", tags.map { stataLanguage[$0] ?? $0 }.joined(separator: " ")))
            characteristics.append(("_dta", "_lang_c", stataLanguage[current] ?? current))
            for tag in tags.dropFirst() {
                if let text = codebook.fileLabel?.texts[tag] { characteristics.append(("_dta", "_lang_v_\(stataLanguage[tag] ?? tag)", text)) }
            }
        }
        if !codebook.documents.isEmpty {
            characteristics.append(("_dta", "note0", String(codebook.documents.count)))
            for (i, note) in codebook.documents.enumerated() { characteristics.append(("_dta", "note\(i + 1)", note)) }
        }
        if let design = codebook.design {
            for (key, value) in StataSurveyDesign.characteristics(for: design) { characteristics.append(("_dta", key, value)) }
        }

        return assemble(plans: plans, sets: sets, characteristics: characteristics, dataLabel: dataLabel, languages: tags)
    }

    /// The smallest storage type that holds every value exactly.
    private func numericType(_ values: [Double], variable: String) throws(WriteError) -> StataStorageType {
        var integral = true
        var fitsFloat = true
        var low = Double.infinity
        var high = -Double.infinity
        for (i, v) in values.enumerated() where !v.isNaN && !StataMissingValues.isExtendedMissing(v) {
            guard v.isFinite, abs(v) <= StataMissingValues.largestDouble else {
                throw fail("row \(i + 1) of variable '\(variable)' holds \(v), beyond the largest number Stata stores (±8.988e307); replace it with a missing value")
            }
            if integral, v != v.rounded() { integral = false }
            if fitsFloat, Double(Float(v)) != v || abs(v) >= 0x1p127 { fitsFloat = false }
            low = min(low, v)
            high = max(high, v)
        }
        if low > high { return .byte }
        if integral {
            if low >= -127, high <= 100 { return .byte }
            if low >= -32767, high <= 32740 { return .int }
            if low >= -2_147_483_647, high <= 2_147_483_620 { return .long }
            return .double
        }
        return fitsFloat ? .float : .double
    }

    static func defaultFormat(_ type: StataStorageType) -> String {
        switch type {
        case .byte, .int: "%8.0g"
        case .long: "%12.0g"
        case .float: "%9.0g"
        default: "%10.0g"
        }
    }

    /// A Stata number format such as `%9.0g`, `%10.2fc`, `%-8.0g` (not a string or date one).
    static func isNumericFormat(_ format: String) -> Bool {
        guard format.hasPrefix("%"), format.utf8.count <= 56, let last = format.last else { return false }
        return "gfe".contains(last) || format.hasSuffix("gc") || format.hasSuffix("fc")
    }

    /// The Stata code of a value label: an integer in the valid range, or `.a` … `.z`.
    static func labelCode(_ code: Double) -> Int32? {
        if let k = StataMissingValues.index(of: code) { return Int32(2_147_483_621 + k) }
        guard code == code.rounded(), code >= -2_147_483_647, code <= 2_147_483_620 else { return nil }
        return Int32(code)
    }

    // MARK: Writing

    private func assemble(plans: [Plan], sets: [LabelSet], characteristics: [(target: String, name: String, value: String)],
                          dataLabel: String, languages: [String]) -> [UInt8] {
        let n = dataset.rowCount
        let k = plans.count
        let nameLength = release.nameLength
        var out = StataByteWriter()
        let rowWidth = plans.reduce(0) { $0 + $1.type.width }
        out.reserve(4096 + k * 700 + n * rowWidth)

        out.tag("<stata_dta><header><release>")
        out.raw(Array(String(release.number).utf8))
        out.tag("</release><byteorder>LSF</byteorder><K>")
        if release.number == 119 { out.u32(UInt32(k)) } else { out.u16(UInt16(k)) }
        out.tag("</K><N>")
        out.u64(UInt64(n))
        out.tag("</N><label>")
        let label = StataByteWriter.truncated(dataLabel, to: StataFileEncoder.variableLabelLimit)
        out.u16(UInt16(label.count))
        out.raw(label)
        out.tag("</label><timestamp>")
        out.u8(0)
        out.tag("</timestamp></header>")

        var map = [UInt64](repeating: 0, count: 14)
        map[1] = UInt64(out.count)
        out.tag("<map>")
        let mapStart = out.count
        for _ in 0 ..< 14 { out.u64(0) }
        out.tag("</map>")

        map[2] = UInt64(out.count)
        out.tag("<variable_types>")
        for p in plans { out.u16(p.type.taggedCode) }
        out.tag("</variable_types>")

        map[3] = UInt64(out.count)
        out.tag("<varnames>")
        for p in plans { out.fixed(p.name, length: nameLength) }
        out.tag("</varnames>")

        map[4] = UInt64(out.count)
        out.tag("<sortlist>")
        for _ in 0 ... k { out.unsigned(0, width: release.sortEntryLength) }
        out.tag("</sortlist>")

        map[5] = UInt64(out.count)
        out.tag("<formats>")
        for p in plans { out.fixed(p.format, length: release.formatLength) }
        out.tag("</formats>")

        map[6] = UInt64(out.count)
        out.tag("<value_label_names>")
        for p in plans { out.fixed(p.labelSets[languages[0]] ?? "", length: nameLength) }
        out.tag("</value_label_names>")

        map[7] = UInt64(out.count)
        out.tag("<variable_labels>")
        for p in plans { out.fixed(p.label, length: release.variableLabelLength) }
        out.tag("</variable_labels>")

        map[8] = UInt64(out.count)
        out.tag("<characteristics>")
        for c in characteristics {
            let text = StataByteWriter.truncated(c.value, to: StataFileEncoder.characteristicLimit)
            out.tag("<ch>")
            out.u32(UInt32(2 * nameLength + text.count + 1))
            out.fixed(c.target, length: nameLength)
            out.fixed(c.name, length: nameLength)
            out.raw(text)
            out.u8(0)
            out.tag("</ch>")
        }
        out.tag("</characteristics>")

        map[9] = UInt64(out.count)
        out.tag("<data>")
        // Long strings: each distinct text of a variable is stored once, at its first row.
        var strLKeys: [[String: (v: UInt64, o: UInt64)]] = Array(repeating: [:], count: k)
        var strLs: [(v: UInt64, o: UInt64, text: [UInt8])] = []
        let vWidth = release.strLVariableWidth
        for row in 0 ..< n {
            for (j, p) in plans.enumerated() {
                switch p.type {
                case .byte: out.integer(StataFileEncoder.stored(p.numbers[row], missing: 101, as: Int8.self))
                case .int: out.integer(StataFileEncoder.stored(p.numbers[row], missing: 32741, as: Int16.self))
                case .long: out.integer(StataFileEncoder.stored(p.numbers[row], missing: 2_147_483_621, as: Int32.self))
                case .float:
                    let v = p.numbers[row]
                    if v.isNaN { out.u32(StataMissingValues.floatSystemMissingBits) }
                    else if let i = StataMissingValues.index(of: v) { out.u32(StataMissingValues.floatSystemMissingBits + UInt32(i) * StataMissingValues.floatStep) }
                    else { out.u32(Float(v).bitPattern) }
                case .double:
                    let v = p.numbers[row]
                    out.u64(v.isNaN ? StataMissingValues.doubleSystemMissingBits : v.bitPattern)
                case .str(let width):
                    let text = p.texts[row]
                    out.raw(text.prefix(width))
                    out.zeros(width - min(width, text.count))
                case .strL:
                    let text = p.texts[row]
                    if text.isEmpty {
                        out.u64(0)
                        continue
                    }
                    let key = String(decoding: text, as: UTF8.self)
                    let ref: (v: UInt64, o: UInt64)
                    if let known = strLKeys[j][key] {
                        ref = known
                    } else {
                        ref = (UInt64(j + 1), UInt64(row + 1))
                        strLKeys[j][key] = ref
                        strLs.append((ref.v, ref.o, text))
                    }
                    out.unsigned(ref.v, width: vWidth)
                    out.unsigned(ref.o, width: 8 - vWidth)
                }
            }
        }
        out.tag("</data>")

        map[10] = UInt64(out.count)
        out.tag("<strls>")
        for s in strLs {
            out.tag("GSO")
            out.u32(UInt32(s.v))
            out.u64(s.o)
            out.u8(130)
            out.u32(UInt32(s.text.count + 1))
            out.raw(s.text)
            out.u8(0)
        }
        out.tag("</strls>")

        map[11] = UInt64(out.count)
        out.tag("<value_labels>")
        for set in sets {
            var text: [UInt8] = []
            var offsets: [UInt32] = []
            for e in set.entries {
                offsets.append(UInt32(text.count))
                text.append(contentsOf: e.text.utf8)
                text.append(0)
            }
            let count = set.entries.count
            out.tag("<lbl>")
            out.u32(UInt32(8 + 8 * count + text.count))
            out.fixed(set.name, length: nameLength)
            out.raw([0, 0, 0])
            out.u32(UInt32(count))
            out.u32(UInt32(text.count))
            for o in offsets { out.u32(o) }
            for e in set.entries { out.integer(e.code) }
            out.raw(text)
            out.tag("</lbl>")
        }
        out.tag("</value_labels>")

        map[12] = UInt64(out.count)
        out.tag("</stata_dta>")
        map[13] = UInt64(out.count)
        for (i, offset) in map.enumerated() { out.patch(offset, at: mapStart + 8 * i) }
        return out.bytes
    }

    /// The stored integer for `v`: `.` is `missing`, `.a` … `.z` follow it.
    private static func stored<T: FixedWidthInteger>(_ v: Double, missing: Int, as: T.Type) -> T {
        if v.isNaN { return T(missing) }
        if let k = StataMissingValues.index(of: v) { return T(missing + k) }
        return T(v)
    }
}
