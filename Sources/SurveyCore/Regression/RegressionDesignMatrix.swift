/// The model matrix of a formula over the respondents a regression analyses, as R's
/// `model.matrix()` makes it with its default treatment contrasts.
///
/// A numeric predictor is one column as it is. A categorical predictor — a categorical or text
/// column, or a numeric one whose every value has a value label (a labelled variable) — gives
/// one indicator column per level but the first (its reference), in the project's level order
/// (R's factor order, ``CategoryIndex``), named variable + level (`stypeH`). An interaction
/// multiplies the columns of its variables, the first varying fastest (`ell:stypeH`,
/// `stypeH:sch.wideYes`); a factor whose term without it is absent from the model (and, for a
/// main effect, when the model has no intercept) is coded by every level, as R does.
///
/// Respondents analysed are those inside the filter with every variable of the model present
/// (system-missing, and user-missing codes of numeric variables): R's `na.omit` on a subset
/// design, whose PSUs all stay in the variance.
struct RegressionDesignMatrix: Sendable {
    /// Coefficient names, as R prints them; "(Intercept)" first when there is one.
    let columnNames: [String]
    /// The term of every column (an index into `termLabels`), −1 for the intercept.
    let termOfColumn: [Int]
    let termLabels: [String]
    /// The respondents analysed.
    let rows: [Int]
    /// `rows.count × columnNames.count`, row-major.
    let values: [Double]
    /// The outcome of every analysed respondent (0/1 for a binomial model).
    let outcome: [Double]
    /// Warnings for the result (levels without respondents, left out).
    let warnings: [String]

    var columnCount: Int { columnNames.count }

    /// One predictor variable, read once.
    private enum Predictor {
        case numeric([Double])
        /// The category of every respondent (−1 missing) and the category labels.
        case factor(categoryOfRow: [Int32], labels: [String])
    }

    init(formula: ModelFormula, spec: RegressionSpec, dataset: Dataset, mask: [Bool]?, options: AnalysisOptions) throws(SurveyError) {
        let n = dataset.rowCount
        for name in formula.variables where !dataset.hasVariable(name) {
            let close = NameSuggester.closest(to: name, among: dataset.variableNames, limit: 1)
            throw SurveyError(.unknownVariable, "The model names '\(name)', which is not a variable of the data\(close.isEmpty ? "" : " (did you mean '\(close[0])'?)"); correct \(parameter: .model).", field: .model, value: name)
        }
        // The outcome.
        let y = try Self.outcome(formula.outcome, spec: spec, dataset: dataset, options: options)
        // Predictors.
        var predictors: [String: Predictor] = [:]
        for name in formula.variables.dropFirst() {
            predictors[name] = try Self.predictor(name, dataset: dataset, options: options)
        }
        // Complete cases inside the filter.
        var keep = [Bool](repeating: true, count: n)
        for i in 0..<n {
            if let mask, !mask[i] { keep[i] = false; continue }
            if y[i].isNaN { keep[i] = false; continue }
            for (_, p) in predictors {
                switch p {
                case .numeric(let v): if v[i].isNaN { keep[i] = false }
                case .factor(let c, _): if c[i] < 0 { keep[i] = false }
                }
                if !keep[i] { break }
            }
        }
        let rows = (0..<n).filter { keep[$0] }
        guard !rows.isEmpty else {
            throw SurveyError(.emptyDomain, "No respondent has a value for every variable of the model '\(formula.text)'\(mask == nil ? "" : " inside the filter"); check for missing values or loosen \(parameter: .filter).", field: .model, value: formula.text)
        }
        // Factor levels present among them, in level order.
        var warnings: [String] = []
        var levelsOf: [String: (position: [Int], labels: [String])] = [:]
        for name in formula.variables.dropFirst() {
            guard case .factor(let codes, let labels) = predictors[name]! else { continue }
            var present = [Bool](repeating: false, count: labels.count)
            for i in rows { present[Int(codes[i])] = true }
            var position = [Int](repeating: -1, count: labels.count)
            var kept: [String] = []
            for (k, label) in labels.enumerated() where present[k] {
                position[k] = kept.count
                kept.append(label)
            }
            let dropped = labels.indices.filter { !present[$0] }.map { "'\(labels[$0])'" }
            if !dropped.isEmpty {
                warnings.append("Level\(dropped.count == 1 ? "" : "s") \(dropped.joined(separator: ", ")) of '\(name)' \(dropped.count == 1 ? "has" : "have") no respondents among those analysed and \(dropped.count == 1 ? "was" : "were") left out of the model (R reports such a coefficient as NA).")
            }
            guard kept.count >= 2 else {
                throw SurveyError(.invalidRequest, "The predictor '\(name)' has only one level ('\(kept.first ?? "")') among the \(rows.count) respondents analysed, so it cannot explain anything; remove it from \(parameter: .model) or widen \(parameter: .filter).", field: .model, value: name)
            }
            levelsOf[name] = (position, kept)
        }

        // Columns: per term, the coding of each variable, then the products.
        struct Part { let names: [String]; let value: (Int, Int) -> Double }   // (respondent, column of the part)
        var names: [String] = []
        var termOfColumn: [Int] = []
        var parts: [[Part]] = []
        if formula.hasIntercept {
            names.append("(Intercept)")
            termOfColumn.append(-1)
            parts.append([])
        }
        var interceptCovered = formula.hasIntercept
        for (t, term) in formula.terms.enumerated() {
            var termParts: [Part] = []
            for v in term.variables {
                switch predictors[v]! {
                case .numeric(let x):
                    termParts.append(Part(names: [v], value: { i, _ in x[i] }))
                case .factor(let codes, _):
                    let (position, labels) = levelsOf[v]!
                    let rest = term.variables.filter { $0 != v }
                    let contrasts: Bool
                    if rest.isEmpty {
                        contrasts = interceptCovered
                        interceptCovered = true
                    } else {
                        contrasts = formula.terms[..<t].contains { Set($0.variables) == Set(rest) && $0.variables.count == rest.count }
                    }
                    let first = contrasts ? 1 : 0
                    termParts.append(Part(names: labels[first...].map { v + $0 }, value: { i, k in position[Int(codes[i])] == k + first ? 1 : 0 }))
                }
            }
            // Products, first part fastest.
            var combos: [[Int]] = [[]]
            for part in termParts {
                var next: [[Int]] = []
                for k in part.names.indices { for c in combos { next.append(c + [k]) } }
                combos = next
            }
            for combo in combos {
                names.append(zip(termParts, combo).map { $0.names[$1] }.joined(separator: ":"))
                termOfColumn.append(t)
                parts.append(zip(termParts, combo).map { part, k in Part(names: [], value: { i, _ in part.value(i, k) }) })
            }
        }
        let p = names.count
        var values = [Double](repeating: 0, count: rows.count * p)
        for (r, i) in rows.enumerated() {
            for c in 0..<p {
                var x = 1.0
                for part in parts[c] { x *= part.value(i, 0) }
                values[r * p + c] = x
            }
        }
        columnNames = names
        self.termOfColumn = termOfColumn
        termLabels = formula.terms.map(\.label)
        self.rows = rows
        self.values = values
        outcome = rows.map { y[$0] }
        self.warnings = warnings
    }

