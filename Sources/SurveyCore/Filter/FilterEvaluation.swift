extension FilterExpression {
    /// One flag per respondent: `true` when the respondent is in the subpopulation.
    ///
    /// Conditions are evaluated a column at a time into three-valued masks (false, unknown,
    /// true), combined element-wise with Kleene's rules; unknown counts as outside.
    /// - Throws: ``SurveyError`` when a variable does not exist (``SurveyError/Kind/unknownVariable``,
    ///   with suggestions) or a value does not fit it (``SurveyError/Kind/invalidFilter``: a string
    ///   that is no value label or level, a number for a text variable, an ordering of free text).
    public func evaluate(on dataset: Dataset) throws(SurveyError) -> [Bool] {
        var evaluator = FilterEvaluator(filter: self, dataset: dataset)
        let truth = try evaluator.truth(of: root)
        return truth.map { $0 == Kleene.true }
    }
}

/// Truth values of three-valued logic as bytes, ordered so that `and` is `min`, `or` is `max`
/// and `not` is `2 - x`.
enum Kleene {
    static let `false`: UInt8 = 0
    static let unknown: UInt8 = 1
    static let `true`: UInt8 = 2

    @inline(__always)
    static func of(_ b: Bool) -> UInt8 { b ? Kleene.true : Kleene.false }
}

/// Evaluates the tree of a filter on a dataset, condition by condition.
struct FilterEvaluator {
    typealias Node = FilterExpression.Node
    typealias Value = FilterExpression.Value
    typealias Comparison = FilterExpression.Comparison

    let filter: FilterExpression
    let dataset: Dataset
    /// The index of the next condition, to find where it was written.
    private var condition = 0

    init(filter: FilterExpression, dataset: Dataset) {
        self.filter = filter
        self.dataset = dataset
    }

    mutating func truth(of node: Node) throws(SurveyError) -> [UInt8] {
        switch node {
        case .and(let a, let b):
            var x = try truth(of: a)
            let y = try truth(of: b)
            for i in x.indices where y[i] < x[i] { x[i] = y[i] }
            return x
        case .or(let a, let b):
            var x = try truth(of: a)
            let y = try truth(of: b)
            for i in x.indices where y[i] > x[i] { x[i] = y[i] }
            return x
        case .not(let a):
            var x = try truth(of: a)
            for i in x.indices { x[i] = Kleene.true &- x[i] }
            return x
        case .compare(let variable, let op, let value):
            let position = nextPosition()
            return try compare(dataset.column(variable), op, value, position: position)
        case .isIn(let variable, let values):
            let position = nextPosition()
            return try member(dataset.column(variable), values, position: position)
        case .isMissing(let variable):
            _ = nextPosition()
            switch try dataset.column(variable).values {
            case .numeric(let v): return v.map { Kleene.of($0.isNaN) }
            case .categorical(let codes, _): return codes.map { Kleene.of($0 < 0) }
            case .text(let t): return t.map { Kleene.of($0 == nil) }
            }
        }
    }

    private mutating func nextPosition() -> FilterExpression.Positions? {
        defer { condition += 1 }
        return condition < filter.positions.count ? filter.positions[condition] : nil
    }

    // MARK: - Conditions

    private func compare(_ column: Column, _ op: Comparison, _ value: Value, position: FilterExpression.Positions?) throws(SurveyError) -> [UInt8] {
        let valueColumn = position?.values.first
        switch column.values {
        case .numeric(let v):
            let target = try number(for: value, in: column, at: valueColumn)
            return Self.mask(v) { Kleene.of(op.holds($0, target)) }
        case .categorical(let codes, let levels):
            return Self.mask(codes, try levelTable(column, levels, op, value, position: position))
        case .text(let t):
            let target = try textValue(value, in: column, op: op, position: position)
            let equal = op == .equal
            return Self.mask(t) { Kleene.of(($0 == target) == equal) }
        }
    }

    private func member(_ column: Column, _ values: [Value], position: FilterExpression.Positions?) throws(SurveyError) -> [UInt8] {
        func valueColumn(_ i: Int) -> Int? {
            guard let p = position, i < p.values.count else { return nil }
            return p.values[i]
        }
        switch column.values {
        case .numeric(let v):
            var targets: [Double] = []
            for (i, v) in values.enumerated() { targets.append(try number(for: v, in: column, at: valueColumn(i))) }
            let set = Set(targets)
            return Self.mask(v) { Kleene.of(set.contains($0)) }
        case .categorical(let codes, let levels):
            var table = [UInt8](repeating: Kleene.false, count: levels.count)
            for (i, v) in values.enumerated() {
                let p = position.map { FilterExpression.Positions(variable: $0.variable, comparison: $0.comparison, values: valueColumn(i).map { [$0] } ?? []) }
                let t = try levelTable(column, levels, .equal, v, position: p)
                for j in table.indices where t[j] > table[j] { table[j] = t[j] }
            }
            return Self.mask(codes, table)
        case .text(let t):
            var set = Set<String>()
            for (i, v) in values.enumerated() {
                let p = position.map { FilterExpression.Positions(variable: $0.variable, comparison: $0.comparison, values: valueColumn(i).map { [$0] } ?? []) }
                set.insert(try textValue(v, in: column, op: .equal, position: p))
            }
            return Self.mask(t) { Kleene.of(set.contains($0)) }
        }
    }

