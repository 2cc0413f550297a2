/// Coded answers the classifier cannot learn from: what is wrong, as data, and one sentence.
/// Surfaces word the fix in their own terms (a flag, a form field) from ``kind``.
public struct CodeClassifierError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// No coded answer with words.
        case emptyTrainingSet
        /// Every coded answer has the same code (named).
        case singleCode(String)
        /// A code that is not in the frame (the code, an example answer).
        case unknownCode(String, answer: String)
        /// The frame's rules cannot be compiled.
        case frame(CodeFrameError)
    }

    public let kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    public var message: String {
        switch kind {
        case .emptyTrainingSet:
            "There are no coded answers to learn from; code some answers (with words, and a code each) first."
        case .singleCode(let code):
            "Every coded answer has the code '\(code)', but the classifier needs at least two codes to tell apart; code answers of other codes too."
        case .unknownCode(let code, let answer):
            "The code '\(code)' (of the answer \"\(answer)\") is not a code of the frame; correct the code or add it to the frame."
        case .frame(let error):
            error.message
        }
    }

    public var description: String { message }
}
