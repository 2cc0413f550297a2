import Foundation

extension Column {
    /// The value of `row` as a file shows it, trimmed: a text or level as written, a whole
    /// number without a decimal point ("12"), another number in its shortest form; nil when
    /// missing or blank. For tables read from files whose columns are names and words (polls,
    /// coder sheets, reliability files), not for estimation.
    public func text(at row: Int) -> String? {
        let value: String?
        switch values {
        case .text(let v): value = v[row]
        case .categorical(let codes, let levels): value = codes[row] < 0 ? nil : levels[Int(codes[row])]
        case .numeric(let v):
            let x = v[row]
            value = x.isNaN ? nil : (x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x))
        }
        guard let trimmed = value?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
