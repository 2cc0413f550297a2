import Foundation
import Studies
import SurveyCore
import Testing

/// The published figures the demo study is calibrated to, against what it gives: printed with
/// `BAROMETER_DEMO_REPORT=1 swift test --filter DemoCalibrationReport`, for re-tuning.
@Suite("Demo calibration report")
struct DemoCalibrationReport {
    typealias F = DemoFixture

    struct Line {
        let figure: String
        let target: String
        let achieved: Double
    }

    static func lines() throws -> [Line] {
        var lines: [Line] = []
        func add(_ figure: String, _ target: String, _ value: Double) { lines.append(Line(figure: figure, target: target, achieved: value)) }
        let fav: Set<Int> = [1, 2], unfav: Set<Int> = [3, 4], dk: Set<Int> = [98, 99]
        for (label, code) in [("very favourable", 1), ("somewhat favourable", 2), ("somewhat unfavourable", 3), ("very unfavourable", 4)] {
            add("pooled 2017–19 Russia \(label)", ["39", "48", "6", "2"][code - 1], try F.pooledPercent("opinion_russia", [code]))
        }
        add("pooled 2017–19 Russia DK/NA", "5", try F.pooledPercent("opinion_russia", dk))
        add("pooled 2017–19 Russia favourable", "87", try F.pooledPercent("opinion_russia", fav))
        for (i, target) in ["46", "42", "3", "3"].enumerated() {
            add("pooled econ relations code \(i + 1)", target, try F.pooledPercent("econ_russia", [i + 1]))
        }
        add("pooled econ relations DK/NA", "6", try F.pooledPercent("econ_russia", dk))
        for (i, target) in ["37", "35", "8", "6"].enumerated() {
            add("pooled EEU benefit code \(i + 1)", target, try F.pooledPercent("eeu_benefit", [i + 1]))
        }
        add("pooled EEU benefit DK/NA", "14", try F.pooledPercent("eeu_benefit", dk))
        add("pooled China fav | Russia fav", "71", try F.pooledPercent("opinion_china", fav, filter: "opinion_russia in (1, 2)"))
        add("pooled US fav | Russia fav", "55", try F.pooledPercent("opinion_usa", fav, filter: "opinion_russia in (1, 2)"))
        add("pooled China favourable (all)", "", try F.pooledPercent("opinion_china", fav))
        add("pooled US favourable (all)", "", try F.pooledPercent("opinion_usa", fav))
        for wave in F.study.waves {
            let w = wave.id
            add("\(w) Russia very favourable", w == "2022-autumn" ? "lowest" : "", try F.percent("opinion_russia", [1], wave: w))
            add("\(w) Russia somewhat favourable", "plurality", try F.percent("opinion_russia", [2], wave: w))
            add("\(w) Russia unfavourable", "", try F.percent("opinion_russia", unfav, wave: w))
            add("\(w) Russia very unfavourable", w == "2022-spring" ? "jumps" : "", try F.percent("opinion_russia", [4], wave: w))
        }
        let a22 = "2022-autumn"
        add("autumn 2022 unfavourable", "≥ 33", try F.percent("opinion_russia", unfav, wave: a22))
        for (g, label) in [(1, "18–29"), (2, "30–39"), (3, "40–49"), (4, "50–59"), (5, "60+")] {
            add("autumn 2022 \(label) negative", g == 1 ? "≈ 50" : "", try F.percent("opinion_russia", unfav, wave: a22, filter: "agegroup == \(g)"))
            add("autumn 2022 \(label) very favourable", g == 1 ? "≈ 10" : "", try F.percent("opinion_russia", [1], wave: a22, filter: "agegroup == \(g)"))
            add("autumn 2022 \(label) favourable", "", try F.percent("opinion_russia", fav, wave: a22, filter: "agegroup == \(g)"))
        }
        for w in ["2022-spring", a22] {
            let viewers = try F.percent("opinion_russia", fav, wave: w, filter: "russian_media == 1")
            let others = try F.percent("opinion_russia", fav, wave: w, filter: "russian_media == 2")
            add("\(w) favourable, media viewers", "", viewers)
            add("\(w) favourable, non-viewers", "", others)
            add("\(w) ratio viewers / non-viewers", "≈ 2", viewers / others)
            add("\(w) very unfavourable, non-viewers", "≈ 33", try F.percent("opinion_russia", [4], wave: w, filter: "russian_media == 2"))
        }
        add("autumn 2022 friendly", "≈ 66", try F.percent("russia_friendly", [1], wave: a22))
        add("autumn 2022 unfriendly", "≈ 25", try F.percent("russia_friendly", [2], wave: a22))
        add("autumn 2022 influence negative", "≈ 33", try F.percent("russia_influence", [2], wave: a22))
        add("autumn 2022 concerned", "≈ 50", try F.percent("russia_concern", [1, 2], wave: a22))
        for (code, name) in [(1, "Russia"), (2, "China"), (3, "Turkey"), (4, "USA"), (5, "EU")] {
            add("autumn 2022 security partner \(name)", code == 1 ? "> 25, first" : "", try F.percent("security_partner", [code], wave: a22))
        }
        for w in ["2021-spring", a22] {
            add("\(w) Russian base support", "falls", try F.percent("russian_base", [1], wave: w))
            add("\(w) Russian base oppose", "rises", try F.percent("russian_base", [2], wave: w))
        }
        for (w, targets) in [("2022-spring", ["10", "39", "46"]), (a22, ["22", "13", "59"]), ("2023-spring", ["21.1", "12.8", "59.8"])] {
            for (code, side) in [(1, "Ukraine"), (2, "Russia"), (3, "neutral")] {
                add("\(w) war side \(side)", targets[code - 1], try F.percent("war_side", [code], wave: w))
            }
        }
        for (g, label, targets) in [(1, "18–29", ["23", "6"]), (5, "60+", ["14", "34"])] {
            for (code, side) in [(1, "Ukraine"), (2, "Russia")] {
                add("autumn 2022 \(label) war side \(side)", targets[code - 1], try F.percent("war_side", [code], wave: a22, filter: "agegroup == \(g)"))
            }
        }
        for wave in F.study.waves {
            add("\(wave.id) Russian-language interviews", "falling", try F.percent("language", [2], wave: wave.id))
        }
        add("2017-spring ethnic Russians (adults)", "> 15.5", try F.percent("ethnicity", [2], wave: "2017-spring"))
        return lines
    }

    @Test("prints the calibration table when asked")
    func report() throws {
        guard ProcessInfo.processInfo.environment["BAROMETER_DEMO_REPORT"] != nil else { return }
        let clock = ContinuousClock()
        let elapsed = try clock.measure { _ = try DemoStudyGenerator(seed: 7).generate() }
        print("generation: \(elapsed)")
        for line in try Self.lines() {
            let value = (line.achieved * 10).rounded() / 10
            print("| \(line.figure) | \(line.target) | \(value) |")
        }
    }
}
