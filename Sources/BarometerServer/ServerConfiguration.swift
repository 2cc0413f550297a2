import Foundation

/// How the server runs and what it allows: where it listens, the disclosure rule, and the
/// bounds on requests that keep one client from monopolizing it.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Estimates resting on fewer unweighted respondents than this are withheld, and filters
    /// selecting fewer are refused (the public explorer's disclosure control).
    public var minimumCellCount: Int
    /// The largest request body accepted (JSON analysis requests), in bytes.
    public var maxRequestBytes: Int
    /// The largest data file an account may upload, in bytes.
    public var maxUploadBytes: Int
    /// At most this many breakdown variables, filter characters and domains per analysis.
    public var maxBreakdowns: Int
    public var maxFilterLength: Int
    public var maxDomains: Int
    /// Requests per second each client may make on average, and the burst allowed.
    public var requestsPerSecond: Double
    public var burst: Int
    /// The memory, in bytes, that decoded waves (data, compiled and calibrated designs) may
    /// take together; the least recently used go beyond it.
    public var waveCacheBytes: Int
    /// The memory, in bytes, that rendered public answers (JSON, pages, charts, each with its
    /// gzip form) may take together.
    public var responseCacheBytes: Int
    /// Threads that run analyses and render pages, off the threads that accept connections.
    public var analysisThreads: Int
    /// Requests that may wait for an analysis thread; beyond them the server answers 503.
    public var analysisQueue: Int
    /// Whether the staff session cookies are always `Secure` (`serve --secure-cookies`), for a
    /// server behind a TLS proxy that does not send `X-Forwarded-Proto: https`.
    public var secureCookies: Bool = false

    public init(
        host: String = "127.0.0.1", port: Int = 8080, minimumCellCount: Int = 30, maxRequestBytes: Int = 64 * 1024,
        maxUploadBytes: Int = 256 * 1024 * 1024, maxBreakdowns: Int = 2, maxFilterLength: Int = 300, maxDomains: Int = 200,
        requestsPerSecond: Double = 20, burst: Int = 60, waveCacheBytes: Int = 1 << 30,
        responseCacheBytes: Int = 128 << 20, analysisThreads: Int = ProcessInfo.processInfo.activeProcessorCount, analysisQueue: Int = 64
    ) {
        self.host = host
        self.port = port
        self.minimumCellCount = minimumCellCount
        self.maxRequestBytes = maxRequestBytes
        self.maxUploadBytes = maxUploadBytes
        self.maxBreakdowns = maxBreakdowns
        self.maxFilterLength = maxFilterLength
        self.maxDomains = maxDomains
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
        self.waveCacheBytes = waveCacheBytes
        self.responseCacheBytes = responseCacheBytes
        self.analysisThreads = max(1, analysisThreads)
        self.analysisQueue = max(0, analysisQueue)
    }
}
