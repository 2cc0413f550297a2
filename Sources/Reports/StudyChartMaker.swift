import Charts
import Foundation
import Studies
import SurveyCore
import Translations

/// Draws the trend of a study concept (an ``AnalysisResult`` from ``TrendAnalysis``) as one of
/// the report's charts: diverging bars per wave or group, lines per level across waves with
/// intervals and events, grouped bars with whiskers, or small multiples per group. Titles,
/// labels and the source line are in the requested language; simulated data says so.
public struct StudyChartMaker: Sendable {
    public let study: Study
    public let language: String

    public init(study: Study, language: String) {
        self.study = study
        self.language = language
    }

    /// The chart, or nil for `.table` or a result without estimates.
    /// - Parameters:
    ///   - request: the request the result answers; by default the one the result carries
    ///     (every result of the pipeline does), so the result alone is enough.
    ///   - width: the width in pixels the chart is laid out for (760 for a page, ~400 for a phone).
    ///   - id: a prefix for the SVG's element ids, unique among the charts of one HTML page.
    public func svg(
        _ kind: ReportAnalysis.ChartKind, result: AnalysisResult, request given: AnalysisRequest? = nil, title: String? = nil,
        width: Double = 760, id: String = "barometer-chart"
    ) -> String? {
        let style = ChartStyle(width: width, idPrefix: id)
        guard let request = given ?? result.request, let trend = request.trend else { return nil }
        let concept = trend.concept.flatMap(study.concept)
        // Without a concept the trend follows shares of mentions of a coded question.
        let mentions = request.measures.first { $0.statistic == .mentions || $0.statistic == .mentioned }
        guard concept != nil || mentions != nil else { return nil }
        let data = TrendData(result: result, concept: concept, request: request, language: language)
        guard !data.levels.isEmpty else { return nil }
        let byLabel = request.by.map { result.variableLabels[$0] ?? $0 }.joined(separator: " × ")
        let byText = byLabel.isEmpty ? nil : ReportWords(language: language).by(byLabel)
        let words = ReportWords(language: language)
        let subject = concept.map { $0.title.text(in: language) ?? $0.id }
            ?? mentions.map { result.variableLabels[$0.variable] ?? $0.variable } ?? ""
        let what = mentions.map { $0.statistic == .mentions ? words.ofAllMentions : words.ofRespondentsMentioning }
        let text = ChartText(
            title: title ?? subject,
            subtitle: [byText, concept?.text.text(in: language), concept == nil ? what : nil].compactMap { $0 }.joined(separator: ". "),
            source: sourceLine(result, waves: data.waves.count),
            notes: data.notes, language: language)
        // Shares of mentions have no direction: diverging bars become grouped bars.
        let kind = concept == nil && kind == .diverging ? .bars : kind
        switch kind {
        case .table, .polls, .mentions:
            // A polls chart needs the polls too: StudyReportBuilder draws it with PollChartMaker;
            // a table of mentions is drawn by StudyReportBuilder as a table.
            return nil
        case .diverging:
            if data.groups.count > 1 {
                let wave = data.waves.count - 1
                return DivergingBarChart(
                    text: withWave(text, data.waveLabels[wave]), rows: data.groups,
                    levels: data.levels.map { level in
                        ChartSeries(label: level.label, values: data.groups.indices.map { data.value(level.id, wave: wave, group: $0) }, role: level.role)
                    }, style: style).svg()
            }
            return DivergingBarChart(
                text: text, rows: data.waveLabels,
                levels: data.levels.map { level in
                    ChartSeries(label: level.label, values: data.waves.indices.map { data.value(level.id, wave: $0, group: 0) }, role: level.role)
                }, style: style).svg()
        case .trend:
            let series = data.levels.filter { $0.role != .missing || data.levels.count <= 2 }.map { level in
                ChartSeries(label: level.label, values: data.waves.indices.map { data.value(level.id, wave: $0, group: 0) }, role: level.role)
            }
            let valenced = data.levels.contains { $0.role == .positive } && data.levels.contains { $0.role == .negative }
            return TrendChart(
                text: text, waves: data.chartWaves, series: series, events: events(in: data.chartWaves),
                seriesColors: valenced && data.levels.count > 2 ? .byRole : .categorical, style: style).svg()
        case .bars:
            if data.groups.count > 1 {
                let wave = data.waves.count - 1
                return GroupedBarChart(
                    text: withWave(text, data.waveLabels[wave]), groups: data.groups,
                    series: data.levels.map { level in
                        ChartSeries(label: level.label, values: data.groups.indices.map { data.value(level.id, wave: wave, group: $0) }, role: level.role)
                    }, style: style).svg()
            }
            // Without a breakdown: a bar per level, one series per wave.
            return GroupedBarChart(
                text: data.waves.count == 1 ? withWave(text, data.waveLabels[0]) : text, groups: data.levels.map(\.label),
                series: data.waves.indices.map { w in
                    ChartSeries(label: data.waveLabels[w], values: data.levels.map { data.value($0.id, wave: w, group: 0) })
                }, style: style).svg()
        case .smallMultiples:
            let panels = data.groups.indices.map { g in
                ChartPanel(title: data.groups[g], series: data.levels.filter { $0.role != .missing }.map { level in
                    ChartSeries(label: level.label, values: data.waves.indices.map { data.value(level.id, wave: $0, group: g) }, role: level.role)
                })
            }
            return SmallMultiplesChart(
                text: text, panels: panels, kind: .trend(waves: data.chartWaves, events: events(in: data.chartWaves)),
                columns: width < 600 ? 1 : nil, style: style).svg()
        }
    }

