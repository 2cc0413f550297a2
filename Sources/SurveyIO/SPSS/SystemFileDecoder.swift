import SurveyCore

/// Turns the bytes of an SPSS system file into a ``Dataset``: parses the dictionary, chooses
/// the text encoding, assembles variables from their records, applies the extension records,
/// then reads the cases (PSPP, *System File Format*).
struct SystemFileDecoder {
    /// The whole file, valid while it is decoded (a decoder lives only inside ``decode(_:encoding:progress:)``).
    private let file: UnsafeRawBufferPointer
    private let dictionary: SystemFileDictionary
    private let text: TextDecoder
    private var variables: [SystemFileVariable] = []
    private var sysmis = SystemFileCaseReader.sysmisBits
    private var highest = Double.greatestFiniteMagnitude.bitPattern
    private var lowest = (-Double.greatestFiniteMagnitude).nextUp.bitPattern

    /// Decodes the system file in `file`, which need only be valid during the call (a mapping
    /// of the file, say): the data set keeps nothing of it.
    /// - Parameter encoding: decodes the text with this encoding whatever the file declares.
    /// - Parameter progress: hears the position in the case data after every block of cases
    ///   (every few parts of a long file: ``SystemFileColumnReader``).
    static func decode(_ file: UnsafeRawBufferPointer, encoding: TextDecoder? = nil, progress: ReadProgress? = nil) throws(SPSSFormatError) -> Dataset {
        let dictionary = try SystemFileDictionary.parse(file)
        var decoder = try SystemFileDecoder(file: file, dictionary: dictionary, encoding: encoding)
        return try decoder.run(progress: progress)
    }

    private init(file: UnsafeRawBufferPointer, dictionary: SystemFileDictionary, encoding: TextDecoder?) throws(SPSSFormatError) {
        self.file = file
        self.dictionary = dictionary
        if let encoding {
            self.text = encoding
        } else {
            self.text = try Self.chooseEncoding(dictionary)
        }
    }

    // MARK: - Encoding

    /// The encoding named by the character encoding record, else by the code page of the
    /// machine integer info record, else a guess from the dictionary's text (see
    /// ``guessEncoding(_:)``).
    private static func chooseEncoding(_ dictionary: SystemFileDictionary) throws(SPSSFormatError) -> TextDecoder {
        let allText = dictionaryText(dictionary)
        if let record = dictionary.extensionRecord(20) {
            let name = TextDecoder.utf8.decodeTrimmed(record.data[...])
            if let decoder = TextDecoder.named(name) { return decoder }
            if allText.allSatisfy({ TextDecoder.isValidUTF8($0) }) { return .utf8 }
            throw SPSSFormatError(.invalidEncoding, "its text is in the character encoding '\(name)', which Barometer cannot decode; open the file in SPSS, run SET UNICODE=ON, and save it again as UTF-8")
        }
        if let info = dictionary.extensionRecord(3), info.size == 4, info.count == 8 {
            var cursor = ByteCursor(info.data, offset: 28, bigEndian: dictionary.bigEndian)
            if let code = try? cursor.int("the machine integer info record") {
                if code == 1 {
                    throw SPSSFormatError(.unsupportedFormat, "its text is in EBCDIC, which Barometer does not read; save the file again as a .sav file on a PC")
                }
                // Old SPSS versions always wrote 2 (7-bit ASCII) whatever the encoding: guess.
                if code != 2 && code != 3, let decoder = TextDecoder.codePage(code) { return decoder }
            }
        }
        return guessEncoding(allText)
    }

    /// The encoding of a file that does not declare one (SPSS before version 16 wrote 2, "7-bit
    /// ASCII", whatever the text was): UTF-8 when the non-ASCII text is all valid UTF-8;
    /// windows-1251 when letters from the upper half outnumber ASCII letters, as in Russian or
    /// Kazakh text (in Western European text accented letters are the minority); else
    /// windows-1252.
    static func guessEncoding(_ texts: [[UInt8]]) -> TextDecoder {
        var upperLetters = 0, asciiLetters = 0
        for text in texts {
            for byte in text {
                if byte >= 0xC0 { upperLetters += 1 }
                else if (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) { asciiLetters += 1 }
            }
        }
        let nonASCII = texts.contains { $0.contains { $0 >= 0x80 } }
        if !nonASCII { return .windows1252 }
        if texts.allSatisfy({ TextDecoder.isValidUTF8($0) }) { return .utf8 }
        if upperLetters > asciiLetters, let cyrillic = TextDecoder.named("windows-1251") { return cyrillic }
        return .windows1252
    }

