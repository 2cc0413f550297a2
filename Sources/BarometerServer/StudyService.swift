import Foundation
import Reports
import Store
import Studies
import SurveyCore
import Synchronization

/// What the server does with the store: lists studies and concepts, and answers every
/// analysis through the one analysis pipeline (``Studies/AnalysisPipeline``: design →
/// calibration with the targets stored at import → engine → trend) on waves it keeps prepared
/// in memory — so its numbers are the command line's — behind the one disclosure policy
/// (``Studies/DisclosurePolicy``) for clients without an account token. Respondent-level data
/// never leave it: only estimates of groups the policy allows do.
public final class StudyService: Sendable {
    let store: BarometerStore
    let configuration: ServerConfiguration
    let policy: DisclosurePolicy
    /// The clock, for embargoes (a parameter so tests can move it).
    let now: @Sendable () -> Date
    /// Waves read from the store and prepared, by study, wave and catalog version.
    let waves: BoundedCache<String, PreparedWave>
    /// The catalog version the caches below were filled under (0: not yet read).
    private let knownVersion = Atomic<Int64>(0)
    private let studies = Mutex<[String: Study]>([:])
    private let publicVariables = Mutex<[String: PublicVariables]>([:])
    /// Cross-classifications (study, wave, variables) whose every cell the policy found large
    /// enough: waves are immutable, so a combination is checked once.
    private let passedCells = Mutex<Set<String>>([])
    /// The breakdowns the explorer offers per study, concept and access (checked once).
    private let offeredBreakdowns = Mutex<[String: [String]]>([:])

    public init(store: BarometerStore, configuration: ServerConfiguration, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.configuration = configuration
        self.policy = DisclosurePolicy(
            minimumCount: configuration.minimumCellCount, maxBreakdowns: configuration.maxBreakdowns,
            maxFilterLength: configuration.maxFilterLength)
        self.now = now
        self.waves = BoundedCache(limit: configuration.waveCacheBytes)
    }

    /// The store's catalog version, read now (one cheap query); when it is not the one the
    /// caches were filled under — an import or upload here or by another instance on the same
    /// database — they are emptied first, so the change is seen at once.
    public func currentVersion() throws -> Int64 {
        let version = try store.catalogVersion()
        let previous = knownVersion.exchange(version, ordering: .acquiringAndReleasing)
        if previous != version && previous != 0 { invalidate() }
        return version
    }

    /// The catalog version last read (0 before the first request).
    var knownCatalogVersion: Int64 { knownVersion.load(ordering: .relaxed) }

    /// Forgets cached studies and waves (after an import).
    public func invalidate() {
        waves.removeAll()
        studies.withLock { $0.removeAll() }
        publicVariables.withLock { $0.removeAll() }
        offeredBreakdowns.withLock { $0.removeAll() }
        passedCells.withLock { $0.removeAll() }
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

    /// A wave of a study read from the store and prepared by the pipeline (design compiled,
    /// calibrated to the targets stored with it), kept for later requests (least recently used
    /// ones go).
    func prepared(_ slug: String, wave: StudyWave) throws -> PreparedWave {
        let key = "\(slug)|\(wave.id)|\(knownVersion.load(ordering: .acquiring))"
        if let hit = waves.value(for: key) { return hit }
        let input = WaveInput(
            dataset: try store.dataset(study: slug, wave: wave.id), design: wave.design,
            weighting: try store.weighting(study: slug, wave: wave.id))
        let prepared = try AnalysisPipeline.prepare(input, wave: wave)
        waves.insert(prepared, for: key, cost: prepared.approximateBytes)
        return prepared
    }

    /// The data of a wave (through the prepared-wave cache).
    func dataset(_ slug: String, wave id: String, authorized: Bool) throws -> Dataset {
        let study = try self.study(slug, authorized: authorized)
        guard let wave = study.wave(id) else {
            throw APIError(.notFound, "Study '\(slug)' has no wave '\(id)'\(authorized ? "" : " open to the public"); its waves are \(study.waves.map(\.id).joined(separator: ", ")).")
        }
        return try prepared(slug, wave: wave).dataset
    }

    /// The coded open-ended questions of study `slug` a client may see: those study.yaml makes
    /// public (`public: coded:`), and with an account every set of coded columns.
    func codedQuestions(_ slug: String, authorized: Bool) throws -> [CodedQuestion] {
        let study = try self.study(slug, authorized: authorized)
        let datasets = try study.waves.map { (id: $0.id, data: try prepared(slug, wave: $0).dataset) }
        var names = try publicVariables(slug).coded.map(\.set)
        if authorized {
            for wave in datasets {
                for set in wave.data.codebook.multipleResponseSets where set.kind == .categories && !names.contains(set.name) { names.append(set.name) }
            }
        }
        return names.compactMap { name in
            let holding = datasets.compactMap { wave in
                wave.data.codebook.multipleResponseSets.first { $0.name == name && $0.kind == .categories }.map { (wave.id, wave.data, $0) }
            }
            guard let (_, data, set) = holding.first, let column = set.variables.first else { return nil }
            return CodedQuestion(
                id: name.hasPrefix("$") ? String(name.dropFirst()) : name, set: name, label: set.label, columns: set.variables,
                codes: data.metadata(column).valueLabels, waves: holding.map(\.0))
        }
    }

    /// The variables the public may use in study `slug` (``Studies/DisclosurePolicy``).
    func publicVariables(_ slug: String) throws -> PublicVariables {
        if let hit = publicVariables.withLock({ $0[slug] }) { return hit }
        let study = try self.study(slug, authorized: false)
        let datasets = try study.waves.map { try prepared(slug, wave: $0).dataset }
        let variables = policy.variables(of: study, datasets: datasets)
        publicVariables.withLock { $0[slug] = variables }
        return variables
    }

    static func day(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: date)
    }