    /// "Source: Central Asia Barometer (simulated data), 16 waves, n = 24,112; 95% confidence intervals".
    func sourceLine(_ result: AnalysisResult, waves: Int) -> String {
        let n = result.waves.map(\.design.respondents).reduce(0, +)
        let level = NumberText.level(result.rows.lazy.compactMap(\.ci?.level).first ?? 0.95)
        let source = study.source.text(in: language) ?? study.title.text(in: language) ?? ""
        let translate = Translator(tag: language)
        let count = translate.counted(waves, one: .waveCountOne, other: .waveCount)
        return translate(.chartSource, source, count, Self.grouped(n, in: translate.language), level)
    }

    private func withWave(_ text: ChartText, _ wave: String) -> ChartText {
        var t = text
        t.subtitle = [wave, t.subtitle].compactMap { $0 }.joined(separator: ". ")
        return t
    }

    private func events(in waves: [ChartWave]) -> [ChartEvent] {
        guard let first = waves.first?.x, let last = waves.last?.x else { return [] }
        return events(from: first, to: last, margin: 0.25)
    }

    /// The study's events from `from` to `to` (fractional years), `margin` years either side,
    /// labelled in the chart's language.
    func events(from: Double, to: Double, margin: Double) -> [ChartEvent] {
        study.events.filter { $0.fractionalYear >= from - margin && $0.fractionalYear <= to + margin }
            .map { ChartEvent(x: $0.fractionalYear, label: $0.label.text(in: language) ?? $0.date) }
    }

    /// 24112 → "24,112" in English, "24 112" (a narrow no-break space) in Russian and Kazakh.
    public static func grouped(_ n: Int, in language: Language) -> String {
        grouped(n, separator: language == .en ? "," : "\u{202F}")
    }

    /// 24112 → "24,112"; `separator` between digit groups (a narrow space in Russian and Kazakh).
    public static func grouped(_ n: Int, separator: String = ",") -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(d)
        }
        return out
    }
}

/// The numbers of a trend result arranged by level, wave and group.
struct TrendData {
    struct Level {
        var id: String
        var label: String
        var role: ChartSeries.Role
    }

    var levels: [Level] = []
    var waves: [String] = []
    var waveLabels: [String] = []
    var chartWaves: [ChartWave] = []
    /// Labels of the breakdown groups ("" without a breakdown).
    var groups: [String] = []
    var notes: [String] = []
    private var values: [String: ChartValue] = [:]

    /// `concept` nil: shares of mentions, whose codes keep the rows' order and have no direction.
    init(result: AnalysisResult, concept: Concept?, request: AnalysisRequest, language: String) {
        let study = result.waves
        waves = study.map(\.id)
        waveLabels = study.map(\.label)
        for (i, w) in study.enumerated() {
            let start = StudyDate.fractionalYear(w.fieldworkStart), end = StudyDate.fractionalYear(w.fieldworkEnd)
            chartWaves.append(ChartWave(label: waveLabels[i], x: (start + end) / 2))
        }
        var seenGroups: [String] = []
        let statistics: Set<Statistic> = concept == nil ? [.mentions, .mentioned] : [.proportion]
        for row in result.rows where statistics.contains(row.statistic) {
            guard let code = row.code else { continue }
            let wave = row.domain.entries.first?.value ?? ""
            let group = row.domain.entries.dropFirst().map(\.value).joined(separator: " · ")
            if !seenGroups.contains(group) { seenGroups.append(group) }
            if !levels.contains(where: { $0.id == code }) {
                levels.append(Level(id: code, label: row.level ?? code, role: concept.map { Self.role(of: code, concept: $0, collapse: request.trend?.collapse ?? []) } ?? .neutral))
            }
            values["\(code)|\(wave)|\(group)"] = ChartValue(row.estimate ?? .nan, lower: row.ci?.lower ?? .nan, upper: row.ci?.upper ?? .nan)
        }
        groups = seenGroups
        guard let concept else { return }
        // Levels in the concept's order (a merged group where its first member is), whatever
        // order rows came in.
        func position(_ id: String) -> Int {
            if let i = concept.levels.firstIndex(where: { $0.id == id }) { return i }
            if let group = request.trend?.collapse.first(where: { $0.name == id }) {
                return group.members.compactMap { m in
                    concept.levels.firstIndex { $0.id == m || $0.label.texts.values.contains(m) }
                }.min() ?? Int.max
            }
            return Int.max
        }
        levels.sort { position($0.id) < position($1.id) }
        for mapping in concept.mappings where waves.contains(mapping.wave) {
            if let change = mapping.wordingChanged?.text(in: language) {
                let label = waveLabels[waves.firstIndex(of: mapping.wave)!]
                notes.append("\(label): \(change)")
            }
        }
    }

    func value(_ level: String, wave: Int, group: Int) -> ChartValue {
        values["\(level)|\(waves[wave])|\(groups.isEmpty ? "" : groups[group])"] ?? .missing
    }

    static func role(of id: String, concept: Concept, collapse: [TrendSpec.LevelGroup]) -> ChartSeries.Role {
        let valences: [ConceptLevel.Valence]
        if let group = collapse.first(where: { $0.name == id }) {
            valences = concept.levels.filter { level in
                group.members.contains { $0 == level.id || level.label.texts.values.contains($0) }
            }.map(\.valence)
        } else {
            valences = concept.levels.filter { $0.id == id }.map(\.valence)
        }
        guard let first = valences.first, valences.allSatisfy({ $0 == first }) else { return .neutral }
        switch first {
        case .positive: return .positive
        case .negative: return .negative
        case .neutral: return .neutral
        case .missing: return .missing
        }
    }
}
