import Foundation
import SurveyCore

/// A concept across the waves of a study: for every wave that asked it, the share of every
/// level (and the net score) with design-based intervals, each wave estimated with its own
/// design (and calibration), and the changes between waves as differences of independent
/// samples (``Comparison``). With one breakdown variable, each wave also gets the Rao–Scott F
/// test of whether the answers differ across its groups. The result is an ``AnalysisResult`` whose rows carry the wave as
/// the first domain variable, so every renderer can draw it.
public enum TrendAnalysis {
    /// The domain variable that holds the wave.
    public static let waveVariable = "wave"

    /// The warning every result from simulated data carries first.
    public static let simulatedWarning = "Simulated data: these numbers illustrate the method and describe no real population."

    /// Runs the trend `request.trend` on `study`, loading and preparing each wave through `data`
    /// (``AnalysisPipeline`` calls it).
    /// - Throws: ``SurveyError`` (unknown concept, level or wave; a variable a wave lacks; an
    ///   unmapped code; anything the engine refuses), or whatever `data` throws.
    public static func run(
        _ request: AnalysisRequest, study: Study, data: (StudyWave) throws -> PreparedWave
    ) throws -> AnalysisResult {
        guard let trend = request.trend else {
            throw SurveyError(.invalidRequest, "The request names no concept to follow; add \(parameter: .concept, "ID").", field: .concept)
        }
        guard let conceptID = trend.concept else {
            return try MentionTrend.run(request, trend: trend, study: study, data: data)
        }
        guard let concept = study.concept(conceptID) else {
            let close = NameSuggester.closest(to: conceptID, among: study.concepts.map(\.id), limit: 3)
            throw SurveyError(.unknownVariable, "The study has no concept '\(conceptID)'\(close.isEmpty ? "" : "; did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?") (\(surface: [.commandLine: "run `barometer trend STUDY --list` to see them", .query: "the study's concepts are listed at /api/v1/studies/STUDY/concepts"], otherwise: "the study's concepts are listed in its study.yaml")).", field: .concept, value: conceptID)
        }
        for id in trend.waves where study.wave(id) == nil {
            throw SurveyError(.invalidRequest, "The study has no wave '\(id)'; its waves are \(study.waves.map(\.id).joined(separator: ", ")).", field: .waves, value: id)
        }
        let recoder = try ConceptRecoder(concept: concept, collapse: trend.collapse, language: request.options.language)
        var shown: Set<String>? = nil
        if !trend.levels.isEmpty {
            var ids = Set<String>()
            for name in trend.levels {
                if let group = trend.collapse.first(where: { $0.name == name }) { ids.insert(group.name); continue }
                guard let i = ConceptRecoder.levelIndex(name, in: concept) else {
                    throw SurveyError(.invalidRequest, "'\(name)' is not a level of '\(concept.id)' (levels: \(concept.levels.map(\.id).joined(separator: ", "))); name levels by id or label in \(parameter: .levels).", field: .levels, value: name)
                }
                ids.insert(recoder.levels[recoder.outputOfLevel[i]].id)
            }
            shown = ids
        }
        let waves = study.waves.filter { w in
            concept.mapping(wave: w.id) != nil && (trend.waves.isEmpty || trend.waves.contains(w.id))
        }
        guard !waves.isEmpty else {
            throw SurveyError(.emptyDomain, "No wave\(trend.waves.isEmpty ? "" : " among \(trend.waves.joined(separator: ", "))") asked '\(concept.id)'; choose other \(parameter: .waves) (the concept's waves are listed with it).", field: .waves, value: trend.waves.joined(separator: ","))
        }
        let language = request.options.language
        let net = trend.netScore && recoder.hasValence
        var rows: [ResultRow] = []
        var warnings: [String] = []
        var summaries: [WaveSummary] = []
        var tests: [TestResult] = []
        var labels: [String: String] = [concept.id: concept.title.text(in: language) ?? concept.id]
        var firstDesign: DesignSummary? = nil
        for wave in waves {
            let mapping = concept.mapping(wave: wave.id)!
            let loaded = try data(wave)
            let (column, metadata, score) = try recoder.columns(of: loaded.dataset, mapping: mapping, missing: request.options.missing)
            var codebook = loaded.dataset.codebook
            codebook[column.name] = metadata
            codebook[score.name] = VariableMetadata(label: concept.title)
            let dataset = try Dataset(columns: loaded.dataset.columns.filter { $0.name != column.name && $0.name != score.name } + [column, score],
                                      codebook: codebook)
            var measures = [Measure(.proportion, column.name)]
            if net { measures.append(Measure(.mean, score.name)) }
            let analysis = AnalysisRequest(
                design: loaded.design.spec, measures: measures, by: request.by, filter: request.filter,
                options: request.options, differences: request.differences)
            let result: AnalysisResult
            do {
                result = try AnalysisEngine.run(analysis, on: dataset, design: loaded.design)
            } catch {
                let text = error.text.mapText { Self.relabel($0, concept: concept.id) }
                throw SurveyError(error.kind, "Wave '\(wave.id)': \(text)", field: error.field, value: error.value)
            }
            if request.by.count == 1 {
                // Does the concept differ across the breakdown's groups? Rao–Scott F, this wave.
                var crosstab = analysis
                crosstab.measures = []
                crosstab.crosstab = CrosstabSpec(rows: request.by[0], columns: column.name, percent: .row, test: .f)
                crosstab.by = []
                if let test = try? AnalysisEngine.run(crosstab, on: dataset, design: loaded.design).tests.first {
                    var named = test
                    named.description = "\(wave.id): \(request.by[0]) × \(concept.id)"
                    tests.append(named)
                }
            }
            rows += completed(result.rows, recoder: recoder, wave: wave.id, score: score.name, shown: shown,
                              missing: request.options.missing)
            warnings += result.warnings.map { "\(wave.id): \(Self.relabel($0, concept: concept.id))" }
            if let change = mapping.wordingChanged?.text(in: language) {
                warnings.append("\(wave.id): the wording of '\(concept.id)' changed: \(change)")
            }
            labels.addLabels(of: request.by, in: loaded.dataset, language: language)
            firstDesign = firstDesign ?? result.design
            summaries.append(WaveSummary(wave, design: result.design, language: language))
        }
        let comparisons = try changes(trend, subject: concept.id, rows: rows, waves: waves.map(\.id), level: request.options.confidenceLevel)
        let skipped = study.waves.filter { w in concept.mapping(wave: w.id) == nil && (trend.waves.isEmpty || trend.waves.contains(w.id)) }
        if !skipped.isEmpty {
            warnings.append("'\(concept.id)' was not asked in \(skipped.map(\.id).joined(separator: ", ")).")
        }
        if study.simulated {
            warnings.insert(simulatedWarning, at: 0)
        }
        var result = AnalysisResult(
            design: firstDesign!, rows: rows, tests: tests, comparisons: comparisons, waves: summaries, warnings: warnings,
            provenance: Provenance(study: study.title.text(in: language)))
        result.variableLabels = labels
        result.request = request
        return result
    }

