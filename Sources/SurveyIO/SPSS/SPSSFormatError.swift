/// A problem found while decoding an SPSS file, before the file's name is attached.
///
/// Decoders throw this so that they need not know the file's name; the public readers turn it
/// into a ``ReadError`` whose sentence begins "Cannot read 'name': ". `detail` says what is
/// wrong and, where there is one, the fix, joined by a semicolon.
struct SPSSFormatError: Error, Sendable {
    var kind: ReadError.Kind
    var detail: String

    init(_ kind: ReadError.Kind = .malformed, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// A file cut short while `what` was being read.
    static func truncated(_ what: String, at offset: Int) -> SPSSFormatError {
        SPSSFormatError(.malformed, "the file ends at byte \(offset) in the middle of \(what); it is truncated or damaged, so copy it again from its source")
    }

    /// A structure that cannot be right.
    static func damaged(_ what: String) -> SPSSFormatError {
        SPSSFormatError(.malformed, "\(what); the file is damaged, so copy it again from its source or re-save it in SPSS")
    }

    func readError(name: String) -> ReadError {
        ReadError(kind, "Cannot read '\(name)': \(detail).")
    }
}
