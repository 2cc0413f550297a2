import SurveyCore
import Translations

/// The fixed words of a study report in English, Russian and Kazakh, from the catalog
/// (``Phrase``).
struct ReportWords {
    let translate: Translator

    init(language: String) {
        translate = Translator(tag: language)
    }

    var language: Language { translate.language }

    var simulatedBanner: String { translate(.simulatedBanner) }

    var contents: String { translate(.contents) }

    var tableSummary: String { translate(.tableWithIntervals) }

    var netScore: String { translate(.netScoreSubject) }

    /// What a share of mentions is a share of: "Share of all mentions".
    var ofAllMentions: String { translate(.shareOfAllMentions) }

    /// "Share of respondents who answered that mentioned each".
    var ofRespondentsMentioning: String { translate(.shareOfRespondentsMentioning) }

    /// "By age group"; in English a label of more than three words is "Breakdown: …".
    func by(_ variable: String) -> String {
        guard language == .en else { return translate(.byVariable, variable) }
        return variable.split(separator: " ").count <= 3
            ? translate(.byVariable, variable.prefix(1).lowercased() + variable.dropFirst())
            : translate(.breakdownOf, variable)
    }

    var design: String { translate(.design) }

    /// "3 waves, n = 2,400 respondents. Weighted estimates with design-based 95% confidence
    /// intervals (...)".
    func methodNote(waves: Int, respondents: Int, level: Double) -> String {
        let n = StudyChartMaker.grouped(respondents, in: language)
        let count = translate.counted(waves, one: .waveCountOne, other: .waveCount)
        return translate(.reportMethodNote, Self.capitalized(count), n, NumberText.level(level))
    }

    var footer: String { translate(.reportFooter, BarometerVersion.description) }

    /// `text` with its first letter upper-cased (a phrase that starts a sentence).
    static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
