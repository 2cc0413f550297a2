import SurveyCore

/// The Stata date and time display formats and the conversion of their values to and from
/// Barometer's ``TemporalKind`` convention (seconds since 1970-01-01 00:00 UTC; seconds since
/// midnight for times).
///
/// | format | stored value | read as |
/// | --- | --- | --- |
/// | `%td` (and `%d` of Stata 9 and earlier) | days since 01jan1960 | date |
/// | `%tc` | milliseconds since 01jan1960 00:00:00, no leap seconds | date-time |
/// | `%tC` | the same counting leap seconds (UTC) | date-time, the 27 leap seconds to 2016 removed |
/// | `%tc` showing only hours, minutes, seconds (`%tcHH:MM:SS`) | milliseconds | time of day, or date-time when some value lies beyond 01jan1960 |
/// | `%tw` | weeks since 1960w1 (52 per year, week 1 on 1 January, week 52 of 8 or 9 days) | date of the week's first day |
/// | `%tm`, `%tq`, `%th` | months, quarters, half-years since 1960 | date of the period's first day |
///
/// `%ty` (a plain year such as 2017), `%tb` (business calendars) and `%tg` stay numbers, as do
/// the extended missing codes of date variables. Display formats may carry a `-` (left align)
/// and detail codes (`%tdDD/NN/CCYY`); the file's format is kept in the codebook so that
/// ``StataWriter`` writes the same units back.
enum StataDateFormat: Sendable, Equatable {
    case day, clock, leapClock, timeOfDay, week, month, quarter, halfYear

    /// Days from 1960-01-01 to 1970-01-01.
    static let epochDays = 3653.0
    static let secondsPerDay = 86_400.0

    /// The date format a display format names, or `nil` for a number format, `%ty`, `%tb`, `%tg`.
    init?(format: String) {
        var rest = Substring(format)
        guard rest.first == "%" else { return nil }
        rest = rest.dropFirst()
        if rest.first == "-" { rest = rest.dropFirst() }
        if rest.first == "d" {  // Stata 9 and earlier: %d, %dD_m_Y
            self = .day
            return
        }
        guard rest.first == "t", let unit = rest.dropFirst().first else { return nil }
        let detail = rest.dropFirst(2)
        switch unit {
        case "d": self = .day
        case "c": self = StataDateFormat.showsOnlyTime(detail) ? .timeOfDay : .clock
        case "C": self = .leapClock
        case "w": self = .week
        case "m": self = .month
        case "q": self = .quarter
        case "h": self = .halfYear
        default: return nil
        }
    }

    /// Whether a `%tc` detail shows hours, minutes and seconds only (`HH:MM:SS`, `hh:MM am`).
    private static func showsOnlyTime(_ detail: Substring) -> Bool {
        !detail.isEmpty && detail.allSatisfy { "HhMSs.:ampAP _-,".contains($0) }
    }

    var temporal: TemporalKind {
        switch self {
        case .clock, .leapClock: .dateTime
        case .timeOfDay: .time
        default: .date
        }
    }

    /// The format written for a temporal column that has no Stata date format.
    static func defaultFormat(for kind: TemporalKind) -> String {
        switch kind {
        case .date: "%td"
        case .dateTime: "%tc"
        case .time: "%tcHH:MM:SS"
        }
    }

    /// Periods beyond this many from 1960 are treated as missing (Stata's own calendar ends in
    /// the year 9999).
    private static let periodLimit = 1e8

    /// Seconds since 1970 (or since midnight) for a stored Stata value; `NaN` stays `NaN` and
    /// extended missing codes pass through unchanged.
    func seconds(fromStata value: Double) -> Double {
        guard value.isFinite, !StataMissingValues.isExtendedMissing(value) else { return value }
        switch self {
        case .day:
            return (value - Self.epochDays) * Self.secondsPerDay
        case .clock:
            return (value - Self.epochDays * Self.secondsPerDay * 1000) / 1000
        case .leapClock:
            return (StataLeapSeconds.removing(from: value) - Self.epochDays * Self.secondsPerDay * 1000) / 1000
        case .timeOfDay:
            return value / 1000
        case .week, .month, .quarter, .halfYear:
            guard abs(value) < Self.periodLimit else { return .nan }
            let period = Int(value.rounded(.down))
            let days: Int
            switch self {
            case .week:
                let (year, week) = Self.split(period, per: 52)
                days = CivilDate.days(year: 1960 + year, month: 1, day: 1) + 7 * week
            case .month:
                let (year, month) = Self.split(period, per: 12)
                days = CivilDate.days(year: 1960 + year, month: month + 1, day: 1)
            case .quarter:
                let (year, quarter) = Self.split(period, per: 4)
                days = CivilDate.days(year: 1960 + year, month: 3 * quarter + 1, day: 1)
            default:
                let (year, half) = Self.split(period, per: 2)
                days = CivilDate.days(year: 1960 + year, month: 6 * half + 1, day: 1)
            }
            return Double(days) * Self.secondsPerDay
        }
    }

    /// The Stata value for seconds since 1970 (or since midnight); `nil` when a period format
    /// cannot hold the date. `NaN` and extended missing codes pass through unchanged.
    func stataValue(fromSeconds seconds: Double) -> Double? {
        guard seconds.isFinite, !StataMissingValues.isExtendedMissing(seconds) else { return seconds }
        switch self {
        case .day:
            return seconds / Self.secondsPerDay + Self.epochDays
        case .clock:
            return (seconds * 1000 + Self.epochDays * Self.secondsPerDay * 1000).rounded()
        case .leapClock:
            return StataLeapSeconds.adding(to: (seconds * 1000 + Self.epochDays * Self.secondsPerDay * 1000).rounded())
        case .timeOfDay:
            return (seconds * 1000).rounded()
        case .week, .month, .quarter, .halfYear:
            let dayCount = (seconds / Self.secondsPerDay).rounded(.down)
            guard abs(dayCount) < Self.periodLimit else { return nil }
            let date = CivilDate(days: Int(dayCount))
            let years = date.year - 1960
            switch self {
            case .week:
                let dayOfYear = Int(dayCount) - CivilDate.days(year: date.year, month: 1, day: 1)
                return Double(years * 52 + min(dayOfYear / 7, 51))
            case .month: return Double(years * 12 + date.month - 1)
            case .quarter: return Double(years * 4 + (date.month - 1) / 3)
            default: return Double(years * 2 + (date.month - 1) / 6)
            }
        }
    }

    /// `period` as whole units of `count` and the remainder in 0..<count (floored division).
    private static func split(_ period: Int, per count: Int) -> (Int, Int) {
        let q = period >= 0 ? period / count : -((-period + count - 1) / count)
        return (q, period - q * count)
    }
}
