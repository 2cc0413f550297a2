import SurveyCore

/// A calendar day on a chart's time axis: a ``SurveyCore/CivilDay`` (days since 1970-01-01,
/// proleptic Gregorian, read from ISO 8601 `2022-03-15`), with what an axis needs of it.
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

    /// The day `day`.
    public init(_ day: CivilDay) {
        dayNumber = day.number
    }

    /// Reads `YYYY-MM-DD`; nil when it is not a valid date.
    public init?(_ iso: String) {
        guard let day = CivilDay(iso) else { return nil }
        self.init(day)
    }

    /// The day `day` of `month` (1–12) in `year`; out-of-range days and months carry over.
    public init(year: Int, month: Int, day: Int) {
        self.init(CivilDay(year: year, month: month, day: day))
    }

    /// The same day as a ``SurveyCore/CivilDay``.
    public var civilDay: CivilDay { CivilDay(number: dayNumber) }

    /// Year, month (1–12) and day.
    public var components: (year: Int, month: Int, day: Int) { civilDay.components }

    /// `YYYY-MM-DD`.
    public var description: String { civilDay.description }

    /// The year plus the share of it gone by at the start of the day: 2022-01-01 is 2022.0,
    /// 2022-02-24 is 2022.15 (as `StudyEvent.fractionalYear`).
    public var fractionalYear: Double {
        let year = components.year
        let start = CivilDay(year: year, month: 1, day: 1).number
        let length = CivilDay(year: year + 1, month: 1, day: 1).number - start
        return Double(year) + Double(dayNumber - start) / Double(length)
    }

    /// The earlier day is the smaller.
    public static func < (a: ChartDate, b: ChartDate) -> Bool { a.dayNumber < b.dayNumber }
}
