import Foundation
import SurveyCore

/// Plain-language sentences from the statistics, in English, Russian or Kazakh: what changed
/// between waves and whether it is larger than sampling error, and whether answers differ
/// across groups. A change or difference is called significant at the interval's level
/// (p below 1 − level, 0.05 for 95% intervals).
///
/// - "Very favourable fell from 39% in Spring 2017 to 12% in Autumn 2022, a change larger
///   than sampling error (p < 0.001)."
/// - "No significant difference between Kazakh and Russian (Rao–Scott F, p = 0.41)."
public struct VerdictWriter: Sendable {
    public enum Language: String, Sendable { case en, ru, kk }

    public let language: Language

    public init(language: String) {
        self.language = Language(rawValue: String(language.prefix(2))) ?? .en
    }

    /// A sentence for a change between two waves.
    /// - Parameters:
    ///   - subject: what changed ("Very favourable", "The net score").
    ///   - from, to: the waves' labels.
    public func change(_ c: Comparison, subject: String, from: String, to: String) -> String {
        let percent = c.statistic == .proportion
        func value(_ x: Double) -> String {
            percent ? Self.whole(x * 100) + "%" : (c.statistic == .netScore ? NumberText.points(x) : NumberText.significant(x, digits: 3))
        }
        let a = value(c.fromEstimate), b = value(c.toEstimate)
        let p = pText(c.pValue)
        let rose = c.difference > 0
        let sameRounded = a == b
        switch language {
        case .en:
            if sameRounded { return "\(subject) was \(a) in \(from) and \(b) in \(to) (p \(p))." }
            let verb = rose ? "rose" : "fell"
            return c.isSignificant
                ? "\(subject) \(verb) from \(a) in \(from) to \(b) in \(to), a change larger than sampling error (p \(p))."
                : "\(subject) \(verb) from \(a) in \(from) to \(b) in \(to), a change within sampling error (p \(p))."
        case .ru:
            if sameRounded { return "\(subject): \(a) (\(from)) и \(b) (\(to)) (p \(p))." }
            let noun = rose ? "рост" : "снижение"
            return c.isSignificant
                ? "\(subject): \(a) (\(from)) → \(b) (\(to)); \(noun) больше выборочной ошибки (p \(p))."
                : "\(subject): \(a) (\(from)) → \(b) (\(to)); \(noun) в пределах выборочной ошибки (p \(p))."
        case .kk:
            if sameRounded { return "\(subject): \(from) — \(a), \(to) — \(b) (p \(p))." }
            let verb = rose ? "өсті" : "төмендеді"
            return c.isSignificant
                ? "\(subject): \(from) — \(a), \(to) — \(b); үлес \(verb), өзгеріс іріктеу қателігінен үлкен (p \(p))."
                : "\(subject): \(from) — \(a), \(to) — \(b); үлес \(verb), бірақ өзгеріс іріктеу қателігі шегінде (p \(p))."
        }
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
        let pair = groups.count == 2
        switch language {
        case .en:
            if significant {
                return pair ? "In \(wave), answers differ between \(groups[0]) and \(groups[1]) (Rao–Scott F, p \(p))."
                    : "In \(wave), answers differ by \(variable) (Rao–Scott F, p \(p))."
            }
            return pair ? "In \(wave), no significant difference between \(groups[0]) and \(groups[1]) (Rao–Scott F, p \(p))."
                : "In \(wave), no significant difference by \(variable) (Rao–Scott F, p \(p))."
        case .ru:
            if significant {
                return pair ? "\(wave): ответы различаются между группами «\(groups[0])» и «\(groups[1])» (F Рао–Скотта, p \(p))."
                    : "\(wave): ответы различаются в зависимости от признака «\(variable)» (F Рао–Скотта, p \(p))."
            }
            return pair ? "\(wave): значимой разницы между группами «\(groups[0])» и «\(groups[1])» нет (F Рао–Скотта, p \(p))."
                : "\(wave): значимых различий по признаку «\(variable)» нет (F Рао–Скотта, p \(p))."
        case .kk:
            if significant {
                return pair ? "\(wave): «\(groups[0])» және «\(groups[1])» топтарының жауаптары ерекшеленеді (Рао–Скотт F, p \(p))."
                    : "\(wave): жауаптар «\(variable)» бойынша ерекшеленеді (Рао–Скотт F, p \(p))."
            }
            return pair ? "\(wave): «\(groups[0])» және «\(groups[1])» топтарының арасында елеулі айырмашылық жоқ (Рао–Скотт F, p \(p))."
                : "\(wave): «\(variable)» бойынша елеулі айырмашылық жоқ (Рао–Скотт F, p \(p))."
        }
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
        switch language {
        case .en:
            var text = "Answers differ by \(variable) in \(differ.count) of \(valid.count) waves (Rao–Scott F, p < \(alpha))"
            if !same.isEmpty && same.count <= differ.count { text += "; not in \(list(same))" }
            if !differ.isEmpty && differ.count < same.count { text += ": \(list(differ))" }
            return text + "."
        case .ru:
            var text = "Ответы различаются по признаку «\(variable)» в \(differ.count) волнах из \(valid.count) (F Рао–Скотта, p < \(alpha.replacingOccurrences(of: ".", with: ",")))"
            if !same.isEmpty && same.count <= differ.count { text += "; кроме: \(list(same))" }
            if !differ.isEmpty && differ.count < same.count { text += ": \(list(differ))" }
            return text + "."
        case .kk:
            var text = "Жауаптар «\(variable)» бойынша \(valid.count) толқынның \(differ.count) толқынында ерекшеленеді (Рао–Скотт F, p < \(alpha.replacingOccurrences(of: ".", with: ",")))"
            if !same.isEmpty && same.count <= differ.count { text += "; ерекшеленбейтіндері: \(list(same))" }
            if !differ.isEmpty && differ.count < same.count { text += ": \(list(differ))" }
            return text + "."
        }
    }

    /// "< 0.001", "= 0.023" (decimal comma in Russian and Kazakh).
    func pText(_ p: Double) -> String {
        let text: String
        if p < 0.001 { text = "< 0.001" } else { text = "= " + NumberText.significant(p, digits: p < 0.01 ? 1 : 2) }
        return language == .en ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    /// A percentage rounded to a whole number ("39").
    static func whole(_ x: Double) -> String { NumberText.fixed(x, decimals: 0) }
}
