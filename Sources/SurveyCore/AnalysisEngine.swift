/// Runs an ``AnalysisRequest`` on a ``Dataset``: the one entry point of the engine that the
/// command line, the report and the server share.
///
/// The design is compiled once; domains (breakdowns inside the filter) are numbered once; each
/// measure then makes one pass over its own columns, whatever the number of domains and
/// levels, accumulating weighted sums per (sampling unit, domain) cell from which every
/// estimate and its Taylor-linearized variance follow.
public enum AnalysisEngine {
    /// - Parameter prepared: a design already compiled from `request.design` against `dataset`
    ///   and then calibrated or trimmed (the Weighting module's job); nil compiles it here.
    public static func run(_ request: AnalysisRequest, on dataset: Dataset, design prepared: SurveyDesign? = nil) throws(SurveyError) -> AnalysisResult {
        let options = request.options
        guard options.confidenceLevel > 0, options.confidenceLevel < 1 else {
            throw SurveyError(.invalidRequest, "The confidence level \(options.confidenceLevel) is not between 0 and 1; write 0.95 for a 95% interval.")
        }
        guard !request.measures.isEmpty || request.crosstab != nil || request.regression != nil else {
            throw SurveyError(.invalidRequest, "The request estimates nothing; name a variable with \(parameter: .mean), \(parameter: .total), \(parameter: .proportion) or \(parameter: .ratio).")
        }
        if options.ciMethod == .bootstrap {
            throw SurveyError(.invalidRequest, "The interval method 'bootstrap' belongs to the reliability of coders, not to survey estimates; choose one of \(CIMethod.designBased.map(\.rawValue).joined(separator: ", ")), e.g. \(parameter: .ciMethod, "logit").", field: .ciMethod, value: "bootstrap")
        }
        if options.ciMethod == .woodruff {
            throw SurveyError(.invalidRequest, "The interval method 'woodruff' is the one every quantile gets and cannot be chosen; leave \(parameter: .ciMethod) out, or choose one of \(CIMethod.designBased.map(\.rawValue).joined(separator: ", ")) for proportions.", field: .ciMethod, value: "woodruff")
        }
        if let method = options.ciMethod, method != .wald,
           let m = request.measures.first(where: { $0.statistic != .proportion && $0.statistic != .mentioned }) {
            throw SurveyError(.invalidRequest, "The interval method '\(method.rawValue)' applies to proportions only, but '\(m.variable)' is a \(m.statistic.rawValue); use \(parameter: .ciMethod, "wald"), or estimate the \(m.statistic.rawValue) in a separate request.", field: .ciMethod, value: method.rawValue)
        }

        if let prepared, prepared.rowCount != dataset.rowCount || prepared.spec != request.design {
            throw SurveyError(.invalidRequest, "The calibrated design was built for another data set or design (\(prepared.rowCount) respondents); calibrate the design of this request.")
        }
        let design: SurveyDesign
        if let prepared { design = prepared } else { design = try SurveyDesign(request.design, dataset: dataset) }
        if options.ciMethod == .likelihood, design.replicates != nil {
            throw SurveyError(.invalidRequest, "The likelihood interval needs the naive covariance of a model fitted once, which a replicate design does not have (R's svyciprop gives NA there); choose \(parameter: .ciMethod, "logit"), which takes the replicates' own logits, or another method.", field: .ciMethod, value: "likelihood")
        }
        let variance = TaylorVariance(design: design)
        var warnings: [String] = []
        // With replicate weights the strata and PSUs only made the replicates; lonely PSUs are theirs to handle.
        if design.replicates == nil { try variance.checkLonelyPSUs() }
        let lonely = design.replicates == nil ? variance.lonelyStrata() : []
        if !lonely.isEmpty {
            let names = lonely.prefix(5).map { "\($0.name) (stage \($0.stage))" }.joined(separator: ", ")
                + (lonely.count > 5 ? " and \(lonely.count - 5) more" : "")
            let subject = lonely.count == 1 ? "Stratum \(names) has" : "\(lonely.count) strata have"
            let detail = lonely.count == 1 ? "" : " (\(names))"
            warnings.append("\(subject) a single PSU\(detail); the '\(request.design.lonelyPSU.rawValue)' lonely-PSU policy handles their variance.")
        }
        let mask: [Bool]?
        if let filter = request.filter, !filter.trimmingCharacters(in: .whitespaces).isEmpty {
            let m = try FilterExpression(parsing: filter).evaluate(on: dataset)
            guard m.contains(true) else {
                throw SurveyError(.emptyDomain, "The filter '\(filter)' selects no respondents; loosen \(parameter: .filter) or check the values it compares against.", field: .filter, value: filter)
            }
            mask = m
        } else {
            mask = nil
        }

        var rows: [ResultRow] = []
        var tests: [TestResult] = []
        let context = Context(dataset: dataset, design: design, variance: variance, options: options)

        if !request.measures.isEmpty {
            let by = try request.by.map { name throws(SurveyError) in try context.categories(of: name) }
            let domains = DomainIndex(by: by, mask: mask, rowCount: dataset.rowCount)
            guard domains.count > 0 else {
                throw SurveyError(.emptyDomain, "No respondent has a value for the breakdown \(request.by.joined(separator: " × "))\(request.filter.map { " inside the filter '\($0)'" } ?? ""); choose another breakdown variable.")
            }
            let cells = DomainCells(design: design, variance: variance, domains: domains)
            let pairs = try request.differences.map { spec throws(SurveyError) in try groupPairs(spec, by: request.by, domains: domains) }
            for measure in request.measures {
                guard let pairs else {
                    rows += try context.estimate(measure, domains: domains, cells: cells, tests: &tests, warnings: &warnings)
                    continue
                }
                // The estimates and their differences from one pass over the data.
                let input = try context.differenceInput(measure)
                let sums = context.estimator(cells).sums(input)
                rows += try context.estimate(measure, domains: domains, cells: cells, prepared: (input, sums), tests: &tests, warnings: &warnings)
                rows += try context.differenceRows(measure, input: input, sums: sums, pairs: pairs, domains: domains, cells: cells)
            }
        } else if request.differences != nil {
            throw SurveyError(.invalidRequest, "\(parameter: .differences) compares the groups of an estimate, but the request estimates nothing; name a variable with \(parameter: .mean) or \(parameter: .proportion).", field: .differences, value: "true")
        }

        if let regression = request.regression {
            let output = try SurveyRegression(spec: regression, dataset: dataset, design: design, variance: variance, options: options).run(mask: mask)
            rows += output.rows
            tests += output.tests
            warnings += output.warnings
        }

        if let crosstab = request.crosstab {
            // The two variables are numbered at the same time, one per core.
            let indices = RowChunks.map([0..<1, 1..<2]) { which in
                Result { () throws(SurveyError) in try context.categories(of: which.lowerBound == 0 ? crosstab.rows : crosstab.columns) }
            }
            let rowIndex = try indices[0].get(), columnIndex = try indices[1].get()
            // The percentages are a proportion by domain; `tableCell` places its categories in the table.
            let (measure, by): (CategoryIndex, [CategoryIndex])
            let cellOf: (Domain, CategoryIndex.Category) -> CrosstabCell
            let tableCell: (_ key: Int, _ category: Int) -> (row: Int, column: Int)
            switch crosstab.percent {
            case .row:
                (measure, by) = (columnIndex, [rowIndex])
                cellOf = { CrosstabCell(row: $0[crosstab.rows] ?? "", column: $1.label) }
                tableCell = { ($0, $1) }
            case .column:
                (measure, by) = (rowIndex, [columnIndex])
                cellOf = { CrosstabCell(row: $1.label, column: $0[crosstab.columns] ?? "") }
                tableCell = { ($1, $0) }
            case .cell:
                (measure, by) = (CategoryIndex.joint(rowIndex, columnIndex), [])
                let labels = rowIndex.categories.flatMap { r in columnIndex.categories.map { (r.label, $0.label) } }
                let lookup = Dictionary(zip(labels.map { "\($0.0) × \($0.1)" }, labels), uniquingKeysWith: { a, _ in a })
                cellOf = { _, category in
                    let pair = lookup[category.label] ?? (category.label, "")
                    return CrosstabCell(row: pair.0, column: pair.1)
                }
                let width = columnIndex.count
                tableCell = { _, k in (k / width, k % width) }
            }
            let domains = DomainIndex(by: by, mask: mask, rowCount: dataset.rowCount)
            guard domains.count > 0 else {
                throw SurveyError(.emptyDomain, "No respondent has values for both '\(crosstab.rows)' and '\(crosstab.columns)'\(request.filter.map { " inside the filter '\($0)'" } ?? ""); choose other variables.")
            }
            let cells = DomainCells(design: design, variance: variance, domains: domains)
            let sums = context.estimator(cells).sums(.proportion(measure))
            var tableRows = try context.proportionRows(measure, domains: domains, cells: cells, sums: sums, warnings: &warnings)
            for i in tableRows.indices {
                let category = measure.categories.first { $0.label == tableRows[i].level } ?? .init(label: tableRows[i].level ?? "", code: "", isUserMissing: false)
                tableRows[i].cell = cellOf(tableRows[i].domain, category)
            }
            rows += tableRows
            if let test = try CrosstabAnalysis(design: design, variance: variance).test(
                from: sums, cells: cells, rowCount: rowIndex.count, columnCount: columnIndex.count,
                tableCell: { d, k in tableCell(domains.keys[d], k) }, kind: crosstab.test) {
                var described = test
                described.description = "\(crosstab.rows) × \(crosstab.columns)"
                tests.append(described)
            } else {
                warnings.append("No test of independence: '\(crosstab.rows)' or '\(crosstab.columns)' has fewer than two categories among the respondents analysed.")
            }
        }

        let spec = request.design
        let summary = DesignSummary(
            weights: spec.weights, strata: spec.strata, clusters: spec.clusters, fpc: spec.fpc, nest: spec.nest,
            lonelyPSU: spec.lonelyPSU, degreesOfFreedom: design.degreesOfFreedom, respondents: dataset.rowCount,
            strataCount: design.primary.strataCount, psuCount: design.primary.unitCount,
            weighting: design.weightAdjustments, replicates: design.replicates.map(ReplicateSummary.init))
        return AnalysisResult(design: summary, rows: rows, tests: tests, warnings: warnings, request: request)
    }

