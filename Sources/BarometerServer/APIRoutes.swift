import Foundation
import Hummingbird
import Polls
import Reports
import Store
import Studies
import SurveyCore
import SurveyIO
import Weighting

/// The JSON API under `/api/v1` (described by `/api/v1/openapi.json`).
struct APIRoutes: Sendable {
    let service: StudyService
    let configuration: ServerConfiguration

    func register(on router: Router<ExplorerRequestContext>) {
        let api = router.group("api/v1")
        api.get("openapi.json") { _, _ in Self.json(OpenAPIDocument.json) }
        api.get("studies") { request, _ in
            let authorized = try await authorized(request)
            let list = try service.summaries(authorized: authorized).map { s in
                AnyJSON.ordered([("slug", .string(s.slug)), ("title", Self.localized(s.title)), ("waves", .int(s.waveCount)), ("simulated", .bool(s.simulated))])
            }
            return Self.json(AnyJSON.ordered([("studies", .array(list))]).text)
        }
        api.get("studies/:study") { request, context in
            let study = try service.study(try context.parameters.require("study"), authorized: try await authorized(request))
            return Self.json(Self.describe(study).text)
        }
        api.get("studies/:study/waves") { request, context in
            let study = try service.study(try context.parameters.require("study"), authorized: try await authorized(request))
            return Self.json(AnyJSON.ordered([("waves", .array(study.waves.map(Self.describe)))]).text)
        }
        api.get("studies/:study/concepts") { request, context in
            let slug = try context.parameters.require("study")
            let study = try service.study(slug, authorized: try await authorized(request))
            let query = Self.query(request)
            let found = ConceptSearch.find(query.first("q") ?? "", in: study.concepts)
            return Self.json(AnyJSON.ordered([("concepts", .array(found.map { Self.describe($0, study: study) }))]).text)
        }
        api.get("studies/:study/coded") { request, context in
            let slug = try context.parameters.require("study")
            let coded = try service.codedQuestions(slug, authorized: try await authorized(request))
            return Self.json(AnyJSON.ordered([("coded", .array(coded.map(Self.describe)))]).text)
        }
        api.get("studies/:study/waves/:wave/codebook") { request, context in
            let slug = try context.parameters.require("study"), wave = try context.parameters.require("wave")
            let authorized = try await authorized(request)
            let data = try service.dataset(slug, wave: wave, authorized: authorized)
            // The public sees the variables it may use; an account sees every variable.
            let visible = authorized ? nil : try service.publicVariables(slug)
            return Self.json(Self.codebook(data, only: visible?.all).text)
        }
        api.get("studies/:study/trend") { request, context in
            let result = try service.run(try context.parameters.require("study"), request: try Self.query(request).trend(), authorized: try await authorized(request))
            return Self.json(ResultRenderer().render(result, as: .json))
        }
        api.get("studies/:study/trend.csv") { request, context in
            let result = try service.run(try context.parameters.require("study"), request: try Self.query(request).trend(), authorized: try await authorized(request))
            return Self.body(ResultRenderer().render(result, as: .csv), type: "text/csv; charset=utf-8", download: "trend.csv")
        }
        // The same result as the CSV (the same request, the same disclosure control), as a
        // workbook with headers in the query's language.
        api.get("studies/:study/trend.xlsx") { request, context in
            let query = Self.query(request)
            let result = try service.run(try context.parameters.require("study"), request: try query.trend(), authorized: try await authorized(request))
            let workbook = try XLSXWriter.data(ResultRenderer(language: query.language).workbook(result))
            return Self.body(workbook, type: XLSXWriter.contentType, download: "trend.xlsx")
        }
        api.get("studies/:study/analyze") { request, context in
            let analysis = try Self.query(request).analysis()
            let result = try service.run(try context.parameters.require("study"), request: analysis, authorized: try await authorized(request))
            return Self.json(ResultRenderer().render(result, as: .json))
        }
        api.post("studies/:study/analyze") { request, context in
            let slug = try context.parameters.require("study")
            let body = try await request.body.collect(upTo: configuration.maxRequestBytes)
            var analysis = try JSONDecoder().decode(AnalysisRequest.self, from: Data(buffer: body))
            if let wave = Self.query(request).first("wave") { analysis.wave = wave }
            guard analysis.wave != nil || analysis.trend != nil else {
                throw APIError(.badRequest, "The request names no wave; add ?wave=ID to the URL (or \"wave\" to the body).")
            }
            let result = try service.run(slug, request: analysis, authorized: try await authorized(request))
            return Self.json(ResultRenderer().render(result, as: .json))
        }
        api.get("studies/:study/chart.svg") { request, context in
            let slug = try context.parameters.require("study")
            let query = Self.query(request)
            let trend = try query.trend(ignoring: ["chart"])
            let study = try service.study(slug, authorized: try await authorized(request))
            let result = try service.run(slug, request: trend, authorized: try await authorized(request))
            let kind = try ExplorerPages.chartKind(query.first("chart"), request: trend)
            guard let svg = StudyChartMaker(study: study, language: query.language).svg(kind, result: result) else {
                throw APIError(.unprocessableContent, "There is nothing to draw with these options; check levels and waves.")
            }
            return Self.body(svg, type: "image/svg+xml; charset=utf-8", download: nil)
        }
        // The poll database: published toplines are public, so no disclosure rule applies.
        api.get("polls") { request, _ in
            let question = Self.query(request).first("question")
            let polls = try service.store.polls(question: question)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let items = try polls.map { stored -> String in
                let poll = String(decoding: try encoder.encode(stored.poll), as: UTF8.self)
                return "{\"id\":\(AnyJSON.quote(stored.id)),\"poll\":\(poll)}"
            }
            return Self.json("{\"polls\":[" + items.joined(separator: ",") + "]}")
        }
        api.get("polls/average") { request, _ in
            let query = Self.query(request)
            guard let question = query.first("question") else {
                throw APIError(.badRequest, "The request names no question; add question=ID (see /api/v1/polls).")
            }
            let polls = try service.store.polls(question: question).map(\.poll)
            let result = try Self.pollAverage(polls, question: question, answers: query.list("answer"), query: query)
            return Self.json(ResultRenderer().render(result, as: .json))
        }
        api.get("polls/chart.svg") { request, _ in
            let query = Self.query(request)
            guard let question = query.first("question") else {
                throw APIError(.badRequest, "The request names no question; add question=ID (see /api/v1/polls).")
            }
            let polls = try service.store.polls(question: question).map(\.poll)
            let answers = query.list("answer")
            let result = try Self.pollAverage(polls, question: question, answers: answers, query: query)
            let svg = PollChartMaker.chart(polls: polls, result: result, answer: answers.count == 1 ? answers[0] : nil,
                                           language: query.language).svg()
            return Self.body(svg, type: "image/svg+xml; charset=utf-8", download: nil)
        }
        api.post("studies/:study/waves/:wave") { request, context in
            try await upload(request, context: context)
        }
    }

