@testable import BarometerCLI
import BarometerServer
import Foundation
import Hummingbird
import Reports
import HummingbirdTesting
import Store
import Studies
import SurveyCore
import SurveyIO
import Synchronization
import Testing

private let study = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../StudiesTests/Fixtures/study").standardized.path

/// DESIGN.md §3: one pipeline, so the command line, the report and the server give the same
/// numbers for the same question — here on wave w3 of the test study, which study.yaml rakes to
/// its census targets when it is analysed.
@Suite("CLI, report and server agree")
struct SurfacesAgreeTests {
    let data = FileManager.default.temporaryDirectory.appendingPathComponent("agree-\(UUID())").path

    /// The same trend written for each surface: flags, a URL query and a report.yaml analysis.
    static let flags = ["--waves", "w3", "--levels", "favourable,very_unfavourable", "--collapse", "favourable=very_favourable+somewhat_favourable",
                        "--compare", "none", "--ci-method", "wilson", "--level", "0.9", "--missing", "exclude", "--no-net"]
    static let query = "waves=w3&levels=favourable,very_unfavourable&collapse=favourable%3Dvery_favourable%2Bsomewhat_favourable&compare=none&ci-method=wilson&level=0.9&missing=exclude&net=false"
    static let yaml = """
        title: {en: Agreement}
        study: \(study)
        sections:
          - title: {en: One}
            analyses:
              - {concept: opinion, chart: table, waves: [w3], levels: [favourable, very_unfavourable], collapse: ["favourable=very_favourable+somewhat_favourable"], compare: none, ci-method: wilson, level: 0.9, missing: exclude, net: false}
        """

