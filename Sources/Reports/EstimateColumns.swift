import SurveyCore
import Translations

/// The columns of a result's estimates as the CSV and XLSX outputs write them: one list, so the
/// two files always have the same columns in the same order with the same values.
///
/// Columns: `variable, statistic`, one column per breakdown variable (in the order the variables
/// first appear in the rows), then `level, code, estimate, standard_error, ci_lower, ci_upper,
/// ci_level, ci_method, design_effect, df, unweighted_count, weighted_count`, and `row, column`
/// when some row is a crosstab cell; `p_value, group, reference` when some row is a difference
/// between two groups (the two groups' own estimates); `term, t_value, p_value` when some row is
/// a regression coefficient, and `odds_ratio, odds_ratio_lower, odds_ratio_upper` when it has one.
///
/// Each column has a machine name (the CSV header, stable for scripts) and a header for people
/// (the XLSX header, in the output's language from the catalog; a breakdown variable by its
/// label, the wave of a trend by the word "Wave").
struct EstimateColumns {
    /// What heads a column in a spreadsheet.
    enum Header {
        /// A word of the catalog.
        case phrase(Phrase)
        /// A breakdown variable, named by its label where the result has one.
        case variable(String)
    }

    struct Column {
        /// The CSV header.
        var name: String
        var header: Header
        var value: (ResultRow) -> TableValue
    }

    static let leadingColumns = ["variable", "statistic"]
    static let estimateColumns = [
        "level", "code", "estimate", "standard_error", "ci_lower", "ci_upper", "ci_level", "ci_method",
        "design_effect", "df", "unweighted_count", "weighted_count",
    ]
    static let cellColumns = ["row", "column"]
    static let differenceColumns = ["p_value", "group_estimate", "reference_estimate"]
    static let coefficientColumns = ["term", "t_value", "p_value", "odds_ratio", "odds_ratio_lower", "odds_ratio_upper"]

    let columns: [Column]

    /// The columns of `rows`.
    init(rows: [ResultRow]) {
        let domainVariables = DomainColumns.variables(of: rows)
        let hasCells = rows.contains { $0.cell != nil }
        let hasDifferences = rows.contains { $0.difference != nil }
        let hasCoefficients = rows.contains { $0.coefficient != nil }
        let hasOddsRatios = rows.contains { $0.coefficient?.oddsRatio != nil }
        let fixed = Set(Self.leadingColumns + Self.estimateColumns + (hasCells ? Self.cellColumns : [])
            + (hasDifferences ? Self.differenceColumns : []) + (hasCoefficients ? Self.coefficientColumns : []))
        var columns: [Column] = [
            Column(name: "variable", header: .phrase(.columnVariable)) { .text($0.variable) },
            Column(name: "statistic", header: .phrase(.columnStatistic)) { .text($0.statistic.rawValue) },
        ]
        for variable in domainVariables {
            // A breakdown variable named like a fixed column gets a prefix so that names stay unique.
            let name = fixed.contains(variable) ? "domain." + variable : variable
            columns.append(Column(name: name, header: .variable(variable)) { .text($0.domain[variable]) })
        }
        columns += [
            Column(name: "level", header: .phrase(.columnCategory)) { .text($0.level) },
            Column(name: "code", header: .phrase(.columnCode)) { .text($0.code) },
            Column(name: "estimate", header: .phrase(.estimate)) { .number($0.estimate) },
            Column(name: "standard_error", header: .phrase(.standardError)) { .number($0.standardError) },
            Column(name: "ci_lower", header: .phrase(.columnIntervalLower)) { .number($0.ci?.lower) },
            Column(name: "ci_upper", header: .phrase(.columnIntervalUpper)) { .number($0.ci?.upper) },
            Column(name: "ci_level", header: .phrase(.columnConfidenceLevel)) { .number($0.ci?.level) },
            Column(name: "ci_method", header: .phrase(.columnIntervalMethod)) { .text($0.ci?.method.rawValue) },
            Column(name: "design_effect", header: .phrase(.designEffect)) { .number($0.designEffect) },
            Column(name: "df", header: .phrase(.columnDegreesOfFreedom)) { .integer($0.degreesOfFreedom) },
            Column(name: "unweighted_count", header: .phrase(.unweightedCount)) { .integer($0.unweightedCount) },
            Column(name: "weighted_count", header: .phrase(.weightedCount)) { .number($0.weightedCount) },
        ]
        if hasCells {
            columns += [
                Column(name: "row", header: .phrase(.columnCrosstabRow)) { .text($0.cell?.row) },
                Column(name: "column", header: .phrase(.columnCrosstabColumn)) { .text($0.cell?.column) },
            ]
        }
        if hasDifferences {
            columns += [
                Column(name: "p_value", header: .phrase(.pValue)) { .number($0.difference?.pValue) },
                Column(name: "group_estimate", header: .phrase(.columnGroupEstimate)) { .number($0.difference?.groupEstimate) },
                Column(name: "reference_estimate", header: .phrase(.columnReferenceEstimate)) { .number($0.difference?.referenceEstimate) },
            ]
        }
        if hasCoefficients {
            columns += [
                Column(name: "term", header: .phrase(.columnTerm)) { .text($0.coefficient?.term) },
                Column(name: "t_value", header: .phrase(.columnTValue)) { .number($0.coefficient?.tValue) },
            ]
            if !hasDifferences { columns.append(Column(name: "p_value", header: .phrase(.pValue)) { .number($0.coefficient?.pValue) }) }
            if hasOddsRatios {
                columns += [
                    Column(name: "odds_ratio", header: .phrase(.oddsRatio)) { .number($0.coefficient?.oddsRatio) },
                    Column(name: "odds_ratio_lower", header: .phrase(.columnIntervalLower)) { .number($0.coefficient?.oddsRatioLower) },
                    Column(name: "odds_ratio_upper", header: .phrase(.columnIntervalUpper)) { .number($0.coefficient?.oddsRatioUpper) },
                ]
            }
        }
        self.columns = columns
    }

    /// The CSV headers.
    var names: [String] { columns.map(\.name) }

    /// The headers for people, in `translate`'s language; `names` names the breakdown variables.
    func headers(_ translate: Translator, names: ReportBuilder.DomainNames) -> [String] {
        columns.map { column in
            switch column.header {
            case .phrase(let phrase): translate(phrase)
            case .variable(let variable): names.header(variable)
            }
        }
    }

    /// The values of `row`, one per column.
    func values(_ row: ResultRow) -> [TableValue] {
        columns.map { $0.value(row) }
    }
}
