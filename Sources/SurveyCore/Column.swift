/// One variable of a ``Dataset``, stored contiguously.
///
/// - `numeric`: `Double` per respondent, `NaN` when missing. A numeric variable with value
///   labels (an SPSS or Stata labelled variable) stays numeric; its labels live in the codebook.
/// - `categorical`: a small integer code per respondent indexing `levels`; `-1` when missing.
///   This is how a CSV text column arrives (R's factor).
/// - `text`: free text (open-ended answers), `nil` when missing.
public struct Column: Sendable, Equatable {
    public enum Values: Sendable, Equatable {
        case numeric([Double])
        case categorical(codes: [Int32], levels: [String])
        case text([String?])
    }

    /// The code of a missing categorical value.
    public static let missingCode: Int32 = -1

    public let name: String
    public let values: Values

    public init(name: String, values: Values) {
        self.name = name
        self.values = values
    }

    public static func numeric(_ name: String, _ values: [Double]) -> Column {
        Column(name: name, values: .numeric(values))
    }

    public static func categorical(_ name: String, codes: [Int32], levels: [String]) -> Column {
        Column(name: name, values: .categorical(codes: codes, levels: levels))
    }

    /// Builds a categorical column from strings (`nil` missing) with levels sorted as R sorts
    /// factor levels (``FactorLevelOrder``).
    public static func categorical(_ name: String, strings: [String?]) -> Column {
        let levels = FactorLevelOrder.sorted(Set(strings.compactMap { $0 }))
        var position: [String: Int32] = [:]
        for (i, l) in levels.enumerated() { position[l] = Int32(i) }
        let codes = strings.map { s in s.map { position[$0]! } ?? Column.missingCode }
        return Column(name: name, values: .categorical(codes: codes, levels: levels))
    }

    public var count: Int {
        switch values {
        case .numeric(let v): v.count
        case .categorical(let c, _): c.count
        case .text(let t): t.count
        }
    }

    /// Whether respondent `row` has no value.
    public func isMissing(_ row: Int) -> Bool {
        switch values {
        case .numeric(let v): v[row].isNaN
        case .categorical(let c, _): c[row] < 0
        case .text(let t): t[row] == nil
        }
    }

    /// A short word for the storage type, used in messages and codebooks.
    public var typeName: String {
        switch values {
        case .numeric: "numeric"
        case .categorical: "categorical"
        case .text: "text"
        }
    }
}