    @Test("the same trend through the CLI, the report builder and the router, on a calibrated wave: every number equal")
    func sameNumbersOnACalibratedWave() async throws {
        defer { try? FileManager.default.removeItem(atPath: data) }
        // The CLI.
        let cli = BarometerCLI.run(["trend", study, "opinion", "--format", "json"] + Self.flags)
        #expect(cli.status == 0, "\(cli.stderr)")
        let fromCLI = try JSONDecoder().decode(AnalysisResult.self, from: Data(cli.stdout.utf8))
        // The report builder, from report.yaml.
        let spec = try ReportSpecYAML.read(string: Self.yaml, name: "agree.yaml")
        let folder = try StudyFolder(path: study)
        var fromReport: [AnalysisResult] = []
        _ = try StudyReportBuilder(study: folder.study, language: "en").build(spec) { request in
            let result = try folder.run(request)
            fromReport.append(result)
            return result
        }
        let report = try #require(fromReport.first)
        // The server, on the study imported as `barometer import` does.
        #expect(BarometerCLI.run(["import", study, "--data", data, "--slug", "t"]).status == 0)
        let store = try BarometerStore(directory: data)
        let configuration = ServerConfiguration(minimumCellCount: 10)
        let app = Application(router: BarometerServerApp.router(service: StudyService(store: store, configuration: configuration), configuration: configuration))
        let answers = Mutex<(json: AnalysisResult?, csv: String)>((nil, ""))
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/studies/t/trend?concept=opinion&" + Self.query, method: .get) { r in
                #expect(r.status == .ok, "\(String(buffer: r.body))")
                let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(buffer: r.body))
                answers.withLock { $0.json = result }
            }
            try await client.execute(uri: "/api/v1/studies/t/trend.csv?concept=opinion&" + Self.query, method: .get) { r in
                let text = String(buffer: r.body)
                answers.withLock { $0.csv = text }
            }
        }
        let server = try #require(answers.withLock { $0.json })
        let csvFromServer = answers.withLock { $0.csv }
        // The three spellings are one request.
        let cliRequest = try #require(try Barometer.parseAsRoot(["trend", study, "opinion"] + Self.flags) as? Trend).request()
        let items = URLComponents(string: "?" + Self.query)!.queryItems!.map { ($0.name, $0.value ?? "") }
        let queryRequest = try RequestParameters(pairs: [("concept", "opinion"), ("lang", "en")] + items, surface: .query).request()
        var yamlRequest = spec.sections[0].analyses[0].request
        yamlRequest.options.language = "en"
        #expect(cliRequest == queryRequest && yamlRequest == queryRequest)
        #expect(queryRequest.options.confidenceLevel == 0.9 && queryRequest.options.ciMethod == .wilson && queryRequest.options.missing == .exclude)
        #expect(queryRequest.trend?.netScore == false && queryRequest.trend?.changes == TrendSpec.Changes.none)
        // Every number.
        for other in [fromCLI, report] {
            #expect(other.rows.count == server.rows.count && !server.rows.isEmpty)
            for (a, b) in zip(other.rows, server.rows) {
                #expect(a.domain == b.domain && a.level == b.level && a.code == b.code)
                #expect(a.estimate == b.estimate && a.standardError == b.standardError && a.ci == b.ci)
                #expect(a.unweightedCount == b.unweightedCount && a.weightedCount == b.weightedCount && a.degreesOfFreedom == b.degreesOfFreedom)
            }
            #expect(other.waves.map(\.design.weighting) == server.waves.map(\.design.weighting))
        }
        #expect(server.waves.first?.design.weighting.first?.hasPrefix("raked to 1 margin") == true)
        // The CSV of the API and of the CLI are the same text.
        let csvCLI = BarometerCLI.run(["trend", study, "opinion", "--format", "csv"] + Self.flags)
        #expect(csvCLI.stdout == csvFromServer)
    }

    @Test("shares of mentions across waves: the CLI's trend --mentions and the server's trend?mentions= give every number equal")
    func mentionsAcrossWaves() async throws {
        defer { try? FileManager.default.removeItem(atPath: data) }
        let flags = ["--mentions", "$russia_reason", "--by", "language", "--waves", "2019-autumn,2022-autumn", "--missing", "exclude"]
        let cli = BarometerCLI.run(["trend", demoFolder + "/study"] + flags + ["--format", "json"])
        #expect(cli.status == 0, "\(cli.stderr)")
        let fromCLI = try JSONDecoder().decode(AnalysisResult.self, from: Data(cli.stdout.utf8))
        #expect(BarometerCLI.run(["import", demoFolder + "/study", "--data", data, "--slug", "demo"]).status == 0)
        let store = try BarometerStore(directory: data)
        let configuration = ServerConfiguration()
        let app = Application(router: BarometerServerApp.router(service: StudyService(store: store, configuration: configuration), configuration: configuration))
        let answer = Mutex<AnalysisResult?>(nil)
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/studies/demo/trend?mentions=%24russia_reason&by=language&waves=2019-autumn,2022-autumn&missing=exclude", method: .get) { r in
                #expect(r.status == .ok, "\(String(buffer: r.body).prefix(300))")
                let result = try JSONDecoder().decode(AnalysisResult.self, from: Data(buffer: r.body))
                answer.withLock { $0 = result }
            }
        }
        let server = try #require(answer.withLock { $0 })
        #expect(fromCLI.rows.count == server.rows.count && server.rows.count == 2 * 2 * 6)
        for (a, b) in zip(fromCLI.rows, server.rows) {
            #expect(a.domain == b.domain && a.level == b.level && a.statistic == .mentions, "\(a.domain) \(a.level ?? "") vs \(b.domain) \(b.level ?? "")")
            #expect(a.estimate == b.estimate && a.standardError == b.standardError && a.ci == b.ci && a.unweightedCount == b.unweightedCount)
        }
        #expect(fromCLI.comparisons.map(\.difference) == server.comparisons.map(\.difference) && !server.comparisons.isEmpty)
        // The table verb prints it too, with the change between the waves.
        let table = BarometerCLI.run(["trend", demoFolder + "/study"] + flags)
        #expect(table.status == 0 && table.stdout.contains("Autumn 2022") && table.stdout.contains("Changes between waves"), "\(table.stderr)")
        // A concept and --mentions together, or neither, are refused in one sentence.
        let both = BarometerCLI.run(["trend", demoFolder + "/study", "opinion_russia", "--mentions", "$russia_reason"])
        #expect(both.status == 64 && both.stderr.contains("not both"))
    }

    @Test("calibration does not depend on the display language: targets are matched by code")
    func calibrationIgnoresTheLanguage() async throws {
        let en = BarometerCLI.run(["trend", study, "opinion", "--waves", "w3", "--format", "json"])
        let ru = BarometerCLI.run(["trend", study, "opinion", "--waves", "w3", "--format", "json", "--lang", "ru"])
        #expect(en.status == 0 && ru.status == 0, "\(ru.stderr)")
        let a = try JSONDecoder().decode(AnalysisResult.self, from: Data(en.stdout.utf8))
        let b = try JSONDecoder().decode(AnalysisResult.self, from: Data(ru.stdout.utf8))
        #expect(a.rows.map(\.estimate) == b.rows.map(\.estimate) && a.rows.map(\.standardError) == b.rows.map(\.standardError))
        // And it is calibrated: the raw weights give another share.
        let raw = BarometerCLI.run(["estimate", study + "/waves/w3.csv", "--codebook", study + "/waves/w3.codebook.yaml",
                                    "--weight", "w", "--strata", "stratum", "--cluster", "psu", "--proportion", "q_russia", "--format", "json"])
        let uncalibrated = try JSONDecoder().decode(AnalysisResult.self, from: Data(raw.stdout.utf8))
        let veryFavourable = try #require(a.rows.first { $0.code == "very_favourable" }?.estimate)
        let rawVery = try #require(uncalibrated.rows.first { $0.code == "1" }?.estimate)
        #expect(veryFavourable != rawVery)
    }

    @Test("the table of names holds: every parameter a surface takes is spelled the same there")
    func oneTableOfNames() throws {
        let help = Trend.helpMessage() + Estimate.helpMessage() + Crosstab.helpMessage() + Regress.helpMessage()
        for parameter in RequestParameter.allCases where parameter.surfaces.contains(.commandLine) && parameter != .concept {
            #expect(help.contains("--\(parameter.name)"), "the command line has no --\(parameter.name)")
        }
        #expect(Trend.helpMessage().contains("<concept>"))
        let yamlKeys = Set(ReportSpecYAML.analysisKeys)
        for parameter in RequestParameter.allCases where parameter.surfaces.contains(.reportSpec) {
            #expect(yamlKeys.contains(parameter.name), "report.yaml takes no \(parameter.name):")
        }
        // A bad value is named in each surface's own words.
        let cli = BarometerCLI.run(["trend", study, "opinion", "--compare", "sideways"])
        #expect(cli.status == 64 && cli.stderr.contains("--compare sideways is not FROM:TO"))
        #expect(throws: ReadError.self) { try ReportSpecYAML.read(string: Self.yaml.replacingOccurrences(of: "compare: none", with: "compare: sideways"), name: "x.yaml") }
        do {
            _ = try ReportSpecYAML.read(string: Self.yaml.replacingOccurrences(of: "compare: none", with: "compare: sideways"), name: "x.yaml")
        } catch {
            #expect(error.message.contains("compare: sideways is not FROM:TO"), "\(error.message)")
        }
        do {
            _ = try RequestParameters(pairs: [("concept", "opinion"), ("compare", "sideways")], surface: .query).request()
        } catch {
            #expect(error.message(for: .query).contains("compare=sideways is not FROM:TO"))
            #expect(error.field == .compare && error.value == "sideways")
        }
    }
}
