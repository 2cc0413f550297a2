import SurveyCore

/// One wave of the demo study as planned: when, how, and where it sits in time.
struct DemoWave {
    enum Mode: String {
        case faceToFace = "face-to-face"
        case telephone
    }

    /// 0 for spring 2017 … 15 for autumn 2024.
    let index: Int
    let year: Int
    let isSpring: Bool
    let fieldworkStart: String
    let fieldworkEnd: String

    var id: String { "\(year)-\(isSpring ? "spring" : "autumn")" }

    /// Face-to-face on tablets until 2019, telephone (random mobile numbers) from 2020.
    var mode: Mode { year <= 2019 ? .faceToFace : .telephone }

    var label: LocalizedText {
        isSpring
            ? DemoText.t("Spring \(year)", "Весна \(year)", "\(year) көктемі")
            : DemoText.t("Autumn \(year)", "Осень \(year)", "\(year) күзі")
    }

    /// The sixteen waves, spring and autumn 2017–2024, fielded April–May and October–November.
    static let all: [DemoWave] = {
        let dates: [(String, String)] = [
            ("2017-04-10", "2017-05-12"), ("2017-10-09", "2017-11-10"),
            ("2018-04-16", "2018-05-18"), ("2018-10-08", "2018-11-09"),
            ("2019-04-15", "2019-05-17"), ("2019-10-14", "2019-11-15"),
            ("2020-04-20", "2020-05-22"), ("2020-10-12", "2020-11-06"),
            ("2021-04-12", "2021-05-07"), ("2021-10-11", "2021-11-05"),
            ("2022-04-18", "2022-05-13"), ("2022-10-17", "2022-11-11"),
            ("2023-04-17", "2023-05-12"), ("2023-10-16", "2023-11-10"),
            ("2024-04-15", "2024-05-10"), ("2024-10-14", "2024-11-08"),
        ]
        return dates.enumerated().map { i, d in
            DemoWave(index: i, year: 2017 + i / 2, isSpring: i % 2 == 0, fieldworkStart: d.0, fieldworkEnd: d.1)
        }
    }()

    /// Index of the first wave after Russia's full-scale invasion of Ukraine (spring 2022).
    static let firstWartime = 10
}
