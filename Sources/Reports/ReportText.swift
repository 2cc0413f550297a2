import Foundation
import SurveyCore
import Translations

/// Words and sentences of the human-readable reports (design line, table titles and headers,
/// tests, warnings) in English, Russian or Kazakh, from the catalog (``Phrase``).
///
/// The language comes from a BCP 47 tag (`kk-KZ` is Kazakh); other languages get English.
/// Russian and Kazakh sentences avoid number agreement by putting the count after a label
/// ("респондентов: 200", "PSU саны: 6").
struct ReportText: Sendable {
    let translate: Translator

    init(language tag: String) {
        translate = Translator(tag: tag)
    }

    var language: Language { translate.language }

    // MARK: Design

    var designLabel: String { translate(.design) }

    /// "weights pw, strata stype, clusters dnum (fpc fpc); 200 respondents, 6 PSUs in 3 strata, 197 df".
    func designDescription(_ d: DesignSummary) -> String {
        var parts: [String] = []
        if let w = d.weights {
            parts.append(translate(.weightsVariable, w))
        } else {
            parts.append(translate(d.fpc.isEmpty ? .equalWeights : .weightsFromFPC))
        }
        if let s = d.strata { parts.append(translate(.strataVariable, s)) }
        let fpc = d.fpc.joined(separator: ", ")
        if !d.clusters.isEmpty {
            var clusters = translate(.clustersVariable, d.clusters.joined(separator: ", "))
            if !d.fpc.isEmpty { clusters += " (fpc \(fpc))" }
            parts.append(clusters)
            if d.nest { parts.append(translate(.nestedClusters)) }
        } else if !d.fpc.isEmpty {
            parts.append("fpc " + fpc)
        }
        if d.lonelyPSU != .fail {
            parts.append(translate(.lonelyPSUPolicy, d.lonelyPSU.rawValue))
        }
        parts += d.weighting
        let respondents = translate.counted(d.respondents, one: .respondentCountOne, other: .respondentCount)
        if let r = d.replicates {
            parts.append(translate(r.madeFromDesign ? .replicateWeightsMade : .replicateWeightsRead, String(r.count), r.type.rName))
            return parts.joined(separator: ", ") + "; " + translate(.replicateDesignSizes, respondents, String(d.degreesOfFreedom))
        }
        let psus = translate.counted(d.psuCount, one: .psuCountOne, other: .psuCount)
        let df = String(d.degreesOfFreedom)
        let sizes = d.strata == nil
            ? translate(.designSizes, respondents, psus, df)
            : translate(.designSizesWithStrata, respondents, psus,
                        translate.counted(d.strataCount, one: .strataCountOne, other: .strataCount), df)
        return parts.joined(separator: ", ") + "; " + sizes
    }

    // MARK: Titles and headers

    var fromWave: String { translate(.fromWave) }
    var toWave: String { translate(.toWave) }
    var change: String { translate(.change) }
    var netScore: String { translate(.netScore) }
    var pollModelLabel: String { translate(.pollModel) }

    /// "random walk σ = 0.21 points a day, extra variance τ² = 0 (estimated); house effects sum
    /// to zero; 12 polls by 3 pollsters, 2022-03-06 to 2023-05-20".
    func pollModelDescription(_ m: PollModelSummary) -> String {
        let identification = m.identification == "sum-to-zero"
            ? translate(.houseEffectsSumToZero)
            : translate(.houseEffectsReference, String(m.identification.dropFirst("reference: ".count)))
        return translate(.pollModelLine, NumberText.significant(m.randomWalkSD * 100, digits: 3), String(format: "%.3g", m.extraVariance),
                         translate(m.estimated ? .estimatedByLikelihood : .givenValues), identification,
                         String(m.polls), String(m.pollsters), m.from, m.to)
    }
    var changesTitle: String { translate(.changesBetweenWaves) }
    var wave: String { translate(.wave) }

    /// The heading of the estimates of one variable: "Mean of api00".
    func title(_ statistic: Statistic, _ variable: String) -> String {
        switch statistic {
        case .mean: translate(.meanOf, variable)
        case .total: translate(.totalOf, variable)
        case .ratio: translate(.ratioOf, variable)
        case .proportion: translate(.proportionsOf, variable)
        case .quantile: translate(.quantilesOf, variable)
        case .netScore: translate(.netScoreOf, variable)
        case .pollAverage: translate(.pollAverageOf, variable)
        case .houseEffect: translate(.houseEffectsOf, variable)
        case .mentions: translate(.mentionsOf, variable)
        case .mentioned: translate(.mentionedOf, variable)
        case .krippendorffAlpha: translate(.krippendorffAlphaOf, variable)
        case .cohenKappa: translate(.cohenKappaOf, variable)
        case .fleissKappa: translate(.fleissKappaOf, variable)
        case .percentAgreement: translate(.percentAgreementOf, variable)
        case .difference: translate(.differencesOf, variable)
        case .coefficient: translate(.coefficientsOf, variable)
        }
    }

