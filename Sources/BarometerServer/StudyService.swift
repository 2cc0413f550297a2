import Foundation
import Reports
import Store
import Studies
import SurveyCore
import Synchronization

/// What the server does with the store: lists studies and concepts, runs analyses and trends
/// on waves it keeps decoded in memory, and applies the disclosure rule to everything it
/// returns. Respondent-level data never leave it: only estimates do.
public final class StudyService: Sendable {
    let store: BarometerStore
    let configuration: ServerConfiguration
    /// The clock, for embargoes (a parameter so tests can move it).
    let now: @Sendable () -> Date
    private let cache = Mutex<[String: CachedWave]>([:])
    private let studies = Mutex<[String: Study]>([:])

    struct CachedWave {
        let dataset: Dataset
        var lastUse: Int
    }
    private let clock = Atomic<Int>(0)

    public init(store: BarometerStore, configuration: ServerConfiguration, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.configuration = configuration
        self.now = now
    }

    /// Forgets cached studies and waves (after an import).
    public func invalidate() {
        cache.withLock { $0.removeAll() }
        studies.withLock { $0.removeAll() }
    }

    // MARK: Studies

    func summaries(authorized: Bool) throws -> [StudySummary] {
        try store.studies(includeEmbargoed: authorized, asOf: now())
    }

    /// The study as the client may see it: embargoed waves only with an account.
    func study(_ slug: String, authorized: Bool) throws -> Study {
        let key = "\(slug)|\(authorized)|\(Self.day(now()))"
        if let cached = studies.withLock({ $0[key] }) { return cached }
        let study = try store.study(slug: slug, includeEmbargoed: authorized, asOf: now())
        studies.withLock { $0[key] = study }
        return study
    }

