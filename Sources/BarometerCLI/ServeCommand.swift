import ArgumentParser
import BarometerServer
import Foundation
import Hummingbird
import Logging
import Store
import Studies
import SurveyCore

/// `barometer serve`: the public explorer and JSON API on the store.
struct Serve: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the public explorer and JSON API (/api/v1) on the studies in the store.",
        discussion: """
            Open http://127.0.0.1:8080/ in a browser. No page or endpoint returns respondent-level \
            data; estimates resting on fewer than --min-cell respondents are withheld and filters \
            selecting fewer are refused. Embargoed waves and uploads need a token \
            (--create-token USER prints one). Stop with Ctrl-C: requests in flight finish first. \
            Public answers are cached and gzipped; analyses wait in a bounded queue (503 with \
            Retry-After beyond it). GET /health reports caches, queue and memory; GET /ready \
            answers 503 when the store cannot be read. Several instances may serve one store behind a reverse proxy \
            (a SQLite folder on one machine, or --store postgres://… for several): each sees the \
            others' imports and uploads at its next request.

            Examples:
              barometer serve --demo
              barometer serve --data barometer-data --port 8080
              barometer serve --host 0.0.0.0 --cache-memory 2048 --analysis-queue 128 --log-level warning
              barometer serve --store postgres://barometer@db.internal:5432/barometer --port 8081
              barometer serve --create-token admin
            """)

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port: Int = 8080

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .customLong("secure-cookies"), help: "Mark staff sign-in cookies Secure even without 'X-Forwarded-Proto: https' (a server behind TLS).")
    var secureCookies = false

    @Flag(help: "Load the demo study into the store first if it has no studies.")
    var demo = false

    @Option(name: .customLong("min-cell"), help: ArgumentHelp("Withhold estimates resting on fewer respondents (default 30).", valueName: "n"))
    var minimumCell: Int = 30

    @Option(name: .customLong("rate-limit"), help: ArgumentHelp("Requests per second each client may make (bursts of three times that; default 20).", valueName: "n"))
    var rateLimit: Double = 20

    @Option(name: .customLong("create-token"), help: ArgumentHelp("Create an admin account (if needed) and print an API token for it, then exit.", valueName: "user"))
    var createToken: String?

    @Option(name: .customLong("cache-memory"), help: ArgumentHelp("Megabytes of memory for decoded waves (default 1024); rendered answers get an eighth of that more.", valueName: "MB"))
    var cacheMemory: Int = 1024

    @Option(name: .customLong("analysis-threads"), help: ArgumentHelp("Threads that run analyses and render pages (default: the number of cores).", valueName: "n"))
    var analysisThreads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("analysis-queue"), help: ArgumentHelp("Requests that may wait for an analysis thread before the server answers 503 (default 64).", valueName: "n"))
    var analysisQueue: Int = 64

    @Option(name: .customLong("log-level"), help: ArgumentHelp("trace, debug, info, notice, warning, error or critical (default info: a line per request).", valueName: "level"))
    var logLevel: String = "info"

    func validate() throws {
        guard cacheMemory >= 1 else { throw ValidationError("--cache-memory \(cacheMemory) is not a number of megabytes; give at least 1, e.g. --cache-memory 512.") }
        guard analysisThreads >= 1 else { throw ValidationError("--analysis-threads \(analysisThreads) is below 1; give at least 1 thread.") }
        guard analysisQueue >= 0 else { throw ValidationError("--analysis-queue \(analysisQueue) is negative; give 0 or more waiting requests.") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level \(logLevel) is not a level; use trace, debug, info, notice, warning, error or critical.")
        }
        guard (1...65535).contains(port) else { throw ValidationError("--port \(port) is not between 1 and 65535.") }
        guard minimumCell >= 1 else { throw ValidationError("--min-cell must be at least 1.") }
        guard rateLimit > 0 else { throw ValidationError("--rate-limit must be positive.") }
    }

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let store = try storeOptions.open()
        if let user = createToken {
            if try !store.accounts().contains(where: { $0.username.lowercased() == user.lowercased() }) {
                let password = UUID().uuidString
                try store.createAccount(username: user, password: password, role: .admin)
                sink.write("Created the admin account '\(user)' with the password \(password)\n")
            }
            sink.write("Token for '\(user)' (shown once; send it as 'Authorization: Bearer TOKEN'):\n\(try store.createToken(username: user))\n")
            return
        }
        if try store.studies().isEmpty {
            if demo || Self.askToLoadDemo() {
                let generated = try DemoStudyGenerator().generateCoded()
                var datasets: [String: Dataset] = [:]
                for (wave, dataset) in zip(generated.study.waves, generated.datasets) { datasets[wave.id] = dataset }
                try store.importStudy(slug: "demo", study: generated.study, datasets: datasets)
                FileHandle.standardError.write(Data("Loaded the demo study (simulated data) as 'demo'.\n".utf8))
            } else {
                FileHandle.standardError.write(Data("The store in '\(storeOptions.shownName)' has no studies: run `barometer serve --demo` to load the demo study, or `barometer import STUDY_DIR`.\n".utf8))
            }
        }
        var logger = Logger(label: "barometer.server")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        var configuration = ServerConfiguration(
            host: host, port: port, minimumCellCount: minimumCell, requestsPerSecond: rateLimit, burst: Int(min(rateLimit * 3, 1e9)),
            waveCacheBytes: cacheMemory << 20, responseCacheBytes: max(1, cacheMemory / 8) << 20, analysisThreads: analysisThreads,
            analysisQueue: analysisQueue)
        configuration.secureCookies = secureCookies
        let app = BarometerServerApp.buildApplication(store: store, configuration: configuration, logger: logger)
        FileHandle.standardError.write(Data("Barometer explorer on http://\(host):\(port)/ (API: /api/v1/openapi.json). Ctrl-C stops it.\n".utf8))
        let failure = ServeFailure()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await app.runService() } catch { failure.set("\(error)") }
            done.signal()
        }
        done.wait()
        if let message = failure.get() {
            throw SurveyError(.invalidRequest, "The server could not run on \(host):\(port): \(message); is the port in use?")
        }
    }

    /// On a terminal, asks whether to load the demo study; elsewhere, no.
    static func askToLoadDemo() -> Bool {
        guard isatty(STDIN_FILENO) == 1 else { return false }
        FileHandle.standardError.write(Data("The store has no studies. Load the demo study (simulated data)? [Y/n] ".utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "n"
        return answer.isEmpty || answer == "y" || answer == "yes"
    }
}

/// The error a server task ended with, handed back to the waiting command.
final class ServeFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var message: String?
    func set(_ text: String) { lock.lock(); message = text; lock.unlock() }
    func get() -> String? { lock.lock(); defer { lock.unlock() }; return message }
}
