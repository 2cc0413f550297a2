import SurveyCore

/// The one rule in front of every public endpoint (analyses, trends, charts, pages, embeds,
/// CSV downloads): no request, and no set of requests, isolates fewer than ``minimumCount``
/// respondents. Clients with an account token are not subject to it (full access).
///
/// ## The method
///
/// 1. **What may be used.** A study declares what the public may estimate, break down by and
///    filter on (``PublicAccess``); by default the concepts' variables are estimable and the
///    breakdowns are its labelled categorical variables with at most ``maximumLevels`` levels.
///    Identifiers, weights, strata, clusters, fpc, free text and undeclared continuous
///    variables are never estimable, breakdowns or filter variables. The design is the
///    study's: a request cannot replace it.
/// 2. **Every group is large.** Breakdowns and filters may use only declared categorical
///    variables, so every group a request estimates (a domain) is a union of cells of the
///    cross-classification of the variables the request mentions (its breakdowns and the
///    variables its filter reads; a missing value is a cell of its own). The request is refused
///    unless every non-empty cell of that cross-classification, in every wave it touches, has
///    at least `minimumCount` respondents.
/// 3. **Small estimates are withheld.** An estimate resting on fewer than `minimumCount`
///    respondents (a group whose answers are mostly missing) is withheld, and so is any change
///    between waves involving it and any difference between two groups of which either is.
///
/// Why differencing fails: a differencing attack subtracts two published estimates whose groups
/// differ by a few people (`id >= 0` and `id != 17`; `region == R and sex == S` and the same
/// `and age != 74`; a tracker `(A or T)` minus `T`). Under rule 2 the groups of one request are
/// unions of cells of ≥ k, and any expression that separates a small set — `id`, `age`, or the
/// conjunction that defines the target group — must be written in a single filter, whose
/// cross-classification then contains the small set as a cell and is refused. Requests that
/// mention different variables publish margins of different tables, which bound but do not
/// determine their joint cells.
///
/// The cost to the analyst: fine combinations (region × age group × sex) are refused in waves
/// where one of their cells is small even if the cell asked for is large; continuous variables
/// (age in years) can be estimated where declared but not used to define groups; and a
/// breakdown with a rare category (a small ethnic group) is refused rather than shown with that
/// category withheld, because the withheld group could be recovered from the others and the
/// total. Authenticated analysts, and the command line, have none of these limits.
public struct DisclosurePolicy: Sendable {
    /// The smallest group of respondents a public estimate, breakdown cell or filter may rest on.
    public var minimumCount: Int
    /// Breakdowns per request.
    public var maxBreakdowns: Int
    /// Characters of a filter.
    public var maxFilterLength: Int
    /// A categorical variable with more levels than this is not a default breakdown.
    public static let maximumLevels = 20

    public init(minimumCount: Int = 30, maxBreakdowns: Int = 2, maxFilterLength: Int = 300) {
        self.minimumCount = minimumCount
        self.maxBreakdowns = maxBreakdowns
        self.maxFilterLength = maxFilterLength
    }

    // MARK: What the public may use

