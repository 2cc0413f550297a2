import Foundation
import SurveyCore
import Translations

/// Plain-language sentences from the statistics, in English, Russian or Kazakh: what changed
/// between waves and whether it is larger than sampling error, and whether answers differ
/// across groups. A change or difference is called significant at the interval's level
/// (p below 1 − level, 0.05 for 95% intervals).
///
/// - "Very favourable fell from 39% in Spring 2017 to 12% in Autumn 2022, a change larger
///   than sampling error (p < 0.001)."
/// - "No significant difference between Kazakh and Russian (Rao–Scott F, p = 0.41)."
///
/// The sentences are templates of the catalog (``Phrase``) whose placeholders each language
/// orders as its grammar wants.
public struct VerdictWriter: Sendable {
    /// The languages the sentences are written in.
    public typealias Language = Translations.Language

    /// The language of the sentences.
    public let language: Language

    private var translate: Translator { Translator(language) }

    /// Sentences in the language of a BCP 47 tag (`kk-KZ` is Kazakh); English for a language
    /// the catalog does not have.
    public init(language: String) {
        self.language = Language(tag: language)
    }

    /// A sentence for a change between two waves.
    /// - Parameters:
    ///   - subject: what changed ("Very favourable", "The net score").
    ///   - from, to: the waves' labels.
    public func change(_ c: Comparison, subject: String, from: String, to: String) -> String {
        let percent = [.proportion, .mentions, .mentioned].contains(c.statistic)
        func value(_ x: Double) -> String {
            percent ? Self.whole(x * 100) + "%" : (c.statistic == .netScore ? NumberText.points(x) : NumberText.significant(x, digits: 3))
        }
        let a = value(c.fromEstimate), b = value(c.toEstimate)
        let p = pText(c.pValue)
        if a == b { return translate(.changeSameRounded, subject, a, from, b, to, p) }
        let direction = translate(c.difference > 0 ? .rose : .fell)
        return translate(c.isSignificant ? .changeLarger : .changeWithin, subject, direction, a, from, b, to, p)
    }

    /// A sentence for a difference between two groups of one sample (a row of
    /// ``Statistic/difference``): worded apart from a change between waves, since the two
    /// groups share the sample and the p-value counts the covariance of their estimates.
    /// Empty for a row without its groups or p-value (withheld).
    /// - Parameters:
    ///   - subject: what differs ("Very favourable", "Mean of api00").
    ///   - groups: the two groups' labels, as shown.
    public func groupDifference(_ row: ResultRow, subject: String, groups: (String, String)) -> String {
        guard let d = row.difference, let pValue = d.pValue, let a = d.groupEstimate, let b = d.referenceEstimate,
              let estimate = row.estimate else { return "" }
        let percent = d.of == .proportion, net = d.of == .netScore
        func value(_ x: Double) -> String {
            percent ? Self.whole(x * 100) + "%" : net ? NumberText.points(x) : NumberText.significant(x, digits: 3)
        }
        let difference = percent || net ? NumberText.points(estimate) : NumberText.significant(estimate, digits: 3)
        let level = row.ci?.level ?? 0.95
        let phrase: Phrase = d.isSignificant(at: level) ? .groupDifferenceLarger : .groupDifferenceWithin
        return translate(phrase, subject, groups.0, decimal(value(a)), groups.1, decimal(value(b)), decimal(difference), pText(pValue))
    }

    /// "4 of 60 differences between groups are larger than sampling error ...; the table lists them all."
    public func groupDifferences(significant: Int, of count: Int) -> String {
        translate(.groupDifferencesSummary, String(significant), String(count))
    }

    /// A sentence for a test of whether answers differ across groups.
    /// - Parameters:
    ///   - variable: the breakdown's name ("age group").
    ///   - groups: its groups' labels (two groups get "between A and B").
    ///   - wave: the wave's label.
    public func difference(_ test: TestResult, variable label: String, groups: [String], wave: String, level: Double = 0.95) -> String {
        guard let pValue = test.pValue else { return "" }
        let variable = language == .en ? label.prefix(1).lowercased() + label.dropFirst() : label
        let p = pText(pValue)
        let significant = pValue < 1 - level
        if groups.count == 2 {
            return translate(significant ? .differBetweenGroups : .noDifferenceBetweenGroups, wave, groups[0], groups[1], p)
        }
        return translate(significant ? .differByVariable : .noDifferenceByVariable, wave, variable, p)
    }

    /// One sentence for the tests of many waves: in how many the answers differ across groups,
    /// naming the waves where they do not (or do, when those are fewer).
    public func differences(_ tests: [(wave: String, test: TestResult)], variable label: String, level: Double = 0.95) -> String {
        let variable = language == .en ? label.prefix(1).lowercased() + label.dropFirst() : label
        let valid = tests.filter { $0.test.pValue != nil }
        let differ = valid.filter { $0.test.pValue! < 1 - level }
        let same = valid.filter { $0.test.pValue! >= 1 - level }
        let alpha = NumberText.significant(1 - level, digits: 2)
        func list(_ items: [(wave: String, test: TestResult)]) -> String {
            items.map { "\($0.wave) (p \(pText($0.test.pValue!)))" }.joined(separator: ", ")
        }
        var text = translate(.differInWaves, variable, String(differ.count), String(valid.count), decimal(alpha))
        if !same.isEmpty && same.count <= differ.count { text += translate(.differInWavesExcept, list(same)) }
        if !differ.isEmpty && differ.count < same.count { text += ": \(list(differ))" }
        return text + "."
    }

    /// One sentence per wave for the per-code tests of a coded question: how many codes differ
    /// between the groups once p is adjusted for the number of codes (Holm).
    public func codeDifferences(_ tests: [TestResult], variable label: String, wave: String, level: Double = 0.95) -> String {
        let variable = language == .en ? label.prefix(1).lowercased() + label.dropFirst() : label
        let differ = tests.filter { ($0.adjustedPValue ?? $0.pValue ?? 1) < 1 - level }.count
        let alpha = decimal(NumberText.significant(1 - level, digits: 2))
        return translate(.codesDifferInWave, wave, String(differ), String(tests.count), variable, alpha)
    }

    /// One sentence for the per-code tests of many waves: in how many waves at least one code
    /// differs between the groups after Holm's adjustment.
    public func codeDifferences(inWaves tests: [[TestResult]], variable label: String, level: Double = 0.95) -> String {
        let variable = language == .en ? label.prefix(1).lowercased() + label.dropFirst() : label
        let differ = tests.filter { wave in wave.contains { ($0.adjustedPValue ?? $0.pValue ?? 1) < 1 - level } }.count
        let alpha = decimal(NumberText.significant(1 - level, digits: 2))
        return translate(.codesDifferInWaves, variable, String(differ), String(tests.count), alpha)
    }

    /// "< 0.001", "= 0.023" (decimal comma in Russian and Kazakh).
    func pText(_ p: Double) -> String {
        let text: String
        if p < 0.001 { text = "< 0.001" } else { text = "= " + NumberText.significant(p, digits: p < 0.01 ? 1 : 2) }
        return decimal(text)
    }

    /// A number with a decimal comma in Russian and Kazakh, a point in English.
    func decimal(_ number: String) -> String {
        language == .en ? number : number.replacingOccurrences(of: ".", with: ",")
    }

    /// A percentage rounded to a whole number ("39").
    static func whole(_ x: Double) -> String { NumberText.fixed(x, decimals: 0) }
}