    /// The dictionary's text fields, to guess the encoding of files that do not declare it.
    private static func dictionaryText(_ dictionary: SystemFileDictionary) -> [[UInt8]] {
        var texts: [[UInt8]] = [dictionary.fileLabel]
        for v in dictionary.variables {
            texts.append(v.name)
            if let label = v.label { texts.append(label) }
        }
        for set in dictionary.valueLabelSets { texts += set.labels.map(\.label) }
        texts += dictionary.documents
        for subtype in [13, 21] {
            if let record = dictionary.extensionRecord(subtype) { texts.append(record.data) }
        }
        return texts
    }

    // MARK: - Dictionary

    private mutating func run(progress: ReadProgress?) throws(SPSSFormatError) -> Dataset {
        readMachineFloatingPointInfo()
        assembleVariables()
        applyLongNames()
        makeNamesUnique()
        for i in variables.indices { describe(&variables[i]) }
        applyValueLabels()
        applyLongStringValueLabels()
        applyLongStringMissingValues()
        applyDisplayParameters()
        var codebook = Codebook()
        codebook.encoding = text.name
        let label = text.decodeTrimmed(dictionary.fileLabel[...])
        if !label.isEmpty { codebook.fileLabel = LocalizedText(label) }
        codebook.documents = dictionary.documents.map { text.decodeTrimmed($0[...]) }
        codebook.multipleResponseSets = multipleResponseSets()
        if dictionary.weightIndex > 0,
           let weight = variables.first(where: { $0.record.dictionaryIndex == dictionary.weightIndex && $0.isNumeric }) {
            codebook.design = DesignSpec(weights: weight.name)
        }
        for v in variables { codebook[v.name] = v.metadata }
        let columns = try readColumns(progress: progress)
        do {
            return try Dataset(columns: columns, codebook: codebook)
        } catch {
            throw SPSSFormatError(.malformed, error.message)
        }
    }

    private mutating func readMachineFloatingPointInfo() {
        guard let info = dictionary.extensionRecord(4), info.size == 8, info.count == 3 else { return }
        var cursor = ByteCursor(info.data, bigEndian: dictionary.bigEndian)
        if let s = try? cursor.uint64(""), let h = try? cursor.uint64(""), let l = try? cursor.uint64("") {
            sysmis = s
            highest = h
            lowest = l
        }
    }

    /// One variable per variable record, then very long strings merged from their segments.
    private mutating func assembleVariables() {
        variables = dictionary.variables.map {
            SystemFileVariable(record: $0, shortName: text.decodeTrimmed($0.name[...]))
        }
        guard let record = dictionary.extensionRecord(14) else { return }
        var widths: [String: Int] = [:]
        for entry in record.data.split(separator: 0x09) {
            let pair = entry.split(separator: UInt8(ascii: "="), maxSplits: 1)
            guard pair.count == 2 else { continue }
            let digits = pair[1].filter { $0 != 0 }
            guard let width = Int(TextDecoder.utf8.decode(digits).filter { $0 != " " }), (256...32767).contains(width) else { continue }
            widths[text.decodeTrimmed(pair[0]).uppercased()] = width
        }
        var merged: [SystemFileVariable] = []
        var i = 0
        while i < variables.count {
            var variable = variables[i]
            let count = widths[variable.shortName.uppercased()].map { ($0 + 251) / 252 } ?? 1
            if let width = widths[variable.shortName.uppercased()], width > 255, variable.width == 255,
               i + count <= variables.count,
               variables[(i + 1)..<(i + count)].allSatisfy({ $0.width > 0 }) {
                variable.merge(segments: variables[i..<(i + count)].map(\.record), width: width)
                merged.append(variable)
                i += count
            } else {
                merged.append(variable)
                i += 1
            }
        }
        variables = merged
    }