    /// The pairs of domains whose differences `spec` asks for: with a reference group, every
    /// other group against it; else every pair, each earlier group minus each later one.
    static func groupPairs(_ spec: DifferencesSpec, by: [String], domains: DomainIndex) throws(SurveyError) -> [(Int, Int)] {
        guard by.count == 1 else {
            let value = by.isEmpty ? "true" : by.joined(separator: ",")
            throw SurveyError(.invalidRequest, "\(parameter: .differences) compares the groups of one breakdown, but the request has \(by.isEmpty ? "none" : "\(by.count) (\(by.joined(separator: ", ")))"); name exactly one with \(parameter: .by, by.first ?? "GROUP").", field: .differences, value: value)
        }
        let groups = domains.domains.map { $0[by[0]] ?? "" }
        guard let reference = spec.reference else {
            return groups.indices.flatMap { a in ((a + 1)..<groups.count).map { b in (a, b) } }
        }
        guard let r = groups.firstIndex(of: reference) else {
            throw SurveyError(.invalidRequest, "\(parameter: .reference, reference) is not a group of '\(by[0])'; choose one of \(groups.map { "'\($0)'" }.joined(separator: ", ")).", field: .reference, value: reference)
        }
        return groups.indices.filter { $0 != r }.map { ($0, r) }
    }

