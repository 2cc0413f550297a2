/// ISO 8601 days (`2022-02-24`) or months (`2014-03`) as the study uses them, without a clock
/// or calendar service: validation and fractional years for time axes.
public enum StudyDate {
    /// (year, month, day) of `text`, day 1 for a month; nil when not a valid date.
    public static func components(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        var d = 1
        if parts.count == 3 {
            guard parts[2].count == 2, let day = Int(parts[2]), day >= 1, day <= daysIn(month: m, year: y) else { return nil }
            d = day
        }
        return (y, m, d)
    }

    public static func isValid(_ text: String) -> Bool { components(text) != nil }

    /// 2022-07-02 → 2022.5; NaN when not a date.
    public static func fractionalYear(_ text: String) -> Double {
        guard let (y, m, d) = components(text) else { return .nan }
        var dayOfYear = d - 1
        for month in 1..<m { dayOfYear += daysIn(month: month, year: y) }
        let length = isLeap(y) ? 366.0 : 365.0
        return Double(y) + Double(dayOfYear) / length
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
