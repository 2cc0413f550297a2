import Foundation

/// The names the store accepts for studies and accounts, and the days that decide embargoes.
enum StoreNames {
    /// A study slug: 1–64 lowercase ASCII letters, digits, `-` or `_`, starting with a letter or
    /// digit, so that it can stand in a URL and a command line unquoted.
    static func checkSlug(_ slug: String) throws(StoreError) {
        let bytes = Array(slug.utf8)
        let ok = (1...64).contains(bytes.count)
            && bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D || $0 == 0x5F }
            && bytes.first.map { $0 != 0x2D && $0 != 0x5F } == true
        guard ok else {
            throw StoreError(.invalidInput, "The study slug '\(slug)' is not allowed; use 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit, e.g. 'cab'.")
        }
    }

    /// A user name: 1–64 ASCII letters, digits, `.`, `-` or `_`.
    static func checkUsername(_ name: String) throws(StoreError) {
        let bytes = Array(name.utf8)
        let ok = (1...64).contains(bytes.count)
            && bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
        guard ok else {
            throw StoreError(.invalidInput, "The user name '\(name)' is not allowed; use 1 to 64 letters, digits, '.', '-' or '_', e.g. 'aigerim'.")
        }
    }

    /// The UTC day of `date` as ISO 8601 (`2024-03-05`), which compares with stored days as text.
    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 1, c.day ?? 1)
    }
}
