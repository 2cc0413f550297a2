/// How a variable is measured, as SPSS records it.
public enum MeasurementLevel: String, Sendable, Codable, CaseIterable {
    case nominal, ordinal, scale
}

/// A label for one stored code of a variable.
public struct ValueLabel: Sendable, Equatable, Codable {
    public var code: Double
    public var label: LocalizedText
    public init(code: Double, label: LocalizedText) {
        self.code = code
        self.label = label
    }
}

/// Everything known about one variable besides its values.
public struct VariableMetadata: Sendable, Equatable, Codable {
    /// The question text or variable label.
    public var label: LocalizedText
    /// Labels of stored codes, in the order they should be shown.
    public var valueLabels: [ValueLabel]
    /// User-missing codes ("Don't know" = 98, "Refused" = 99): kept as categories by default,
    /// dropped when a request excludes missing values.
    public var missingCodes: [Double]
    /// A user-missing range (SPSS allows one), inclusive.
    public var missingRange: ClosedRange<Double>?
    public var measurement: MeasurementLevel?

    public init(
        label: LocalizedText = LocalizedText(), valueLabels: [ValueLabel] = [], missingCodes: [Double] = [],
        missingRange: ClosedRange<Double>? = nil, measurement: MeasurementLevel? = nil
    ) {
        self.label = label
        self.valueLabels = valueLabels
        self.missingCodes = missingCodes
        self.missingRange = missingRange
        self.measurement = measurement
    }

    /// The label of `code` in `language`, if any.
    public func label(ofCode code: Double, language: String = "en") -> String? {
        valueLabels.first(where: { $0.code == code })?.label.text(in: language)
    }

    /// The stored code whose label (in any language) is `text`.
    public func code(ofLabel text: String) -> Double? {
        valueLabels.first(where: { $0.label.texts.values.contains(text) })?.code
    }

    /// Whether `value` is a user-missing code.
    public func isUserMissing(_ value: Double) -> Bool {
        if missingCodes.contains(value) { return true }
        if let r = missingRange, r.contains(value) { return true }
        return false
    }
}

/// Labels and missing-value codes for the variables of a dataset.
public struct Codebook: Sendable, Equatable, Codable {
    public var variables: [String: VariableMetadata]

    public init(variables: [String: VariableMetadata] = [:]) { self.variables = variables }

    public subscript(name: String) -> VariableMetadata? {
        get { variables[name] }
        set { variables[name] = newValue }
    }
}