    /// What every measure of a request shares.
    private struct Context {
        let dataset: Dataset
        let design: SurveyDesign
        let variance: TaylorVariance
        let options: AnalysisOptions

        func categories(of name: String) throws(SurveyError) -> CategoryIndex {
            let column = try dataset.column(name)
            return CategoryIndex(column, metadata: dataset.metadata(name), missing: options.missing, language: options.language)
        }

        /// Values of a numeric variable with system- and user-missing values as NaN.
        func numeric(_ name: String, for statistic: Statistic) throws(SurveyError) -> [Double] {
            let column = try dataset.column(name)
            guard case .numeric(let values) = column.values else {
                var hint = ""
                if case .categorical(_, let levels) = column.values {
                    hint = " (levels \(levels.prefix(5).joined(separator: ", "))\(levels.count > 5 ? ", …" : ""))"
                }
                throw SurveyError(.invalidVariable, "The variable '\(name)' is \(column.typeName)\(hint), so it has no \(statistic.rawValue); use \(parameter: .proportion, name) for the share of each category, or choose a numeric variable.", field: statistic == .mean ? .mean : statistic == .total ? .total : statistic == .quantile ? .quantile : .ratio, value: name)
            }
            let meta = dataset.metadata(name)
            guard !meta.missingCodes.isEmpty || meta.missingRange != nil else { return values }
            return values.map { meta.isUserMissing($0) ? .nan : $0 }
        }

