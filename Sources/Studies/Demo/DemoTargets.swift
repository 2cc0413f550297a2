/// What the weighted population of each demo wave is expected to answer, in percent: the
/// calibration of the demo study.
///
/// Rows are waves (spring 2017 … autumn 2024); columns are the substantive answers in code
/// order, then "don't know" and "refused" together. Sources (`reference/published-figures.md`):
///
/// - Pooled 2017–2019 (PONARS Eurasia Policy Memo 658): the averages of the six face-to-face
///   rows are exactly the published figures — opinion of Russia 39/48/6/2 with 5 DK/NA, closer
///   economic relations 46/42/3/3 with 6, EEU benefit 37/35/8/6 with 14.
/// - Central Asia Barometer 2023: "very favourable" declines to a low in autumn 2022, "very
///   unfavourable" jumps in spring 2022, a plurality stays "somewhat favourable", at least a
///   third unfavourable in autumn 2022; autumn 2022 two thirds friendly, a quarter unfriendly,
///   a third negative influence, half concerned; Russia the most named security partner (over a
///   quarter); support for a Russian military presence falls from spring 2021 to autumn 2022.
/// - Demoscope: side in the war 10/39/46 (March 2022, matched to spring 2022), 22/13/59
///   (November 2022), 21/13/60 (May 2023).
///
/// Rows between published points are interpolated; opinions of China, the United States,
/// Turkey and the EU are not published in the reference and are plausible inventions, chosen so
///   that of those favourable to Russia about 71% are favourable to China and 55% to the US.
enum DemoTargets {
    /// Very favourable, somewhat favourable, somewhat unfavourable, very unfavourable, DK/RA.
    static let opinionRussia: [[Double]] = [
        [43, 46, 4.5, 1.5, 5], [42, 46.5, 5, 1.5, 5], [40, 47.5, 5.5, 2, 5], [38.5, 48.5, 6, 2, 5],
        [36.5, 49.5, 7, 2, 5], [34, 50, 8, 3, 5], [32, 50, 9, 3, 6], [31, 50, 10, 3, 6],
        [29, 50, 11, 4, 6], [27, 50, 12, 5, 6], [22, 42, 16, 13, 7], [17, 40, 21, 15, 7],
        [19, 43, 18, 13, 7], [20, 44, 17, 12, 7], [21, 45, 16, 11, 7], [21, 46, 16, 10, 7],
    ]

    /// Strongly support, somewhat support, somewhat oppose, strongly oppose, DK/RA.
    static let economicRelations: [[Double]] = [
        [50, 40, 2, 2, 6], [49, 40.5, 2.5, 2, 6], [47, 41.5, 3, 2.5, 6], [45, 43, 3, 3, 6],
        [43, 44, 3.5, 3.5, 6], [42, 43, 4, 5, 6], [40, 44, 5, 4, 7], [39, 44, 5, 5, 7],
        [37, 45, 6, 5, 7], [36, 45, 6, 6, 7], [30, 42, 10, 9, 9], [27, 41, 12, 11, 9],
        [28, 42, 11, 10, 9], [29, 42, 11, 9, 9], [30, 43, 10, 9, 8], [30, 44, 10, 8, 8],
    ]

    /// Strongly agree, somewhat agree, somewhat disagree, strongly disagree, DK/RA.
    static let eeuBenefit: [[Double]] = [
        [40, 35, 6, 5, 14], [39, 35, 7, 5, 14], [38, 35, 7.5, 5.5, 14], [36, 35, 8.5, 6.5, 14],
        [35, 35, 9, 7, 14], [34, 35, 10, 7, 14], [32, 35, 10, 8, 15], [31, 35, 11, 8, 15],
        [30, 35, 11, 9, 15], [29, 35, 12, 9, 15], [25, 33, 14, 12, 16], [23, 32, 15, 14, 16],
        [24, 33, 15, 13, 15], [24, 34, 14, 13, 15], [25, 34, 14, 12, 15], [25, 35, 13, 12, 15],
    ]

    /// Friendly, unfriendly, DK/RA.
    static let russiaFriendly: [[Double]] = [
        [84, 7, 9], [84, 7, 9], [83, 8, 9], [82, 9, 9], [81, 10, 9], [80, 11, 9], [79, 12, 9], [78, 12, 10],
        [77, 13, 10], [76, 14, 10], [66, 24, 10], [64, 25, 11], [65, 24, 11], [66, 23, 11], [67, 22, 11], [67, 22, 11],
    ]