    /// The public variables of `study`, whose waves' data are `datasets` (a variable is a
    /// breakdown or filter only when it is categorical with few levels in every wave that has it).
    public func variables(of study: Study, datasets: [Dataset]) -> PublicVariables {
        let design = Set(study.waves.flatMap { w in [w.design.weights, w.design.strata].compactMap { $0 } + w.design.clusters + w.design.fpc })
        let conceptVariables = Set(study.concepts.flatMap { $0.mappings.map(\.variable) })
        func isCategorical(_ name: String) -> Bool {
            var seen = false
            for data in datasets where data.hasVariable(name) {
                seen = true
                guard let column = try? data.column(name) else { return false }
                let meta = data.metadata(name)
                switch column.values {
                case .categorical(_, let levels): if levels.count > Self.maximumLevels { return false }
                case .numeric(let values):
                    guard !meta.valueLabels.isEmpty else { return false }
                    var distinct = Set<Double>()
                    for v in values where !v.isNaN {
                        distinct.insert(v)
                        if distinct.count > Self.maximumLevels { return false }
                    }
                case .text: return false
                }
            }
            return seen
        }
        func isNumeric(_ name: String) -> Bool {
            datasets.contains { data in
                guard let column = try? data.column(name), case .numeric = column.values else { return false }
                return true
            }
        }
        let outcomes = conceptVariables.union(study.access.estimate).filter { !design.contains($0) }
        let questions = Set(outcomes.filter { isCategorical($0) })
        let numeric = Set(study.access.estimate.filter { !design.contains($0) && !questions.contains($0) && isNumeric($0) })
        let declared: [String]
        if let breakdowns = study.access.breakdowns {
            declared = breakdowns
        } else {
            var names: [String] = []
            // The columns of multiple-response sets are answers (coded or chosen), not groups.
            let setVariables = Set(datasets.flatMap { $0.codebook.multipleResponseSets.flatMap(\.variables) })
            for column in datasets.first?.columns ?? [] where !conceptVariables.contains(column.name) && !setVariables.contains(column.name) {
                if !(datasets.first?.metadata(column.name).valueLabels.isEmpty ?? true) { names.append(column.name) }
            }
            declared = names
        }
        let breakdowns = declared.filter { !design.contains($0) && isCategorical($0) }
        let filters = Set((study.access.filters ?? breakdowns).filter { !design.contains($0) && isCategorical($0) })
        // Declared coded questions: the sets of coded columns (never the typed answers) in any wave.
        var coded: [(set: String, columns: [String])] = []
        for name in study.access.codedSets {
            var columns: [String] = []
            for data in datasets {
                guard let set = data.codebook.multipleResponseSets.first(where: { $0.name == name && $0.kind == .categories }) else { continue }
                for column in set.variables where !columns.contains(column) && !design.contains(column) {
                    if let values = try? data.column(column).values, case .text = values { continue }
                    columns.append(column)
                }
            }
            if !columns.isEmpty { coded.append((name, columns)) }
        }
        return PublicVariables(questions: questions, numeric: numeric, breakdowns: breakdowns, filters: filters, coded: coded)
    }

    // MARK: Checks

    /// Refuses a request that uses what the public may not: another design, a variable that is
    /// not public, too many breakdowns, a long or unreadable filter.
    /// - Throws: ``SurveyCore/SurveyError`` (`.notPublic`) naming the parameter and value.
    public func check(_ request: AnalysisRequest, variables: PublicVariables) throws(SurveyError) {
        guard request.design == DesignSpec() else {
            throw SurveyError(.notPublic, "A public request cannot set the design: every wave is analysed with the study's own weights, strata and clusters; leave `design` out of the request.", field: .weight, value: request.design.weights)
        }
        let shares = variables.questions.union(variables.breakdowns)
        for measure in request.measures {
            switch measure.statistic {
            case .proportion, .netScore, .pollAverage, .houseEffect, .krippendorffAlpha, .cohenKappa, .fleissKappa, .percentAgreement, .difference, .coefficient:
                guard shares.contains(measure.variable) else {
                    throw SurveyError(.notPublic, "'\(measure.variable)' is not a question the public may see the answers to; \(parameter: .proportion) takes \(Self.list(shares.sorted())).", field: .proportion, value: measure.variable)
                }
            case .mentions, .mentioned:
                let parameter: RequestParameter = measure.statistic == .mentions ? .mentions : .mentioned
                let sets = Set(variables.coded.map(\.set)), columns = variables.codedColumns
                for name in measure.columns where !sets.contains(name) && !columns.contains(name) {
                    throw SurveyError(.notPublic, "'\(name)' is not a coded question the public may see; \(parameter: parameter) takes \(variables.coded.isEmpty ? "nothing in this study" : Self.list(variables.coded.map(\.set)) + " (or their coded columns)").", field: parameter, value: name)
                }
            case .mean, .total, .ratio:
                let parameter: RequestParameter = measure.statistic == .mean ? .mean : measure.statistic == .total ? .total : .ratio
                for name in [measure.variable] + (measure.denominator.map { [$0] } ?? []) where !variables.numeric.contains(name) {
                    throw SurveyError(.notPublic, "'\(name)' is not a variable the public may average or total; \(parameter: parameter) takes \(Self.list(variables.numeric.sorted())).", field: parameter, value: name)
                }
            case .quantile:
                // Every quantile and each end of its interval is one respondent's exact answer
                // (the smallest or largest of a group at the edges, wherever a weight is large):
                // unlike a mean, no group size hides it, so the public gets none.
                guard variables.numeric.contains(measure.variable) else {
                    throw SurveyError(.notPublic, "'\(measure.variable)' is not a variable the public may average or total; \(parameter: .mean) takes \(Self.list(variables.numeric.sorted())).", field: .quantile, value: measure.variable)
                }
                throw SurveyError(.notPublic, "Quantiles of '\(measure.variable)' are not published, because each one is a single respondent's exact answer; ask for \(parameter: .mean, measure.variable) instead.", field: .quantile, value: measure.variable)
            }
        }
        if let regression = request.regression {
            // A model's outcome is a published question (for a logistic model) or a declared
            // numeric variable; its predictors are breakdowns (whose every level, crossed with
            // the filter, must hold enough respondents: ``groupVariables(of:variables:)``) or
            // declared numeric variables — never identifiers, design variables or free text.
            let formula = try ModelFormula(parsing: regression.model)
            let outcomes = variables.numeric.union(regression.family == .binomial ? variables.questions : [])
            guard outcomes.contains(formula.outcome) else {
                throw SurveyError(.notPublic, "'\(formula.outcome)' is not an outcome the public may model; \(parameter: .model) takes as outcome \(Self.list(outcomes.sorted())).", field: .model, value: formula.outcome)
            }
            let predictors = Set(variables.breakdowns).union(variables.numeric)
            for name in formula.variables.dropFirst() where !predictors.contains(name) {
                throw SurveyError(.notPublic, "'\(name)' is not a predictor the public may use; \(parameter: .model) takes as predictors \(Self.list(predictors.sorted())).", field: .model, value: name)
            }
        }
        if let crosstab = request.crosstab {
            for name in [crosstab.rows, crosstab.columns] where !shares.contains(name) {
                throw SurveyError(.notPublic, "'\(name)' is not a variable the public may tabulate; choose one of \(Self.list(shares.sorted())).", field: .proportion, value: name)
            }
        }
        if request.by.count > maxBreakdowns {
            throw SurveyError(.notPublic, "The request breaks estimates down by \(request.by.count) variables; the explorer allows at most \(maxBreakdowns) in \(parameter: .by).", field: .by, value: request.by.joined(separator: ","))
        }
        for name in request.by where !variables.breakdowns.contains(name) {
            throw SurveyError(.notPublic, "'\(name)' is not a breakdown the public may use; \(parameter: .by) takes \(Self.list(variables.breakdowns)).", field: .by, value: name)
        }
        if let filter = request.filter, !filter.trimmingCharacters(in: .whitespaces).isEmpty {
            if filter.count > maxFilterLength {
                throw SurveyError(.notPublic, "The filter is \(filter.count) characters long; the explorer allows at most \(maxFilterLength) in \(parameter: .filter).", field: .filter, value: filter)
            }
            let expression = try FilterExpression(parsing: filter)
            for name in expression.variables where !variables.filters.contains(name) {
                throw SurveyError(.notPublic, "The filter reads '\(name)', which is not a variable the public may filter on; \(parameter: .filter) may use \(Self.list(variables.filters.sorted())).", field: .filter, value: name)
            }
        }
    }