    // MARK: Analyses

    /// Runs `request` (a trend, or one wave) on study `slug` through the analysis pipeline.
    /// Without an account the disclosure policy checks the request and every wave it touches,
    /// and withholds small estimates; with one, the client has full access.
    func run(_ slug: String, request: AnalysisRequest, authorized: Bool) throws -> AnalysisResult {
        let study = try self.study(slug, authorized: authorized)
        if let id = request.wave, request.trend == nil, study.wave(id) == nil {
            throw APIError(.notFound, "Study '\(slug)' has no wave '\(id)'\(authorized ? "" : " open to the public"); its waves are \(study.waves.map(\.id).joined(separator: ", ")).")
        }
        if request.by.count > configuration.maxBreakdowns {
            throw APIError(.unprocessableContent, "The request breaks estimates down by \(request.by.count) variables; the explorer allows at most \(configuration.maxBreakdowns) (by=).")
        }
        let visible = authorized ? nil : try publicVariables(slug)
        if let visible { try policy.check(request, variables: visible) }
        var result = try AnalysisPipeline.run(request, study: study) { wave in
            let prepared = try self.prepared(slug, wave: wave)
            if let visible {
                let key = "\(slug)|\(wave.id)|" + (try policy.groupVariables(of: request, variables: visible)).joined(separator: "\u{1F}")
                if !passedCells.withLock({ $0.contains(key) }) {
                    try policy.checkCells(request, variables: visible, dataset: prepared.dataset, wave: wave.id)
                    passedCells.withLock { _ = $0.insert(key) }
                }
            }
            return prepared
        }
        result.provenance?.study = slug
        try checkDomains(result)
        return authorized ? result : policy.withhold(result, variables: visible)
    }

    /// Refuses results with more groups per wave than the configured maximum.
    func checkDomains(_ result: AnalysisResult) throws {
        let domains = Set(result.rows.map { Domain($0.domain.entries.filter { $0.variable != TrendAnalysis.waveVariable }) })
        if domains.count > configuration.maxDomains {
            throw APIError(.unprocessableContent, "The request makes \(domains.count) groups; the explorer allows at most \(configuration.maxDomains). Break down by fewer or coarser variables.")
        }
    }

    /// An example filter for the explorer's form in the page's language, on the first of
    /// `breakdowns` the public may filter on: `sex == 'Әйел'`.
    func filterExample(_ slug: String, breakdowns: [String], language: String) throws -> String {
        let study = try self.study(slug, authorized: false)
        let filters = try publicVariables(slug).filters
        guard let name = breakdowns.first(where: { filters.contains($0) }), let wave = study.waves.last else { return "" }
        let labels = try prepared(slug, wave: wave).dataset.metadata(name).valueLabels
        guard let label = (labels.last?.label).flatMap({ $0.text(in: language) ?? $0.text(in: "en") }) else { return "" }
        return "\(name) == '\(label.replacingOccurrences(of: "'", with: "\\'"))'"
    }

    /// Variables a concept can be broken down by: the study's public breakdowns present in
    /// every wave that asked it, with their labels — for the public, only those whose every
    /// group holds the policy's minimum in every such wave, so the explorer never offers a view
    /// it would refuse.
    func breakdowns(_ slug: String, concept: Concept, authorized: Bool, language: String) throws -> [(name: String, label: String)] {
        try breakdowns(slug, waves: concept.mappings.map(\.wave), excluding: concept.mappings.map(\.variable), key: concept.id,
                       authorized: authorized, language: language)
    }

    /// Variables a coded question can be broken down by, as for a concept.
    func breakdowns(_ slug: String, coded: CodedQuestion, authorized: Bool, language: String) throws -> [(name: String, label: String)] {
        try breakdowns(slug, waves: coded.waves, excluding: coded.columns, key: coded.set, authorized: authorized, language: language)
    }

    /// The public breakdowns present in every one of `waves` (ids) other than `excluding`, each
    /// of whose groups is large enough in every such wave (for the public); `key` names the
    /// question in the cache.
    private func breakdowns(
        _ slug: String, waves ids: [String], excluding: [String], key question: String, authorized: Bool, language: String
    ) throws -> [(name: String, label: String)] {
        let study = try self.study(slug, authorized: authorized)
        let waves = try ids.compactMap { study.wave($0) }.map { try prepared(slug, wave: $0) }
        guard let first = waves.first?.dataset else { return [] }
        let key = "\(slug)|\(question)|\(authorized)|\(Self.day(now()))"
        let names: [String]
        if let hit = offeredBreakdowns.withLock({ $0[key] }) {
            names = hit
        } else {
            let variables = try publicVariables(slug)
            names = variables.breakdowns.filter { name in
                guard !excluding.contains(name), waves.allSatisfy({ $0.dataset.hasVariable(name) }) else { return false }
                guard !authorized else { return true }
                let request = AnalysisRequest(by: [name])
                return (try? waves.forEach { try policy.checkCells(request, variables: variables, dataset: $0.dataset, wave: "") }) != nil
            }
            offeredBreakdowns.withLock { $0[key] = names }
        }
        return names.map { ($0, first.metadata($0).label.text(in: language) ?? $0) }
    }
}
