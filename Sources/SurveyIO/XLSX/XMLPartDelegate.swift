import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parser delegate of ``XMLPart``: besides the parser's callbacks, it keeps the error it found
/// in content that is well-formed XML but not a valid part (a shared string that does not
/// exist), which ``XMLPart/parse(_:with:part:file:)`` throws after the parse.
///
/// Each delegate is a final class that adopts `XMLParserDelegate` itself: on Linux the
/// protocol's methods have default implementations, so a subclass's methods would not be
/// called through a base class's conformance.
protocol XMLPartDelegate: AnyObject, XMLParserDelegate {
    /// The first problem found.
    var failure: ReadError? { get set }
}

extension XMLPartDelegate {
    /// Records `error`, the first only: the parse runs on (stopping a parser from inside its
    /// own callback is not safe on every platform) and the error is thrown after it.
    func fail(_ error: ReadError) {
        if failure == nil { failure = error }
    }
}