        /// The linearized input of a mean, total or ratio; nil for other statistics.
        func scalarInput(_ measure: Measure) throws(SurveyError) -> LinearizedEstimator.Input? {
            switch measure.statistic {
            case .mean: return .mean(try numeric(measure.variable, for: .mean))
            case .total: return .total(try numeric(measure.variable, for: .total))
            case .ratio:
                guard let denominator = measure.denominator else {
                    throw SurveyError(.invalidRequest, "The ratio of '\(measure.variable)' names no denominator; write \(parameter: .ratio, "\(measure.variable)/DENOMINATOR").", field: .ratio, value: measure.variable)
                }
                return .ratio(numerator: try numeric(measure.variable, for: .ratio), denominator: try numeric(denominator, for: .ratio))
            default: return nil
            }
        }

        /// The rows of one measure; a share of mentions by groups adds its tests to `tests`.
        /// - Parameter prepared: the measure's input and its cells' sums when already made.
        func estimate(
            _ measure: Measure, domains: DomainIndex, cells: DomainCells,
            prepared: (input: LinearizedEstimator.Input, sums: LinearizedEstimator.CellSums)? = nil,
            tests: inout [TestResult], warnings: inout [String]
        ) throws(SurveyError) -> [ResultRow] {
            let input: LinearizedEstimator.Input
            switch measure.statistic {
            case .mean, .total, .ratio:
                if let prepared { input = prepared.input } else { input = try scalarInput(measure)! }
            case .proportion:
                if let prepared, case .proportion(let index) = prepared.input {
                    return try proportionRows(index, domains: domains, cells: cells, sums: prepared.sums, warnings: &warnings)
                }
                return try proportionRows(try categories(of: measure.variable), domains: domains, cells: cells, warnings: &warnings)
            case .quantile:
                return try quantileRows(measure, domains: domains, cells: cells, warnings: &warnings)
            case .mentions, .mentioned:
                return try mentionRows(measure, domains: domains, cells: cells, tests: &tests, warnings: &warnings)
            case .pollAverage, .houseEffect:
                throw SurveyError(.invalidRequest, "A \(measure.statistic.rawValue) comes from published polls, not from a survey file; use `barometer polls average` for it, or \(parameter: .proportion, measure.variable) for the share of each answer.")
            case .difference:
                throw SurveyError(.invalidRequest, "A difference is made by \(parameter: .differences) between the groups of \(parameter: .by), not asked for as a statistic of '\(measure.variable)'; ask for its \(parameter: .mean, measure.variable) or \(parameter: .proportion, measure.variable) with \(parameter: .differences, "true").")
            case .krippendorffAlpha, .cohenKappa, .fleissKappa, .percentAgreement:
                throw SurveyError(.invalidRequest, "A \(measure.statistic.rawValue) measures how far coders agree on the codes of open-ended answers, not a survey variable; use `barometer code reliability` for it, or \(parameter: .proportion, measure.variable) for the share of each answer.")
            case .coefficient:
                throw SurveyError(.invalidRequest, "A coefficient comes from a regression model, not from one variable; ask for the model with \(parameter: .model, "\(measure.variable) ~ PREDICTORS").", field: .model, value: measure.variable)
            case .netScore:
                throw SurveyError(.invalidRequest, "A net score needs to know which answers are positive and which negative, so it comes from the trend of a study concept; ask for the trend of a concept (\(parameter: .concept, "ID")), or \(parameter: .proportion, measure.variable) for the share of each answer.")
            }
            let estimates = try estimator(cells).estimate(input, sums: prepared?.sums)
            var calculator = ConfidenceIntervalCalculator(level: options.confidenceLevel, method: .wald)
            return screen(estimates, domains: domains, variable: measure.variable, warnings: &warnings).map { e in
                row(e, variable: measure.variable, statistic: measure.statistic, domain: domains.domains[e.domain], category: nil,
                    interval: calculator.interval(estimate: e.estimate, variance: e.variance, degreesOfFreedom: e.degreesOfFreedom,
                                                  respondents: e.domainRespondents))
            }
        }