    /// Applies the long variable names record (subtype 13): `SHORT=Long` pairs separated by tabs.
    private mutating func applyLongNames() {
        guard let record = dictionary.extensionRecord(13) else { return }
        var names: [String: String] = [:]
        for entry in record.data.split(separator: 0x09) {
            let pair = entry.split(separator: UInt8(ascii: "="), maxSplits: 1)
            guard pair.count == 2 else { continue }
            let long = text.decodeTrimmed(pair[1])
            if !long.isEmpty { names[text.decodeTrimmed(pair[0]).uppercased()] = long }
        }
        for i in variables.indices {
            if let long = names[variables[i].shortName.uppercased()] { variables[i].name = long }
        }
    }

    /// Gives empty names a positional name and duplicates a numeric suffix, so the data set can
    /// hold them.
    private mutating func makeNamesUnique() {
        var used = Set<String>()
        for i in variables.indices {
            var name = variables[i].name
            if name.isEmpty { name = "V\(i + 1)" }
            if used.contains(name) {
                var n = 2
                while used.contains("\(name)_\(n)") { n += 1 }
                name = "\(name)_\(n)"
            }
            used.insert(name)
            variables[i].name = name
        }
    }

    /// Label, formats and missing values from the variable record.
    private func describe(_ variable: inout SystemFileVariable) {
        let record = variable.record
        if let label = record.label {
            let decoded = text.decodeTrimmed(label[...])
            if !decoded.isEmpty { variable.metadata.label = LocalizedText(decoded) }
        }
        if variable.isNumeric {
            variable.metadata.displayFormat = record.print.text
            variable.metadata.temporal = record.print.temporal
            let values = record.missingValues.map { number($0, for: variable, missingBound: true) }
            switch record.missingCount {
            case 1...3:
                variable.metadata.missingCodes = values
            case -2, -3:
                if values[0] <= values[1] { variable.metadata.missingRange = values[0]...values[1] }
                if record.missingCount == -3 { variable.metadata.missingCodes = [values[2]] }
            default:
                break
            }
        } else {
            let print = record.print
            variable.metadata.displayFormat = variable.width <= 255 && (print.type == 1 || print.type == 2)
                ? print.text : "A\(variable.width)"
            variable.metadata.stringWidth = variable.width
            if record.missingCount > 0 {
                variable.metadata.missingStrings = record.missingValues.map { text.decodeTrimmed($0[...]) }
            }
        }
    }

    /// A number stored in the dictionary, in the file's byte order, with dates moved to the
    /// Unix epoch; in a missing-value range LOWEST and HIGHEST become infinities.
    private func number(_ raw: [UInt8], for variable: SystemFileVariable, missingBound: Bool = false) -> Double {
        let bits = ByteCursor.uint64(raw, at: 0, bigEndian: dictionary.bigEndian)
        if missingBound {
            if bits == highest || bits == Double.greatestFiniteMagnitude.bitPattern { return .infinity }
            if bits == lowest || bits == sysmis || bits == (-Double.greatestFiniteMagnitude).nextUp.bitPattern {
                return -.infinity
            }
        }
        return shifted(Double(bitPattern: bits), variable.metadata.temporal)
    }

    private func shifted(_ value: Double, _ temporal: TemporalKind?) -> Double {
        switch temporal {
        case .date, .dateTime: value - SPSSFormat.epochOffset
        default: value
        }
    }

    /// Value labels records (types 3 and 4), for numeric and short string variables.
    private mutating func applyValueLabels() {
        var position: [Int: Int] = [:]
        for (i, v) in variables.enumerated() { position[v.record.dictionaryIndex] = i }
        for set in dictionary.valueLabelSets {
            for index in set.dictionaryIndexes {
                guard let i = position[index] else { continue }
                for (value, label) in set.labels {
                    let labelText = LocalizedText(text.decodeTrimmed(label[...]))
                    if variables[i].isNumeric {
                        add(ValueLabel(code: number(value, for: variables[i]), label: labelText), to: &variables[i])
                    } else {
                        // The whole 8 bytes: ReadStat writes values wider than the variable.
                        let code = text.decodeTrimmed(value[...])
                        add(ValueLabel(stringCode: code, label: labelText), to: &variables[i])
                    }
                }
            }
        }
    }

