import SurveyCore

/// Applies a YAML codebook (``CodebookDocument``) to a dataset: labels over a CSV file, or
/// translations and corrections over the codebook an SPSS or Stata file already carries.
///
/// The YAML adds to what the data has and wins where both say something:
/// - labels (of variables, values, the file and sets) merge language by language: a YAML text
///   replaces the text in the same language, other languages are kept, so a file of Kazakh
///   labels adds Kazakh to a `.sav` file's English and Russian;
/// - value labels are matched by code; codes the data's codebook lacks are added after its own;
/// - `missing:` replaces the discrete user-missing codes and `missing-range:` the range, each
///   only when the YAML gives it; `measurement`, `format`, `temporal` and `width` likewise;
/// - documents the data lacks are appended; the YAML's design replaces a stored one;
///   multiple-response sets replace sets of the same name.
///
/// Codes are read by the column's type: for a numeric column every code must be a number
/// (`"1"` in quotes is read as 1); for a text column codes are matched to its values as
/// written (`01`), else as the number they spell (`1`), and stored as texts.
///
/// Every variable the YAML names, in `variables:`, the design or a set, must exist in the data;
/// a misspelt name gets suggestions.
public enum CodebookMerger {
    /// `dataset` with `document` applied to its codebook; `dataName` names the data in messages.
    /// - Throws: ``ReadError`` naming the codebook file, the line and the fix when the codebook
    ///   names a variable the data lacks or a code that does not fit the variable's type.
    public static func apply(_ document: CodebookDocument, to dataset: Dataset, dataName: String) throws(ReadError) -> Dataset {
        let context = Context(document: document, dataset: dataset, dataName: dataName)
        try context.checkVariablesExist()
        var codebook = dataset.codebook
        for entry in document.entries {
            let column = try context.column(entry.name)
            let merged = try context.merge(entry, over: codebook[entry.name] ?? VariableMetadata(), column: column)
            // An entry that says nothing (`age: {type: numeric}`) adds no metadata.
            if codebook[entry.name] != nil || merged != VariableMetadata() { codebook[entry.name] = merged }
        }
        let yaml = document.codebook
        if let title = yaml.fileLabel {
            codebook.fileLabel = Self.merge(title, over: codebook.fileLabel ?? LocalizedText())
        }
        codebook.documents += yaml.documents.filter { !codebook.documents.contains($0) }
        if codebook.encoding == nil { codebook.encoding = yaml.encoding }
        if let design = yaml.design {
            try context.checkDesign(design)
            codebook.design = design
        }
        for set in yaml.multipleResponseSets {
            try context.checkSet(set)
            if let i = codebook.multipleResponseSets.firstIndex(where: { $0.name == set.name }) {
                var merged = set
                merged.label = Self.merge(set.label, over: codebook.multipleResponseSets[i].label)
                codebook.multipleResponseSets[i] = merged
            } else {
                codebook.multipleResponseSets.append(set)
            }
        }
        var result = dataset
        result.codebook = codebook
        return result
    }

    /// `new` laid over `old` language by language.
    static func merge(_ new: LocalizedText, over old: LocalizedText) -> LocalizedText {
        LocalizedText(old.texts.merging(new.texts) { _, yaml in yaml })
    }

    /// What the checks and conversions of one application share.
    private struct Context {
        let document: CodebookDocument
        let dataset: Dataset
        let dataName: String

        func failure(_ line: Int?, _ problem: String) -> ReadError {
            ReadError(.malformed, "Cannot apply codebook '\(document.name)'\(line.map { ", line \($0)" } ?? ""): \(problem)\(problem.hasSuffix("?") ? "" : ".")")
        }

        func column(_ name: String) throws(ReadError) -> Column {
            do {
                return try dataset.column(name)
            } catch {
                throw failure(document.line(ofVariable: name), "variable '\(name)' is not in '\(dataName)'")
            }
        }

        /// " (did you mean 'q1'?)" or "".
        private func suggestion(for name: String) -> String {
            let names = NameSuggester.closest(to: name, among: dataset.variableNames)
            guard !names.isEmpty else { return "" }
            return "did you mean " + names.map { "'\($0)'" }.joined(separator: " or ") + "?"
        }

