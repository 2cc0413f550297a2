/// How full a ``BoundedCache`` is and how it has served since the server started.
struct CacheStatistics: Sendable, Equatable {
    var entries: Int
    /// The entries' estimated cost together, and the most they may cost.
    var bytes: Int
    var limit: Int
    var hits: Int
    var misses: Int
    var evictions: Int
}