    /// A message of the engine with the derived columns named by the concept's id.
    static func relabel(_ text: String, concept: String) -> String {
        text.replacingOccurrences(of: ConceptRecoder.columnName, with: concept)
            .replacingOccurrences(of: ConceptRecoder.scoreName, with: concept + " (net score)")
    }

    /// One wave's rows with the wave as the first domain variable, the net score relabelled,
    /// only the levels asked for, and a zero row for a level nobody in a domain chose (as R's
    /// `svymean` of a factor reports an empty level), so every wave has every level.
    static func completed(
        _ rows: [ResultRow], recoder: ConceptRecoder, wave: String, score: String, shown: Set<String>?, missing: MissingPolicy
    ) -> [ResultRow] {
        var out: [ResultRow] = []
        var proportions: [Domain: [String: ResultRow]] = [:]
        var domains: [Domain] = []
        var nets: [Domain: ResultRow] = [:]
        var differences: [ResultRow] = []
        for row in rows {
            if row.statistic == .difference {
                differences.append(row)
            } else if row.variable == score {
                nets[row.domain] = row
            } else {
                if proportions[row.domain] == nil { domains.append(row.domain) }
                proportions[row.domain, default: [:]][row.code ?? ""] = row
            }
        }
        for domain in domains {
            let present = proportions[domain]!
            let template = present.values.first!
            for level in recoder.levels {
                if let shown, !shown.contains(level.id) { continue }
                if missing == .exclude && level.valence == .missing { continue }
                var row = present[level.id] ?? ResultRow(
                    variable: template.variable, statistic: .proportion, domain: domain, level: level.label.text(in: "en"),
                    code: level.id, estimate: 0, standardError: 0, ci: nil, degreesOfFreedom: template.degreesOfFreedom,
                    unweightedCount: 0, weightedCount: 0)
                if present[level.id] == nil, let label = template.level.flatMap({ _ in recoder.label(of: level) }) { row.level = label }
                row.variable = recoder.concept.id
                row.domain = Domain([Domain.Entry(variable: waveVariable, value: wave)] + domain.entries)
                out.append(row)
            }
        }
        for domain in domains + nets.keys.filter({ proportions[$0] == nil }) {
            guard var row = nets[domain] else { continue }
            row.variable = recoder.concept.id
            row.statistic = .netScore
            row.level = nil
            row.domain = Domain([Domain.Entry(variable: waveVariable, value: wave)] + domain.entries)
            out.append(row)
        }
        // Differences between the groups of the wave: of the shown levels and the net score.
        let waveEntry = Domain.Entry(variable: waveVariable, value: wave)
        for var row in differences {
            if row.variable == score {
                row.level = nil
                row.difference?.of = .netScore
            } else {
                guard let level = recoder.levels.first(where: { $0.id == row.code }) else { continue }
                if let shown, !shown.contains(level.id) { continue }
                if missing == .exclude && level.valence == .missing { continue }
            }
            row.variable = recoder.concept.id
            row.domain = Domain([waveEntry] + row.domain.entries)
            if var difference = row.difference {
                difference.group = Domain([waveEntry] + difference.group.entries)
                difference.reference = Domain([waveEntry] + difference.reference.entries)
                row.difference = difference
            }
            out.append(row)
        }
        return out
    }

