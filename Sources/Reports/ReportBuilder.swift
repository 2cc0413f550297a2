import Studies
import SurveyCore

/// Lays out an ``AnalysisResult`` as a ``ReportDocument``: the design line, one table per
/// variable and statistic (rows in the order of the result), a two-way grid per crosstab,
/// the tests and the warnings.
///
/// Columns of breakdown variables are headed by the variables' labels where the result has
/// them; the wave of a trend (``TrendAnalysis/waveVariable``) by the word "Wave" in the
/// report's language, its cells by the waves' labels.
struct ReportBuilder {
    /// Where a crosstab cell's interval goes: on a line of its own under the percentage
    /// (terminal), or beside it (Markdown).
    enum CellStyle: Sendable { case stacked, inline }

    let text: ReportText
    let cellStyle: CellStyle

    init(language: String, cellStyle: CellStyle) {
        self.text = ReportText(language: language)
        self.cellStyle = cellStyle
    }

    func build(_ result: AnalysisResult) -> ReportDocument {
        let names = DomainNames(result: result, text: text)
        var tables = groups(of: result.rows).map { group in
            group.key.isCrosstab
                ? crosstabTable(group.rows, key: group.key, request: result.request)
                : estimateTable(group.rows, key: group.key, request: result.request, labels: result.variableLabels, names: names)
        }
        if !result.comparisons.isEmpty { tables.append(comparisonTable(result.comparisons, names: names)) }
        let designLabel: String, design: String
        if let reliability = result.reliability {
            (designLabel, design) = (text.codingLabel, text.codingDescription(reliability))
        } else if !result.pollModels.isEmpty {
            designLabel = text.pollModelLabel
            design = result.pollModels.map { (result.pollModels.count > 1 ? $0.answer + ": " : "") + text.pollModelDescription($0) }
                .joined(separator: "; ")
        } else {
            (designLabel, design) = (text.designLabel, text.designDescription(result.design))
        }
        return ReportDocument(
            designLabel: designLabel,
            design: design,
            tables: tables,
            emptyNote: result.rows.isEmpty ? text.noEstimates : nil,
            tests: result.tests.map(text.testLine),
            warningLabel: text.warningLabel,
            warnings: result.warnings
        )
    }

    // MARK: Grouping

    struct GroupKey: Hashable {
        var variable: String
        var statistic: Statistic
        var isCrosstab: Bool
    }

    /// Rows grouped by variable and statistic (all crosstab cells in one grid, whatever the
    /// conditioning domain of their percentages), groups in the order they first appear, rows
    /// in their order within each group.
    func groups(of rows: [ResultRow]) -> [(key: GroupKey, rows: [ResultRow])] {
        var order: [GroupKey] = []
        var members: [GroupKey: [ResultRow]] = [:]
        for row in rows {
            let crosstab = row.cell != nil
            // The coefficients of a regression make one table.
            let whole = crosstab || row.statistic == .coefficient
            let key = GroupKey(variable: whole ? "" : row.variable, statistic: row.statistic, isCrosstab: crosstab)
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(row)
        }
        return order.map { ($0, members[$0]!) }
    }

    // MARK: Estimates

