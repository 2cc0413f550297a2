import SurveyCore

/// Collects the values of one SPSS string variable, then makes it a categorical or a text
/// column.
///
/// Values lose the spaces (and NUL bytes) that pad them on the right; an empty value is
/// missing. Repeated values are decoded once (up to a bound on the number remembered).
struct StringColumnBuilder {
    private(set) var values: [String?] = []
    private var decoded: [[UInt8]: String] = [:]
    private static let remembered = 10_000

    /// The most distinct values a string variable without value labels may have and still be
    /// read as categorical.
    static let maximumLevels = 50

    mutating func append(_ bytes: [UInt8], decoder: TextDecoder) {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0 { end -= 1 }
        guard end > 0 else {
            values.append(nil)
            return
        }
        let key = Array(bytes[0..<end])
        if let known = decoded[key] {
            values.append(known)
            return
        }
        let value = decoder.decode(key)
        if decoded.count < Self.remembered { decoded[key] = value }
        values.append(value)
    }

    /// Appends an already decoded value; an empty or blank-padded empty value is missing.
    mutating func append(_ value: String) {
        var end = value.endIndex
        while end > value.startIndex, value[value.index(before: end)] == " " { end = value.index(before: end) }
        values.append(end == value.startIndex ? nil : String(value[..<end]))
    }

    /// A categorical column when the variable has value labels or looks categorical (at most
    /// ``maximumLevels`` distinct values, each seen twice on average); otherwise free text.
    func column(named name: String, hasValueLabels: Bool) -> Column {
        Self.isCategorical(values, hasValueLabels: hasValueLabels)
            ? .categorical(name, strings: values)
            : Column(name: name, values: .text(values))
    }

    static func isCategorical(_ values: [String?], hasValueLabels: Bool) -> Bool {
        if hasValueLabels { return true }
        var distinct = Set<String>()
        var present = 0
        for case let value? in values {
            present += 1
            distinct.insert(value)
            if distinct.count > maximumLevels { return false }
        }
        return present > 0 && distinct.count * 2 <= present
    }
}