    /// The decoded data of a wave, kept for later requests (least recently used ones go).
    func dataset(_ slug: String, wave: String) throws -> Dataset {
        let key = "\(slug)|\(wave)"
        let tick = clock.wrappingAdd(1, ordering: .relaxed).newValue
        if let hit = cache.withLock({ c -> Dataset? in
            guard var entry = c[key] else { return nil }
            entry.lastUse = tick
            c[key] = entry
            return entry.dataset
        }) { return hit }
        let dataset = try store.dataset(study: slug, wave: wave)
        cache.withLock { c in
            c[key] = CachedWave(dataset: dataset, lastUse: tick)
            while c.count > configuration.cachedWaves, let oldest = c.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
                c.removeValue(forKey: oldest)
            }
        }
        return dataset
    }

    static func day(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: date)
    }

    // MARK: Analyses

    /// A concept across waves, with small cells withheld.
    func trend(_ slug: String, request: TrendRequest, authorized: Bool) throws -> AnalysisResult {
        try checkBounds(by: request.by, filter: request.filter)
        let study = try self.study(slug, authorized: authorized)
        var result = try TrendAnalysis.run(request, study: study) { wave in
            let data = try dataset(slug, wave: wave.id)
            try checkFilter(request.filter, on: data, wave: wave.id)
            return TrendAnalysis.WaveData(dataset: data)
        }
        result.provenance?.study = slug
        try checkDomains(result)
        return withhold(result)
    }

    /// One analysis request on one wave, with small cells withheld.
    func analyze(_ slug: String, wave: String, request: AnalysisRequest, authorized: Bool) throws -> AnalysisResult {
        try checkBounds(by: request.by, filter: request.filter)
        let study = try self.study(slug, authorized: authorized)
        guard let stored = study.wave(wave) else {
            throw APIError(.notFound, "Study '\(slug)' has no wave '\(wave)'\(authorized ? "" : " open to the public"); its waves are \(study.waves.map(\.id).joined(separator: ", ")).")
        }
        let data = try dataset(slug, wave: wave)
        try checkFilter(request.filter, on: data, wave: wave)
        var request = request
        if request.design == DesignSpec() { request.design = stored.design }
        var result = try AnalysisEngine.run(request, on: data)
        result.request = request
        result.provenance = Provenance(study: slug, wave: wave)
        try checkDomains(result)
        return withhold(result)
    }

    /// Refuses requests beyond the configured bounds.
    func checkBounds(by: [String], filter: String?) throws {
        if by.count > configuration.maxBreakdowns {
            throw APIError(.unprocessableContent, "The request breaks estimates down by \(by.count) variables; the explorer allows at most \(configuration.maxBreakdowns).")
        }
        if let filter, filter.count > configuration.maxFilterLength {
            throw APIError(.unprocessableContent, "The filter is \(filter.count) characters long; the explorer allows at most \(configuration.maxFilterLength).")
        }
    }

    /// Refuses results with more groups than the configured maximum (a breakdown by an
    /// identifier would otherwise make one group per respondent).
    func checkDomains(_ result: AnalysisResult) throws {
        let domains = Set(result.rows.map { $0.domain })
        if domains.count > configuration.maxDomains {
            throw APIError(.unprocessableContent, "The request makes \(domains.count) groups; the explorer allows at most \(configuration.maxDomains). Break down by fewer or coarser variables.")
        }
    }

    /// A filter must leave at least the minimum number of respondents, or it could single
    /// people out.
    func checkFilter(_ filter: String?, on dataset: Dataset, wave: String) throws {
        guard let filter, !filter.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        let selected = try FilterExpression(parsing: filter).evaluate(on: dataset).filter { $0 }.count
        if selected < configuration.minimumCellCount {
            throw APIError(.unprocessableContent, "The filter '\(filter)' selects \(selected) respondents in wave '\(wave)', fewer than the \(configuration.minimumCellCount) the explorer shows; widen it so that no small group is singled out.")
        }
    }

    /// Withholds the estimates of every group (wave and breakdown domain; for a crosstab, each
    /// row of the table) with fewer than the minimum unweighted respondents.
    func withhold(_ result: AnalysisResult) -> AnalysisResult {
        var out = result
        var base: [String: Int] = [:]
        func key(_ row: ResultRow) -> String {
            "\(row.variable)|\(row.statistic.rawValue)|" + row.domain.entries.map { "\($0.variable)=\($0.value)" }.joined(separator: "&")
                + (row.cell.map { "|cell:\($0.row)" } ?? "")
        }
        for row in result.rows {
            let k = key(row)
            if row.statistic == .proportion { base[k, default: 0] += row.unweightedCount } else { base[k] = max(base[k] ?? 0, row.unweightedCount) }
        }
        var withheld = 0
        out.rows = result.rows.map { row in
            guard (base[key(row)] ?? 0) < configuration.minimumCellCount else { return row }
            withheld += 1
            return row.withheld()
        }
        // A change between two waves goes when either wave's group is withheld.
        out.comparisons = result.comparisons.filter { c in
            [c.from, c.to].allSatisfy { wave in
                let entries = [Domain.Entry(variable: TrendAnalysis.waveVariable, value: wave)] + c.domain.entries
                let k = "\(c.variable)|\(c.statistic.rawValue)|" + entries.map { "\($0.variable)=\($0.value)" }.joined(separator: "&")
                return (base[k] ?? 0) >= configuration.minimumCellCount
            }
        }
        if withheld > 0 {
            out.warnings.append("\(withheld) estimate\(withheld == 1 ? " is" : "s are") withheld: they rest on fewer than \(configuration.minimumCellCount) respondents.")
        }
        return out
    }

    /// Variables a concept can be broken down by: labelled categorical variables with at most
    /// 20 categories present in every wave that asked it (design variables excluded).
    func breakdowns(_ slug: String, concept: Concept, authorized: Bool, language: String) throws -> [(name: String, label: String)] {
        let study = try self.study(slug, authorized: authorized)
        let waves = concept.mappings.map(\.wave).filter { study.wave($0) != nil }
        guard let first = waves.first else { return [] }
        let data = try dataset(slug, wave: first)
        let designVariables = Set(study.waves.flatMap { [$0.design.weights, $0.design.strata].compactMap { $0 } + $0.design.clusters + $0.design.fpc })
        var out: [(String, String)] = []
        for column in data.columns where !designVariables.contains(column.name) {
            let meta = data.metadata(column.name)
            guard !meta.valueLabels.isEmpty, meta.valueLabels.count <= 20, column.name != concept.mappings.first?.variable else { continue }
            if concept.mappings.contains(where: { $0.variable == column.name }) { continue }
            var everywhere = true
            for wave in waves.dropFirst() where !(try dataset(slug, wave: wave).hasVariable(column.name)) { everywhere = false; break }
            if everywhere { out.append((column.name, meta.label.text(in: language) ?? column.name)) }
        }
        return out
    }
}
