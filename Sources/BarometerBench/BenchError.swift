/// A failure of the harness, with one sentence that says what went wrong and how to fix it.
struct BenchError: Error, CustomStringConvertible {
    var message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}
