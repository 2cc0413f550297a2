/// How a variable is measured, as SPSS records it.
public enum MeasurementLevel: String, Sendable, Codable, CaseIterable {
    case nominal, ordinal, scale
}

/// What kind of point in time a numeric variable holds. Values are seconds since
/// 1970-01-01 00:00 UTC for dates and date-times, seconds since midnight for times.
public enum TemporalKind: String, Sendable, Codable, CaseIterable {
    case date, dateTime, time
}

/// A label for one stored code of a variable.
public struct ValueLabel: Sendable, Equatable, Codable {
    /// The stored number (for a numeric variable).
    public var code: Double
    /// The stored text, for a labelled string variable (SPSS allows labels on short strings).
    public var stringCode: String?
    public var label: LocalizedText
    public init(code: Double, label: LocalizedText) {
        self.code = code
        self.stringCode = nil
        self.label = label
    }
    public init(stringCode: String, label: LocalizedText) {
        self.code = .nan
        self.stringCode = stringCode
        self.label = label
    }
}

/// A multiple-response question stored as several variables (SPSS MRSETS): either one
/// yes/no variable per option (`dichotomies`, counting `countedValue`) or several variables
/// that each hold one chosen category (`categories`).
public struct MultipleResponseSet: Sendable, Equatable, Codable {
    public enum Kind: Sendable, Equatable, Codable {
        case dichotomies(countedValue: String)
        case categories
    }

    public var name: String
    public var label: LocalizedText
    public var kind: Kind
    public var variables: [String]

    public init(name: String, label: LocalizedText, kind: Kind, variables: [String]) {
        self.name = name
        self.label = label
        self.kind = kind
        self.variables = variables
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
    /// User-missing strings of a string variable.
    public var missingStrings: [String] = []
    /// The display format as the source file gives it (SPSS `F8.2`, `DATE11`; Stata `%td`).
    public var displayFormat: String?
    /// Set when the numeric values are dates, date-times or times (see ``TemporalKind``).
    public var temporal: TemporalKind?
    /// Declared width in bytes of a string variable.
    public var stringWidth: Int?

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

    /// The label of a stored string, in `language`, if any.
    public func label(ofString text: String, language: String = "en") -> String? {
        valueLabels.first(where: { $0.stringCode == text })?.label.text(in: language)
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

/// Labels and missing-value codes for the variables of a dataset, and what the file says of
/// itself: its label, documents, multiple-response sets, encoding and sampling design.
public struct Codebook: Sendable, Equatable, Codable {
    public var variables: [String: VariableMetadata]
    /// The file's own label (SPSS file label, Stata data label).
    public var fileLabel: LocalizedText?
    /// Free-text documents stored in the file (SPSS document records, Stata notes).
    public var documents: [String] = []
    public var multipleResponseSets: [MultipleResponseSet] = []
    /// The character encoding the file declared (e.g. `UTF-8`, `windows-1251`).
    public var encoding: String?
    /// A sampling design stored in the file (Stata `svyset` characteristics).
    public var design: DesignSpec?

    public init(variables: [String: VariableMetadata] = [:]) { self.variables = variables }

    public subscript(name: String) -> VariableMetadata? {
        get { variables[name] }
        set { variables[name] = newValue }
    }
}
