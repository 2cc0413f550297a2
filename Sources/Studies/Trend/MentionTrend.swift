import SurveyCore

/// Shares of mentions of a coded open-ended question across the waves of a study: the
/// request's one ``Statistic/mentions`` or ``Statistic/mentioned`` measure estimated in every
/// wave that has its columns (a set named `$NAME` is read from each wave's codebook), each
/// wave with its own design and calibration, the wave as the first domain variable, the
/// per-code tests between groups of each wave (Holm-adjusted within the wave), and changes
/// between waves as differences of independent samples, as ``TrendAnalysis`` makes them for a
/// concept. Waves that lack the columns are named in a warning.
enum MentionTrend {
    /// Runs the trend of mentions `request` on `study` (``TrendAnalysis/run(_:study:data:)``
    /// hands it over when the trend names no concept).
    /// - Throws: ``SurveyError`` (no or several measures of mentions, an unknown wave, no wave
    ///   with the columns, anything the engine refuses), or whatever `data` throws.
    static func run(_ request: AnalysisRequest, trend: TrendSpec, study: Study, data: (StudyWave) throws -> PreparedWave) throws -> AnalysisResult {
        let measures = request.measures.filter { $0.statistic == .mentions || $0.statistic == .mentioned }
        guard measures.count == 1, request.measures.count == 1, let measure = measures.first else {
            throw SurveyError(.invalidRequest, "A trend follows a concept or one question's shares of mentions; name \(parameter: .concept, "ID"), or one \(parameter: .mentions, "CODED1,CODED2") (or \(parameter: .mentioned)) and nothing else to estimate.", field: .mentions)
        }
        let parameter: RequestParameter = measure.statistic == .mentions ? .mentions : .mentioned
        for id in trend.waves where study.wave(id) == nil {
            throw SurveyError(.invalidRequest, "The study has no wave '\(id)'; its waves are \(study.waves.map(\.id).joined(separator: ", ")).", field: .waves, value: id)
        }
        let language = request.options.language
        var rows: [ResultRow] = [], tests: [TestResult] = [], warnings: [String] = [], summaries: [WaveSummary] = []
        var labels: [String: String] = [:]
        var firstDesign: DesignSummary? = nil
        var asked: [String] = [], skipped: [String] = []
        for wave in study.waves where trend.waves.isEmpty || trend.waves.contains(wave.id) {
            let loaded = try data(wave)
            guard let columns = try? loaded.dataset.codebook.mentionColumns(measure.columns, parameter: parameter),
                  !columns.isEmpty, columns.allSatisfy(loaded.dataset.hasVariable) else {
                skipped.append(wave.id)
                continue
            }
            let analysis = AnalysisRequest(design: loaded.design.spec, measures: [measure], by: request.by, filter: request.filter, options: request.options)
            let result: AnalysisResult
            do {
                result = try AnalysisEngine.run(analysis, on: loaded.dataset, design: loaded.design)
            } catch {
                throw error.prefixed("Wave '\(wave.id)': ")
            }
            asked.append(wave.id)
            rows += result.rows.map { row in
                var row = row
                row.domain = Domain([Domain.Entry(variable: TrendAnalysis.waveVariable, value: wave.id)] + row.domain.entries)
                return row
            }
            tests += result.tests.map { test in
                var test = test
                test.description = "\(wave.id): " + (test.description ?? test.name)
                return test
            }
            warnings += result.warnings.map { "\(wave.id): \($0)" }
            if labels[measure.variable] == nil, let label = Self.label(of: columns, in: loaded.dataset.codebook, language: language) {
                labels[measure.variable] = label
            }
            labels.addLabels(of: request.by, in: loaded.dataset, language: language)
            firstDesign = firstDesign ?? result.design
            summaries.append(WaveSummary(wave, design: result.design, language: language))
        }
        guard let design = firstDesign else {
            throw SurveyError(.emptyDomain, "No wave\(trend.waves.isEmpty ? "" : " among \(trend.waves.joined(separator: ", "))") has the columns \(measure.columns.joined(separator: ", ")) named in \(parameter: parameter); choose other \(parameter: .waves), or name the coded columns the waves have.", field: parameter, value: measure.variable)
        }
        let comparisons = try TrendAnalysis.changes(trend, subject: measure.variable, rows: rows, waves: asked, level: request.options.confidenceLevel)
        if !skipped.isEmpty {
            warnings.append("\(measure.variable) is not in \(skipped.joined(separator: ", ")).")
        }
        if study.simulated {
            warnings.insert(TrendAnalysis.simulatedWarning, at: 0)
        }
        var result = AnalysisResult(
            design: design, rows: rows, tests: tests, comparisons: comparisons, waves: summaries, warnings: warnings,
            provenance: Provenance(study: study.title.text(in: language)))
        result.variableLabels = labels
        result.request = request
        return result
    }

    /// The label of the multiple-response set whose variables are `columns`, else of the
    /// first column.
    static func label(of columns: [String], in codebook: Codebook, language: String) -> String? {
        let set = codebook.multipleResponseSets.first { $0.kind == .categories && $0.variables == columns }
        let text = set?.label.text(in: language) ?? codebook.variables[columns[0]]?.label.text(in: language)
        return text.flatMap { $0.isEmpty ? nil : $0 }
    }
}
