/// Where a command writes: text for standard output and standard error, collected so that
/// ``BarometerCLI/run(_:)`` can return it (and tests can read it) instead of printing.
struct CommandOutput: Sendable {
    private(set) var standardOutput = ""
    private(set) var standardError = ""

    mutating func write(_ text: String) { standardOutput += text }
    mutating func writeError(_ text: String) { standardError += text }
}
