/// The heavy requests an instance is serving, for `/health`.
struct AnalysisStatistics: Sendable, Equatable {
    /// Threads that run them, and how many may be admitted at once (running plus waiting).
    var threads: Int
    var limit: Int
    var running: Int
    var waiting: Int
    /// Since the server started: answered, and refused with 503.
    var completed: Int
    var refused: Int
}
