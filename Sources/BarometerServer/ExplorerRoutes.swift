import Foundation
import Hummingbird
import Polls
import Store
import Studies
import SurveyCore
import Translations

/// The explorer's pages: home, the question browser of a study, the page of a question and
/// its embeddable chart; the poll database's questions and the page of each.
struct ExplorerRoutes: Sendable {
    let service: StudyService
    let api: APIRoutes
    let configuration: ServerConfiguration

    func register(on router: Router<ExplorerRequestContext>) {
        router.get("/") { request, _ in
            let query = APIRoutes.query(request)
            return Self.html(ExplorerPages.home(try service.summaries(authorized: try await api.authorized(request)), language: query.language))
        }
        router.get("studies/:study") { request, context in
            let slug = try context.parameters.require("study")
            let query = APIRoutes.query(request)
            let study = try service.study(slug, authorized: try await api.authorized(request))
            let q = query.first("q")
            if let q, q.count > 200 { throw APIError(.badRequest, "The search is \(q.count) characters long; use at most 200.") }
            let found = ConceptSearch.find(q ?? "", in: study.concepts)
            let coded = try service.codedQuestions(slug, authorized: try await api.authorized(request))
            return Self.html(ExplorerPages.study(study, slug: slug, concepts: found, coded: coded, q: q, language: query.language))
        }
        router.get("studies/:study/coded/:question") { request, context in
            try await codedQuestion(request, context: context)
        }
        router.get("studies/:study/concepts/:concept") { request, context in
            try await question(request, context: context, embed: false)
        }
        router.post("studies/:study/concepts/:concept/save") { request, context in
            // Staff only; the public gets 404, as for every staff address.
            guard StaffSession.current != nil else { throw Self.staffOnly }
            return try await question(request, context: context, embed: false, save: true)
        }
        router.get("saved") { request, _ in
            guard StaffSession.current != nil else { throw Self.staffOnly }
            let titles = Self.studyTitles(try service.summaries(authorized: true))
            return Self.privateHTML(ExplorerPages.savedList(try service.store.namedAnalyses(), studyTitles: titles, language: APIRoutes.query(request).language))
        }
        router.get("saved/:id") { request, context in
            let id = try context.parameters.require("id")
            guard StaffSession.current != nil else { throw Self.staffOnly }
            let analysis: SavedAnalysis
            do { analysis = try service.store.analysis(id: id) } catch { throw Self.staffOnly }
            let titles = Self.studyTitles(try service.summaries(authorized: true))
            return Self.privateHTML(ExplorerPages.saved(analysis, studyTitle: titles[analysis.study], language: APIRoutes.query(request).language))
        }
        router.get("embed/studies/:study/concepts/:concept") { request, context in
            try await question(request, context: context, embed: true)
        }
        router.get("polls") { request, _ in
            let query = APIRoutes.query(request)
            return Self.html(ExplorerPages.polls(try service.store.polls().map(\.poll), language: query.language))
        }
        router.get("polls/:question") { request, context in
            try pollQuestion(request, context: context)
        }
    }

    func question(_ request: Request, context: ExplorerRequestContext, embed: Bool, save: Bool = false) async throws -> Response {
        let slug = try context.parameters.require("study"), id = try context.parameters.require("concept")
        let authorized = try await api.authorized(request)
        let query = APIRoutes.query(request)
        let study = try service.study(slug, authorized: authorized)
        guard let concept = study.concept(id) else {
            throw APIError(.notFound, "Study '\(slug)' has no question '\(id)'; see the list at /studies/\(slug).", phrase: .questionNotFound, arguments: [id])
        }
        // The page's "differences between groups" switch means nothing without a breakdown.
        let unbroken = (query.first("by") ?? "").isEmpty
        let breakdowns = try service.breakdowns(slug, concept: concept, authorized: authorized, language: query.language)
        let trend = try Self.view(try query.trend(concept: id, ignoring: unbroken ? ["chart", "differences", "reference"] : ["chart"]),
                                  query: query, breakdowns: breakdowns, question: id)
        let result = try service.run(slug, request: trend, authorized: authorized)
        if save {
            return try await saveView(request, slug: slug, path: "/studies/\(slug)/concepts/\(id)", trend: trend, result: result, language: query.language)
        }
        let page = ExplorerPages.question(
            study: study, slug: slug, concept: concept, request: trend, chart: query.first("chart"), result: result,
            breakdowns: breakdowns,
            filterExample: try service.filterExample(slug, breakdowns: breakdowns.map(\.name), language: query.language), minimumCell: configuration.minimumCellCount, host: request.head.authority, embed: embed)
        return Self.html(page)
    }

