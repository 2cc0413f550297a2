import Synchronization

/// Admission for the server's heavy requests: at most `limit` at once (those running on the
/// ``AnalysisExecutor``'s threads and those waiting for one); beyond that the server answers
/// `503 Service Unavailable` with `Retry-After` at once rather than letting every request slow
/// down until a load balancer gives up on the instance.
final class AnalysisGate: Sendable {
    let executor: AnalysisExecutor
    /// Requests admitted at most at once: running plus waiting.
    let limit: Int
    private let admitted = Atomic<Int>(0)
    private let refused = Atomic<Int>(0)
    private let completed = Atomic<Int>(0)

    init(threads: Int, queue: Int) {
        executor = AnalysisExecutor.shared(threads: threads)
        limit = executor.threadCount + max(0, queue)
    }

    /// Admits one request, or refuses it (false) when `limit` are already in.
    func admit() -> Bool {
        while true {
            let current = admitted.load(ordering: .relaxed)
            guard current < limit else {
                refused.add(1, ordering: .relaxed)
                return false
            }
            if admitted.compareExchange(expected: current, desired: current + 1, ordering: .acquiringAndReleasing).exchanged { return true }
        }
    }

    /// Ends an admitted request.
    func release() {
        admitted.subtract(1, ordering: .acquiringAndReleasing)
        completed.add(1, ordering: .relaxed)
    }

    /// Runs `body` of an admitted request on the executor's threads.
    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await withTaskExecutorPreference(executor) { try await body() }
    }

    /// The gate's state for `/health`.
    var statistics: AnalysisStatistics {
        let inside = admitted.load(ordering: .relaxed)
        return AnalysisStatistics(
            threads: executor.threadCount, limit: limit, running: min(inside, executor.threadCount),
            waiting: max(0, inside - executor.threadCount), completed: completed.load(ordering: .relaxed),
            refused: refused.load(ordering: .relaxed))
    }
}