    /// The variables whose cross-classification defines the groups of `request`: its breakdowns,
    /// the variables its filter reads, any breakdown variable whose shares it asks for (a
    /// question's answers are published, but a rare category of a breakdown would be a group),
    /// and both variables of a crosstab (its rows or columns are groups — "those who answered
    /// L" — and two filters could otherwise tell such groups apart by one person).
    public func groupVariables(of request: AnalysisRequest, variables: PublicVariables) throws(SurveyError) -> [String] {
        var names = request.by
        for measure in request.measures where measure.statistic == .proportion && !variables.questions.contains(measure.variable) {
            names.append(measure.variable)
        }
        if let crosstab = request.crosstab { names += [crosstab.rows, crosstab.columns] }
        if let regression = request.regression {
            // Every level of a categorical predictor is a group whose coefficient is published.
            let formula = try ModelFormula(parsing: regression.model)
            names += formula.variables.dropFirst().filter { variables.breakdowns.contains($0) }
        }
        if let filter = request.filter, !filter.trimmingCharacters(in: .whitespaces).isEmpty {
            names += try FilterExpression(parsing: filter).variables
        }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// Refuses `request` on one wave's data when a non-empty cell of the cross-classification of
    /// the variables it mentions has fewer than ``minimumCount`` respondents. The message never
    /// says how many respondents the small cell has.
    public func checkCells(_ request: AnalysisRequest, variables: PublicVariables, dataset: Dataset, wave: String) throws(SurveyError) {
        let names = try groupVariables(of: request, variables: variables)
        guard !names.isEmpty else { return }
        // Each respondent's cell, one variable at a time.
        var cell = [Int](repeating: 0, count: dataset.rowCount)
        for name in names {
            let column = try dataset.column(name)
            var number: [Int] = []
            var levels = 1
            switch column.values {
            case .categorical(let codes, let list):
                levels = list.count + 1
                number = codes.map { Int($0) + 1 }
            case .numeric(let values):
                var index: [Double: Int] = [:]
                number = values.map { v in
                    if v.isNaN { return 0 }
                    if let i = index[v] { return i }
                    index[v] = index.count + 1
                    return index.count
                }
                levels = index.count + 1
            case .text(let values):
                var index: [String: Int] = [:]
                number = values.map { v in
                    guard let v else { return 0 }
                    if let i = index[v] { return i }
                    index[v] = index.count + 1
                    return index.count
                }
                levels = index.count + 1
            }
            // Combine, then renumber the cells present, so the numbers stay below the row count.
            var renumber: [Int: Int] = [:]
            for r in cell.indices {
                let joint = cell[r] * levels + number[r]
                if let n = renumber[joint] { cell[r] = n } else { cell[r] = renumber.count; renumber[joint] = renumber.count }
            }
        }
        var counts: [Int: Int] = [:]
        for c in cell { counts[c, default: 0] += 1 }
        if counts.values.contains(where: { $0 < minimumCount }) {
            let combination = names.joined(separator: " × ")
            throw SurveyError(.smallGroups, "In wave '\(wave)' some group of \(combination) has fewer than \(minimumCount) respondents, so the answer could single people out; the explorer combines only variables whose every group has at least \(minimumCount) respondents — break down or filter by fewer or coarser variables (\(parameter: .by), \(parameter: .filter)).", field: names.count == request.by.count ? .by : .filter, value: combination)
        }
    }

    /// The result with every estimate resting on fewer than ``minimumCount`` respondents
    /// withheld (and the changes between waves involving one).
    ///
    /// A share's base is the sum of its levels' counts. A share of mentions rests on the
    /// respondents with a mention, which its rows do not count; each of them gave between one
    /// and C mentions (C the question's columns), so the mentions (or the respondents mentioning
    /// each code) summed over codes and divided by C is a lower bound of that base, and the rule
    /// is applied to the bound: it may withhold a share whose base is just large enough, never
    /// publish one whose base is too small. `variables` gives the columns of a set named `$NAME`.
    public func withhold(_ result: AnalysisResult, variables: PublicVariables? = nil) -> AnalysisResult {
        var out = result
        var base: [String: Int] = [:]
        var mentions: [String: (sum: Int, columns: Int)] = [:]
        func key(_ row: ResultRow) -> String {
            "\(row.variable)|\(row.statistic.rawValue)|" + row.domain.entries.map { "\($0.variable)=\($0.value)" }.joined(separator: "&")
                + (row.cell.map { "|cell:\($0.row)" } ?? "")
        }
        func columnCount(_ variable: String) -> Int {
            if variable.hasPrefix("$") {
                // A set the policy does not know has passed no check: count it as many columns
                // as any set of the study has, and at least the two of a typical question.
                return variables?.coded.first { $0.set == variable }?.columns.count ?? max(2, variables?.coded.map(\.columns.count).max() ?? 2)
            }
            return max(1, variable.split(separator: ",").count)
        }
        for row in result.rows {
            let k = key(row)
            switch row.statistic {
            case .proportion: base[k, default: 0] += row.unweightedCount
            case .mentions, .mentioned: mentions[k, default: (0, columnCount(row.variable))].sum += row.unweightedCount
            default: base[k] = max(base[k] ?? 0, row.unweightedCount)
            }
        }
        for (k, m) in mentions { base[k] = m.sum / m.columns }
        var withheld = 0
        out.rows = result.rows.map { row in
            // A difference between two groups is withheld when either group is small.
            if let difference = row.difference {
                guard min(difference.groupRespondents, difference.referenceRespondents) < minimumCount else { return row }
                withheld += 1
                return row.withheld()
            }
            guard (base[key(row)] ?? 0) < minimumCount else { return row }
            withheld += 1
            return row.withheld()
        }
        out.comparisons = result.comparisons.filter { c in
            [c.from, c.to].allSatisfy { wave in
                let entries = [Domain.Entry(variable: TrendAnalysis.waveVariable, value: wave)] + c.domain.entries
                let k = "\(c.variable)|\(c.statistic.rawValue)|" + entries.map { "\($0.variable)=\($0.value)" }.joined(separator: "&")
                return (base[k] ?? 0) >= minimumCount
            }
        }
        if withheld > 0 {
            out.warnings.append("\(withheld) estimate\(withheld == 1 ? " is" : "s are") withheld: they rest on fewer than \(minimumCount) respondents.")
        }
        return out
    }

    static func list(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.prefix(12).joined(separator: ", ") + (names.count > 12 ? ", …" : "")
    }
}