    func estimateTable(
        _ rows: [ResultRow], key: GroupKey, request: AnalysisRequest?, labels: [String: String] = [:], names: DomainNames? = nil
    ) -> ReportTable {
        let names = names ?? DomainNames(labels: labels)
        let domainVariables = DomainColumns.variables(of: rows)
        let coefficients = key.statistic == .coefficient
        let oddsRatios = coefficients && rows.contains { $0.coefficient?.oddsRatio != nil }
        let hasLevel = coefficients || rows.contains { $0.level != nil || $0.code != nil }
        let hasDeff = rows.contains { $0.designEffect != nil }
        let level = rows.lazy.compactMap(\.ci?.level).first ?? request?.options.confidenceLevel ?? 0.95
        // Reliability of coders: the level column holds codes, or the weighting of Cohen's
        // kappa; units are not weighted.
        let reliability = key.statistic.isCoderReliability
        let weightings = reliability && rows.contains { $0.level != nil && $0.code == nil }
        let hasWeights = !reliability

        var columns = domainVariables.map { ReportTable.Column(header: names.header($0), alignment: .left) }
        if hasLevel {
            let header = weightings ? text.kappaWeights : reliability ? text.codeHeader
                : key.statistic == .quantile ? text.probabilityHeader : coefficients ? text.coefficientHeader
                : labels[key.variable] ?? key.variable
            columns.append(.init(header: header, alignment: .left))
        }
        columns += [
            .init(header: text.estimate, alignment: .right),
            .init(header: text.standardError, alignment: .right),
            .init(header: text.interval(level: level), alignment: .right),
        ]
        if hasDeff { columns.append(.init(header: text.designEffect, alignment: .right)) }
        // Differences between groups: the p-value of each, after the interval.
        // Coefficients of a regression: t and p, and odds ratios with their interval.
        let differences = key.statistic == .difference || coefficients
        if coefficients { columns.append(.init(header: text.tValue, alignment: .right)) }
        if differences { columns.append(.init(header: text.pValue, alignment: .right)) }
        if oddsRatios {
            columns.append(.init(header: text.oddsRatio, alignment: .right))
            columns.append(.init(header: text.interval(level: level), alignment: .right))
        }
        columns.append(.init(header: text.count, alignment: .right))
        if hasWeights { columns.append(.init(header: text.weightedCount, alignment: .right)) }

        let numbers = rows.map(EstimateText.init)
        let (lowerWidth, upperWidth) = intervalWidths(numbers)
        let cells = zip(rows, numbers).map { row, n -> [String] in
            var line = domainVariables.map { names.value(row.domain[$0] ?? "", of: $0) }
            if hasLevel {
                line.append(coefficients ? row.variable : weightings ? text.kappaWeighting(row.level ?? "") : row.level ?? row.code ?? "")
            }
            line += [n.estimate, n.standardError, n.interval(lowerWidth: lowerWidth, upperWidth: upperWidth)]
            if hasDeff { line.append(n.designEffect) }
            if coefficients { line.append(row.coefficient?.tValue.map { NumberText.significant($0, digits: 3) } ?? EstimateText.missing) }
            if differences {
                let p = row.difference?.pValue ?? row.coefficient?.pValue
                line.append(p.map { NumberText.pValue($0).replacingOccurrences(of: "= ", with: "") } ?? EstimateText.missing)
            }
            if oddsRatios {
                let c = row.coefficient
                line.append(c?.oddsRatio.map { NumberText.significant($0, digits: 4) } ?? EstimateText.missing)
                line.append(c?.oddsRatioLower.flatMap { lo in c?.oddsRatioUpper.map { "[\(NumberText.significant(lo, digits: 4)), \(NumberText.significant($0, digits: 4))]" } } ?? EstimateText.missing)
            }
            line.append(n.count)
            if hasWeights { line.append(n.weightedCount) }
            return line
        }
        let subject = coefficients ? request?.regression?.model ?? "" : labels[key.variable] ?? displayName(key, request: request)
        return ReportTable(title: text.title(key.statistic, subject), columns: columns, rows: cells)
    }

    /// The variable as named in a title; a ratio's denominator is added from the request
    /// when the row names only the numerator.
    private func displayName(_ key: GroupKey, request: AnalysisRequest?) -> String {
        guard key.statistic == .ratio, !key.variable.contains("/"),
              let measure = request?.measures.first(where: { $0.statistic == .ratio && $0.variable == key.variable }),
              let denominator = measure.denominator
        else { return key.variable }
        return key.variable + "/" + denominator
    }

    /// Widths of the interval ends, for padding inside the brackets (terminal only).
    private func intervalWidths(_ numbers: [EstimateText]) -> (Int, Int) {
        guard cellStyle == .stacked else { return (0, 0) }
        let lower = numbers.compactMap(\.lower).map(DisplayWidth.of).max() ?? 0
        let upper = numbers.compactMap(\.upper).map(DisplayWidth.of).max() ?? 0
        return (lower, upper)
    }

    // MARK: Changes

