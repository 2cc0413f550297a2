extension MultipleResponseSet {
    /// The stem the columns of a multiple-response question share, without trailing digits
    /// and underscores: "russia_reason" for `russia_reason1_code, russia_reason2_code`; nil
    /// when they share none. Names sets, derived columns and files.
    public static func stem(of columns: [String]) -> String? {
        guard var stem = columns.first else { return nil }
        for column in columns.dropFirst() { stem = String(zip(stem, column).prefix { $0 == $1 }.map(\.0)) }
        while let last = stem.last, last.isNumber || last == "_" { stem.removeLast() }
        return stem.isEmpty ? nil : stem
    }
}