        /// One row per pair of groups and quantity (each level of a proportion): the difference
        /// of the measure between the two groups with the covariance of their estimates, its
        /// interval and p-value with the design's degrees of freedom (``GroupDifference``). A pair
        /// in which a group has no respondent with a value is left out.
        /// The input of a measure whose groups are compared: a mean, total, ratio or proportion.
        func differenceInput(_ measure: Measure) throws(SurveyError) -> LinearizedEstimator.Input {
            if measure.statistic == .proportion { return .proportion(try categories(of: measure.variable)) }
            guard let input = try scalarInput(measure) else {
                throw SurveyError(.invalidRequest, "\(parameter: .differences) compares means, totals, ratios and proportions between groups, not a \(measure.statistic.rawValue) of '\(measure.variable)'; leave \(parameter: .differences) out, or estimate '\(measure.variable)' in a separate request.", field: .differences, value: measure.variable)
            }
            return input
        }

        func differenceRows(
            _ measure: Measure, input: LinearizedEstimator.Input, sums: LinearizedEstimator.CellSums, pairs: [(Int, Int)],
            domains: DomainIndex, cells: DomainCells
        ) throws(SurveyError) -> [ResultRow] {
            var levels: [CategoryIndex.Category] = []
            if case .proportion(let index) = input { levels = index.categories }
            let differences = try estimator(cells).differences(input, pairs: pairs, sums: sums)
            let df = design.degreesOfFreedom
            let level = options.confidenceLevel
            let t = df >= 1 ? StudentTDistribution.quantile(1 - (1 - level) / 2, degreesOfFreedom: Double(df)) : .nan
            var rows: [ResultRow] = []
            for d in differences where d.respondents.a > 0 && d.respondents.b > 0 {
                let (a, b) = pairs[d.pair]
                let group = domains.domains[a], reference = domains.domains[b]
                let se = d.variance.squareRoot()
                let valid = d.estimate.isFinite && se.isFinite && df >= 1
                var pValue: Double? = nil
                if valid {
                    pValue = se > 0 ? 2 * StudentTDistribution.survival(abs(d.estimate) / se, degreesOfFreedom: Double(df)) : (d.estimate == 0 ? 1 : 0)
                }
                let category = d.category.map { levels[$0] }
                var row = ResultRow(
                    variable: measure.variable, statistic: .difference, domain: GroupDifference.domain(group: group, reference: reference),
                    level: category?.label, code: category?.code, estimate: d.estimate.isFinite ? d.estimate : nil,
                    standardError: se.isFinite ? se : nil,
                    ci: valid ? ConfidenceInterval(lower: d.estimate - t * se, upper: d.estimate + t * se, level: level, method: .wald) : nil,
                    degreesOfFreedom: df, unweightedCount: d.unweightedCount, weightedCount: d.weightedCount)
                row.difference = GroupDifference(
                    of: measure.statistic, group: group, reference: reference, groupEstimate: d.estimates.a,
                    referenceEstimate: d.estimates.b, pValue: pValue, groupRespondents: d.respondents.a,
                    referenceRespondents: d.respondents.b)
                rows.append(row)
            }
            return rows
        }