    /// A mask over numeric values: `unknown` where a value is missing (`NaN`), else `f`.
    private static func mask(_ v: [Double], _ f: (Double) -> UInt8) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: v.count) { out, n in
            for i in v.indices { out[i] = v[i].isNaN ? Kleene.unknown : f(v[i]) }
            n = v.count
        }
    }

    /// A mask over categorical codes: `unknown` where a code is missing, else `table[code]`.
    private static func mask(_ codes: [Int32], _ table: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: codes.count) { out, n in
            for i in codes.indices { out[i] = codes[i] < 0 ? Kleene.unknown : table[Int(codes[i])] }
            n = codes.count
        }
    }

    /// A mask over texts: `unknown` where a text is missing, else `f`.
    private static func mask(_ t: [String?], _ f: (String) -> UInt8) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: t.count) { out, n in
            for i in t.indices { out[i] = t[i].map(f) ?? Kleene.unknown }
            n = t.count
        }
    }

    // MARK: - Values

    /// The number a value stands for in a numeric column: itself, or the code of a value label.
    private func number(for value: Value, in column: Column, at valueColumn: Int?) throws(SurveyError) -> Double {
        switch value {
        case .number(let x):
            return x
        case .string(let s):
            let metadata = dataset.metadata(column.name)
            if let code = metadata.code(ofLabel: s) { return code }
            if metadata.valueLabels.isEmpty {
                let fix = Self.parseNumber(s).map { "write \(Value.number($0)) without quotes" } ?? "compare it with a number"
                throw failure("\(quoted(column.name)) is numeric and has no value labels, so it cannot be compared with the text \(value)\(at(valueColumn)); \(fix)")
            }
            let labels = metadata.valueLabels.compactMap { $0.label.text(in: "en") }
            throw failure("\(value)\(at(valueColumn)) is not a value label of \(quoted(column.name)) in any language; its labels include \(Self.sample(labels, near: s))")
        }
    }

    /// Per level of a categorical column, whether `level op value` holds (no unknowns: missing
    /// codes are handled by the caller).
    private func levelTable(
        _ column: Column, _ levels: [String], _ op: Comparison, _ value: Value, position: FilterExpression.Positions?
    ) throws(SurveyError) -> [UInt8] {
        let valueColumn = position?.values.first
        var target: Double
        switch value {
        case .string(let s):
            if let index = levels.firstIndex(of: s) {
                return levels.indices.map { Kleene.of(op.holds($0, index)) }
            }
            if let stored = dataset.metadata(column.name).stringCode(ofLabel: s), let index = levels.firstIndex(of: stored) {
                return levels.indices.map { Kleene.of(op.holds($0, index)) }
            }
            guard let code = dataset.metadata(column.name).code(ofLabel: s), !code.isNaN else {
                throw failure("\(value)\(at(valueColumn)) is not a level of \(quoted(column.name)); its levels include \(Self.sample(levels, near: s))")
            }
            target = code
        case .number(let x):
            target = x
        }
        let numbers = levels.map(Self.parseNumber)
        if numbers.allSatisfy({ $0 == nil }) {
            throw failure("\(quoted(column.name)) has text levels, so \(value)\(at(valueColumn)) must be a level in quotes; its levels include \(Self.sample(levels, near: nil))")
        }
        if op.isOrdering, let text = levels.first(where: { Self.parseNumber($0) == nil }) {
            let comparisonColumn = position.map { " (column \($0.comparison))" } ?? ""
            throw failure("\(quoted(column.name)) has levels that are not numbers, such as \(quoted(text)), so '\(op.rawValue)'\(comparisonColumn) with the number \(value) is ambiguous; compare it with a level in quotes, which orders by the order of levels")
        }
        return numbers.map { n in
            guard let n else { return Kleene.of(op == .notEqual) }
            return Kleene.of(op.holds(n, target))
        }
    }

    private func textValue(_ value: Value, in column: Column, op: Comparison, position: FilterExpression.Positions?) throws(SurveyError) -> String {
        if op.isOrdering {
            let comparisonColumn = position.map { " (column \($0.comparison))" } ?? ""
            throw failure("\(quoted(column.name)) is free text, so it cannot be compared with '\(op.rawValue)'\(comparisonColumn); use ==, != or in")
        }
        switch value {
        case .string(let s):
            return s
        case .number:
            throw failure("\(quoted(column.name)) is free text, so the number \(value)\(at(position?.values.first)) must be written in quotes (\"\(value)\")")
        }
    }

    // MARK: - Messages

    private func failure(_ problem: String) -> SurveyError {
        SurveyError(.invalidFilter, "Cannot apply the filter '\(filter.text)': \(problem).")
    }

    private func at(_ column: Int?) -> String { column.map { " (column \($0))" } ?? "" }

    private func quoted(_ s: String) -> String { "'\(s)'" }

    /// Up to five of `names`, the closest to `query` first, as "'a', 'b' and 3 more".
    static func sample(_ names: [String], near query: String?) -> String {
        var unique: [String] = []
        var seen = Set<String>()
        for n in names where seen.insert(n).inserted { unique.append(n) }
        let closest = query.map { NameSuggester.closest(to: $0, among: unique) } ?? []
        var chosen = closest
        for n in unique where chosen.count < 5 && !chosen.contains(n) { chosen.append(n) }
        let shown = chosen.map { "'\($0)'" }
        let rest = unique.count - chosen.count
        if rest > 0 { return shown.joined(separator: ", ") + " and \(rest) more" }
        if shown.count == 1 { return shown[0] }
        return shown.dropLast().joined(separator: ", ") + " and " + shown.last!
    }

    /// The number a level's text spells, ignoring surrounding white space.
    static func parseNumber(_ s: String) -> Double? {
        let trimmed = s.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        guard !trimmed.isEmpty else { return nil }
        let text = String(trimmed)
        guard let first = text.unicodeScalars.first, first == "-" || first == "+" || first == "." || (first >= "0" && first <= "9") else { return nil }
        return Double(text)
    }
}