    /// Adds a label, replacing an earlier label of the same value.
    private func add(_ label: ValueLabel, to variable: inout SystemFileVariable) {
        let labels = variable.metadata.valueLabels
        if let j = labels.firstIndex(where: { $0.stringCode == label.stringCode && ($0.stringCode != nil || $0.code == label.code) }) {
            variable.metadata.valueLabels[j] = label
        } else {
            variable.metadata.valueLabels.append(label)
        }
    }

    /// The variable named `name` (long name first, then short name, ignoring case).
    private func variableIndex(named raw: ArraySlice<UInt8>) -> Int? {
        let name = text.decodeTrimmed(raw)
        if let i = variables.firstIndex(where: { $0.name == name }) { return i }
        let upper = name.uppercased()
        return variables.firstIndex { $0.name.uppercased() == upper || $0.shortName.uppercased() == upper }
    }

    /// The long string value labels record (subtype 21). A malformed record is ignored from the
    /// point where it goes wrong: value labels are not essential to the data.
    private mutating func applyLongStringValueLabels() {
        for record in dictionary.extensionRecords(21) {
            var cursor = ByteCursor(record.data, bigEndian: dictionary.bigEndian)
            while !cursor.isAtEnd {
                guard let nameLength = try? cursor.int(""), nameLength >= 0,
                      let name = try? cursor.bytes(nameLength, ""),
                      (try? cursor.int("")) != nil,
                      let count = try? cursor.int(""), count >= 0, count <= cursor.remaining / 8 else { break }
                let target = variableIndex(named: name[...])
                for _ in 0..<count {
                    guard let valueLength = try? cursor.int(""), let value = try? cursor.bytes(valueLength, ""),
                          let labelLength = try? cursor.int(""), let label = try? cursor.bytes(labelLength, "") else { return }
                    if let i = target, !variables[i].isNumeric {
                        add(ValueLabel(stringCode: labelledValue(value), label: LocalizedText(text.decodeTrimmed(label[...]))), to: &variables[i])
                    }
                }
            }
        }
    }

    /// A value of the long string value labels record. PSPP 1.6 writes these values in UTF-8
    /// whatever the file's encoding (its labels and data are in the file's encoding), so in a
    /// file that is not UTF-8 a value that is valid, non-ASCII UTF-8 is read as UTF-8: text in
    /// a single-byte code page practically never forms valid UTF-8 sequences.
    private func labelledValue(_ value: [UInt8]) -> String {
        if text.name != TextDecoder.utf8.name, value.contains(where: { $0 >= 0x80 }), TextDecoder.isValidUTF8(value) {
            return TextDecoder.utf8.decodeTrimmed(value[...])
        }
        return text.decodeTrimmed(value[...])
    }

    /// The long string missing values record (subtype 22). Tolerates the old PSPP layout that
    /// repeated the value length before each value.
    private mutating func applyLongStringMissingValues() {
        for record in dictionary.extensionRecords(22) {
            var cursor = ByteCursor(record.data, bigEndian: dictionary.bigEndian)
            while !cursor.isAtEnd {
                guard let nameLength = try? cursor.int(""), nameLength >= 0,
                      let name = try? cursor.bytes(nameLength, ""),
                      let count = try? cursor.byte(""), (1...3).contains(count),
                      let valueLength = try? cursor.int(""), valueLength >= 0 else { break }
                var values: [String] = []
                for j in 0..<Int(count) {
                    if j > 0, cursor.remaining >= 4,
                       ByteCursor.uint32(cursor.bytes, at: cursor.offset, bigEndian: dictionary.bigEndian) == UInt32(valueLength) {
                        try? cursor.skip(4, "")
                    }
                    guard let value = try? cursor.bytes(valueLength, "") else { return }
                    values.append(text.decodeTrimmed(value[...]))
                }
                if let i = variableIndex(named: name[...]), !variables[i].isNumeric {
                    variables[i].metadata.missingStrings = values
                }
            }
        }
    }

