/// The sentence of an error, whose fix may name request parameters: each surface spells them in
/// its own terms (`--ci-method wald` on the command line, `ci-method=wald` in a URL,
/// `ci-method: wald` in report.yaml), so one error reads right wherever the request came from.
///
/// Written as a string literal with interpolations; `\(parameter: .ciMethod, "wald")` marks a
/// parameter and `\(surface: [...])` a phrase that differs per surface:
///
/// ```swift
/// SurveyError(.invalidRequest, "… use \(parameter: .ciMethod, "wald") instead.")
/// ```
public struct ErrorText: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    enum Piece: Sendable, Equatable {
        case text(String)
        case parameter(RequestParameter, value: String?)
        case perSurface([RequestSurface: String], fallback: String)
    }

    var pieces: [Piece]

    public init(stringLiteral value: String) { pieces = [.text(value)] }

    public init(stringInterpolation: StringInterpolation) { pieces = stringInterpolation.pieces }

    /// Text with no parameters.
    public init(verbatim text: String) { pieces = [.text(text)] }

    /// The sentence as written for `surface`.
    public func rendered(for surface: RequestSurface) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let s): s
            case .parameter(let p, let value): p.spelled(on: surface, value: value)
            case .perSurface(let texts, let fallback): texts[surface] ?? fallback
            }
        }.joined()
    }

    /// The parameters the sentence names, in order.
    public var parameters: [RequestParameter] {
        pieces.compactMap { if case .parameter(let p, _) = $0 { p } else { nil } }
    }

    /// The command-line wording.
    public var description: String { rendered(for: .commandLine) }

    /// The text with `transform` applied to its plain parts (parameters untouched).
    public func mapText(_ transform: (String) -> String) -> ErrorText {
        var copy = self
        copy.pieces = pieces.map { if case .text(let s) = $0 { .text(transform(s)) } else { $0 } }
        return copy
    }

    public struct StringInterpolation: StringInterpolationProtocol, Sendable {
        var pieces: [Piece] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) { append(.text(literal)) }

        public mutating func appendInterpolation<T>(_ value: T) { append(.text(String(describing: value))) }

        public mutating func appendInterpolation(_ value: String) { append(.text(value)) }

        /// A parameter, spelled by each surface: `\(parameter: .ciMethod, "wald")`.
        public mutating func appendInterpolation(parameter: RequestParameter, _ value: String? = nil) {
            pieces.append(.parameter(parameter, value: value))
        }

        /// Another error's text, its parameters kept.
        public mutating func appendInterpolation(_ text: ErrorText) {
            for piece in text.pieces { append(piece) }
        }

        /// A phrase that differs per surface, e.g. how to list a study's concepts.
        public mutating func appendInterpolation(surface texts: [RequestSurface: String], otherwise fallback: String = "") {
            pieces.append(.perSurface(texts, fallback: fallback))
        }

        mutating func append(_ piece: Piece) {
            if case .text(let s) = piece, case .text(let last)? = pieces.last {
                pieces[pieces.count - 1] = .text(last + s)
            } else {
                pieces.append(piece)
            }
        }
    }
}
