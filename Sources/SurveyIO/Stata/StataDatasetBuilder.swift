import SurveyCore

/// Turns a parsed ``StataFile`` into a ``Dataset``: variables into columns, labels (in every
/// label language) into the codebook, date formats into ``TemporalKind`` values, extended
/// missing values into user-missing codes, notes into documents and `svyset` characteristics
/// into a ``DesignSpec``.
enum StataDatasetBuilder {
    static func dataset(from file: StataFile, name: String) throws(ReadError) -> Dataset {
        var chars: [String: [String: String]] = [:]
        for c in file.characteristics { chars[c.target, default: [:]][c.name] = c.value }
        let dataChars = chars["_dta"] ?? [:]
        let languages = StataLabelLanguages(dataCharacteristics: dataChars)

        var codebook = Codebook()
        var columns: [Column] = []
        columns.reserveCapacity(file.variables.count)
        var seen = Set<String>()
        for (index, variable) in file.variables.enumerated() {
            guard !variable.name.isEmpty else {
                throw ReadError(.malformed, "Cannot read '\(name)': variable \(index + 1) has no name; the file is damaged, so re-save it in Stata.")
            }
            guard seen.insert(variable.name).inserted else {
                throw ReadError(.malformed, "Cannot read '\(name)': two variables are named '\(StataByteReader.shown(variable.name))'; rename one in Stata and save the file again.")
            }
            let own = chars[variable.name] ?? [:]
            var meta = VariableMetadata()
            meta.label = localized(variable.label, others: languages.others.map { ($0, own["_lang_v_\($0)"] ?? "") }, languages)
            if !variable.format.isEmpty { meta.displayFormat = variable.format }
            var values = file.columns[index]
            switch variable.type {
            case .str(let width):
                meta.stringWidth = width
            case .strL:
                break
            default:
                guard case .numeric(var numbers) = values else { break }
                var sets = [(languages.current, variable.valueLabelSet)]
                for other in languages.others { sets.append((other, own["_lang_l_\(other)"] ?? "")) }
                meta.valueLabels = valueLabels(sets, file: file, languages: languages)
                if var date = StataDateFormat(format: variable.format) {
                    // A time-of-day format on values that hold a date too (beyond the first day
                    // of 1960) keeps the date: the variable is read as date-times. Negative
                    // values are taken for the special codes surveys give such variables
                    // ("-3 interviewer error") and do not count.
                    if date == .timeOfDay, numbers.contains(where: { $0.isFinite && !StataMissingValues.isExtendedMissing($0) && $0 >= 86_400_000 }) {
                        date = .clock
                    }
                    for i in numbers.indices { numbers[i] = date.seconds(fromStata: numbers[i]) }
                    // Labelled codes ("-7 legal skip") move with the values they label.
                    for i in meta.valueLabels.indices { meta.valueLabels[i].code = date.seconds(fromStata: meta.valueLabels[i].code) }
                    meta.temporal = date.temporal
                    values = .numeric(numbers)
                }
                markExtendedMissing(numbers, in: &meta, tag: languages.tag(languages.current))
            }
            codebook[variable.name] = meta
            columns.append(Column(name: variable.name, values: values))
        }

        let fileLabel = localized(file.dataLabel, others: languages.others.map { ($0, dataChars["_lang_v_\($0)"] ?? "") }, languages)
        if !fileLabel.isEmpty { codebook.fileLabel = fileLabel }
        codebook.documents = notes(dataChars) + file.variables.flatMap { v in
            notes(chars[v.name] ?? [:]).map { "\(v.name): \($0)" }
        }
        codebook.encoding = file.encoding
        codebook.design = StataSurveyDesign.design(from: dataChars)

        do {
            return try Dataset(columns: columns, codebook: codebook)
        } catch {
            throw ReadError(.malformed, "Cannot read '\(name)': \(error.message)")
        }
    }

    /// A text in the current language plus its translations; empty texts are left out.
    private static func localized(_ current: String, others: [(String, String)], _ languages: StataLabelLanguages) -> LocalizedText {
        var texts: [String: String] = [:]
        for (language, text) in others {
            let trimmed = trimmedLabel(text)
            if !trimmed.isEmpty { texts[languages.tag(language)] = trimmed }
        }
        let trimmed = trimmedLabel(current)
        if !trimmed.isEmpty { texts[languages.tag(languages.current)] = trimmed }
        return LocalizedText(texts)
    }

    /// The value labels of the sets attached in each language, merged by code: the current
    /// language's order first, then codes only other languages label.
    private static func valueLabels(_ sets: [(language: String, set: String)], file: StataFile,
                                    languages: StataLabelLanguages) -> [ValueLabel] {
        var labels: [ValueLabel] = []
        var position: [Double: Int] = [:]
        for (language, setName) in sets where !setName.isEmpty {
            guard let entries = file.valueLabelSets[setName] else { continue }
            let tag = languages.tag(language)
            for entry in entries {
                if let i = position[entry.code] {
                    if labels[i].label.texts[tag] == nil { labels[i].label.texts[tag] = trimmedLabel(entry.label) }
                } else {
                    position[entry.code] = labels.count
                    labels.append(ValueLabel(code: entry.code, label: LocalizedText([tag: trimmedLabel(entry.label)])))
                }
            }
        }
        return labels
    }

    /// Lists the extended missing codes met in the values or the labels as user-missing, and
    /// labels those without a label by their Stata name (`.a`).
    private static func markExtendedMissing(_ values: [Double], in meta: inout VariableMetadata, tag: String) {
        var present = [Bool](repeating: false, count: 27)
        var any = false
        for v in values where v.bitPattern > StataMissingValues.doubleSystemMissingBits {
            if let k = StataMissingValues.index(of: v) {
                present[k] = true
                any = true
            }
        }
        for label in meta.valueLabels {
            if let k = StataMissingValues.index(of: label.code) {
                present[k] = true
                any = true
            }
        }
        guard any else { return }
        for k in 1 ... 26 where present[k] {
            let code = StataMissingValues.code(index: k)
            meta.missingCodes.append(code)
            if !meta.valueLabels.contains(where: { $0.code == code }) {
                meta.valueLabels.append(ValueLabel(code: code, label: LocalizedText([tag: ".\(StataMissingValues.letters[k - 1])"])))
            }
        }
    }

    /// A label without the trailing blanks Stata users often leave (as ReadStat and haven trim).
    private static func trimmedLabel(_ text: String) -> String {
        guard let last = text.unicodeScalars.last, last.properties.isWhitespace else { return text }
        var scalars = text.unicodeScalars
        while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// The notes among the characteristics `chars` (`note1`, `note2`, …; `note0` holds their
    /// count), in their numeric order.
    private static func notes(_ chars: [String: String]) -> [String] {
        chars.compactMap { key, value -> (Int, String)? in
            guard key.hasPrefix("note"), let n = Int(key.dropFirst(4)), n > 0, String(n) == key.dropFirst(4) else { return nil }
            return (n, value)
        }
        .sorted { $0.0 < $1.0 }
        .map(\.1)
    }
}
