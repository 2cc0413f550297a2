/// Labels and user-missing status of the levels of a categorical or text variable.
///
/// A level is the stored text (a CSV field, an SPSS string value). Its value label is the one
/// whose `stringCode` is that text; failing that, when the text is a number (a CSV column of
/// codes that also holds some text), the label of that numeric code. The same two steps decide
/// whether a level is user-missing (``VariableMetadata/missingStrings``, then the numeric
/// missing codes and range).
extension VariableMetadata {
    /// The label of the level `text` in `language`, if the codebook gives one.
    public func label(ofLevel text: String, language: String = "en") -> String? {
        if let label = label(ofString: text, language: language) { return label }
        guard let number = Self.number(inLevel: text) else { return nil }
        return valueLabels.first(where: { $0.stringCode == nil && $0.code == number })?.label.text(in: language)
    }

    /// Whether the level `text` is a user-missing value.
    public func isUserMissing(level text: String) -> Bool {
        if missingStrings.contains(text) { return true }
        guard missingRange != nil || !missingCodes.isEmpty, let number = Self.number(inLevel: text) else { return false }
        return isUserMissing(number)
    }

    /// The stored text whose string value label (in any language) is `text`.
    public func stringCode(ofLabel text: String) -> String? {
        valueLabels.first(where: { $0.stringCode != nil && $0.label.texts.values.contains(text) })?.stringCode
    }

    /// The number a level spells (`"98"`, `" 1.5 "`), or `nil` for any other text.
    static func number(inLevel text: String) -> Double? {
        let trimmed = text.trimmingWhitespace
        guard let first = trimmed.unicodeScalars.first,
              first == "-" || first == "+" || first == "." || ("0"..."9").contains(first) else { return nil }
        return Double(trimmed)
    }
}

extension String {
    /// The text without leading and trailing white space.
    fileprivate var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
