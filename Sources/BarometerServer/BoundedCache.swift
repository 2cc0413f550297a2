import Synchronization

/// A thread-safe map whose entries together cost at most `limit` (bytes, in practice): when an
/// insertion goes over, the least recently used entries go until the total is back under
/// nine tenths of the limit, so one eviction pass pays for many insertions. An entry costlier
/// than the limit on its own is not kept.
///
/// Lookups and insertions are O(1) under one lock; an eviction pass sorts the entries by last
/// use (O(n log n)). It counts hits, misses and evictions for `/health`.
final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        let value: Value
        let cost: Int
        var lastUse: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var total = 0
        var tick: UInt64 = 0
        var hits = 0
        var misses = 0
        var evictions = 0
    }

    /// The most the entries may cost together.
    let limit: Int
    private let state = Mutex(State())

    init(limit: Int) {
        self.limit = max(0, limit)
    }

    /// The value stored under `key`, marked as just used; nil (a miss) when there is none.
    func value(for key: Key) -> Value? {
        state.withLock { s in
            s.tick &+= 1
            guard var entry = s.entries[key] else {
                s.misses += 1
                return nil
            }
            entry.lastUse = s.tick
            s.entries[key] = entry
            s.hits += 1
            return entry.value
        }
    }

    /// Stores `value` under `key` at `cost`, replacing what was there, then evicts the least
    /// recently used entries while the total is over the limit.
    func insert(_ value: Value, for key: Key, cost: Int) {
        let cost = max(1, cost)
        guard cost <= limit else { return }
        state.withLock { s in
            s.tick &+= 1
            if let old = s.entries.removeValue(forKey: key) { s.total -= old.cost }
            s.entries[key] = Entry(value: value, cost: cost, lastUse: s.tick)
            s.total += cost
            guard s.total > limit else { return }
            let target = limit - limit / 10
            for (oldKey, entry) in s.entries.sorted(by: { $0.value.lastUse < $1.value.lastUse }) {
                guard s.total > target, oldKey != key else { continue }
                s.entries.removeValue(forKey: oldKey)
                s.total -= entry.cost
                s.evictions += 1
            }
        }
    }

    /// Forgets every entry (the counters stay).
    func removeAll() {
        state.withLock { s in
            s.entries.removeAll()
            s.total = 0
        }
    }

    /// What the cache holds and how it has served, for `/health`.
    var statistics: CacheStatistics {
        state.withLock { s in
            CacheStatistics(entries: s.entries.count, bytes: s.total, limit: limit, hits: s.hits, misses: s.misses, evictions: s.evictions)
        }
    }
}