        /// Shares of mentions of every code of a multiple-response question, in every domain:
        /// of all mentions (a ratio of weighted mention counts) or of respondents (a domain
        /// proportion of "mentioned it"), among respondents with a valid mention. With more
        /// than one domain, the share of respondents adds one test per code of whether it
        /// differs between the domains (Rao–Scott F of the code × domain table, R `svychisq`),
        /// with Holm-adjusted p-values across the codes.
        func mentionRows(_ measure: Measure, domains: DomainIndex, cells: DomainCells, tests: inout [TestResult], warnings: inout [String]) throws(SurveyError) -> [ResultRow] {
            let parameter: RequestParameter = measure.statistic == .mentions ? .mentions : .mentioned
            let columns = try dataset.codebook.mentionColumns(measure.columns, parameter: parameter)
            guard !columns.isEmpty else {
                throw SurveyError(.invalidRequest, "The \(measure.statistic.rawValue) of '\(measure.variable)' names no mention columns; write \(parameter: parameter, "REASON1,REASON2").", field: parameter, value: measure.variable)
            }
            var indices: [CategoryIndex] = []
            for name in columns {
                let column = try dataset.column(name)
                if case .text = column.values {
                    throw SurveyError(.invalidVariable, "'\(name)' holds typed answers, not codes; code them first (barometer code) and name the coded columns in \(parameter: parameter).", field: parameter, value: name)
                }
                indices.append(try categories(of: name))
            }
            let counts = MentionCounts(indices)
            guard !counts.codes.isEmpty else {
                throw SurveyError(.emptyDomain, "No respondent has a mention in \(columns.joined(separator: ", "))\(options.missing == .exclude ? " that is not a missing code" : ""); check the columns named in \(parameter: parameter).", field: parameter, value: measure.variable)
            }
            var rows: [ResultRow] = []
            if measure.statistic == .mentions {
                // Mentions of each code in each domain, for the rows' counts.
                let D = domains.count, K = counts.codes.count
                var unweighted = [Double](repeating: 0, count: D * K), weighted = unweighted
                for i in 0..<dataset.rowCount {
                    let c = cells.cellOfRow[i]
                    guard c >= 0, !counts.mentions[i].isNaN else { continue }
                    let d = Int(cells.domainOfCell[Int(c)])
                    for k in 0..<K where counts.mentionsOfCode[k][i] > 0 {
                        unweighted[d * K + k] += counts.mentionsOfCode[k][i]
                        weighted[d * K + k] += counts.mentionsOfCode[k][i] * design.weights[i]
                    }
                }
                var calculator = ConfidenceIntervalCalculator(level: options.confidenceLevel, method: .wald)
                var byDomain: [[ResultRow]] = Array(repeating: [], count: D)
                for (k, code) in counts.codes.enumerated() {
                    let estimates = try estimator(cells).estimate(.ratio(numerator: counts.mentionsOfCode[k], denominator: counts.mentions))
                    for e in screen(estimates, domains: domains, variable: measure.variable, warnings: &warnings) {
                        var r = row(e, variable: measure.variable, statistic: .mentions, domain: domains.domains[e.domain], category: code,
                                    interval: calculator.interval(estimate: e.estimate, variance: e.variance, degreesOfFreedom: e.degreesOfFreedom,
                                                                  respondents: e.domainRespondents))
                        r.unweightedCount = Int(unweighted[e.domain * K + k])
                        r.weightedCount = weighted[e.domain * K + k]
                        byDomain[e.domain].append(r)
                    }
                }
                rows = byDomain.flatMap { $0 }
            } else {
                var byDomain: [[ResultRow]] = Array(repeating: [], count: domains.count)
                var family: [TestResult] = []
                let groups = domains.domains.first.map { $0.entries.map(\.variable).joined(separator: " × ") } ?? ""
                for (k, code) in counts.codes.enumerated() {
                    let index = counts.mentioned(k, variable: measure.variable)
                    let sums = estimator(cells).sums(.proportion(index))
                    for var r in try proportionRows(index, domains: domains, cells: cells, sums: sums, warnings: &warnings) where r.code != "" {
                        r.statistic = .mentioned
                        if let d = domains.domains.firstIndex(of: r.domain) { byDomain[d].append(r) }
                    }
                    guard domains.count > 1 else { continue }
                    if let test = try CrosstabAnalysis(design: design, variance: variance).test(
                        from: sums, cells: cells, rowCount: domains.count, columnCount: 2,
                        tableCell: { d, k in (d, k) }, kind: .f) {
                        family.append(TestResult(name: test.name, statistic: test.statistic, df: test.df, pValue: test.pValue,
                                                 description: "\(code.label) × \(groups)"))
                    }
                }
                let adjusted = HolmAdjustment.adjust(family.map(\.pValue))
                for i in family.indices {
                    family[i].adjustedPValue = adjusted[i]
                    family[i].adjustment = "holm"
                }
                tests += family
                rows = byDomain.flatMap { $0 }
            }
            // One warning per measure, not one per code.
            var seen = Set<String>()
            warnings = warnings.filter { seen.insert($0).inserted }
            return rows
        }

