#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The timings of one operation: every repetition, their median, and the memory of the process.
struct BenchMeasurement: Codable, Sendable {
    var operation: String
    var title: String
    /// `compute` (data in memory) or `load` (reading a file into a data set).
    var kind: String
    /// Seconds of each repetition, in the order they ran.
    var seconds: [Double]
    var median: Double
    var min: Double
    var max: Double
    /// Peak resident memory of the process that ran the operation (getrusage ru_maxrss), in MB
    /// (10^6 bytes).
    var peakRSSMB: Double
    /// Peak resident memory before the first repetition (the data generated, the design built):
    /// what the operation itself added is `peakRSSMB - baselineRSSMB`.
    var baselineRSSMB: Double

    init(operation: BenchOperation, seconds: [Double], baselineRSSMB: Double) {
        self.operation = operation.rawValue
        self.title = operation.title
        self.kind = operation.kind.rawValue
        self.seconds = seconds
        let sorted = seconds.sorted()
        median = Self.median(sorted)
        min = sorted.first ?? 0
        max = sorted.last ?? 0
        peakRSSMB = Self.peakRSSMB()
        self.baselineRSSMB = baselineRSSMB
    }

    /// The median of sorted values (the mean of the middle two for an even count).
    static func median(_ sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// Peak resident set size of this process so far, in MB (10^6 bytes), from
    /// `getrusage(RUSAGE_SELF)`: `ru_maxrss` is in KiB on Linux and in bytes on macOS.
    static func peakRSSMB() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) * 1024 / 1e6
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1e6
        #endif
    }

    /// Seconds taken by `body`, on the monotonic clock.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        let elapsed = start.duration(to: clock.now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}