    // MARK: Reliability of coders

    var codingLabel: String { translate(.coding) }

    /// "coders A, B, C; units: 30, coded at least twice: 28; nominal codes; percentile
    /// intervals from 1000 bootstrap resamples of units (seed 2007)".
    func codingDescription(_ r: ReliabilitySummary) -> String {
        let coders = r.coders.joined(separator: ", ")
        if r.perCode {
            return translate(.codingLinePerCode, coders, String(r.units), String(r.pairableUnits), String(r.replicates), String(r.seed))
        }
        return translate(.codingLine, coders, String(r.units), String(r.pairableUnits), measurement(r.measurement),
                         String(r.replicates), String(r.seed))
    }

    /// A level of measurement in the report's language (as given when it is not one).
    func measurement(_ name: String) -> String {
        switch name {
        case "nominal": translate(.measurementNominal)
        case "ordinal": translate(.measurementOrdinal)
        case "interval": translate(.measurementInterval)
        case "ratio": translate(.measurementRatio)
        default: name
        }
    }

    /// A weighting of Cohen's kappa in the report's language (as given when it is not one).
    func kappaWeighting(_ name: String) -> String {
        switch name {
        case "unweighted": translate(.unweightedKappa)
        case "linear": translate(.linearWeights)
        case "quadratic": translate(.quadraticWeights)
        default: name
        }
    }

    var codeHeader: String { translate(.codeHeader) }
    var kappaWeights: String { translate(.kappaWeights) }
    /// The header of the probabilities of quantiles.
    var probabilityHeader: String { translate(.probabilityHeader) }

    /// The heading of a crosstab: "stype × sch.wide, row percentages".
    func crosstabTitle(rows: String, columns: String, percent: PercentBase) -> String {
        let base: String
        switch percent {
        case .row: base = translate(.rowPercentages)
        case .column: base = translate(.columnPercentages)
        case .cell: base = translate(.cellPercentages)
        }
        return "\(rows) × \(columns), \(base)"
    }

    var estimate: String { translate(.estimate) }
    var standardError: String { translate(.standardError) }
    var designEffect: String { translate(.designEffect) }
    var count: String { translate(.unweightedCount) }
    var weightedCount: String { translate(.weightedCount) }
    var pValue: String { translate(.pValue) }
    var tValue: String { translate(.columnTValue) }
    var oddsRatio: String { translate(.oddsRatio) }
    var coefficientHeader: String { translate(.coefficientHeader) }

    /// "95% CI".
    func interval(level: Double) -> String {
        translate(.confidenceInterval, NumberText.level(level))
    }

    // MARK: Tests, warnings

    /// "Rao–Scott F = 5.19 on 1.49 and 20.9 df, p = 0.0217", prefixed by the test's description.
    func testLine(_ test: TestResult) -> String {
        let name = testName(test)
        let statistic = test.statistic.map { NumberText.significant($0, digits: 3) } ?? "—"
        let df = test.df.map { NumberText.significant($0, digits: 3) }
        let p = test.pValue.map { "p " + NumberText.pValue($0) } ?? "p = —"
        var line = "\(name) = \(statistic)"
        if let corrected = test.correctedStatistic {
            line += " " + translate(.correctedStatistic, NumberText.significant(corrected, digits: 3))
        }
        if !df.isEmpty {
            line += translate(.testDegreesOfFreedom, df.joined(separator: " " + translate(.and) + " "))
        }
        line += ", " + p
        if let adjusted = test.adjustedPValue, test.adjustment == "holm" {
            line += ", " + translate(.holmAdjustedP, NumberText.pValue(adjusted))
        }
        if let description = test.description, !description.isEmpty { line = description + ": " + line }
        return line
    }

    /// The test's name: "Rao–Scott F", "Adjusted Wald F" (an unknown test by its identifier).
    func testName(_ test: TestResult) -> String {
        switch test.name {
        case "rao-scott-f": translate(.raoScottF)
        case "rao-scott-chisq": translate(.raoScottChiSquare)
        case "wald": translate(.waldF)
        case "adjusted-wald": translate(.adjustedWaldF)
        default: test.name
        }
    }

    var warningLabel: String { translate(.warning) }
    var noEstimates: String { translate(.noEstimates) }
}