    /// Changes between waves: one line per level and domain, with both estimates, the change
    /// (percentage points for proportions), its interval and p-value.
    func comparisonTable(_ comparisons: [Comparison], names: DomainNames = DomainNames()) -> ReportTable {
        let domainVariables = DomainColumns.variables(of: comparisons.map {
            ResultRow(variable: $0.variable, statistic: $0.statistic, domain: $0.domain, level: $0.level, code: nil,
                      estimate: nil, standardError: nil, ci: nil, designEffect: nil, designEffectWithReplacement: nil,
                      effectiveSampleSize: nil, degreesOfFreedom: nil, unweightedCount: 0, weightedCount: 0)
        })
        let hasLevel = comparisons.contains { $0.level != nil || $0.statistic == .netScore }
        let level = comparisons.first?.ci.level ?? 0.95
        var columns = domainVariables.map { ReportTable.Column(header: names.header($0), alignment: .left) }
        if hasLevel { columns.append(.init(header: names.header(comparisons[0].variable), alignment: .left)) }
        columns += [
            .init(header: text.fromWave, alignment: .left), .init(header: text.toWave, alignment: .left),
            .init(header: text.change, alignment: .right), .init(header: text.interval(level: level), alignment: .right),
            .init(header: text.pValue, alignment: .right),
        ]
        let cells = comparisons.map { c -> [String] in
            let share = c.statistic == .proportion || c.statistic == .netScore
            let value: (Double) -> String = share ? { NumberText.fixed($0 * 100, decimals: 1) } : {
                NumberText.fixed($0, decimals: NumberText.decimals(showing: 4, of: c.standardError, fallback: 2))
            }
            let change = share ? NumberText.points(c.difference) : value(c.difference)
            var line = domainVariables.map { names.value(c.domain[$0] ?? "", of: $0) }
            if hasLevel { line.append(c.level ?? (c.statistic == .netScore ? text.netScore : "")) }
            line += [
                "\(names.wave(c.from)) (\(value(c.fromEstimate)))", "\(names.wave(c.to)) (\(value(c.toEstimate)))", change,
                "[" + (c.ci.lower.map(share ? NumberText.points : value) ?? "—") + ", "
                    + (c.ci.upper.map(share ? NumberText.points : value) ?? "—") + "]",
                NumberText.pValue(c.pValue).replacingOccurrences(of: "= ", with: ""),
            ]
            return line
        }
        return ReportTable(title: text.changesTitle, columns: columns, rows: cells)
    }

    // MARK: Crosstabs

    func crosstabTable(_ rows: [ResultRow], key: GroupKey, request: AnalysisRequest?) -> ReportTable {
        let spec = request?.crosstab
        var rowCategories: [String] = []
        var columnCategories: [String] = []
        var cells: [CellKey: EstimateText] = [:]
        for row in rows {
            guard let cell = row.cell else { continue }
            if !rowCategories.contains(cell.row) { rowCategories.append(cell.row) }
            if !columnCategories.contains(cell.column) { columnCategories.append(cell.column) }
            cells[CellKey(row: cell.row, column: cell.column)] = EstimateText(row)
        }

        let title = spec.map { text.crosstabTitle(rows: $0.rows, columns: $0.columns, percent: $0.percent) }
            ?? rows.first?.variable ?? ""

        let columns = [ReportTable.Column(header: spec?.rows ?? "", alignment: .left)]
            + columnCategories.map { ReportTable.Column(header: $0, alignment: .right) }
        var lines: [[String]] = []
        for r in rowCategories {
            let numbers = columnCategories.map { cells[CellKey(row: r, column: $0)] }
            switch cellStyle {
            case .stacked:
                lines.append([r] + numbers.map { $0?.estimate ?? "" })
                if numbers.contains(where: { $0?.lower != nil }) {
                    lines.append([""] + numbers.map { $0.map { $0.lower == nil ? "" : $0.interval() } ?? "" })
                }
            case .inline:
                lines.append([r] + numbers.map { n in
                    guard let n else { return "" }
                    return n.lower == nil ? n.estimate : n.estimate + " " + n.interval()
                })
            }
        }
        return ReportTable(title: title, columns: columns, rows: lines)
    }
}

/// A crosstab cell as a dictionary key.
private struct CellKey: Hashable {
    var row: String
    var column: String
}

extension ReportBuilder {
    /// How the domain variables of a result are named in its tables: a variable by its label when
    /// the result has one, the wave of a trend by the word "Wave" in the report's language and
    /// each wave by its label.
    struct DomainNames {
        /// Labels of variables by name.
        var labels: [String: String] = [:]
        /// The header of the wave column, when the result is a trend across waves.
        var waveHeader: String? = nil
        /// Labels of waves by id.
        var waveLabels: [String: String] = [:]

        init(labels: [String: String] = [:]) {
            self.labels = labels
        }

        init(result: AnalysisResult, text: ReportText) {
            labels = result.variableLabels
            if !result.waves.isEmpty {
                waveHeader = text.wave
                waveLabels = Dictionary(result.waves.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
            }
        }

        /// The header of a variable's column.
        func header(_ variable: String) -> String {
            if variable == TrendAnalysis.waveVariable, let waveHeader { return waveHeader }
            return labels[variable] ?? variable
        }

        /// A cell of a variable's column: a wave's label in the wave column, else `value` as is.
        func value(_ value: String, of variable: String) -> String {
            variable == TrendAnalysis.waveVariable && waveHeader != nil ? wave(value) : value
        }

        /// A wave's label (its id when the result does not label it).
        func wave(_ id: String) -> String {
            waveLabels[id].flatMap { $0.isEmpty ? nil : $0 } ?? id
        }
    }
}
