/// A calendar day on a chart's time axis: a count of days since 1970-01-01 (proleptic
/// Gregorian), read from ISO 8601 (`2022-03-15`). Pure arithmetic, so that charts never depend
/// on a time zone or a clock; the same count as `CivilDay.number` of the Polls module.
///
/// Time axes are laid out in fractional years (``fractionalYear``), as ``ChartEvent`` and
/// ``ChartWave`` are: 2022-01-01 is 2022.0.
public struct ChartDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var dayNumber: Int

    /// The day `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// Reads `YYYY-MM-DD`; nil when it is not a valid date.
    public init?(_ iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1,
              d <= Self.days(inMonth: m, year: y) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day `day` of `month` (1–12) in `year`; out-of-range days and months carry over.
    public init(year: Int, month: Int, day: Int) {
        let months = year * 12 + (month - 1)
        let y = months >= 0 ? months / 12 : (months - 11) / 12
        let m = months - y * 12 + 1
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        dayNumber = era * 146_097 + doe - 719_468 + (day - 1)
    }

    /// Year, month (1–12) and day.
    public var components: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// The year plus the share of it gone by at the start of the day: 2022-01-01 is 2022.0,
    /// 2022-02-24 is 2022.15 (as `StudyEvent.fractionalYear`).
    public var fractionalYear: Double {
        let year = components.year
        let start = ChartDate(year: year, month: 1, day: 1).dayNumber
        let length = ChartDate(year: year + 1, month: 1, day: 1).dayNumber - start
        return Double(year) + Double(dayNumber - start) / Double(length)
    }

    /// The earlier day is the smaller.
    public static func < (a: ChartDate, b: ChartDate) -> Bool { a.dayNumber < b.dayNumber }

    static func days(inMonth m: Int, year y: Int) -> Int {
        switch m {
        case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