    /// Whether the request carries a valid account token, or comes from a signed-in analyst
    /// (embargoed waves, full access past the disclosure policy).
    func authorized(_ request: Request) async throws -> Bool {
        guard let header = request.headers[.authorization] else { return StaffSession.current != nil }
        guard header.hasPrefix("Bearer ") else {
            throw APIError(.unauthorized, "The Authorization header must be 'Bearer TOKEN' with an account's token (the server's administrator creates them).")
        }
        guard try service.store.authenticate(token: String(header.dropFirst(7)), at: service.now()) != nil else {
            throw APIError(.unauthorized, "The token is not valid; send a current token of your account, or ask the server's administrator for one.")
        }
        return true
    }

    /// Adds or replaces one wave's data (a .sav, .zsav, .por, .dta or .csv file as the body);
    /// needs an account.
    func upload(_ request: Request, context: ExplorerRequestContext) async throws -> Response {
        // A token only: a session cookie would let another site's page upload in the analyst's name.
        guard request.headers[.authorization] != nil, try await authorized(request) else {
            throw APIError(.unauthorized, "Uploading data needs an account: send 'Authorization: Bearer TOKEN'.")
        }
        let slug = try context.parameters.require("study"), waveID = try context.parameters.require("wave")
        let query = Self.query(request)
        let format = query.first("format") ?? "sav"
        guard ["sav", "zsav", "por", "dta", "csv"].contains(format) else {
            throw APIError(.badRequest, "format=\(format) is not one of sav, zsav, por, dta, csv.")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString).\(format)")
        defer { try? FileManager.default.removeItem(at: file) }
        try await Self.stream(request.body, to: file, limit: configuration.maxUploadBytes)
        let dataset = try DatasetLoader.load(path: file.path)
        var study = try service.store.study(slug: slug)
        var datasets: [String: Dataset] = [:]
        var weightings: [String: WeightingSpec] = [:]
        for wave in study.waves where wave.id != waveID {
            datasets[wave.id] = try service.store.dataset(study: slug, wave: wave.id)
            weightings[wave.id] = try service.store.weighting(study: slug, wave: wave.id)
        }
        if let i = study.waves.firstIndex(where: { $0.id == waveID }) {
            if let embargo = query.first("embargo-until") { study.waves[i].embargoUntil = embargo }
            // New data for a wave: its stored targets are matched against the new file.
            if let spec = try service.store.weighting(study: slug, wave: waveID) {
                weightings[waveID] = spec
                _ = try AnalysisPipeline.prepare(WaveInput(dataset: dataset, design: study.waves[i].design, weighting: spec), wave: study.waves[i])
            }
        } else {
            guard let start = query.first("start"), let end = query.first("end"), StudyDate.isValid(start), StudyDate.isValid(end) else {
                throw APIError(.badRequest, "A new wave needs its fieldwork dates: add start=YYYY-MM-DD&end=YYYY-MM-DD.")
            }
            study.waves.append(StudyWave(
                id: waveID, label: LocalizedText(query.first("label") ?? waveID), file: "waves/\(waveID).\(format)", fieldworkStart: start,
                fieldworkEnd: end, mode: query.first("mode"), design: DesignSpec(weights: query.first("weight"), strata: query.first("strata"),
                                                                                 clusters: query.list("cluster")),
                embargoUntil: query.first("embargo-until")))
        }
        datasets[waveID] = dataset
        try service.store.importStudy(slug: slug, study: study, datasets: datasets, weightings: weightings, replace: true, at: service.now())
        service.invalidate()
        return Self.json(AnyJSON.ordered([("study", .string(slug)), ("wave", .string(waveID)), ("respondents", .int(dataset.rowCount))]).text, status: .created)
    }