    /// The page of a coded open-ended question: its shares of mentions across waves (or in one),
    /// through the same request, pipeline and disclosure policy as the API's trend of mentions.
    func codedQuestion(_ request: Request, context: ExplorerRequestContext) async throws -> Response {
        let slug = try context.parameters.require("study"), id = try context.parameters.require("question")
        let authorized = try await api.authorized(request)
        let query = APIRoutes.query(request)
        let study = try service.study(slug, authorized: authorized)
        guard let question = try service.codedQuestions(slug, authorized: authorized).first(where: { $0.id == id }) else {
            throw APIError(.notFound, "Study '\(slug)' has no coded question '\(id)'; see the list at /studies/\(slug).", phrase: .questionNotFound, arguments: [id])
        }
        let baseText = query.first("base") ?? ExplorerPages.MentionBase.mentions.rawValue
        guard let base = ExplorerPages.MentionBase(rawValue: baseText) else {
            throw APIError(.badRequest, "base=\(baseText) is not mentions or respondents.")
        }
        let view = RequestQuery(pairs: [(base.parameter.name, question.set)] + query.pairs.filter { !["base", "chart", "mentions", "mentioned"].contains($0.0) })
        let breakdowns = try service.breakdowns(slug, coded: question, authorized: authorized, language: query.language)
        let trend = try Self.view(try view.trend(), query: query, breakdowns: breakdowns, question: id)
        let result = try service.run(slug, request: trend, authorized: authorized)
        return Self.html(ExplorerPages.coded(
            study: study, slug: slug, question: question, request: trend, base: base, chart: query.first("chart"), result: result,
            breakdowns: breakdowns, minimumCell: configuration.minimumCellCount, host: request.head.authority))
    }

    /// The page of a polled question: the average of one answer (the first when none is asked
    /// for), or only the polls when fewer than two report it.
    func pollQuestion(_ request: Request, context: ExplorerRequestContext) throws -> Response {
        let question = try context.parameters.require("question")
        let query = APIRoutes.query(request)
        let polls = try service.store.polls(question: question).map(\.poll)
        guard !polls.isEmpty else {
            throw APIError(.notFound, "No published poll asked the question '\(question)'; see the list at /polls.",
                           phrase: .pollsQuestionNotFound, arguments: [question])
        }
        var answers: [String] = []
        for poll in polls { for a in poll.answers where !answers.contains(a.answer) { answers.append(a.answer) } }
        let answer = query.first("answer") ?? answers.first ?? ""
        guard answers.contains(answer) else {
            throw APIError(.notFound, "The polls of '\(question)' have no answer '\(answer)'; choose one of \(answers.joined(separator: ", ")).")
        }
        var result: AnalysisResult? = nil
        // An average needs two polls of the answer with a sample size; with fewer the page lists the polls and says why.
        if polls.filter({ $0.proportion(of: answer) != nil && $0.sampleSize != nil }).count >= 2 {
            result = try APIRoutes.pollAverage(polls, question: question, answers: [answer], query: query)
        }
        return Self.html(ExplorerPages.pollQuestion(question: question, answer: answer, answers: answers, polls: polls, result: result,
                                                    language: query.language))
    }

    /// A question page's trend with the explorer's changes (first to last wave without a
    /// breakdown, none across all waves with one), refused when its breakdown is not one the
    /// page offers.
    static func view(_ request: AnalysisRequest, query: RequestQuery, breakdowns: [(name: String, label: String)], question id: String) throws -> AnalysisRequest {
        var trend = request
        if trend.by.isEmpty && query.first("wave") == nil { trend.trend?.changes = .firstToLast }
        if !trend.by.isEmpty && (trend.trend?.waves.isEmpty ?? true) { trend.trend?.changes = .none }
        if let by = trend.by.first, !breakdowns.contains(where: { $0.name == by }) {
            throw APIError(.unprocessableContent, "'\(by)' is not a breakdown of '\(id)'; choose one of \(breakdowns.map(\.name).joined(separator: ", ")).",
                           phrase: .refusedNotPublic, arguments: [by])
        }
        return trend
    }

    /// Saves the current view of a question (its request and result) under the posted name,
    /// and sends the analyst to its permalink.
    func saveView(_ request: Request, slug: String, path: String, trend: AnalysisRequest, result: AnalysisResult, language: String) async throws -> Response {
        guard let session = StaffSession.current else { throw Self.staffOnly }
        let form = try await StaffRoutes.form(request)
        try StaffRoutes.checkForm(request, token: form["csrf"], secret: StaffSession.cookie(StaffSession.cookieName, in: request))
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else {
            throw APIError(.badRequest, "The name of the view to save is empty or longer than 200 characters; give it a name of 1 to 200 characters.",
                           phrase: .saveNameMissing)
        }
        let view = path + (request.uri.query.map { "?" + $0 } ?? "")
        let id = try service.store.saveAnalysis(study: slug, request: trend, result: result, name: name, savedBy: session.account.username,
                                                viewPath: view, at: service.now())
        return StaffRoutes.redirect(to: "/saved/\(id)" + ExplorerPages.query([("lang", language == "en" ? nil : language)]))
    }

    /// The answer to the public at a staff address: the router's own 404 for an unknown
    /// address, so that neither the page nor a saved analysis's id is confirmed.
    static let staffOnly = HTTPError(.notFound)

    /// A page for staff only: never stored by any cache.
    static func privateHTML(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "private, no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func html(_ text: String) -> Response {
        let buffer = ByteBuffer(string: text)
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "public, max-age=60", .eTag: EntityTag.of(buffer)],
                        body: .init(byteBuffer: buffer))
    }

    /// Each study's title in every language it gives, by slug, for pages that name studies.
    static func studyTitles(_ summaries: [StudySummary]) -> [String: LocalizedText] {
        Dictionary(summaries.map { ($0.slug, $0.title) }, uniquingKeysWith: { first, _ in first })
    }
}
