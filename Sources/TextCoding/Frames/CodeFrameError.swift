/// A code frame that cannot be used: one sentence that names the code, the problem and the fix.
public struct CodeFrameError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The code the problem is in, when it is in one (for a file reader to add its line).
    public let code: String?
    /// The problem and its fix as a clause: "code 'economy' has no kk label; add `kk:` to its label".
    public let problem: String

    public init(code: String?, _ problem: String) {
        self.code = code
        self.problem = problem
    }

    /// The full sentence.
    public var message: String { problem.prefix(1).uppercased() + problem.dropFirst() + (problem.hasSuffix("?") ? "" : ".") }
    public var description: String { message }
}
