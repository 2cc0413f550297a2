/// The codes several coders gave the same units (answers): one row per unit, one column per
/// coder, each cell the codes that coder gave that unit — none when the coder did not code it,
/// several when a unit may carry more than one code ("economy; history").
///
/// Codes are texts as written (numbers too: "2"); only white space around each code is
/// dropped, and a code repeated in one cell counts once.
public struct CodingSheet: Sendable, Equatable {
    /// What was coded (a question, a file): names the result's rows.
    public var name: String
    /// The coders, in the order of the columns.
    public var coders: [String]
    /// The units' names (ids or row numbers), in order.
    public var units: [String]
    /// `cells[u][c]`: the codes coder `c` gave unit `u`, empty when the coder did not code it.
    public var cells: [[[String]]]

    /// - Precondition: every row of `cells` has one cell per coder, and there is one row per unit.
    public init(name: String, coders: [String], units: [String], cells: [[[String]]]) {
        precondition(cells.count == units.count && cells.allSatisfy { $0.count == coders.count },
                     "a coding sheet needs one row per unit and one cell per coder")
        self.name = name
        self.coders = coders
        self.units = units
        self.cells = cells.map { $0.map(Self.distinct) }
    }

    /// A sheet from the texts of its cells (nil or blank: not coded), each split into codes at
    /// `separator` when one is given.
    public init(name: String, coders: [String], units: [String], texts: [[String?]], separator: Character?) {
        self.init(name: name, coders: coders, units: units, cells: texts.map { row in
            row.map { text -> [String] in
                guard let text else { return [] }
                let pieces = separator.map { s in text.split(separator: s, omittingEmptySubsequences: false).map(String.init) } ?? [text]
                return pieces.map { $0.trimmingWhiteSpace() }.filter { !$0.isEmpty }
            }
        })
    }

    /// Whether some coder gave some unit more than one code.
    public var hasSeveralCodesPerUnit: Bool {
        cells.contains { $0.contains { $0.count > 1 } }
    }

    /// Every code used, numbers in numeric order before texts in text order.
    public var codes: [String] {
        Array(Set(cells.joined().joined())).sorted(by: Self.codeOrder)
    }

    /// Numbers in numeric order first, then texts in their order.
    static func codeOrder(_ a: String, _ b: String) -> Bool {
        switch (Double(a), Double(b)) {
        case let (x?, y?): x != y ? x < y : a < b
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): a < b
        }
    }

    /// The codes without repeats, in their first order.
    private static func distinct(_ codes: [String]) -> [String] {
        var seen = Set<String>()
        return codes.filter { seen.insert($0).inserted }
    }
}

extension String {
    /// The text without white space (spaces, tabs, line ends, no-break spaces) at either end.
    fileprivate func trimmingWhiteSpace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
