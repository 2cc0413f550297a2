import Foundation
import Reports
import Translations

/// The words of the explorer's interface in English, Russian and Kazakh, from the catalog
/// (``Phrase``). The language comes from a BCP 47 tag (`kk-KZ` is Kazakh); other languages
/// get English.
struct ExplorerText {
    let translate: Translator

    init(language: String) {
        translate = Translator(tag: language)
    }

    var language: Language { translate.language }

    var siteName: String { translate(.siteName) }
    var staffSignIn: String { translate(.staffSignIn) }
    var signInUsername: String { translate(.signInUsername) }
    var signInPassword: String { translate(.signInPassword) }
    var signInButton: String { translate(.signInButton) }
    var signOut: String { translate(.signOut) }
    func signedInAs(_ name: String) -> String { translate(.signedInAs, name) }
    var signInRefused: String { translate(.signInRefused) }
    var signInLocked: String { translate(.signInLocked) }
    var savedAnalyses: String { translate(.savedAnalyses) }
    var saveView: String { translate(.saveView) }
    var saveName: String { translate(.saveName) }
    var saveButton: String { translate(.saveButton) }
    var savedNone: String { translate(.savedNone) }
    var savedStudy: String { translate(.savedStudy) }
    var savedBy: String { translate(.savedBy) }
    var savedAt: String { translate(.savedAt) }
    var liveView: String { translate(.liveView) }
    var skip: String { translate(.skipToContent) }
    var studies: String { translate(.studies) }
    /// "16 waves", "волн: 16", "толқын саны: 16" (no agreement of the noun with the number).
    func waves(_ count: Int) -> String { translate.counted(count, one: .waveCountOne, other: .waveCount) }
    var simulated: String { translate(.simulatedData) }
    var simulatedBanner: String { translate(.simulatedBanner) }
    var noStudies: String { translate(.noStudies, "`barometer serve --demo`", "`barometer import STUDY_DIR`") }
    var questions: String { translate(.questions) }
    var search: String { translate(.searchQuestions) }
    var searchButton: String { translate(.searchButton) }
    var searchHint: String { translate(.searchHint) }
    /// "3 questions match “trust”."
    func found(_ n: Int, _ q: String) -> String {
        translate.text(n == 1 ? .questionsFoundOne : .questionsFound, arguments: [String(n), q])
    }
    var askedIn: String { translate(.askedIn) }
    var events: String { translate(.events) }
    var breakdown: String { translate(.breakdown) }
    var showDifferences: String { translate(.showDifferences) }
    var none: String { translate(.none) }
    var wave: String { translate(.wave) }
    var allWaves: String { translate(.allWaves) }
    var answers: String { translate(.answers) }
    var withDK: String { translate(.withDontKnow) }
    var withoutDK: String { translate(.withoutDontKnow) }
    var chart: String { translate(.chart) }
    var automatic: String { translate(.automatic) }
    /// The chart kinds of the view form: the query value and its name.
    var chartNames: [(String, String)] {
        [("diverging", translate(.chartDiverging)), ("trend", translate(.chartTrend)),
         ("bars", translate(.chartBars)), ("small-multiples", translate(.chartSmallMultiples))]
    }
    var filter: String { translate(.filterOptional) }
    /// "e.g. {example}", the example a filter of the study's own variables and labels.
    func filterHint(_ example: String) -> String { translate(.filterHint, example) }
    var show: String { translate(.show) }
    var table: String { translate(.estimatesWithIntervals) }
    var download: String { translate(.download) }
    var downloadSpreadsheet: String { translate(.downloadSpreadsheet) }
    var permalink: String { translate(.permalink) }
    var embed: String { translate(.embedChart) }
    var method: String { translate(.method) }
    /// "3 waves, n = 2,400 respondents. Weighted estimates ...", and the largest margin of error
    /// shown when there is one.
    func methodNote(waves: Int, respondents: Int, margin: Double?) -> String {
        let count = translate.counted(waves, one: .waveCountOne, other: .waveCount)
        let note = translate(.explorerMethodNote, count.prefix(1).uppercased() + count.dropFirst(), grouped(respondents), "95%")
        guard let margin else { return note }
        return note + " " + translate(.largestMargin, String(format: "%.1f", margin * 100))
    }
    func suppressedNote(_ minimum: Int) -> String { translate(.suppressedNote, String(minimum)) }
    var back: String { translate(.allQuestions) }
    var home: String { translate(.home) }
    var api: String { translate(.api) }
    var footer: String { translate(.explorerFooter) }
    var errorTitle: String { translate(.errorTitle) }
    var languageName: String { translate(.languageName) }

    // Coded open-ended questions
    var codedQuestions: String { translate(.codedQuestions) }
    var codedQuestionsNote: String { translate(.codedQuestionsNote) }
    var mentionBase: String { translate(.mentionBase) }
    var allMentions: String { translate(.ofAllMentions) }
    var respondentsWhoAnswered: String { translate(.respondentsWhoAnswered) }
    var codes: String { translate(.codesChoice) }
    var allCodes: String { translate(.allCodes) }
    var categorizableCodes: String { translate(.categorizableCodes) }
    /// "3 waves, n = 2,400 respondents. Each wave is weighted ... coded with the study's code frame."
    func codedMethodNote(waves: Int, respondents: Int) -> String {
        let count = translate.counted(waves, one: .waveCountOne, other: .waveCount)
        return translate(.codedMethodNote, count.prefix(1).uppercased() + count.dropFirst(), grouped(respondents), "95%")
    }

    // Polls
    var polls: String { translate(.polls) }
    var pollsIntro: String { translate(.pollsIntro) }
    /// "3 polls", "опросов: 3".
    func pollCount(_ n: Int) -> String { translate.counted(n, one: .pollCountOne, other: .pollCount) }
    var noPolls: String { translate(.noPolls, "`barometer polls import FILE.csv`") }
    var allPolls: String { translate(.allPolls) }
    var answer: String { translate(.answer) }
    /// "Average on 2023-05-07: 12.9% (95% interval 9.8–16.0)."
    func latestAverage(date: String, estimate: String, level: String, lower: String, upper: String) -> String {
        translate(.latestAverage, date, estimate, level, lower, upper)
    }
    var pollster: String { translate(.pollster) }
    var houseEffectNote: String { translate(.houseEffectNote) }
    var publishedPolls: String { translate(.publishedPolls) }
    var fieldwork: String { translate(.fieldwork) }
    var shares: String { translate(.sharesPercent) }
    var source: String { translate(.source) }
    var averageTooFew: String { translate(.pollAverageTooFew) }
    var model: String { translate(.pollModel) }

    /// 24112 → "24,112" in English, "24 112" (a narrow space) in Russian and Kazakh.
    func grouped(_ n: Int) -> String {
        StudyChartMaker.grouped(n, in: language)
    }
}