        /// Every variable of `variables:` is a column of the data.
        func checkVariablesExist() throws(ReadError) {
            let absent = document.entries.filter { !dataset.hasVariable($0.name) }
            guard let first = absent.first else { return }
            if absent.count == 1 {
                let hint = suggestion(for: first.name)
                throw failure(first.line, "variable '\(first.name)' is not in '\(dataName)'; "
                    + (hint.isEmpty ? "correct the name or remove it from the codebook (`barometer codebook \(dataName)` lists the variables)" : hint))
            }
            let listed = absent.prefix(5).map { entry -> String in
                var notes = entry.line.map { ["line \($0)"] } ?? []
                let hint = suggestion(for: entry.name)
                if !hint.isEmpty { notes.append(hint) }
                return "'\(entry.name)'" + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))")
            }
            let more = absent.count > 5 ? " and \(absent.count - 5) more" : ""
            throw failure(nil, "\(absent.count) variables are not in '\(dataName)': \(listed.joined(separator: ", "))\(more); correct the names or remove them from the codebook")
        }

        func checkDesign(_ design: DesignSpec) throws(ReadError) {
            let named = [design.weights, design.strata].compactMap { $0 } + design.clusters + design.fpc
            for name in named where !dataset.hasVariable(name) {
                let hint = suggestion(for: name)
                throw failure(document.designLine, "the design names variable '\(name)', which is not in '\(dataName)'; "
                    + (hint.isEmpty ? "correct the name in `design:`" : hint))
            }
        }

        func checkSet(_ set: MultipleResponseSet) throws(ReadError) {
            for name in set.variables where !dataset.hasVariable(name) {
                let hint = suggestion(for: name)
                throw failure(document.setLines[set.name], "the multiple-response set '\(set.name)' names variable '\(name)', which is not in '\(dataName)'; "
                    + (hint.isEmpty ? "correct the name in its `variables:`" : hint))
            }
        }

        // MARK: Variables

        func merge(_ entry: CodebookDocument.Entry, over old: VariableMetadata, column: Column) throws(ReadError) -> VariableMetadata {
            var meta = old
            let name = entry.name
            let numeric: Bool
            if case .numeric = column.values { numeric = true } else { numeric = false }
            if entry.type == .numeric, !numeric {
                throw failure(entry.line, "'\(name)' is declared `type: numeric`, but it is \(column.typeName) in '\(dataName)'\(levelSample(column)); "
                    + "correct the values that are not numbers in the data, or change the type")
            }
            if let label = entry.label { meta.label = CodebookMerger.merge(label, over: meta.label) }
            if let measurement = entry.measurement { meta.measurement = measurement }
            if let format = entry.format { meta.displayFormat = format }
            if let width = entry.width { meta.stringWidth = width }
            if let temporal = entry.temporal {
                guard numeric else {
                    throw failure(entry.line, "'\(name)' is \(column.typeName) in '\(dataName)', so it cannot hold \(CodebookYAMLEmitter.temporalName(temporal)) values; remove `temporal:` or store the values as numbers")
                }
                meta.temporal = temporal
            }

            for (code, label) in entry.values {
                if numeric {
                    let number = try self.number(code, variable: name, what: "code")
                    if let i = meta.valueLabels.firstIndex(where: { $0.stringCode == nil && $0.code == number }) {
                        meta.valueLabels[i].label = CodebookMerger.merge(label, over: meta.valueLabels[i].label)
                    } else {
                        meta.valueLabels.append(ValueLabel(code: number, label: label))
                    }
                } else {
                    let text = stored(code, in: column)
                    if let i = meta.valueLabels.firstIndex(where: { $0.stringCode == text }) {
                        meta.valueLabels[i].label = CodebookMerger.merge(label, over: meta.valueLabels[i].label)
                    } else {
                        meta.valueLabels.append(ValueLabel(stringCode: text, label: label))
                    }
                }
            }
            if let missing = entry.missing {
                if numeric {
                    meta.missingCodes = try missing.map { code throws(ReadError) in try number(code, variable: name, what: "missing code") }
                } else {
                    meta.missingStrings = missing.map { stored($0, in: column) }
                }
            }
            if let range = entry.missingRange {
                guard numeric else {
                    throw failure(entry.missingRangeLine, "'\(name)' is \(column.typeName) in '\(dataName)', so a missing range does not apply; list its user-missing values under `missing:`")
                }
                meta.missingRange = range
            }
            return meta
        }

        /// The number of a code for a numeric variable.
        private func number(_ code: CodebookDocument.Code, variable: String, what: String) throws(ReadError) -> Double {
            guard let number = code.numericValue else {
                throw failure(code.line, "the \(what) '\(code.text)' of '\(variable)' is not a number, but '\(variable)' is numeric in '\(dataName)'; write the stored number, e.g. `1: {en: \(code.text)}`")
            }
            return number
        }

        /// The stored text a code stands for in a text column: as written when the column has
        /// that value, else the number it spells when the column has that, else as written.
        private func stored(_ code: CodebookDocument.Code, in column: Column) -> String {
            let levels = Self.levels(of: column)
            if levels.contains(code.text) { return code.text }
            if let number = code.numericValue {
                let canonical = YAMLScalars.code(number)
                if levels.contains(canonical) { return canonical }
            }
            return code.text
        }

        private static func levels(of column: Column) -> Set<String> {
            switch column.values {
            case .categorical(_, let levels): Set(levels)
            case .text(let texts): Set(texts.compactMap { $0 })
            case .numeric: []
            }
        }

        /// " (values such as 'N/A', 'x')" for a text column.
        private func levelSample(_ column: Column) -> String {
            let sample: [String]
            switch column.values {
            case .categorical(_, let levels): sample = levels.filter { YAMLScalars.number($0) == nil }
            case .text(let texts): sample = texts.compactMap { $0 }.filter { YAMLScalars.number($0) == nil }
            case .numeric: sample = []
            }
            guard !sample.isEmpty else { return "" }
            return " (it holds values such as " + sample.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + ")"
        }
    }
}