    /// The variable display parameter record (subtype 11): measurement level per variable.
    /// Entries follow the variable records (segments of very long strings each have one); a
    /// few writers give one per variable instead, which is accepted too.
    private mutating func applyDisplayParameters() {
        guard let record = dictionary.extensionRecord(11), record.size == 4 else { return }
        let segmentCount = dictionary.variables.count
        var perSegment = true
        var stride = 0
        for (candidate, segments) in [(3, true), (2, true), (3, false), (2, false)] {
            let n = segments ? segmentCount : variables.count
            if n > 0, record.count == candidate * n { stride = candidate; perSegment = segments; break }
        }
        guard stride > 0 else { return }
        var cursor = ByteCursor(record.data, bigEndian: dictionary.bigEndian)
        var measures: [Int] = []
        while cursor.remaining >= 4 * stride {
            guard let measure = try? cursor.int(""), (try? cursor.skip(4 * (stride - 1), "")) != nil else { break }
            measures.append(measure)
        }
        var position: [Int: Int] = [:]
        for (i, r) in dictionary.variables.enumerated() { position[r.dictionaryIndex] = i }
        for (i, v) in variables.enumerated() {
            let entry = perSegment ? position[v.record.dictionaryIndex] ?? -1 : i
            guard entry >= 0, entry < measures.count else { continue }
            switch measures[entry] {
            case 1: variables[i].metadata.measurement = .nominal
            case 2: variables[i].metadata.measurement = .ordinal
            case 3: variables[i].metadata.measurement = .scale
            default: break
            }
        }
    }

    private func multipleResponseSets() -> [MultipleResponseSet] {
        var sets: [MultipleResponseSet] = []
        for record in dictionary.extensionRecords(7) + dictionary.extensionRecords(19) {
            for raw in MultipleResponseSetRecord.parse(record.data) {
                let members = raw.variables.compactMap { variableIndex(named: $0[...]) }
                var label = text.decodeTrimmed(raw.label[...])
                if label.isEmpty, raw.labelSource == 11, let first = members.first {
                    label = variables[first].metadata.label.text() ?? ""
                }
                let kind: MultipleResponseSet.Kind = raw.kind == UInt8(ascii: "C")
                    ? .categories : .dichotomies(countedValue: text.decodeTrimmed(raw.countedValue[...]))
                sets.append(MultipleResponseSet(
                    name: text.decodeTrimmed(raw.name[...]),
                    label: label.isEmpty ? LocalizedText() : LocalizedText(label),
                    kind: kind, variables: members.map { variables[$0].name }))
            }
        }
        return sets
    }

    // MARK: - Data

    /// The case count of the extended number of cases record (subtype 16), if it gives one.
    private func extendedCaseCount() -> Int? {
        guard let record = dictionary.extensionRecord(16), record.size == 8, record.count == 2 else { return nil }
        var cursor = ByteCursor(record.data, offset: 8, bigEndian: dictionary.bigEndian)
        guard let count = try? cursor.int64(""), count >= 0, count < Int64(Int32.max) * 1024 else { return nil }
        return Int(count)
    }

    private func readColumns(progress: ReadProgress?) throws(SPSSFormatError) -> [Column] {
        let numericVariables = variables.indices.filter { variables[$0].isNumeric }
        let stringVariables = variables.indices.filter { !variables[$0].isNumeric }
        let layout = SystemFileCaseLayout(
            caseSize: dictionary.slotCount * 8, bigEndian: dictionary.bigEndian, sysmis: sysmis,
            numbers: numericVariables.map { i in
                let temporal = variables[i].metadata.temporal
                return (variables[i].record.slot * 8, temporal == .date || temporal == .dateTime ? SPSSFormat.epochOffset : 0)
            },
            strings: stringVariables.map { variables[$0].segments })
        let columnReader = SystemFileColumnReader(
            layout: layout, text: text,
            declared: dictionary.caseCount >= 0 ? dictionary.caseCount : extendedCaseCount() ?? -1,
            declaredByHeader: dictionary.caseCount >= 0)
        let (numbers, strings) = try SystemFileCaseReader.withCases(in: file, dictionary: dictionary) { reader throws(SPSSFormatError) in
            try columnReader.read(reader, progress: progress)
        }
        var columns: [Column?] = Array(repeating: nil, count: variables.count)
        for (k, i) in numericVariables.enumerated() { columns[i] = .numeric(variables[i].name, numbers[k]) }
        for (j, i) in stringVariables.enumerated() {
            columns[i] = strings[j].column(named: variables[i].name, hasValueLabels: !variables[i].metadata.valueLabels.isEmpty)
        }
        return columns.map { $0! }
    }
}
