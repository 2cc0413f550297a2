/// Population figures to weight a sample to: margins of categorical variables, joint cells of
/// several variables, totals of numeric variables, and the population size.
///
/// Margins and cells are population counts or shares (every value ≤ 1 and the values summing
/// to 1); shares are scaled to ``population`` when it is given, else to the sum of the base
/// weights. Levels are named by value label or by code. This is what a targets YAML file holds:
///
/// ```yaml
/// population: 14000000
/// margins:
///   sex: {male: 0.486, female: 0.514}
/// cells:
///   - variables: [region, settlement]
///     targets: {"Almaty|urban": 0.106, "Almaty|rural": 0.0}
/// totals:
///   api99: 3914069
/// ```
public struct WeightingTargets: Sendable, Equatable, Codable {
    /// The target of one level (a label or code; for cells, the levels joined by `|`).
    public struct LevelTarget: Sendable, Equatable {
        public var level: String
        public var value: Double

        public init(level: String, value: Double) {
            self.level = level
            self.value = value
        }
    }

    /// Targets for the levels of one categorical variable.
    public struct Margin: Sendable, Equatable, Codable {
        public var variable: String
        public var targets: [LevelTarget]

        public init(variable: String, targets: [LevelTarget]) {
            self.variable = variable
            self.targets = targets
        }

        enum CodingKeys: String, CodingKey { case variable, targets }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            variable = try c.decode(String.self, forKey: .variable)
            targets = try LevelTarget.decodeObject(c, forKey: .targets)
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(variable, forKey: .variable)
            try LevelTarget.encodeObject(targets, &c, forKey: .targets)
        }
    }

    /// Targets for the joint cells of several variables (`"Almaty|urban"`).
    public struct Cells: Sendable, Equatable, Codable {
        public var variables: [String]
        public var targets: [LevelTarget]

        public init(variables: [String], targets: [LevelTarget]) {
            self.variables = variables
            self.targets = targets
        }

        enum CodingKeys: String, CodingKey { case variables, targets }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            variables = try c.decode([String].self, forKey: .variables)
            targets = try LevelTarget.decodeObject(c, forKey: .targets)
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(variables, forKey: .variables)
            try LevelTarget.encodeObject(targets, &c, forKey: .targets)
        }
    }

    /// The population total of a numeric variable (linear, raking or logit calibration).
    public struct Total: Sendable, Equatable, Codable {
        public var variable: String
        public var total: Double

        public init(variable: String, total: Double) {
            self.variable = variable
            self.total = total
        }
    }

    public var margins: [Margin]
    public var cells: [Cells]
    public var totals: [Total]
    /// The population size N; scales shares, and is the calibration's intercept total.
    public var population: Double?

    public init(margins: [Margin] = [], cells: [Cells] = [], totals: [Total] = [], population: Double? = nil) {
        self.margins = margins
        self.cells = cells
        self.totals = totals
        self.population = population
    }

    enum CodingKeys: String, CodingKey { case margins, cells, totals, population }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        margins = try c.decodeIfPresent([Margin].self, forKey: .margins) ?? []
        cells = try c.decodeIfPresent([Cells].self, forKey: .cells) ?? []
        totals = try c.decodeIfPresent([Total].self, forKey: .totals) ?? []
        population = try c.decodeIfPresent(Double.self, forKey: .population)
    }

    /// Variables the targets name, in order of appearance.
    public var variables: [String] {
        var seen = Set<String>()
        return (margins.map(\.variable) + cells.flatMap(\.variables) + totals.map(\.variable)).filter { seen.insert($0).inserted }
    }
}

extension WeightingTargets.LevelTarget {
    /// A JSON object `{level: value}`; JSON objects carry no order, so levels come back sorted
    /// (their order does not matter: levels are matched to the data by name).
    static func decodeObject<K: CodingKey>(_ c: KeyedDecodingContainer<K>, forKey key: K) throws -> [Self] {
        try c.decode([String: Double].self, forKey: key).sorted { $0.key < $1.key }.map { Self(level: $0.key, value: $0.value) }
    }

    static func encodeObject<K: CodingKey>(_ targets: [Self], _ c: inout KeyedEncodingContainer<K>, forKey key: K) throws {
        try c.encode(Dictionary(targets.map { ($0.level, $0.value) }, uniquingKeysWith: { a, _ in a }), forKey: key)
    }
}
