import SurveyCore

/// Dates and times written from stored seconds (see ``TemporalKind``), in the proleptic
/// Gregorian calendar and UTC, without a clock or a locale: `2023-05-17`,
/// `2023-05-17 14:03:00`, `14:03:00`.
enum CalendarText {
    /// The text of `seconds` as a date (seconds since 1970-01-01), a date-time, or a time of day
    /// (seconds since midnight); fractions of a second are dropped.
    static func text(_ seconds: Double, kind: TemporalKind) -> String {
        guard seconds.isFinite, abs(seconds) < 1e15 else { return seconds.description }
        let whole = Int64(seconds.rounded(.down))
        switch kind {
        case .time:
            return clock(whole)
        case .date:
            return date(days: floorDivide(whole, 86_400))
        case .dateTime:
            let days = floorDivide(whole, 86_400)
            return date(days: days) + " " + clock(whole - days * 86_400)
        }
    }

    /// `hh:mm:ss`; hours run past 24 for a duration longer than a day.
    private static func clock(_ seconds: Int64) -> String {
        let sign = seconds < 0 ? "-" : ""
        let s = abs(seconds)
        return sign + two(s / 3600) + ":" + two(s / 60 % 60) + ":" + two(s % 60)
    }

    /// `yyyy-mm-dd` of a day count since 1970-01-01.
    private static func date(days: Int64) -> String {
        CivilDay(number: Int(days)).description
    }

    private static func two(_ x: Int64) -> String { x < 10 ? "0\(x)" : String(x) }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