    /// The outcome as numbers: a numeric variable as it is (user-missing codes missing); for a
    /// binomial model 0/1, or 1 for the event level of a categorical one and 0 for the others.
    private static func outcome(_ name: String, spec: RegressionSpec, dataset: Dataset, options: AnalysisOptions) throws(SurveyError) -> [Double] {
        let column = try dataset.column(name)
        let meta = dataset.metadata(name)
        // A labelled numeric outcome of a logistic model (an SPSS question) is categorical
        // unless it is already coded 0/1 without an event named.
        var categorical = false
        if case .numeric(let values) = column.values, spec.family == .binomial, isLabelled(values, meta, options) {
            categorical = spec.event != nil || values.contains { !$0.isNaN && !meta.isUserMissing($0) && $0 != 0 && $0 != 1 }
        }
        switch column.values {
        case .numeric(let values) where !categorical:
            if let event = spec.event {
                throw SurveyError(.invalidRequest, "\(parameter: .event, event) names the level of a categorical outcome, but '\(name)' is numeric; code it 0/1 and leave \(parameter: .event) out.", field: .event, value: event)
            }
            let y = values.map { meta.isUserMissing($0) ? .nan : $0 }
            switch spec.family {
            case .binomial:
                if let bad = y.first(where: { !$0.isNaN && $0 != 0 && $0 != 1 }) {
                    throw SurveyError(.invalidVariable, "The outcome '\(name)' of a binomial model has the value \(NumberFormatting.code(bad)), but must be 0 or 1; recode it to 0/1, or use a categorical outcome with \(parameter: .event).", field: .model, value: name)
                }
            case .poisson:
                if let bad = y.first(where: { $0 < 0 }) {
                    throw SurveyError(.invalidVariable, "The outcome '\(name)' of a Poisson model has the negative value \(NumberFormatting.code(bad)), but must be a count; choose a count, or \(parameter: .family, "gaussian").", field: .model, value: name)
                }
            case .gaussian: break
            }
            return y
        case .numeric, .categorical, .text:
            let index = CategoryIndex(column, metadata: meta, missing: options.missing, language: options.language)
            guard spec.family == .binomial else {
                throw SurveyError(.invalidVariable, "The outcome '\(name)' is categorical, which a \(spec.family.rawValue) model cannot use; choose a numeric outcome, or \(parameter: .family, "binomial") for whether it takes one level (\(parameter: .event, index.categories.last?.code ?? "LEVEL")).", field: .model, value: name)
            }
            let event: Int
            if let wanted = spec.event {
                guard let k = index.categories.firstIndex(where: { $0.code == wanted || $0.label == wanted }) else {
                    throw SurveyError(.invalidRequest, "\(parameter: .event, wanted) is not a level of '\(name)'; choose one of \(index.categories.map { "'\($0.code)'" }.joined(separator: ", ")).", field: .event, value: wanted)
                }
                event = k
            } else {
                event = index.count - 1
            }
            return index.categoryOfRow.map { $0 < 0 ? .nan : ($0 == Int32(event) ? 1 : 0) }
        }
    }

    /// Whether every value of a numeric variable has a value label (a labelled variable, which
    /// R reads as a factor).
    private static func isLabelled(_ values: [Double], _ meta: VariableMetadata, _ options: AnalysisOptions) -> Bool {
        !meta.valueLabels.isEmpty && values.allSatisfy { $0.isNaN || meta.isUserMissing($0) || meta.label(ofCode: $0, language: options.language) != nil }
    }

    private static func predictor(_ name: String, dataset: Dataset, options: AnalysisOptions) throws(SurveyError) -> Predictor {
        let column = try dataset.column(name)
        let meta = dataset.metadata(name)
        if case .numeric(let values) = column.values {
            if !isLabelled(values, meta, options) { return .numeric(values.map { meta.isUserMissing($0) ? .nan : $0 }) }
        }
        let index = CategoryIndex(column, metadata: meta, missing: options.missing, language: options.language)
        return .factor(categoryOfRow: index.categoryOfRow, labels: index.categories.map(\.label))
    }
}