        /// Quantiles of a numeric variable at each probability of the measure, in every domain
        /// (``QuantileEstimator``): rows with the probability as their level, as R labels them
        /// ("0.25"), and Woodruff intervals.
        func quantileRows(_ measure: Measure, domains: DomainIndex, cells: DomainCells, warnings: inout [String]) throws(SurveyError) -> [ResultRow] {
            let probabilities = measure.probabilities.isEmpty ? Measure.defaultProbabilities : measure.probabilities
            for p in probabilities where !(p > 0 && p < 1) {
                throw SurveyError(.invalidRequest, "The probability \(p) of the quantiles of '\(measure.variable)' is not strictly between 0 and 1; write e.g. \(parameter: .probabilities, "0.25,0.5,0.75").", field: .probabilities, value: "\(p)")
            }
            let values = try numeric(measure.variable, for: .quantile)
            let estimator = QuantileEstimator(design: design, variance: variance, cells: cells, domainOfRow: domains.domainOfRow,
                                              level: options.confidenceLevel)
            let estimates = try estimator.estimate(values, probabilities: probabilities)
            // The domains, screened once (not once per probability).
            let screened = screen(estimates.filter { $0.probability == probabilities[0] }.map { e in
                DomainEstimate(domain: e.domain, category: nil, estimate: e.quantile ?? .nan, variance: 0, srsVariance: nil,
                               srsVarianceWithReplacement: nil, unweightedCount: e.respondents, domainRespondents: e.respondents,
                               weightedCount: e.weight, domainWeight: e.weight, degreesOfFreedom: e.degreesOfFreedom)
            }, domains: domains, variable: measure.variable, warnings: &warnings)
            let kept = Set(screened.map(\.domain))
            var openEnded: [String] = []
            let rows = estimates.filter { kept.contains($0.domain) }.map { e in
                if e.quantile != nil, e.degreesOfFreedom > 0, e.lower == nil || e.upper == nil {
                    openEnded.append("\(domains.domains[e.domain].description) at \(Self.probabilityLabel(e.probability))")
                }
                return ResultRow(
                    variable: measure.variable, statistic: .quantile, domain: domains.domains[e.domain],
                    level: Self.probabilityLabel(e.probability), code: nil, estimate: e.quantile, standardError: e.standardError,
                    ci: e.quantile == nil ? nil : ConfidenceInterval(lower: e.lower, upper: e.upper, level: options.confidenceLevel, method: .woodruff),
                    designEffect: nil, designEffectWithReplacement: nil, effectiveSampleSize: nil,
                    degreesOfFreedom: e.degreesOfFreedom, unweightedCount: e.respondents, weightedCount: e.weight)
            }
            if !openEnded.isEmpty {
                let list = openEnded.prefix(5).joined(separator: "; ") + (openEnded.count > 5 ? "; and \(openEnded.count - 5) more" : "")
                warnings.append("A quantile of '\(measure.variable)' lies so near the edge of its values that an end of its interval is undefined, and so is its standard error (\(list)).")
            }
            return rows
        }

        /// A probability as R labels its quantile ("0.25", "0.5").
        static func probabilityLabel(_ p: Double) -> String { "\(p)" }

        /// The estimates of domains with respondents, warning about domains without any, with
        /// fewer than ``smallDomain``, or without degrees of freedom for an interval.
        func screen(_ estimates: [DomainEstimate], domains: DomainIndex, variable: String, warnings: inout [String]) -> [DomainEstimate] {
            var empty: [String] = [], small: [String] = [], noDF: [String] = []
            var seen = Set<Int>()
            for e in estimates where seen.insert(e.domain).inserted {
                let name = domains.domains[e.domain].description
                if e.domainRespondents == 0 { empty.append(name) }
                else if e.domainRespondents < Self.smallDomain { small.append("\(name): \(e.domainRespondents)") }
                if e.domainRespondents > 0 && e.degreesOfFreedom < 1 { noDF.append(name) }
            }
            func list(_ names: [String]) -> String {
                names.prefix(5).joined(separator: "; ") + (names.count > 5 ? "; and \(names.count - 5) more" : "")
            }
            if !empty.isEmpty {
                warnings.append("No respondent has a value of '\(variable)' in \(list(empty)), so it is not estimated there.")
            }
            if !small.isEmpty {
                warnings.append("Estimates of '\(variable)' rest on fewer than \(Self.smallDomain) respondents in \(list(small)); read them with caution.")
            }
            if !noDF.isEmpty {
                warnings.append("'\(variable)' has no confidence interval in \(list(noDF)): its respondents come from a single PSU per stratum, leaving no degrees of freedom.")
            }
            return estimates.filter { $0.domainRespondents > 0 }
        }