    /// The changes the request asks for, for every level (and net score) and domain present
    /// in both waves of a pair; `subject` (the concept or the mentions followed) names it in errors.
    static func changes(_ trend: TrendSpec, subject: String, rows: [ResultRow], waves: [String], level: Double) throws(SurveyError) -> [Comparison] {
        var pairs: [(String, String)] = []
        switch trend.changes {
        case .none: return []
        case .firstToLast: if waves.count > 1 { pairs = [(waves[0], waves[waves.count - 1])] }
        case .consecutive: pairs = zip(waves, waves.dropFirst()).map { ($0, $1) }
        case .pairs(let list):
            for pair in list {
                guard pair.count == 2 else {
                    throw SurveyError(.invalidRequest, "A change is between two waves, written FROM:TO; write e.g. \(parameter: .compare, "2021-spring:2022-autumn").", field: .compare)
                }
                for id in pair where !waves.contains(id) {
                    throw SurveyError(.invalidRequest, "The change \(parameter: .compare, "\(pair[0]):\(pair[1])") names the wave '\(id)', which has no estimate of '\(subject)' (waves: \(waves.joined(separator: ", "))).", field: .compare, value: "\(pair[0]):\(pair[1])")
                }
                pairs.append((pair[0], pair[1]))
            }
        }
        struct Key: Hashable { let statistic: Statistic; let level: String?; let domain: [Domain.Entry]; let wave: String }
        var index: [Key: ResultRow] = [:]
        for row in rows {
            let entries = row.domain.entries
            index[Key(statistic: row.statistic, level: row.level, domain: Array(entries.dropFirst()), wave: entries.first?.value ?? "")] = row
        }
        var out: [Comparison] = []
        for (from, to) in pairs {
            // Differences between groups are within a wave; their change is not followed.
            for row in rows where row.domain.entries.first?.value == from && row.statistic != .difference {
                let rest = Array(row.domain.entries.dropFirst())
                guard let later = index[Key(statistic: row.statistic, level: row.level, domain: rest, wave: to)],
                      let a = row.estimate, let sa = row.standardError, let b = later.estimate, let sb = later.standardError
                else { continue }
                out.append(Comparison(
                    variable: row.variable, statistic: row.statistic, level: row.level, domain: Domain(rest), from: from, to: to,
                    fromEstimate: a, fromStandardError: sa, toEstimate: b, toStandardError: sb, confidenceLevel: level))
            }
        }
        return out
    }
}
