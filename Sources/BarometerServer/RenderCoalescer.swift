import Synchronization

/// Lets one request render an answer that many ask for at once: when an article links a view,
/// or an import changes the catalog version, hundreds of readers miss the cache together. The
/// first (the leader) renders; the others wait for its answer instead of queueing the same
/// analysis a hundred times, and render themselves only if the leader's answer cannot be
/// shared (an error, an answer not for the public).
final class RenderCoalescer: Sendable {
    /// What a request does for its key.
    enum Role: Sendable {
        /// Nobody else renders it: render, then call ``finish(_:with:)``.
        case leader
        /// Another request rendered it meanwhile: its answer, or nil when it has none to share.
        case follower(CachedResponse?)
    }

    private let waiting = Mutex<[String: [CheckedContinuation<CachedResponse?, Never>]]>([:])

    /// The role of a request for `key`; a follower returns once the leader has finished.
    func role(for key: String) async -> Role {
        let leads = waiting.withLock { waiting -> Bool in
            guard waiting[key] == nil else { return false }
            waiting[key] = []
            return true
        }
        if leads { return .leader }
        let entry = await withCheckedContinuation { (continuation: CheckedContinuation<CachedResponse?, Never>) in
            let queued = waiting.withLock { waiting -> Bool in
                guard waiting[key] != nil else { return false }
                waiting[key]!.append(continuation)
                return true
            }
            // The leader finished between the two looks: nothing to wait for.
            if !queued { continuation.resume(returning: nil) }
        }
        return .follower(entry)
    }

    /// Ends the leader's rendering of `key`, handing `entry` (nil: nothing to share) to every
    /// request waiting for it.
    func finish(_ key: String, with entry: CachedResponse?) {
        let followers = waiting.withLock { $0.removeValue(forKey: key) } ?? []
        for follower in followers { follower.resume(returning: entry) }
    }

    /// Keys being rendered now (for tests).
    var rendering: Int { waiting.withLock { $0.count } }
}