        /// Domains with fewer respondents than this get a warning.
        static let smallDomain = 30

        func estimator(_ cells: DomainCells) -> LinearizedEstimator {
            LinearizedEstimator(design: design, variance: variance, cells: cells, designEffects: options.designEffects)
        }

        /// - Parameter sums: the proportion's cell sums when already accumulated.
        func proportionRows(
            _ index: CategoryIndex, domains: DomainIndex, cells: DomainCells, sums: LinearizedEstimator.CellSums? = nil,
            warnings: inout [String]
        ) throws(SurveyError) -> [ResultRow] {
            let estimates = try estimator(cells).estimate(.proportion(index), sums: sums)
            var calculator = ConfidenceIntervalCalculator(level: options.confidenceLevel, method: options.ciMethod ?? .logit)
            var startSums: [InterceptOnlyLogisticFit.StartSums] = []
            if options.ciMethod == .likelihood {
                var respondents = [Double](repeating: 1, count: domains.count)
                var weightTotals = [Double](repeating: 1, count: domains.count)
                for e in estimates {
                    respondents[e.domain] = Double(e.domainRespondents)
                    weightTotals[e.domain] = e.domainWeight
                }
                startSums = InterceptOnlyLogisticFit.startSums(
                    categoryOfRow: index.categoryOfRow, categories: index.count, cells: cells, weights: design.weights,
                    respondents: respondents, weightTotals: weightTotals)
            }
            var rows: [ResultRow] = []
            for e in screen(estimates, domains: domains, variable: index.variable, warnings: &warnings) {
                // The logit interval takes the replicates' own logits (R's svyglm on a replicate
                // design), expressed as the variance of p̂ they imply.
                var variance = e.variance
                if let v = e.logitVariance, (options.ciMethod ?? .logit) == .logit {
                    let slope = e.estimate * (1 - e.estimate)
                    variance = v * slope * slope
                }
                let likelihood = startSums.isEmpty ? nil : ProfileLikelihoodInterval.Input(
                    proportion: e.estimate, variance: variance, respondents: e.domainRespondents,
                    naiveVariance: InterceptOnlyLogisticFit.naiveVariance(
                        proportion: e.estimate, respondents: Double(e.domainRespondents),
                        start: startSums[e.domain * index.count + (e.category ?? 0)]))
                let interval = calculator.interval(estimate: e.estimate, variance: variance, degreesOfFreedom: e.degreesOfFreedom,
                                                   respondents: e.domainRespondents, likelihood: likelihood)
                rows.append(row(e, variable: index.variable, statistic: .proportion, domain: domains.domains[e.domain],
                                category: index.categories[e.category ?? 0], interval: interval))
            }
            return rows
        }

        func row(_ e: DomainEstimate, variable: String, statistic: Statistic, domain: Domain, category: CategoryIndex.Category?,
                 interval: ConfidenceInterval) -> ResultRow {
            let valid = e.domainRespondents > 0 && e.estimate.isFinite
            var deff: Double? = nil, deffReplace: Double? = nil, effective: Double? = nil
            if options.designEffects, let srs = e.srsVariance, let srsR = e.srsVarianceWithReplacement {
                let a = e.variance / srs, b = e.variance / srsR
                deff = a.isFinite ? a : nil
                deffReplace = b.isFinite ? b : nil
                if let b = deffReplace, b > 0 { effective = Double(e.domainRespondents) / b }
            }
            let se = e.variance.squareRoot()
            return ResultRow(
                variable: variable, statistic: statistic, domain: domain, level: category?.label, code: category?.code,
                estimate: valid ? e.estimate : nil, standardError: valid && se.isFinite ? se : nil,
                ci: valid ? interval : nil, designEffect: deff, designEffectWithReplacement: deffReplace,
                effectiveSampleSize: effective, degreesOfFreedom: e.degreesOfFreedom, unweightedCount: e.unweightedCount,
                weightedCount: e.weightedCount)
        }
    }
}