    /// Mostly positive, mostly negative, neither, DK/RA.
    static let russiaInfluence: [[Double]] = [
        [62, 8, 20, 10], [61, 9, 20, 10], [60, 10, 20, 10], [58, 11, 21, 10], [56, 12, 22, 10], [55, 13, 22, 10],
        [54, 14, 22, 10], [53, 15, 22, 10], [51, 16, 23, 10], [50, 17, 23, 10], [42, 30, 19, 9], [40, 33, 18, 9],
        [41, 31, 19, 9], [42, 30, 19, 9], [43, 29, 19, 9], [43, 28, 20, 9],
    ]

    /// Very, somewhat, not very, not at all concerned, DK/RA.
    static let russiaConcern: [[Double]] = [
        [6, 16, 33, 37, 8], [6, 17, 33, 36, 8], [7, 17, 33, 35, 8], [7, 18, 33, 34, 8],
        [8, 19, 33, 32, 8], [8, 20, 33, 31, 8], [9, 21, 32, 30, 8], [9, 22, 32, 29, 8],
        [10, 23, 31, 28, 8], [11, 24, 30, 27, 8], [18, 29, 26, 19, 8], [20, 30, 25, 17, 8],
        [19, 29, 26, 18, 8], [18, 29, 26, 19, 8], [17, 29, 27, 19, 8], [17, 28, 27, 20, 8],
    ]

    /// Russia named as the best security partner, per wave.
    static let securityRussia: [Double] = [48, 47, 46, 45, 44, 43, 41, 40, 39, 38, 31, 29, 30, 30, 31, 31]

    /// How those who do not name Russia divide: China, Turkey, United States, EU, none, DK/RA.
    static let securityOthers: [Double] = [15, 18, 9, 9, 22, 27]

    /// Support, oppose, DK/RA; asked in spring 2021 and autumn 2022 only.
    static let russianBase: [Int: [Double]] = [8: [52, 36, 12], 11: [37, 52, 11]]

    /// Ukraine, Russia, neutral, DK/RA; from spring 2022.
    static let warSide: [Int: [Double]] = [
        10: [10, 39, 46, 5], 11: [22, 13, 59, 6], 12: [21, 13, 60, 6], 13: [21, 13, 60, 6],
        14: [20, 13, 61, 6], 15: [20, 12, 62, 6],
    ]

    /// Very favourable, somewhat favourable, somewhat unfavourable, very unfavourable, DK/RA.
    static let opinionChina: [[Double]] = [
        [20, 48, 14, 7, 11], [20, 48, 14, 7, 11], [19, 48, 15, 7, 11], [19, 47, 15, 8, 11],
        [18, 46, 16, 9, 11], [17, 46, 17, 9, 11], [15, 44, 19, 11, 11], [15, 44, 19, 11, 11],
        [16, 45, 18, 10, 11], [16, 45, 18, 10, 11], [16, 46, 17, 9, 12], [16, 46, 17, 9, 12],
        [17, 46, 16, 9, 12], [17, 46, 16, 9, 12], [17, 47, 16, 8, 12], [17, 47, 16, 8, 12],
    ]

    static let opinionUSA: [[Double]] = [
        [14, 38, 20, 12, 16], [14, 38, 20, 12, 16], [13, 38, 21, 12, 16], [13, 38, 21, 12, 16],
        [13, 37, 21, 13, 16], [13, 37, 21, 13, 16], [12, 36, 22, 14, 16], [12, 36, 22, 14, 16],
        [12, 37, 22, 13, 16], [12, 37, 22, 13, 16], [14, 38, 20, 12, 16], [14, 39, 20, 11, 16],
        [14, 39, 20, 11, 16], [14, 39, 20, 11, 16], [13, 39, 21, 11, 16], [13, 39, 21, 11, 16],
    ]

    static let opinionTurkey: [[Double]] = Array(repeating: [30, 48, 9, 3, 10], count: 10)
        + Array(repeating: [32, 48, 8, 3, 9], count: 6)

    static let opinionEU: [[Double]] = Array(repeating: [18, 44, 14, 6, 18], count: 10)
        + Array(repeating: [18, 45, 14, 6, 17], count: 6)

    /// Regular viewers of media from Russia, per wave.
    static let russianMedia: [Double] = [74, 73, 72, 71, 70, 69, 68, 67, 66, 65, 63, 62, 61, 60, 59, 58]

    /// Interviews in Russian, per wave: falling from one half to about a third.
    static let russianInterviews: [Double] = (0..<16).map { 50 - Double($0) }

    /// Share of "refused" within "don't know / refused".
    static let refusedShare = 0.2
}
