import SurveyCore

/// Words and sentences of the human-readable reports, in English or Russian.
///
/// Languages other than Russian (`ru`, `ru-KZ`, ...) get English for now. Sentences avoid
/// number agreement in Russian by putting the count after a label ("респондентов: 200").
struct ReportText: Sendable {
    enum Language: Sendable { case english, russian }

    let language: Language

    init(language tag: String) {
        let base = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        language = base == "ru" ? .russian : .english
    }

    // MARK: Design

    var designLabel: String {
        switch language {
        case .english: "Design"
        case .russian: "План выборки"
        }
    }

    /// "weights pw, strata stype, clusters dnum (fpc fpc); 200 respondents, 6 PSUs in 3 strata, 197 df".
    func designDescription(_ d: DesignSummary) -> String {
        let ru = language == .russian
        var parts: [String] = []
        if let w = d.weights {
            parts.append((ru ? "веса " : "weights ") + w)
        } else {
            parts.append(d.fpc.isEmpty ? (ru ? "равные веса" : "equal weights") : (ru ? "веса по fpc" : "weights from fpc"))
        }
        if let s = d.strata { parts.append((ru ? "страты " : "strata ") + s) }
        let fpc = d.fpc.joined(separator: ", ")
        if !d.clusters.isEmpty {
            var clusters = (ru ? "кластеры " : "clusters ") + d.clusters.joined(separator: ", ")
            if !d.fpc.isEmpty { clusters += " (fpc \(fpc))" }
            parts.append(clusters)
            if d.nest { parts.append(ru ? "вложенные" : "nested") }
        } else if !d.fpc.isEmpty {
            parts.append("fpc " + fpc)
        }
        if d.lonelyPSU != .fail {
            parts.append((ru ? "одиночные PSU: " : "lonely PSUs: ") + d.lonelyPSU.rawValue)
        }
        parts += d.weighting
        let sizes: String
        if ru {
            var s = ["респондентов: \(d.respondents)", "PSU: \(d.psuCount)"]
            if d.strata != nil { s.append("страт: \(d.strataCount)") }
            s.append("степеней свободы: \(d.degreesOfFreedom)")
            sizes = s.joined(separator: ", ")
        } else {
            var s = Self.count(d.respondents, "respondent", "respondents") + ", "
                + Self.count(d.psuCount, "PSU", "PSUs")
            if d.strata != nil { s += " in " + Self.count(d.strataCount, "stratum", "strata") }
            sizes = s + ", \(d.degreesOfFreedom) df"
        }
        return parts.joined(separator: ", ") + "; " + sizes
    }

    private static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(n) " + (n == 1 ? singular : plural)
    }

    // MARK: Titles and headers

    var fromWave: String { language == .russian ? "с" : "from" }
    var toWave: String { language == .russian ? "по" : "to" }
    var change: String { language == .russian ? "изменение" : "change" }
    var netScore: String { language == .russian ? "баланс оценок" : "net score" }
    var changesTitle: String { language == .russian ? "Изменения между волнами" : "Changes between waves" }

    /// The heading of the estimates of one variable: "Mean of api00".
    func title(_ statistic: Statistic, _ variable: String) -> String {
        switch (language, statistic) {
        case (.english, .mean): "Mean of \(variable)"
        case (.english, .total): "Total of \(variable)"
        case (.english, .ratio): "Ratio \(variable)"
        case (.english, .proportion): "Proportions of \(variable)"
        case (.russian, .mean): "Среднее: \(variable)"
        case (.russian, .total): "Сумма: \(variable)"
        case (.russian, .ratio): "Отношение: \(variable)"
        case (.russian, .proportion): "Доли: \(variable)"
        case (.english, .netScore): "Net score of \(variable) (positive − negative)"
        case (.russian, .netScore): "Баланс оценок: \(variable) (положительные − отрицательные)"
        }
    }

    /// The heading of a crosstab: "stype × sch.wide, row percentages".
    func crosstabTitle(rows: String, columns: String, percent: PercentBase) -> String {
        let base: String
        switch (language, percent) {
        case (.english, .row): base = "row percentages"
        case (.english, .column): base = "column percentages"
        case (.english, .cell): base = "cell percentages"
        case (.russian, .row): base = "проценты по строкам"
        case (.russian, .column): base = "проценты по столбцам"
        case (.russian, .cell): base = "проценты от всей таблицы"
        }
        return "\(rows) × \(columns), \(base)"
    }

    var estimate: String { language == .russian ? "Оценка" : "Estimate" }
    var standardError: String { language == .russian ? "Ст. ош." : "SE" }
    var designEffect: String { "Deff" }
    var count: String { "n" }
    var weightedCount: String { language == .russian ? "Взвеш. N" : "Weighted N" }

    /// "95% CI".
    func interval(level: Double) -> String {
        NumberText.level(level) + (language == .russian ? " ДИ" : " CI")
    }

    // MARK: Tests, warnings

    /// "Rao–Scott F = 5.19 on 1.49 and 20.9 df, p = 0.0217", prefixed by the test's description.
    func testLine(_ test: TestResult) -> String {
        let name: String
        switch test.name {
        case "rao-scott-f": name = "Rao–Scott F"
        case "rao-scott-chisq": name = "Rao–Scott χ²"
        case "wald": name = "Wald F"
        case "adjusted-wald": name = language == .russian ? "Скорректированный Wald F" : "Adjusted Wald F"
        default: name = test.name
        }
        let statistic = test.statistic.map { NumberText.significant($0, digits: 3) } ?? "—"
        let df = test.df.map { NumberText.significant($0, digits: 3) }
        let p = test.pValue.map { "p " + NumberText.pValue($0) } ?? "p = —"
        var line = "\(name) = \(statistic)"
        if !df.isEmpty {
            switch language {
            case .english: line += " on " + df.joined(separator: " and ") + " df"
            case .russian: line += ", степени свободы " + df.joined(separator: " и ")
            }
        }
        line += ", " + p
        if let description = test.description, !description.isEmpty { line = description + ": " + line }
        return line
    }

    var warningLabel: String { language == .russian ? "Предупреждение" : "Warning" }
    var noEstimates: String { language == .russian ? "Нет оценок." : "No estimates." }
}
