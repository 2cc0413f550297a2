import SurveyCore

/// Words and sentences of a codebook listing, in English or Russian (as ``ReportText``: other
/// languages get English headings; labels come in the requested language where the codebook
/// has it). Russian sentences put counts after a colon to avoid number agreement.
struct CodebookText: Sendable {
    let russian: Bool

    init(language tag: String) {
        russian = tag.split(separator: "-").first.map { $0.lowercased() } == "ru"
    }

    func title(file: String) -> String { russian ? "Кодовая книга: \(file)" : "Codebook of \(file)" }

    func sizes(respondents: Int, variables: Int) -> String {
        russian ? "респондентов: \(respondents), переменных: \(variables)"
            : Self.count(respondents, "respondent", "respondents") + ", " + Self.count(variables, "variable", "variables")
    }

    func encoding(_ name: String) -> String { (russian ? "кодировка " : "encoding ") + name }

    func storedDesign(_ flags: String) -> String {
        russian ? "План выборки в файле (--design-from-file): \(flags)" : "Design stored in the file (--design-from-file): \(flags)"
    }

    var documents: String { russian ? "Документы" : "Documents" }
    var multipleResponseSets: String { russian ? "Наборы множественных ответов" : "Multiple-response sets" }
    var variables: String { russian ? "Переменные" : "Variables" }

    func setKind(_ kind: MultipleResponseSet.Kind) -> String {
        switch kind {
        case .dichotomies(let counted): russian ? "дихотомии, считается \(counted)" : "dichotomies counting \(counted)"
        case .categories: russian ? "категории" : "categories"
        }
    }

    // MARK: Variables

    var name: String { russian ? "Имя" : "Name" }
    var type: String { russian ? "Тип" : "Type" }
    var label: String { russian ? "Метка" : "Label" }
    var valid: String { russian ? "Валидные" : "Valid" }
    var missing: String { russian ? "Пропуски" : "Missing" }
    var code: String { russian ? "Код" : "Code" }
    var count: String { "n" }
    var percent: String { "%" }
    var missingMark: String { russian ? "пропуск" : "missing" }

    /// "numeric", "numeric (date)", "categorical", "text".
    func type(_ summary: VariableSummary) -> String {
        let base: String
        switch (summary.type, russian) {
        case ("numeric", true): base = "числовая"
        case ("categorical", true): base = "категориальная"
        case ("text", true): base = "текст"
        default: base = summary.type
        }
        guard let temporal = summary.metadata.temporal else { return base }
        return base + " (" + temporalName(temporal) + ")"
    }

    func temporalName(_ kind: TemporalKind) -> String {
        switch (kind, russian) {
        case (.date, false): "date"
        case (.dateTime, false): "date-time"
        case (.time, false): "time"
        case (.date, true): "дата"
        case (.dateTime, true): "дата и время"
        case (.time, true): "время"
        }
    }

    func measurement(_ level: MeasurementLevel) -> String {
        switch (level, russian) {
        case (.nominal, false): "nominal"
        case (.ordinal, false): "ordinal"
        case (.scale, false): "scale"
        case (.nominal, true): "номинальная"
        case (.ordinal, true): "порядковая"
        case (.scale, true): "количественная"
        }
    }

    /// "valid 3, missing 2 (1 empty, 1 user-missing)".
    func counts(_ s: VariableSummary) -> String {
        var text = russian ? "валидных: \(s.valid), пропусков: \(s.missing)" : "valid \(s.valid), missing \(s.missing)"
        if s.systemMissing > 0 && s.userMissing > 0 {
            text += russian ? " (пустых: \(s.systemMissing), кодов пропуска: \(s.userMissing))"
                : " (\(s.systemMissing) empty, \(s.userMissing) user-missing)"
        } else if s.userMissing > 0 {
            text += russian ? " (коды пропуска)" : " (user-missing)"
        }
        return text
    }

    /// "user-missing codes: 98, 99; range 900 to 999".
    func missingCodes(_ meta: VariableMetadata) -> String? {
        var parts = meta.missingCodes.map(VariableSummary.code) + meta.missingStrings
        var text = ""
        if !parts.isEmpty { text = (russian ? "коды пропуска: " : "user-missing codes: ") + parts.joined(separator: ", ") }
        if let r = meta.missingRange {
            let low = r.lowerBound == -.infinity ? (russian ? "минимума" : "lowest") : VariableSummary.code(r.lowerBound)
            let high = r.upperBound == .infinity ? (russian ? "максимума" : "highest") : VariableSummary.code(r.upperBound)
            parts = [(russian ? "диапазон пропусков от \(low) до \(high)" : "user-missing range \(low) to \(high)")]
            text += (text.isEmpty ? "" : "; ") + parts[0]
        }
        return text.isEmpty ? nil : text
    }

    func format(_ format: String) -> String { (russian ? "формат " : "format ") + format }

    /// "min 18, mean 42.5, max 90".
    func range(minimum: String, mean: String, maximum: String) -> String {
        russian ? "мин. \(minimum), среднее \(mean), макс. \(maximum)" : "min \(minimum), mean \(mean), max \(maximum)"
    }

    func distinct(_ n: Int) -> String { russian ? "различных значений: \(n)" : Self.count(n, "distinct value", "distinct values") }

    func omitted(_ n: Int) -> String {
        russian ? "… и ещё значений: \(n)" : "… and " + Self.count(n, "more value", "more values")
    }

    var noVariables: String { russian ? "Переменных нет." : "No variables." }

    private static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(n) " + (n == 1 ? singular : plural)
    }
}
