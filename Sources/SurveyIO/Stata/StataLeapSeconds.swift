/// The leap seconds of UTC, for Stata's `%tC` clock, which counts them (`%tc` does not).
///
/// A leap second was inserted at the end of each listed day (IERS Bulletin C; none since
/// 2016-12-31). Stata counts none before 1972.
enum StataLeapSeconds {
    /// The last days before each leap second: (year, month, day).
    private static let days: [(Int, Int, Int)] = [
        (1972, 6, 30), (1972, 12, 31), (1973, 12, 31), (1974, 12, 31), (1975, 12, 31), (1976, 12, 31),
        (1977, 12, 31), (1978, 12, 31), (1979, 12, 31), (1981, 6, 30), (1982, 6, 30), (1983, 6, 30),
        (1985, 6, 30), (1987, 12, 31), (1989, 12, 31), (1990, 12, 31), (1992, 6, 30), (1993, 6, 30),
        (1994, 6, 30), (1995, 12, 31), (1997, 6, 30), (1998, 12, 31), (2005, 12, 31), (2008, 12, 31),
        (2012, 6, 30), (2015, 6, 30), (2016, 12, 31),
    ]

    /// The midnight after each leap second on the `%tc` clock (milliseconds since 1960).
    private static let midnights: [Double] = days.map { y, m, d in
        Double(CivilDate.days(year: y, month: m, day: d) + 1 + 3653) * 86_400_000
    }

    /// `%tC` milliseconds to `%tc` milliseconds. An instant inside a leap second reads as the
    /// second before it, as POSIX time does.
    static func removing(from leapClock: Double) -> Double {
        var count = 0.0
        for (i, midnight) in midnights.enumerated() where leapClock >= midnight + Double(i) * 1000 { count += 1 }
        return leapClock - 1000 * count
    }

    /// `%tc` milliseconds to `%tC` milliseconds.
    static func adding(to clock: Double) -> Double {
        clock + 1000 * Double(midnights.filter { clock >= $0 }.count)
    }
}
