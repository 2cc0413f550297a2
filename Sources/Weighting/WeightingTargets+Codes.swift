import SurveyCore

extension WeightingTargets {
    /// The same targets with every level named by its code in `dataset`, so that they match the
    /// data whatever language a later analysis displays labels in (DESIGN.md §3: weighting
    /// targets are matched by code, never by a display-language label).
    ///
    /// A level written as a code stays as it is; one written as a value label, in any language
    /// of the codebook, becomes that label's code; for cells, each part of `a|b` on its own. A
    /// name that is neither is kept, so that ``CalibrationModel`` reports it with the levels
    /// present. A label that stands for two codes is refused.
    /// - Throws: ``SurveyCore/SurveyError`` for an unknown variable or an ambiguous label.
    public func keyedByCode(in dataset: Dataset) throws(SurveyError) -> WeightingTargets {
        var copy = self
        for i in copy.margins.indices {
            let lookup = try Self.codes(of: [copy.margins[i].variable], in: dataset)
            copy.margins[i].targets = try copy.margins[i].targets.map { t throws(SurveyError) in try Self.recoded(t, lookup: lookup, variables: [copy.margins[i].variable]) }
        }
        for i in copy.cells.indices {
            let lookup = try Self.codes(of: copy.cells[i].variables, in: dataset)
            copy.cells[i].targets = try copy.cells[i].targets.map { t throws(SurveyError) in try Self.recoded(t, lookup: lookup, variables: copy.cells[i].variables) }
        }
        return copy
    }

    /// Per variable: its codes, and for every label in every language the codes it stands for.
    private static func codes(of variables: [String], in dataset: Dataset) throws(SurveyError) -> [(codes: Set<String>, labels: [String: Set<String>])] {
        try variables.map { v throws(SurveyError) in
            let column = try dataset.column(v)
            let metadata = dataset.metadata(v)
            var languages = Set(["en"])
            for label in metadata.valueLabels { languages.formUnion(label.label.texts.keys) }
            var codes = Set<String>()
            var labels: [String: Set<String>] = [:]
            for language in languages.sorted() {
                let index = CategoryIndex(column, metadata: metadata, missing: .include, language: language)
                for category in index.categories {
                    codes.insert(category.code)
                    labels[category.label, default: []].insert(category.code)
                }
            }
            return (codes, labels)
        }
    }

    private static func recoded(
        _ target: LevelTarget, lookup: [(codes: Set<String>, labels: [String: Set<String>])], variables: [String]
    ) throws(SurveyError) -> LevelTarget {
        let parts = variables.count == 1 ? [target.level] : target.level.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == variables.count else { return target }
        var out: [String] = []
        for (k, part) in parts.enumerated() {
            let name = part.trimmingCharacters(in: .whitespaces)
            if lookup[k].codes.contains(name) { out.append(name); continue }
            guard let codes = lookup[k].labels[name] else { out.append(name); continue }
            guard codes.count == 1, let code = codes.first else {
                throw SurveyError(.invalidTargets, "The target level '\(name)' of '\(variables[k])' is the label of several codes (\(codes.sorted().joined(separator: ", "))); name the level by its code.")
            }
            out.append(code)
        }
        return LevelTarget(level: out.joined(separator: "|"), value: target.value)
    }
}