    // MARK: Helpers

    /// `bytes` for a sentence: `256 MB`, `10 KB`, `512 bytes`.
    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : bytes >= 1 << 10 ? "\(bytes >> 10) KB" : "\(bytes) bytes"
    }

    /// Writes an uploaded body to `file` as it arrives, a chunk at a time, so a data file of
    /// hundreds of megabytes never sits in memory whole; refuses (413) past `limit` bytes.
    static func stream(_ body: RequestBody, to file: URL, limit: Int) async throws {
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw APIError(.internalServerError, "The server cannot write the upload to its temporary folder; ask its administrator to check the disk.")
        }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        var written = 0
        for try await chunk in body {
            written += chunk.readableBytes
            guard written <= limit else {
                throw APIError(.contentTooLarge, "The uploaded file is larger than the \(Self.size(limit)) the server accepts; split the wave or ask the administrator to raise the limit.")
            }
            try handle.write(contentsOf: Data(buffer: chunk))
        }
    }

    /// The average of `answers` to `question` in `polls` as the query asks for it: house effects
    /// identified by `reference=`/`anchor=`, the polls of `population=` (default: the one most
    /// polls asked). What the API's average and chart and the explorer's poll page show.
    static func pollAverage(_ polls: [Poll], question: String, answers: [String], query: RequestQuery) throws -> AnalysisResult {
        try PollAverage.result(polls, question: question, answers: answers, identification: try pollIdentification(query),
                               population: query.first("population"))
    }

    /// How the query identifies house effects: `reference=POLLSTER`, or `anchor=DATE=PERCENT`
    /// (repeatable), else summing to zero.
    static func pollIdentification(_ query: RequestQuery) throws -> HouseEffectIdentification {
        let anchors = try query.list("anchor").map { text throws -> HouseEffectIdentification.Anchor in
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let day = CivilDay(parts[0]), let percent = Double(parts[1]) else {
                throw APIError(.badRequest, "anchor=\(text) is not DATE=PERCENT; write e.g. anchor=2022-11-20=81.3.")
            }
            return .init(day: day, share: percent / 100)
        }
        if let reference = query.first("reference") {
            guard anchors.isEmpty else {
                throw APIError(.badRequest, "reference= and anchor= both fix the house effects' level; give one of them.")
            }
            return .reference(reference)
        }
        return anchors.isEmpty ? .sumToZero : .anchors(anchors)
    }

    static func query(_ request: Request) -> RequestQuery {
        RequestQuery(raw: request.uri.query)
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        let buffer = ByteBuffer(string: text)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "public, max-age=60",
                                                  .eTag: EntityTag.of(buffer)],
                        body: .init(byteBuffer: buffer))
    }

    static func body(_ text: String, type: String, download: String?) -> Response {
        body(ByteBuffer(string: text), type: type, download: download)
    }

    /// A binary file (a workbook) as the response.
    static func body(_ data: Data, type: String, download: String?) -> Response {
        body(ByteBuffer(bytes: data), type: type, download: download)
    }

    static func body(_ buffer: ByteBuffer, type: String, download: String?) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "public, max-age=60", .eTag: EntityTag.of(buffer)]
        if let download { headers[.contentDisposition] = "attachment; filename=\"\(download)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: buffer))
    }

    static func localized(_ text: LocalizedText) -> AnyJSON {
        .object(text.texts.mapValues { .string($0) })
    }

    static func describe(_ study: Study) -> AnyJSON {
        .ordered([
            ("title", localized(study.title)), ("description", localized(study.description)), ("source", localized(study.source)),
            ("simulated", .bool(study.simulated)), ("waves", .array(study.waves.map(describe))),
            ("concepts", .array(study.concepts.map { describe($0, study: study) })),
            ("events", .array(study.events.map { .ordered([("date", .string($0.date)), ("label", localized($0.label))]) })),
        ])
    }

    static func describe(_ wave: StudyWave) -> AnyJSON {
        .ordered([
            ("id", .string(wave.id)), ("label", localized(wave.label)), ("fieldworkStart", .string(wave.fieldworkStart)),
            ("fieldworkEnd", .string(wave.fieldworkEnd)), ("mode", wave.mode.map { .string($0) } ?? .null),
            ("design", .ordered([("weights", wave.design.weights.map { .string($0) } ?? .null), ("strata", wave.design.strata.map { .string($0) } ?? .null),
                                 ("clusters", .array(wave.design.clusters.map { .string($0) }))])),
        ])
    }

    static func describe(_ concept: Concept, study: Study) -> AnyJSON {
        .ordered([
            ("id", .string(concept.id)), ("title", localized(concept.title)), ("text", localized(concept.text)),
            ("levels", .array(concept.levels.map { .ordered([("id", .string($0.id)), ("label", localized($0.label)), ("valence", .string($0.valence.rawValue))]) })),
            ("waves", .array(concept.mappings.map { .string($0.wave) })),
        ])
    }

    /// A coded open-ended question: its set, label, codes and waves (never the answers).
    static func describe(_ coded: CodedQuestion) -> AnyJSON {
        .ordered([
            ("id", .string(coded.id)), ("set", .string(coded.set)), ("label", localized(coded.label)),
            ("columns", .array(coded.columns.map { .string($0) })),
            ("codes", .array(coded.codes.map { v in
                .ordered([("code", .string(v.stringCode ?? NumberFormatting.code(v.code))), ("label", localized(v.label))])
            })),
            ("waves", .array(coded.waves.map { .string($0) })),
        ])
    }

    /// Variables with their labels and value labels — never values or counts of respondents;
    /// only the variables in `only` when given (the public's).
    static func codebook(_ data: Dataset, only: Set<String>? = nil) -> AnyJSON {
        .ordered([("variables", .array(data.columns.filter { only?.contains($0.name) ?? true }.map { column in
            let meta = data.metadata(column.name)
            return .ordered([
                ("name", .string(column.name)), ("type", .string(column.typeName)), ("label", localized(meta.label)),
                ("values", .array(meta.valueLabels.map { v in
                    .ordered([("code", .string(v.stringCode ?? NumberFormatting.code(v.code))), ("label", localized(v.label))])
                })),
                ("missing", .array(meta.missingCodes.map { .string(NumberFormatting.code($0)) })),
            ])
        }))])
    }
}
