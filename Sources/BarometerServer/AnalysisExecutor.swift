import Foundation
import Synchronization

/// A task executor with its own threads, on which the server runs analyses and page rendering
/// (work that takes milliseconds of CPU), so that it never occupies Swift's cooperative
/// threads: those keep answering `/health` and cached responses however many analyses wait.
///
/// Jobs run first in, first out on `threadCount` threads. The threads live as long as the
/// process: executors are shared, one per thread count (``shared(threads:)``), so tests that
/// build many applications do not pile up threads.
final class AnalysisExecutor: TaskExecutor, @unchecked Sendable {
    /// The number of threads running jobs.
    let threadCount: Int
    private let condition = NSCondition()
    /// Waiting jobs; `head` is the next to run (guarded by `condition`).
    private var jobs: [UnownedJob] = []
    private var head = 0

    private init(threads: Int) {
        threadCount = max(1, threads)
        for index in 0..<threadCount {
            let thread = Thread { [unowned self] in
                // Named from inside: on Linux that is what names the thread itself.
                Thread.current.name = "barometer-analysis-\(index)"
                Self.threads.withLock { _ = $0.insert(Self.currentThreadID) }
                self.work()
            }
            thread.start()
        }
    }

    private static let executors = Mutex<[Int: AnalysisExecutor]>([:])
    /// The threads of every analysis executor.
    private static let threads = Mutex<Set<UInt>>([])

    private static var currentThreadID: UInt { UInt(pthread_self()) }

    /// Whether the calling code runs on one of the analysis threads.
    static var isAnalysisThread: Bool {
        let id = currentThreadID
        return threads.withLock { $0.contains(id) }
    }

    /// The process's executor with `threads` threads (made on first use).
    static func shared(threads: Int) -> AnalysisExecutor {
        executors.withLock { all in
            if let existing = all[threads] { return existing }
            let made = AnalysisExecutor(threads: threads)
            all[threads] = made
            return made
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while head == jobs.count { condition.wait() }
            let job = jobs[head]
            head += 1
            if head == jobs.count || head > 1024 {
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
