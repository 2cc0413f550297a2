import Synchronization

/// How many bytes the stretches have read so far, added to from every thread.
final class BytesRead: Sendable {
    private let counter = Atomic<Int>(0)
    var total: Int { counter.load(ordering: .relaxed) }
    func add(_ bytes: Int) { counter.add(bytes, ordering: .relaxed) }
}
