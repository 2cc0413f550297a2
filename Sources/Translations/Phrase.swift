/// Every fixed word and sentence users read in reports, tables, charts and the explorer, in
/// English, Russian and Kazakh: the one catalog of Barometer.
///
/// A phrase is a key; ``texts`` holds its three texts. Numbered placeholders `{1}`, `{2}`,
/// ... stand for what the caller supplies (a variable's name, a count, a wave's label);
/// each language may order them as its grammar wants. Phrases that name a count come in
/// pairs (`…One` for exactly one) because English changes the noun with the number; the
/// Russian and Kazakh texts of a pair are the same and avoid agreement ("респондентов: 200",
/// "200 респондент"). Look a phrase up through ``Translator``:
///
/// ```swift
/// Translator(tag: "ru")(.meanOf, "api00")   // "Среднее: api00"
/// ```
///
/// Data (value labels, question texts, wave labels) come from the codebook and the study,
/// not from here. Adding a case without its texts does not compile; the tests check that
/// every Russian and Kazakh text is written (not English) and that Kazakh uses no Latin
/// letters but the few symbols every language shares (n, N, p, F, PSU, fpc, ...).
public enum Phrase: String, CaseIterable, Sendable, Hashable {
    // MARK: Design

    /// The label of the design line ("Design: weights pw, ...").
    case design
    /// "weights {1}": the weight variable.
    case weightsVariable
    case equalWeights
    case weightsFromFPC
    /// "strata {1}": the strata variable.
    case strataVariable
    /// "clusters {1}": the cluster variables.
    case clustersVariable
    /// Clusters numbered within strata.
    case nestedClusters
    /// "lonely PSUs: {1}": the policy for strata with one PSU.
    case lonelyPSUPolicy
    /// "{1} respondent(s)".
    case respondentCountOne, respondentCount
    /// "{1} PSU(s)".
    case psuCountOne, psuCount
    /// "{1} stratum / strata".
    case strataCountOne, strataCount
    /// The sizes of a design: {1} respondents, {2} PSUs, {3} degrees of freedom.
    case designSizes
    /// The sizes of a stratified design: {1} respondents, {2} PSUs, {3} strata, {4} degrees of freedom.
    case designSizesWithStrata
    /// "{1} {2} replicate weights": the count and the type (JK1, BRR, …) of the replicates read from the data.
    case replicateWeightsRead
    /// "{1} {2} replicates made from the design".
    case replicateWeightsMade
    /// The sizes of a replicate design: {1} respondents, {2} degrees of freedom.
    case replicateDesignSizes

    // MARK: Table titles and headers

    /// "Mean of {1}".
    case meanOf
    /// "Total of {1}".
    case totalOf
    /// "Ratio {1}".
    case ratioOf
    /// "Proportions of {1}".
    case proportionsOf
    /// "Quantiles of {1}".
    case quantilesOf
    /// The header of a quantile's probability: "Probability".
    case probabilityHeader
    /// "Net score of {1} (positive − negative)".
    case netScoreOf
    case rowPercentages, columnPercentages, cellPercentages
    /// The header of an estimate.
    case estimate
    /// The header of a standard error.
    case standardError
    /// The header of a design effect.
    case designEffect
    /// The header of an unweighted count.
    case unweightedCount
    /// The header of a weighted count.
    case weightedCount
    /// "{1} CI": a confidence interval at the level {1} ("95%").
    case confidenceInterval
    /// The header of a p-value.
    case pValue
    /// The column (and control) naming the wave of a trend.
    case wave
    /// The column of the wave a change starts from.
    case fromWave
    /// The column of the wave a change ends at.
    case toWave
    /// The header of a change between waves.
    case change
    /// The net score as a level in a table of changes.
    case netScore
    case changesBetweenWaves
    case warning
    case noEstimates

    // MARK: Tests

    case raoScottF
    case raoScottChiSquare
    case waldF
    case adjustedWaldF
    /// A test's degrees of freedom after its statistic: " on {1} df" ({1}: "1.49 and 20.9").
    case testDegreesOfFreedom
    /// The word between the last two items of a list.
    case and

    // MARK: Spreadsheets (XLSX)

    /// The sheet of estimates.
    case sheetEstimates
    /// The sheet of tests.
    case sheetTests
    /// The sheet of the design, warnings and provenance of a result.
    case sheetAbout
    /// Column headers of a result's sheets.
    case columnVariable, columnStatistic, columnCategory, columnCode, columnIntervalLower, columnIntervalUpper,
         columnConfidenceLevel, columnIntervalMethod, columnDegreesOfFreedom, columnCrosstabRow, columnCrosstabColumn
    /// Column headers of the tests sheet.
    case columnTest, columnDescription, columnValue, columnNumeratorDegreesOfFreedom, columnDenominatorDegreesOfFreedom
    /// Column headers of the changes sheet: the estimate in the first and in the last wave.
    case columnFromEstimate, columnToEstimate
    /// The first column of the about sheet: what a line says.
    case columnItem
    /// Lines of the about sheet: where the numbers came from.
    case provenanceStudy, provenanceFile, provenanceChecksum, provenanceSoftware
    /// The sheet of a codebook listing.
    case sheetCodebook
    /// Column headers of a codebook listing.
    case columnType, columnLabel, columnMeasurement, columnValid, columnMissing, columnValueLabel, columnCount, columnUserMissing

    // MARK: Study reports and charts

    case simulatedBanner
    case contents
    /// The summary of a folded table.
    case tableWithIntervals
    /// The net score as the subject of a sentence.
    case netScoreSubject
    /// A chart's breakdown: "By {1}" (English lower-cases a short label's first letter).
    case byVariable
    /// A long breakdown label: "Breakdown: {1}".
    case breakdownOf
    /// "{1} wave(s)", inside a sentence.
    case waveCountOne, waveCount
    /// A report's method: {1} the wave count, {2} respondents, {3} the interval level ("95%").
    case reportMethodNote
    /// A report's footer: {1} the version of Barometer.
    case reportFooter
    /// A chart's source line: {1} the source, {2} the wave count, {3} respondents, {4} the level.
    case chartSource

    // MARK: Verdicts

    /// The word for a rise in a change sentence ({2} of ``changeLarger``): a verb in English
    /// and Kazakh, a noun in Russian.
    case rose
    /// The word for a fall in a change sentence, as ``rose``.
    case fell
    /// A change that rounds to no change: {1} subject, {2} first value, {3} first wave, {4}
    /// second value, {5} second wave, {6} the p-value ("= 0.41").
    case changeSameRounded
    /// A change larger than sampling error: {1} subject, {2} ``rose`` or ``fell``, {3} first
    /// value, {4} first wave, {5} second value, {6} second wave, {7} the p-value.
    case changeLarger
    /// A change within sampling error, placeholders as ``changeLarger``.
    case changeWithin
    /// {1} wave, {2} and {3} the two groups, {4} the p-value.
    case differBetweenGroups
    /// {1} wave, {2} the breakdown, {3} the p-value.
    case differByVariable
    /// {1} wave, {2} and {3} the two groups, {4} the p-value.
    case noDifferenceBetweenGroups
    /// {1} wave, {2} the breakdown, {3} the p-value.
    case noDifferenceByVariable
    /// Tests of many waves: {1} the breakdown, {2} waves that differ, {3} waves tested, {4} alpha.
    case differInWaves
    /// Appended to ``differInWaves``: the waves {1} without a difference.
    case differInWavesExcept
    /// A difference between two groups of one sample larger than sampling error (the
    /// covariance of the two estimates accounted for): {1} subject, {2} first group, {3} its
    /// value, {4} second group, {5} its value, {6} the difference, {7} the p-value.
    case groupDifferenceLarger
    /// A difference between two groups of one sample within sampling error, placeholders as
    /// ``groupDifferenceLarger``.
    case groupDifferenceWithin

    // MARK: Explorer

    case siteName
    /// The staff sign-in page's title and heading.
    case staffSignIn
    case signInUsername
    case signInPassword
    case signInButton
    case signOut
    /// The staff header: "Signed in as NAME".
    case signedInAs
    /// A wrong user name or password (never saying which, nor whether the account exists).
    case signInRefused
    /// Too many failed sign-ins for one user name.
    case signInLocked
    /// A form sent without this site's token, or from another site.
    case formRefused
    case savedAnalyses
    case saveView
    case saveName
    case saveButton
    case savedNone
    case savedStudy
    case savedBy
    case savedAt
    case liveView
    /// A view saved without a name.
    case saveNameMissing
    case skipToContent
    case studies
    /// The word after a wave count in a list of studies ("16 waves").
    /// The badge of a study whose data are simulated.
    case simulatedData
    /// {1} and {2}: commands that load a study.
    case noStudies
    case questions
    case searchQuestions
    case searchButton
    case searchHint
    /// "{1} question(s) match “{2}”".
    case questionsFoundOne, questionsFound
    case askedIn
    case events
    case breakdown
    case none
    case allWaves
    case answers
    case withDontKnow
    case withoutDontKnow
    case chart
    case automatic
    case chartDiverging
    case chartTrend
    case chartBars
    case chartSmallMultiples
    case filterOptional
    /// An example filter: {1}, an expression in the filter language.
    case filterHint
    case show
    case estimatesWithIntervals
    case download
    /// The link to a result as a spreadsheet, beside the CSV link.
    case downloadSpreadsheet
    case permalink
    case embedChart
    case method
    /// The explorer's method: {1} the wave count, {2} respondents, {3} the interval level.
    case explorerMethodNote
    /// {1}: the largest margin of error in percentage points ("3.1").
    case largestMargin
    /// {1}: the fewest respondents an estimate shown rests on.
    case suppressedNote
    case allQuestions
    case home
    case api
    case explorerFooter
    case errorTitle
    case languageName
    /// A public view refused because a group of `{1}` (variable names joined by ×) is small.
    case refusedSmallGroups
    /// A public view refused because `{1}` is not a variable the public may use.
    case refusedNotPublic
    /// `{1}`: a question id the study does not have.
    case questionNotFound
    /// The server has as many analyses running and waiting as it takes; `{1}`: seconds to wait.
    case serverBusy
    /// Before the engine's own sentence, which is in English.
    case requestNotAnswered

    // MARK: Polls

    /// A sample size the source does not publish.
    case sampleSizeUnpublished
    /// A survey's own waves among the pollsters of an average.
    case thisSurvey
    /// The same, when its data are simulated.
    case thisSurveySimulated
    /// After a value of the average in a report's summary line.
    case averageOfThePolls
    /// σ and τ² estimated from `{1}` polls, fewer than fix them well.
    case fewPollsNote
    /// Some listed polls (another population, no sample size) are not in the average.
    case pollsNotAveragedNote
    /// "Average of the polls: {1}", `{1}` the question and answer.
    case pollAverageOf
    /// "House effects: {1}".
    case houseEffectsOf
    /// "Holm-adjusted p {1}", `{1}` "= 0.03" or "< 0.001": a p-value adjusted for the tests of
    /// every code of a multiple-response question.
    case holmAdjustedP
    /// Table headers of a report's table of coded mentions.
    case ofAllMentions, ofCategorizableMentions, publishedHeader, holmAdjustedPHeader
    /// "Published: {1}." `{1}` the source of the published shares.
    case publishedSource
    /// How the shares of a coded question are estimated.
    case mentionsMethodNote
    /// How the groups of a coded question are compared.
    case mentionTestsNote
    /// "{1} of {2} codes differ between the groups".
    case codesDifferingBetweenGroups
    /// "Share of all mentions: {1}", `{1}` the mention columns.
    case mentionsOf
    /// "Share of respondents mentioning: {1}", `{1}` the mention columns.
    case mentionedOf
    /// The explorer's coded open-ended questions: heading, what they are, the base and codes
    /// choices of a coded question's view, and its method note.
    case codedQuestions, codedQuestionsNote, shareOfAllMentions, shareOfRespondentsMentioning, mentionBase, respondentsWhoAnswered
    case codesChoice, allCodes, categorizableCodes, codedMethodNote
    /// "{1}: {2} of {3} codes differ between the groups of {4} (Rao–Scott F, Holm-adjusted p < {5})."
    case codesDifferInWave
    /// "At least one code differs between the groups of {1} in {2} of {3} waves (...p < {4})."
    case codesDifferInWaves
    /// "{1} of {2} differences between groups are larger than sampling error (...); the table lists them all."
    case groupDifferencesSummary
    /// "(corrected {1})": the Rao–Scott corrected X² beside R's Pearson X².
    case correctedStatistic
    /// The label of the model line of a poll average ("Model").
    case pollModel

    // MARK: Reliability of coders

    /// Titles of the tables of `barometer code reliability`, `{1}` what was coded.
    case krippendorffAlphaOf, cohenKappaOf, fleissKappaOf, percentAgreementOf
    /// "Differences between groups: {1}": the heading of the differences of a variable between
    /// the groups of one sample (`--differences`).
    case differencesOf
    case coefficientsOf
    case coefficientHeader
    case columnTerm
    case columnTValue
    case oddsRatio
    /// The explorer's switch that adds the differences between the groups of the breakdown.
    case showDifferences
    /// Spreadsheet headers of a difference's two groups' own estimates.
    case columnGroupEstimate, columnReferenceEstimate
    /// The label of the line that says what a reliability result rests on ("Coding").
    case coding
    /// `{1}` the coders, `{2}` the units, `{3}` those coded at least twice, `{4}` the level of
    /// measurement, `{5}` the bootstrap replicates, `{6}` their seed.
    case codingLine
    /// The same line when each code is its own variable: `{1}`–`{3}` as there, `{4}` the
    /// replicates, `{5}` the seed.
    case codingLinePerCode
    /// The levels of measurement of codes.
    case measurementNominal, measurementOrdinal, measurementInterval, measurementRatio
    /// The header of the column of codes, and of the weighting of Cohen's kappa.
    case codeHeader, kappaWeights
    /// The weightings of Cohen's kappa.
    case unweightedKappa, linearWeights, quadraticWeights

    // MARK: Coders' workbooks (`barometer code export --format xlsx`)

    /// Column headers of the sheet of a frame's codes: the net a code is part of, what belongs
    /// under it, answers that do.
    case columnNet, columnCodeDescription, columnExamples
    /// The note on a coder's codes column: its title, and `{1}` the sheet of the codes.
    case codeListTitle, codeListPrompt
    /// The warning about an entry that is not a code of the list: its title, and `{1}` the
    /// sheet of the codes.
    case codeListErrorTitle, codeListError
    /// σ in points a day `{1}`, τ² `{2}`, how they were set `{3}`, identification `{4}`, `{5}`
    /// polls by `{6}` pollsters, from `{7}` to `{8}`.
    case pollModelLine
    case estimatedByLikelihood, givenValues
    case houseEffectsSumToZero
    /// `{1}`: the reference pollster.
    case houseEffectsReference
    /// The explorer's link and heading for the poll database.
    case polls
    /// What the polls pages show, under their heading.
    case pollsIntro
    /// "{1} poll(s)".
    case pollCountOne, pollCount
    /// No poll in the store; `{1}` the command that imports some.
    case noPolls
    /// The back link from a question's polls to the list.
    case allPolls
    /// The control (and column) naming one answer of a poll question.
    case answer
    /// The latest average: date `{1}`, estimate `{2}`, level `{3}` ("95%"), interval `{4}`–`{5}`.
    case latestAverage
    /// The column of a pollster's name.
    case pollster
    /// The column of a house effect in percentage points.
    case houseEffectPoints
    /// What a house effect is, under the table of them.
    case houseEffectNote
    /// The heading of the list of published polls.
    case publishedPolls
    /// The column of a poll's fieldwork dates.
    case fieldwork
    /// The column of a poll's published shares.
    case sharesPercent
    /// The column of a poll's source.
    case source
    /// No poll asked the question `{1}`.
    case pollsQuestionNotFound
    /// An average needs two polls reporting the answer.
    case pollAverageTooFew

    // MARK: Charts' accessible descriptions (`<desc>`)

    /// `{1}`: the kind of chart ("Trend chart", …) that has nothing to show.
    case chartNoData
    case chartKindTrend, chartKindBars, chartKindDiverging, chartKindSmallMultiples
    /// `{1}` series across `{2}` waves, `{3}` to `{4}`.
    case chartTrendDescription
    /// `{1}` series in the one wave `{2}`.
    case chartTrendOneWave
    /// `{1}`: the events' labels.
    case chartEventsMarked
    /// `{1}` series by `{2}` groups.
    case chartBarsDescription
    case chartWithIntervals
    case chartNoValue
    /// `{1}` rows, `{2}`: the first (and last) row.
    case chartDivergingDescriptionOne, chartDivergingDescription
    case chartNeutralCentred
    case chartMissingApart
    /// `{1}` panels named `{2}`.
    case chartPanelsDescription
    /// `{1}` series across `{2}` waves in each panel.
    case chartPanelsTrend
    /// `{1}` series by `{2}` groups in each panel.
    case chartPanelsBars
    case chartKindPolls
    /// The averages (or answers) `{1}`: `{2}` polls by `{3}` pollsters, `{4}` to `{5}`.
    case chartPollsDescription
    /// On `{1}` (a date) the averages `{2}` ("Russia 13% (10–16%)").
    case chartPollsLatest
    /// `{1}`: further series drawn (a survey's own waves).
    case chartAlsoShown
    /// The legend of an average's line and band; `{1}` the level ("95%").
    case chartAverageLegend
    /// The legend of poll dots' sizes; `{1}` the range of sample sizes.
    case chartDotAreaLegend
    /// The source line of a poll chart; `{1}` the pollsters.
    case chartPollsSource
    /// The twelve months' abbreviations, January first, separated by spaces (time axes).
    case monthAbbreviations

    // MARK: Focus groups in a report

    /// The default heading of a report's focus groups.
    case focusGroupsTitle
    /// What the counts are: `{1}` the number of groups, `{2}` their names.
    case focusGroupsCountsOne, focusGroupsCounts
    /// `{1}`: the languages of the groups' turns.
    case focusGroupsLanguages
    /// That the counts are not estimates: no weights, no intervals, not a sample.
    case focusGroupsNotEstimates
    /// `{1}` of `{2}` participants' turns were coded by no rule.
    case focusGroupsUncoded
    /// Titles of the tables of coded segments.
    case focusGroupsByGroup, focusGroupsByLanguage
    /// The total column, and the rows of turns with a code, without one, and all.
    case focusGroupsTotal, focusGroupsCodedRow, focusGroupsUncodedRow, focusGroupsTurnsRow
    /// The heading of the quotations of each code.
    case quotations
    /// The terminal's line: `{1}` groups, `{2}` participants' turns, `{3}` coded.
    case focusGroupsSummary

    /// The phrase in English, Russian and Kazakh.
    public var texts: PhraseTexts {
        switch self {
        // Design
        case .design: PhraseTexts(en: "Design", ru: "План выборки", kk: "Іріктеу жоспары")
        case .weightsVariable: PhraseTexts(en: "weights {1}", ru: "веса {1}", kk: "салмақтар {1}")
        case .equalWeights: PhraseTexts(en: "equal weights", ru: "равные веса", kk: "бірдей салмақтар")
        case .weightsFromFPC: PhraseTexts(en: "weights from fpc", ru: "веса по fpc", kk: "fpc бойынша салмақтар")
        case .strataVariable: PhraseTexts(en: "strata {1}", ru: "страты {1}", kk: "стратар {1}")
        case .clustersVariable: PhraseTexts(en: "clusters {1}", ru: "кластеры {1}", kk: "кластерлер {1}")
        case .nestedClusters: PhraseTexts(en: "nested", ru: "вложенные", kk: "кірістірілген")
        case .lonelyPSUPolicy: PhraseTexts(en: "lonely PSUs: {1}", ru: "одиночные PSU: {1}", kk: "жалғыз PSU: {1}")
        case .respondentCountOne: PhraseTexts(en: "{1} respondent", ru: "респондентов: {1}", kk: "{1} респондент")
        case .respondentCount: PhraseTexts(en: "{1} respondents", ru: "респондентов: {1}", kk: "{1} респондент")
        case .psuCountOne: PhraseTexts(en: "{1} PSU", ru: "PSU: {1}", kk: "PSU саны: {1}")
        case .psuCount: PhraseTexts(en: "{1} PSUs", ru: "PSU: {1}", kk: "PSU саны: {1}")
        case .strataCountOne: PhraseTexts(en: "{1} stratum", ru: "страт: {1}", kk: "страта саны: {1}")
        case .strataCount: PhraseTexts(en: "{1} strata", ru: "страт: {1}", kk: "страта саны: {1}")
        case .designSizes:
            PhraseTexts(en: "{1}, {2}, {3} df", ru: "{1}, {2}, степеней свободы: {3}", kk: "{1}, {2}, еркіндік дәрежесі: {3}")
        case .designSizesWithStrata:
            PhraseTexts(en: "{1}, {2} in {3}, {4} df", ru: "{1}, {2}, {3}, степеней свободы: {4}",
                        kk: "{1}, {2}, {3}, еркіндік дәрежесі: {4}")

        case .replicateWeightsRead:
            PhraseTexts(en: "{1} {2} replicate weights", ru: "реплицирующие веса {2}: {1}", kk: "{2} репликалық салмақтары: {1}")
        case .replicateWeightsMade:
            PhraseTexts(en: "{1} {2} replicates made from the design", ru: "реплики {2} по плану выборки: {1}",
                        kk: "іріктеу жоспарынан жасалған {2} репликалары: {1}")
        case .replicateDesignSizes:
            PhraseTexts(en: "{1}, {2} df", ru: "{1}, степеней свободы: {2}", kk: "{1}, еркіндік дәрежесі: {2}")

        // Table titles and headers
        case .meanOf: PhraseTexts(en: "Mean of {1}", ru: "Среднее: {1}", kk: "Орташа мән: {1}")
        case .totalOf: PhraseTexts(en: "Total of {1}", ru: "Сумма: {1}", kk: "Жиынтық: {1}")
        case .ratioOf: PhraseTexts(en: "Ratio {1}", ru: "Отношение: {1}", kk: "Қатынас: {1}")
        case .proportionsOf: PhraseTexts(en: "Proportions of {1}", ru: "Доли: {1}", kk: "Үлестер: {1}")
        case .quantilesOf: PhraseTexts(en: "Quantiles of {1}", ru: "Квантили: {1}", kk: "Квантильдер: {1}")
        case .probabilityHeader: PhraseTexts(en: "Probability", ru: "Вероятность", kk: "Ықтималдық")
        case .netScoreOf:
            PhraseTexts(en: "Net score of {1} (positive − negative)", ru: "Баланс оценок: {1} (положительные − отрицательные)",
                        kk: "Таза баға: {1} (оң − теріс)")
        case .rowPercentages: PhraseTexts(en: "row percentages", ru: "проценты по строкам", kk: "жолдар бойынша пайыздар")
        case .columnPercentages: PhraseTexts(en: "column percentages", ru: "проценты по столбцам", kk: "бағандар бойынша пайыздар")
        case .cellPercentages: PhraseTexts(en: "cell percentages", ru: "проценты от всей таблицы", kk: "бүкіл кестеден алынған пайыздар")
        case .estimate: PhraseTexts(en: "Estimate", ru: "Оценка", kk: "Бағалау")
        case .standardError: PhraseTexts(en: "SE", ru: "Ст. ош.", kk: "Ст. қате")
        case .designEffect: PhraseTexts(en: "Deff", ru: "Эфф. плана", kk: "Жоспар әсері")
        case .unweightedCount: PhraseTexts(en: "n", ru: "n", kk: "n")
        case .weightedCount: PhraseTexts(en: "Weighted N", ru: "Взвеш. N", kk: "Салмақталған N")
        case .confidenceInterval: PhraseTexts(en: "{1} CI", ru: "{1} ДИ", kk: "{1} сенім аралығы")
        case .pValue: PhraseTexts(en: "p", ru: "p", kk: "p")
        case .wave: PhraseTexts(en: "Wave", ru: "Волна", kk: "Толқын")
        case .fromWave: PhraseTexts(en: "from", ru: "с", kk: "бастапқы")
        case .toWave: PhraseTexts(en: "to", ru: "по", kk: "соңғы")
        case .change: PhraseTexts(en: "change", ru: "изменение", kk: "өзгеріс")
        case .netScore: PhraseTexts(en: "net score", ru: "баланс оценок", kk: "таза баға")
        case .changesBetweenWaves:
            PhraseTexts(en: "Changes between waves", ru: "Изменения между волнами", kk: "Толқындар арасындағы өзгерістер")
        case .warning: PhraseTexts(en: "Warning", ru: "Предупреждение", kk: "Ескерту")
        case .noEstimates: PhraseTexts(en: "No estimates.", ru: "Нет оценок.", kk: "Бағалаулар жоқ.")

        // Spreadsheets
        case .sheetEstimates: PhraseTexts(en: "Estimates", ru: "Оценки", kk: "Бағалаулар")
        case .sheetTests: PhraseTexts(en: "Tests", ru: "Критерии", kk: "Критерийлер")
        case .sheetAbout: PhraseTexts(en: "About", ru: "О результате", kk: "Нәтиже туралы")
        case .columnVariable: PhraseTexts(en: "Variable", ru: "Переменная", kk: "Айнымалы")
        case .columnStatistic: PhraseTexts(en: "Statistic", ru: "Статистика", kk: "Статистика")
        case .columnCategory: PhraseTexts(en: "Category", ru: "Категория", kk: "Санат")
        case .columnCode: PhraseTexts(en: "Code", ru: "Код", kk: "Код")
        case .columnIntervalLower: PhraseTexts(en: "CI lower", ru: "Нижняя граница ДИ", kk: "Сенім аралығының төменгі шегі")
        case .columnIntervalUpper: PhraseTexts(en: "CI upper", ru: "Верхняя граница ДИ", kk: "Сенім аралығының жоғарғы шегі")
        case .columnConfidenceLevel: PhraseTexts(en: "Confidence level", ru: "Доверительный уровень", kk: "Сенім деңгейі")
        case .columnIntervalMethod: PhraseTexts(en: "CI method", ru: "Метод ДИ", kk: "Сенім аралығының әдісі")
        case .columnDegreesOfFreedom: PhraseTexts(en: "df", ru: "Степени свободы", kk: "Еркіндік дәрежелері")
        case .columnCrosstabRow: PhraseTexts(en: "Row", ru: "Строка", kk: "Жол")
        case .columnCrosstabColumn: PhraseTexts(en: "Column", ru: "Столбец", kk: "Баған")
        case .columnTest: PhraseTexts(en: "Test", ru: "Критерий", kk: "Критерий")
        case .columnDescription: PhraseTexts(en: "Tested", ru: "Что проверяется", kk: "Не тексеріледі")
        case .columnValue: PhraseTexts(en: "Value", ru: "Значение", kk: "Мәні")
        case .columnNumeratorDegreesOfFreedom:
            PhraseTexts(en: "Numerator df", ru: "Степени свободы числителя", kk: "Алымның еркіндік дәрежелері")
        case .columnDenominatorDegreesOfFreedom:
            PhraseTexts(en: "Denominator df", ru: "Степени свободы знаменателя", kk: "Бөлімнің еркіндік дәрежелері")
        case .columnFromEstimate: PhraseTexts(en: "Estimate (from)", ru: "Оценка (с)", kk: "Бағалау (бастапқы)")
        case .columnToEstimate: PhraseTexts(en: "Estimate (to)", ru: "Оценка (по)", kk: "Бағалау (соңғы)")
        case .columnItem: PhraseTexts(en: "Item", ru: "Пункт", kk: "Тармақ")
        case .provenanceStudy: PhraseTexts(en: "Study", ru: "Исследование", kk: "Зерттеу")
        case .provenanceFile: PhraseTexts(en: "File", ru: "Файл", kk: "Файл")
        case .provenanceChecksum: PhraseTexts(en: "Checksum", ru: "Контрольная сумма", kk: "Бақылау сомасы")
        case .provenanceSoftware: PhraseTexts(en: "Software", ru: "Программа", kk: "Бағдарлама")
        case .sheetCodebook: PhraseTexts(en: "Codebook", ru: "Кодовая книга", kk: "Код кітабы")
        case .columnType: PhraseTexts(en: "Type", ru: "Тип", kk: "Түрі")
        case .columnLabel: PhraseTexts(en: "Label", ru: "Метка", kk: "Белгі")
        case .columnMeasurement: PhraseTexts(en: "Measurement", ru: "Шкала", kk: "Өлшеу шкаласы")
        case .columnValid: PhraseTexts(en: "Valid", ru: "Валидные", kk: "Жарамды")
        case .columnMissing: PhraseTexts(en: "Missing", ru: "Пропуски", kk: "Жоқ мәндер")
        case .columnValueLabel: PhraseTexts(en: "Value label", ru: "Метка значения", kk: "Мән белгісі")
        case .columnCount: PhraseTexts(en: "Count", ru: "Число", kk: "Саны")
        case .columnUserMissing: PhraseTexts(en: "Missing code", ru: "Код пропуска", kk: "Жоқ мән коды")

        // Tests
        case .raoScottF: PhraseTexts(en: "Rao–Scott F", ru: "F Рао–Скотта", kk: "Рао–Скотт F")
        case .raoScottChiSquare: PhraseTexts(en: "Rao–Scott χ²", ru: "χ² Рао–Скотта", kk: "Рао–Скотт χ²")
        case .waldF: PhraseTexts(en: "Wald F", ru: "F Вальда", kk: "Вальд F")
        case .adjustedWaldF: PhraseTexts(en: "Adjusted Wald F", ru: "Скорректированный F Вальда", kk: "Түзетілген Вальд F")
        case .testDegreesOfFreedom:
            PhraseTexts(en: " on {1} df", ru: ", степени свободы {1}", kk: ", еркіндік дәрежелері {1}")
        case .and: PhraseTexts(en: "and", ru: "и", kk: "және")

        // Study reports and charts
        case .simulatedBanner:
            PhraseTexts(
                en: "Simulated data: the numbers illustrate the method and describe no real population.",
                ru: "Смоделированные данные: цифры иллюстрируют метод и не описывают реальное население.",
                kk: "Модельденген деректер: сандар әдісті көрсетеді, нақты халықты сипаттамайды.")
        case .contents: PhraseTexts(en: "Contents", ru: "Содержание", kk: "Мазмұны")
        case .tableWithIntervals:
            PhraseTexts(en: "Table with confidence intervals", ru: "Таблица с доверительными интервалами", kk: "Сенім аралықтары бар кесте")
        case .netScoreSubject:
            PhraseTexts(en: "The net score (positive − negative)", ru: "Баланс оценок (положительные − отрицательные)",
                        kk: "Таза баға (оң − теріс)")
        case .byVariable: PhraseTexts(en: "By {1}", ru: "По признаку «{1}»", kk: "«{1}» бойынша")
        case .breakdownOf: PhraseTexts(en: "Breakdown: {1}", ru: "По признаку «{1}»", kk: "«{1}» бойынша")
        case .waveCountOne: PhraseTexts(en: "{1} wave", ru: "волн: {1}", kk: "толқын саны: {1}")
        case .waveCount: PhraseTexts(en: "{1} waves", ru: "волн: {1}", kk: "толқын саны: {1}")
        case .reportMethodNote:
            PhraseTexts(
                en: "{1}, n = {2} respondents. Weighted estimates with design-based {3} confidence intervals (Taylor linearization); changes between waves are tested as independent samples.",
                ru: "{1}, n = {2} респондентов. Взвешенные оценки с {3}-ными доверительными интервалами с учётом плана выборки (линеаризация Тейлора); изменения между волнами проверены как для независимых выборок.",
                kk: "{1}, n = {2} респондент. Іріктеу жоспары ескерілген {3} сенім аралықтары бар салмақталған бағалаулар (Тейлор сызықтандыруы); толқындар арасындағы өзгерістер тәуелсіз іріктемелер ретінде тексерілді.")
        case .reportFooter:
            PhraseTexts(
                en: "Made with Barometer {1}. Estimates equal those of R's survey package for the same design.",
                ru: "Подготовлено в Barometer {1}. Оценки совпадают с пакетом survey для R при том же плане выборки.",
                kk: "Barometer {1} арқылы жасалды. Бағалаулар сол іріктеу жоспары үшін R тіліндегі survey пакетімен бірдей.")
        case .chartSource:
            PhraseTexts(
                en: "Source: {1}, {2}, n = {3}; {4} confidence intervals",
                ru: "Источник: {1}, {2}, n = {3}; {4}-ные доверительные интервалы",
                kk: "Дереккөз: {1}, {2}, n = {3}; {4} сенім аралықтары")

        // Verdicts
        case .rose: PhraseTexts(en: "rose", ru: "рост", kk: "өсті")
        case .fell: PhraseTexts(en: "fell", ru: "снижение", kk: "төмендеді")
        case .changeSameRounded:
            PhraseTexts(en: "{1} was {2} in {3} and {4} in {5} (p {6}).", ru: "{1}: {2} ({3}) и {4} ({5}) (p {6}).",
                        kk: "{1}: {3} — {2}, {5} — {4} (p {6}).")
        case .changeLarger:
            PhraseTexts(
                en: "{1} {2} from {3} in {4} to {5} in {6}, a change larger than sampling error (p {7}).",
                ru: "{1}: {3} ({4}) → {5} ({6}); {2} больше выборочной ошибки (p {7}).",
                kk: "{1}: {4} — {3}, {6} — {5}; үлес {2}, өзгеріс іріктеу қателігінен үлкен (p {7}).")
        case .changeWithin:
            PhraseTexts(
                en: "{1} {2} from {3} in {4} to {5} in {6}, a change within sampling error (p {7}).",
                ru: "{1}: {3} ({4}) → {5} ({6}); {2} в пределах выборочной ошибки (p {7}).",
                kk: "{1}: {4} — {3}, {6} — {5}; үлес {2}, бірақ өзгеріс іріктеу қателігі шегінде (p {7}).")
        case .groupDifferenceLarger:
            PhraseTexts(
                en: "{1}: {2} ({3}) and {4} ({5}) differ by {6}, more than sampling error in the one sample (p {7}, the covariance of the two groups counted).",
                ru: "{1}: «{2}» ({3}) и «{4}» ({5}) различаются на {6}, больше выборочной ошибки в одной выборке (p {7}, с учётом ковариации двух групп).",
                kk: "{1}: «{2}» ({3}) мен «{4}» ({5}) арасындағы айырма {6}, бір іріктеменің қателігінен үлкен (p {7}, екі топтың ковариациясы ескерілді).")
        case .groupDifferenceWithin:
            PhraseTexts(
                en: "{1}: {2} ({3}) and {4} ({5}) differ by {6}, within sampling error in the one sample (p {7}, the covariance of the two groups counted).",
                ru: "{1}: «{2}» ({3}) и «{4}» ({5}) различаются на {6}, в пределах выборочной ошибки в одной выборке (p {7}, с учётом ковариации двух групп).",
                kk: "{1}: «{2}» ({3}) мен «{4}» ({5}) арасындағы айырма {6}, бір іріктеменің қателігі шегінде (p {7}, екі топтың ковариациясы ескерілді).")
        case .differBetweenGroups:
            PhraseTexts(
                en: "In {1}, answers differ between {2} and {3} (Rao–Scott F, p {4}).",
                ru: "{1}: ответы различаются между группами «{2}» и «{3}» (F Рао–Скотта, p {4}).",
                kk: "{1}: «{2}» және «{3}» топтарының жауаптары ерекшеленеді (Рао–Скотт F, p {4}).")
        case .differByVariable:
            PhraseTexts(
                en: "In {1}, answers differ by {2} (Rao–Scott F, p {3}).",
                ru: "{1}: ответы различаются в зависимости от признака «{2}» (F Рао–Скотта, p {3}).",
                kk: "{1}: жауаптар «{2}» бойынша ерекшеленеді (Рао–Скотт F, p {3}).")
        case .noDifferenceBetweenGroups:
            PhraseTexts(
                en: "In {1}, no significant difference between {2} and {3} (Rao–Scott F, p {4}).",
                ru: "{1}: значимой разницы между группами «{2}» и «{3}» нет (F Рао–Скотта, p {4}).",
                kk: "{1}: «{2}» және «{3}» топтарының арасында елеулі айырмашылық жоқ (Рао–Скотт F, p {4}).")
        case .noDifferenceByVariable:
            PhraseTexts(
                en: "In {1}, no significant difference by {2} (Rao–Scott F, p {3}).",
                ru: "{1}: значимых различий по признаку «{2}» нет (F Рао–Скотта, p {3}).",
                kk: "{1}: «{2}» бойынша елеулі айырмашылық жоқ (Рао–Скотт F, p {3}).")
        case .differInWaves:
            PhraseTexts(
                en: "Answers differ by {1} in {2} of {3} waves (Rao–Scott F, p < {4})",
                ru: "Ответы различаются по признаку «{1}» в {2} волнах из {3} (F Рао–Скотта, p < {4})",
                kk: "Жауаптар «{1}» бойынша {3} толқынның {2} толқынында ерекшеленеді (Рао–Скотт F, p < {4})")
        case .differInWavesExcept: PhraseTexts(en: "; not in {1}", ru: "; кроме: {1}", kk: "; ерекшеленбейтіндері: {1}")

        // Explorer
        case .staffSignIn: PhraseTexts(en: "Staff sign-in", ru: "Вход для сотрудников", kk: "Қызметкерлердің кіруі")
        case .signInUsername: PhraseTexts(en: "User name", ru: "Имя пользователя", kk: "Пайдаланушы аты")
        case .signInPassword: PhraseTexts(en: "Password", ru: "Пароль", kk: "Құпиясөз")
        case .signInButton: PhraseTexts(en: "Sign in", ru: "Войти", kk: "Кіру")
        case .signOut: PhraseTexts(en: "Sign out", ru: "Выйти", kk: "Шығу")
        case .signedInAs: PhraseTexts(en: "Signed in as {1}", ru: "Вы вошли как {1}", kk: "Сіз {1} ретінде кірдіңіз")
        case .signInRefused:
            PhraseTexts(
                en: "The user name or the password is wrong; check both and try again.",
                ru: "Неверное имя пользователя или пароль; проверьте оба и попробуйте снова.",
                kk: "Пайдаланушы аты немесе құпиясөз қате; екеуін де тексеріп, қайта көріңіз.")
        case .signInLocked:
            PhraseTexts(
                en: "Sign-in for this user name is paused after too many failures; wait 15 minutes and try again.",
                ru: "Вход под этим именем приостановлен после слишком многих неудачных попыток; подождите 15 минут и попробуйте снова.",
                kk: "Бұл атпен кіру тым көп сәтсіз әрекеттен кейін тоқтатылды; 15 минут күтіп, қайта көріңіз.")
        case .formRefused:
            PhraseTexts(
                en: "The form was refused because it did not come from this site's own page; reload the page and send it again.",
                ru: "Форма отклонена, потому что отправлена не со страницы этого сайта; обновите страницу и отправьте её снова.",
                kk: "Пішін қабылданбады, себебі ол осы сайттың өз бетінен жіберілмеген; бетті жаңартып, қайта жіберіңіз.")
        case .savedAnalyses: PhraseTexts(en: "Saved analyses", ru: "Сохранённые анализы", kk: "Сақталған талдаулар")
        case .saveView: PhraseTexts(en: "Save this view", ru: "Сохранить этот вид", kk: "Осы көріністі сақтау")
        case .saveName: PhraseTexts(en: "Name", ru: "Название", kk: "Атауы")
        case .saveButton: PhraseTexts(en: "Save", ru: "Сохранить", kk: "Сақтау")
        case .savedNone:
            PhraseTexts(
                en: "No analyses are saved yet; save one from a question's page.",
                ru: "Сохранённых анализов пока нет; сохраните анализ на странице вопроса.",
                kk: "Сақталған талдаулар әзірге жоқ; талдауды сұрақ бетінде сақтаңыз.")
        case .savedStudy: PhraseTexts(en: "Study", ru: "Исследование", kk: "Зерттеу")
        case .savedBy: PhraseTexts(en: "Saved by", ru: "Кто сохранил", kk: "Кім сақтады")
        case .savedAt: PhraseTexts(en: "Saved on", ru: "Когда сохранено", kk: "Сақталған уақыты")
        case .liveView: PhraseTexts(en: "Open the live view", ru: "Открыть актуальный вид", kk: "Өзекті көріністі ашу")
        case .saveNameMissing:
            PhraseTexts(
                en: "The name of the view to save is empty or longer than 200 characters; give it a name of 1 to 200 characters.",
                ru: "Название сохраняемого вида пустое или длиннее 200 символов; дайте ему название от 1 до 200 символов.",
                kk: "Сақталатын көріністің атауы бос немесе 200 таңбадан ұзын; оған 1-ден 200 таңбаға дейінгі атау беріңіз.")
        case .siteName: PhraseTexts(en: "Barometer explorer", ru: "Обозреватель «Барометр»", kk: "«Барометр» шолушысы")
        case .skipToContent: PhraseTexts(en: "Skip to content", ru: "Перейти к содержанию", kk: "Мазмұнға өту")
        case .studies: PhraseTexts(en: "Studies", ru: "Исследования", kk: "Зерттеулер")
        case .simulatedData: PhraseTexts(en: "simulated data", ru: "смоделированные данные", kk: "модельденген деректер")
        case .noStudies:
            PhraseTexts(
                en: "No study has been imported yet. Run {1}, or {2}.",
                ru: "Исследования ещё не загружены. Запустите {1} или {2}.",
                kk: "Зерттеулер әлі жүктелмеген. {1} немесе {2} іске қосыңыз.")
        case .questions: PhraseTexts(en: "Questions", ru: "Вопросы", kk: "Сұрақтар")
        case .searchQuestions: PhraseTexts(en: "Search questions", ru: "Поиск по вопросам", kk: "Сұрақтарды іздеу")
        case .searchButton: PhraseTexts(en: "Search", ru: "Найти", kk: "Іздеу")
        case .searchHint:
            PhraseTexts(en: "in English, Russian or Kazakh", ru: "на русском, казахском или английском", kk: "қазақ, орыс немесе ағылшын тілінде")
        case .questionsFoundOne:
            PhraseTexts(en: "{1} question matches “{2}”.", ru: "Найдено вопросов по запросу «{2}»: {1}.",
                        kk: "«{2}» сұранысы бойынша табылған сұрақтар: {1}.")
        case .questionsFound:
            PhraseTexts(en: "{1} questions match “{2}”.", ru: "Найдено вопросов по запросу «{2}»: {1}.",
                        kk: "«{2}» сұранысы бойынша табылған сұрақтар: {1}.")
        case .askedIn: PhraseTexts(en: "Asked in", ru: "Задавался в волнах", kk: "Қойылған толқындар")
        case .events: PhraseTexts(en: "Events", ru: "События", kk: "Оқиғалар")
        case .breakdown: PhraseTexts(en: "Breakdown", ru: "Разбивка", kk: "Бөлу")
        case .none: PhraseTexts(en: "None", ru: "Нет", kk: "Жоқ")
        case .allWaves: PhraseTexts(en: "All waves (trend)", ru: "Все волны (динамика)", kk: "Барлық толқын (динамика)")
        case .answers: PhraseTexts(en: "Answers", ru: "Ответы", kk: "Жауаптар")
        case .withDontKnow: PhraseTexts(en: "With “don't know”", ru: "С ответом «затрудняюсь»", kk: "«Білмеймін» жауабымен")
        case .withoutDontKnow: PhraseTexts(en: "Without “don't know”", ru: "Без ответа «затрудняюсь»", kk: "«Білмеймін» жауабынсыз")
        case .chart: PhraseTexts(en: "Chart", ru: "График", kk: "График")
        case .automatic: PhraseTexts(en: "Automatic", ru: "Автоматически", kk: "Автоматты")
        case .chartDiverging: PhraseTexts(en: "Diverging bars", ru: "Расходящиеся столбцы", kk: "Қарама-қарсы бағандар")
        case .chartTrend: PhraseTexts(en: "Trend lines", ru: "Линии динамики", kk: "Динамика сызықтары")
        case .chartBars: PhraseTexts(en: "Bars with intervals", ru: "Столбцы с интервалами", kk: "Аралықтары бар бағандар")
        case .chartSmallMultiples: PhraseTexts(en: "Panel per group", ru: "Панель на группу", kk: "Әр топқа панель")
        case .filterOptional: PhraseTexts(en: "Filter (optional)", ru: "Фильтр (необязательно)", kk: "Сүзгі (міндетті емес)")
        case .filterHint: PhraseTexts(en: "e.g. {1}", ru: "напр. {1}", kk: "мысалы, {1}")
        case .show: PhraseTexts(en: "Show", ru: "Показать", kk: "Көрсету")
        case .estimatesWithIntervals:
            PhraseTexts(en: "Estimates with confidence intervals", ru: "Оценки с доверительными интервалами", kk: "Сенім аралықтары бар бағалаулар")
        case .download: PhraseTexts(en: "Download", ru: "Скачать", kk: "Жүктеп алу")
        case .downloadSpreadsheet: PhraseTexts(en: "Spreadsheet (XLSX)", ru: "Таблица (XLSX)", kk: "Кесте (XLSX)")
        case .permalink: PhraseTexts(en: "Link to this view", ru: "Ссылка на это представление", kk: "Осы көрініске сілтеме")
        case .embedChart: PhraseTexts(en: "Embed this chart", ru: "Встроить график", kk: "Графикті ендіру")
        case .method: PhraseTexts(en: "Method", ru: "Методика", kk: "Әдістеме")
        case .explorerMethodNote:
            PhraseTexts(
                en: "{1}, n = {2} respondents. Weighted estimates with design-based {3} confidence intervals (Taylor linearization; strata and clusters of each wave's design); changes between waves are tested as independent samples.",
                ru: "{1}, n = {2} респондентов. Взвешенные оценки с {3}-ными доверительными интервалами с учётом плана выборки (линеаризация Тейлора; страты и кластеры каждой волны); изменения между волнами проверены как для независимых выборок.",
                kk: "{1}, n = {2} респондент. Іріктеу жоспары ескерілген {3} сенім аралықтары бар салмақталған бағалаулар (Тейлор сызықтандыруы; әр толқынның стратары мен кластерлері); толқындар арасындағы өзгерістер тәуелсіз іріктемелер ретінде тексерілді.")
        case .largestMargin:
            PhraseTexts(en: "The largest margin of error shown is ±{1} points.", ru: "Наибольшая погрешность на графике — ±{1} п.п.",
                        kk: "Көрсетілген ең үлкен қателік — ±{1} пайыздық тармақ.")
        case .suppressedNote:
            PhraseTexts(
                en: "Estimates resting on fewer than {1} respondents are withheld (—).",
                ru: "Оценки, основанные менее чем на {1} респондентах, не показываются (—).",
                kk: "Кемінде {1} респондентке негізделмеген бағалаулар көрсетілмейді (—).")
        case .allQuestions: PhraseTexts(en: "All questions", ru: "Все вопросы", kk: "Барлық сұрақтар")
        case .home: PhraseTexts(en: "Home", ru: "Главная", kk: "Басты бет")
        case .api: PhraseTexts(en: "API", ru: "API", kk: "API")
        case .explorerFooter:
            PhraseTexts(
                en: "Barometer: design-based estimates equal to R's survey package. No respondent-level data leave the server.",
                ru: "«Барометр»: оценки с учётом плана выборки, совпадающие с пакетом survey для R. Данные отдельных респондентов не покидают сервер.",
                kk: "«Барометр»: R тіліндегі survey пакетімен бірдей, іріктеу жоспары ескерілген бағалаулар. Жеке респонденттердің деректері серверден шықпайды.")
        case .errorTitle: PhraseTexts(en: "This view cannot be shown", ru: "Это представление нельзя показать", kk: "Бұл көріністі көрсету мүмкін емес")
        case .languageName: PhraseTexts(en: "Language", ru: "Язык", kk: "Тіл")
        case .refusedSmallGroups:
            PhraseTexts(
                en: "Some group of {1} has too few respondents in a wave, so this view could single people out. Break down or filter by fewer or coarser variables.",
                ru: "В одной из волн какая-то группа по признакам {1} слишком мала, поэтому это представление могло бы раскрыть отдельных людей. Выберите меньше разбивок и фильтров или более крупные группы.",
                kk: "Бір толқында {1} бойынша кейбір топта респонденттер тым аз, сондықтан бұл көрініс жеке адамдарды ашып көрсетуі мүмкін. Азырақ немесе ірірек бөлулер мен сүзгілерді таңдаңыз.")
        case .refusedNotPublic:
            PhraseTexts(
                en: "“{1}” is not available in the public explorer: only the study's questions and its published breakdowns can be shown or used in a filter.",
                ru: "«{1}» недоступно в публичном обозревателе: показывать и использовать в фильтре можно только вопросы исследования и его опубликованные разбивки.",
                kk: "«{1}» ашық шолушыда қолжетімсіз: тек зерттеудің сұрақтарын және жарияланған бөлулерін көрсетуге немесе сүзгіде пайдалануға болады.")
        case .serverBusy:
            PhraseTexts(
                en: "The explorer is answering many questions at once; try again in {1} seconds.",
                ru: "Обозреватель сейчас отвечает на много запросов сразу; попробуйте снова через {1} с.",
                kk: "Шолушы қазір бірден көп сұранысқа жауап беріп жатыр; {1} секундтан кейін қайталап көріңіз.")
        case .questionNotFound:
            PhraseTexts(
                en: "This study has no question “{1}”; choose one from the list of questions.",
                ru: "В этом исследовании нет вопроса «{1}»; выберите вопрос из списка.",
                kk: "Бұл зерттеуде «{1}» сұрағы жоқ; сұрақтар тізімінен таңдаңыз.")
        case .pollModel: PhraseTexts(en: "Model", ru: "Модель", kk: "Модель")
        case .krippendorffAlphaOf: PhraseTexts(en: "Krippendorff's alpha: {1}", ru: "Альфа Криппендорфа: {1}", kk: "Криппендорф альфасы: {1}")
        case .cohenKappaOf: PhraseTexts(en: "Cohen's kappa: {1}", ru: "Каппа Коэна: {1}", kk: "Коэн каппасы: {1}")
        case .fleissKappaOf: PhraseTexts(en: "Fleiss' kappa: {1}", ru: "Каппа Флейса: {1}", kk: "Флейс каппасы: {1}")
        case .percentAgreementOf: PhraseTexts(en: "Percent agreement: {1}", ru: "Доля совпадений: {1}", kk: "Сәйкестік үлесі: {1}")
        case .columnGroupEstimate: PhraseTexts(en: "Estimate of the group", ru: "Оценка группы", kk: "Топтың бағасы")
        case .columnReferenceEstimate: PhraseTexts(en: "Estimate of the group compared with", ru: "Оценка группы сравнения", kk: "Салыстырылатын топтың бағасы")
        case .showDifferences: PhraseTexts(en: "Differences between groups", ru: "Разности между группами", kk: "Топтар арасындағы айырмалар")
        case .differencesOf: PhraseTexts(en: "Differences between groups: {1}", ru: "Разности между группами: {1}", kk: "Топтар арасындағы айырмалар: {1}")
        case .coefficientHeader: PhraseTexts(en: "Coefficient", ru: "Коэффициент", kk: "Коэффициент")
        case .columnTerm: PhraseTexts(en: "Term", ru: "Член модели", kk: "Модель мүшесі")
        case .columnTValue: PhraseTexts(en: "t", ru: "t", kk: "t")
        case .oddsRatio: PhraseTexts(en: "Odds ratio", ru: "Отношение шансов", kk: "Мүмкіндіктер қатынасы")
        case .coefficientsOf: PhraseTexts(en: "Regression coefficients: {1}", ru: "Коэффициенты регрессии: {1}", kk: "Регрессия коэффициенттері: {1}")
        case .coding: PhraseTexts(en: "Coding", ru: "Кодирование", kk: "Кодтау")
        case .codingLine:
            PhraseTexts(en: "coders {1}; units: {2}, coded at least twice: {3}; {4} codes; percentile intervals from {5} bootstrap resamples of units (seed {6})",
                        ru: "кодировщики {1}; единиц: {2}, закодированы хотя бы дважды: {3}; шкала кодов: {4}; процентильные интервалы по {5} бутстреп-выборкам единиц (зерно {6})",
                        kk: "кодтаушылар {1}; бірліктер саны: {2}, кемінде екі рет кодталғаны: {3}; кодтар шкаласы: {4}; бірліктердің {5} бутстреп іріктемесі бойынша процентильдік аралықтар (бастапқы сан {6})")
        case .codingLinePerCode:
            PhraseTexts(en: "coders {1}; units: {2}, coded at least twice: {3}; several codes per unit, each code given or not; percentile intervals from {4} bootstrap resamples of units (seed {5})",
                        ru: "кодировщики {1}; единиц: {2}, закодированы хотя бы дважды: {3}; у единицы может быть несколько кодов, каждый код присвоен или нет; процентильные интервалы по {4} бутстреп-выборкам единиц (зерно {5})",
                        kk: "кодтаушылар {1}; бірліктер саны: {2}, кемінде екі рет кодталғаны: {3}; бірлікте бірнеше код болуы мүмкін, әр код берілген не берілмеген; бірліктердің {4} бутстреп іріктемесі бойынша процентильдік аралықтар (бастапқы сан {5})")
        case .measurementNominal: PhraseTexts(en: "nominal", ru: "номинальная", kk: "номиналды")
        case .measurementOrdinal: PhraseTexts(en: "ordinal", ru: "порядковая", kk: "реттік")
        case .measurementInterval: PhraseTexts(en: "interval", ru: "интервальная", kk: "интервалдық")
        case .measurementRatio: PhraseTexts(en: "ratio", ru: "отношений", kk: "қатынастық")
        case .kappaWeights: PhraseTexts(en: "Weights", ru: "Веса", kk: "Салмақтар")
        case .unweightedKappa: PhraseTexts(en: "unweighted", ru: "без весов", kk: "салмақсыз")
        case .linearWeights: PhraseTexts(en: "linear", ru: "линейные", kk: "сызықтық")
        case .quadraticWeights: PhraseTexts(en: "quadratic", ru: "квадратичные", kk: "квадраттық")
        case .columnNet: PhraseTexts(en: "Net", ru: "Укрупнённый код", kk: "Іріленген код")
        case .columnCodeDescription: PhraseTexts(en: "Description", ru: "Описание", kk: "Сипаттама")
        case .columnExamples: PhraseTexts(en: "Examples", ru: "Примеры", kk: "Мысалдар")
        case .codeListTitle: PhraseTexts(en: "Codes", ru: "Коды", kk: "Кодтар")
        case .codeListPrompt:
            PhraseTexts(en: "Choose a code from the list, or type several separated by ';'. The codes' labels are on the sheet '{1}'.",
                        ru: "Выберите код из списка или введите несколько через «;». Метки кодов — на листе «{1}».",
                        kk: "Тізімнен кодты таңдаңыз немесе бірнешеуін «;» арқылы жазыңыз. Кодтардың белгілері «{1}» парағында.")
        case .codeListErrorTitle: PhraseTexts(en: "Not a code from the list", ru: "Такого кода нет в списке", kk: "Тізімде мұндай код жоқ")
        case .codeListError:
            PhraseTexts(en: "This is not one of the codes on the sheet '{1}'. Several codes separated by ';' are fine: keep the entry if each is on that sheet, otherwise correct it.",
                        ru: "Это не один из кодов с листа «{1}». Несколько кодов через «;» допустимы: оставьте запись, если каждый из них есть на том листе, иначе исправьте её.",
                        kk: "Бұл «{1}» парағындағы кодтардың бірі емес. «;» арқылы бірнеше код жазуға болады: әрқайсысы сол парақта болса, жазбаны қалдырыңыз, әйтпесе түзетіңіз.")
        case .pollModelLine:
            PhraseTexts(en: "daily random walk σ = {1} points a day, extra variance τ² = {2} ({3}); {4}; polls: {5}, pollsters: {6}, {7} to {8} (Jackman 2005)",
                        ru: "ежедневное случайное блуждание σ = {1} п. п. в день, добавочная дисперсия τ² = {2} ({3}); {4}; опросов: {5}, опросчиков: {6}, с {7} по {8} (Джекман, 2005)",
                        kk: "күнделікті кездейсоқ кезбе σ = күніне {1} пайыздық тармақ, қосымша дисперсия τ² = {2} ({3}); {4}; сауалнама саны: {5}, жүргізушілер саны: {6}, {7} — {8} (Джекман, 2005)")
        case .estimatedByLikelihood: PhraseTexts(en: "maximum likelihood", ru: "метод максимального правдоподобия", kk: "ең үлкен шындыққа ұқсастық әдісі")
        case .givenValues: PhraseTexts(en: "given", ru: "заданы", kk: "берілген")
        case .houseEffectsSumToZero: PhraseTexts(en: "house effects sum to zero", ru: "сумма смещений опросчиков равна нулю", kk: "жүргізушілер ауытқуларының қосындысы нөлге тең")
        case .houseEffectsReference: PhraseTexts(en: "house effects relative to {1}", ru: "смещения относительно опросчика {1}", kk: "ауытқулар {1} жүргізушісіне қатысты")
        case .sampleSizeUnpublished: PhraseTexts(en: "not published", ru: "не опубликовано", kk: "жарияланбаған")
        case .thisSurvey: PhraseTexts(en: "This survey", ru: "Наш опрос", kk: "Біздің сауалнама")
        case .thisSurveySimulated: PhraseTexts(en: "This survey (simulated)", ru: "Наш опрос (смоделированный)", kk: "Біздің сауалнама (модельденген)")
        case .fewPollsNote: PhraseTexts(
            en: "With only {1} polls the day-to-day change is poorly known: the band between polls may be far too wide or too narrow.",
            ru: "Опросов всего {1}, поэтому скорость изменений от дня ко дню известна плохо: полоса между опросами может быть сильно шире или уже, чем следует.",
            kk: "Сауалнама небәрі {1}, сондықтан күннен күнге өзгеру жылдамдығы нашар анықталған: сауалнамалар арасындағы жолақ қажеттіден әлдеқайда кең немесе тар болуы мүмкін.")
        case .pollsNotAveragedNote: PhraseTexts(
            en: "Polls of other groups (marked with whom they asked) and polls that do not publish their sample size are listed but not in the average.",
            ru: "Опросы других групп (с пометкой, кого опрашивали) и опросы без опубликованного размера выборки приведены в списке, но не входят в среднее.",
            kk: "Басқа топтардың сауалнамалары (кімнен сұралғаны белгіленген) және іріктеме көлемі жарияланбаған сауалнамалар тізімде бар, бірақ орташаға кірмейді.")
        case .averageOfThePolls: PhraseTexts(en: "average of the polls", ru: "среднее по опросам", kk: "сауалнамалардың орташасы")
        case .pollAverageOf: PhraseTexts(en: "Average of the polls: {1}", ru: "Среднее по опросам: {1}", kk: "Сауалнамалардың орташасы: {1}")
        case .houseEffectsOf: PhraseTexts(en: "House effects: {1}", ru: "Систематические смещения опросчиков: {1}", kk: "Сауалнама жүргізушілердің жүйелі ауытқулары: {1}")
        case .holmAdjustedP: PhraseTexts(en: "Holm-adjusted p {1}", ru: "p с поправкой Холма {1}", kk: "Холм түзетуімен p {1}")
        case .codeHeader: PhraseTexts(en: "Code", ru: "Код", kk: "Код")
        case .ofAllMentions: PhraseTexts(en: "All mentions", ru: "Все упоминания", kk: "Барлық аталым")
        case .ofCategorizableMentions: PhraseTexts(en: "Categorizable", ru: "Классифицируемые", kk: "Жіктелетіндер")
        case .publishedHeader: PhraseTexts(en: "Published", ru: "Опубликовано", kk: "Жарияланған")
        case .holmAdjustedPHeader: PhraseTexts(en: "p (Holm)", ru: "p (Холм)", kk: "p (Холм)")
        case .publishedSource: PhraseTexts(en: "Published: {1}.", ru: "Опубликовано: {1}.", kk: "Жарияланған: {1}.")
        case .codedQuestions: PhraseTexts(en: "Coded open-ended questions", ru: "Закодированные открытые вопросы", kk: "Кодталған ашық сұрақтар")
        case .codedQuestionsNote: PhraseTexts(
            en: "Respondents answered these in their own words; coders sorted the answers into categories. Only the categories are published, never the answers.",
            ru: "На эти вопросы респонденты отвечали своими словами; кодировщики отнесли ответы к категориям. Публикуются только категории, но не сами ответы.",
            kk: "Бұл сұрақтарға респонденттер өз сөздерімен жауап берді; кодтаушылар жауаптарды санаттарға бөлді. Тек санаттар жарияланады, жауаптардың өзі ешқашан жарияланбайды.")
        case .shareOfAllMentions: PhraseTexts(en: "Share of all mentions", ru: "Доля от всех упоминаний", kk: "Барлық аталымдардағы үлесі")
        case .shareOfRespondentsMentioning: PhraseTexts(
            en: "Share of respondents who answered that mentioned each", ru: "Доля ответивших, упомянувших каждую категорию",
            kk: "Жауап бергендердің ішінде әр санатты атағандардың үлесі")
        case .mentionBase: PhraseTexts(en: "Shares of", ru: "Доли от", kk: "Үлестер негізі")
        case .respondentsWhoAnswered: PhraseTexts(en: "Respondents who answered", ru: "Ответивших респондентов", kk: "Жауап берген респонденттер")
        case .codesChoice: PhraseTexts(en: "Codes", ru: "Коды", kk: "Кодтар")
        case .allCodes: PhraseTexts(en: "All codes", ru: "Все коды", kk: "Барлық кодтар")
        case .categorizableCodes: PhraseTexts(en: "Categorizable only", ru: "Только классифицируемые", kk: "Тек жіктелетіндер")
        case .codedMethodNote: PhraseTexts(
            en: "{1}, n = {2} respondents. Each wave is weighted with its own design; shares of mentions are weighted, with design-based {3} confidence intervals. The answers were coded with the study's code frame.",
            ru: "{1}, n = {2} респондентов. Каждая волна взвешена по своему плану выборки; доли упоминаний взвешены, {3} доверительные интервалы учитывают план выборки. Ответы закодированы по кодификатору исследования.",
            kk: "{1}, n = {2} респондент. Әр толқын өз іріктеу жоспарымен салмақталған; аталым үлестері салмақталған, {3} сенім аралықтары іріктеу жоспарын ескереді. Жауаптар зерттеудің код жүйесі бойынша кодталған.")
        case .correctedStatistic: PhraseTexts(en: "(corrected {1})", ru: "(с поправкой {1})", kk: "(түзетілгені {1})")
        case .groupDifferencesSummary: PhraseTexts(
            en: "{1} of {2} differences between groups are larger than sampling error (the covariance of each pair counted); the table lists them all.",
            ru: "{1} из {2} разностей между группами больше выборочной ошибки (с учётом ковариации каждой пары); все они приведены в таблице.",
            kk: "Топтар арасындағы {2} айырманың {1}-і іріктеу қателігінен үлкен (әр жұптың ковариациясы ескерілген); олардың бәрі кестеде.")
        case .codesDifferInWaves: PhraseTexts(
            en: "At least one code differs between the groups of {1} in {2} of {3} waves (Rao–Scott F, Holm-adjusted p < {4}).",
            ru: "Хотя бы один код различается между группами по признаку «{1}» в {2} из {3} волн (F Рао–Скотта, p с поправкой Холма < {4}).",
            kk: "«{1}» топтары арасында кемінде бір код {3} толқынның {2}-інде ерекшеленеді (Рао–Скотт F, Холм түзетуімен p < {4}).")
        case .codesDifferInWave: PhraseTexts(
            en: "{1}: {2} of {3} codes differ between the groups of {4} (Rao–Scott F, Holm-adjusted p < {5}).",
            ru: "{1}: {2} из {3} кодов различаются между группами по признаку «{4}» (F Рао–Скотта, p с поправкой Холма < {5}).",
            kk: "{1}: «{4}» топтары арасында {3} кодтың {2}-і ерекшеленеді (Рао–Скотт F, Холм түзетуімен p < {5}).")
        case .mentionsMethodNote: PhraseTexts(
            en: "Shares of mentions are weighted ratios of mentions of each code to all mentions (categorizable: leaving out the codes marked uncodable), with design-based intervals; the answers were coded by the code frame's rules and a classifier.",
            ru: "Доли упоминаний — взвешенные отношения упоминаний каждого кода ко всем упоминаниям (классифицируемые — без кодов, отмеченных как неклассифицируемые), с интервалами с учётом плана выборки; ответы закодированы правилами кодификатора и классификатором.",
            kk: "Аталым үлестері — әр кодтың аталымдарының барлық аталымдарға салмақталған қатынасы (жіктелетіндер — жіктелмейтін деп белгіленген кодтарсыз), іріктеу жоспары ескерілген аралықтарымен; жауаптар кодтау жүйесінің ережелерімен және жіктеуішпен кодталған.")
        case .mentionTestsNote: PhraseTexts(
            en: "Shares of the respondents who gave a reason; each code is tested for a difference between the groups (Rao–Scott F), with p adjusted for the number of codes (Holm).",
            ru: "Доли респондентов, назвавших причину; для каждого кода проверено различие между группами (F Рао–Скотта), p скорректировано на число кодов (Холм).",
            kk: "Себеп атаған респонденттердің үлестері; әр код үшін топтар арасындағы айырмашылық тексерілді (Рао–Скотт F), p кодтар санына түзетілген (Холм).")
        case .codesDifferingBetweenGroups: PhraseTexts(en: "{1} of {2} codes differ between the groups", ru: "{1} из {2} кодов различаются между группами", kk: "{2} кодтың {1}-і топтар арасында ерекшеленеді")
        case .mentionsOf: PhraseTexts(en: "Share of all mentions: {1}", ru: "Доля от всех упоминаний: {1}", kk: "Барлық аталымдардағы үлесі: {1}")
        case .mentionedOf: PhraseTexts(en: "Share of respondents mentioning: {1}", ru: "Доля упомянувших респондентов: {1}", kk: "Атаған респонденттердің үлесі: {1}")
        case .chartNoData: PhraseTexts(en: "{1} with no data.", ru: "{1}: нет данных.", kk: "{1}: деректер жоқ.")
        case .chartKindTrend: PhraseTexts(en: "Trend chart", ru: "График динамики", kk: "Динамика графигі")
        case .chartKindBars: PhraseTexts(en: "Bar chart", ru: "Столбчатая диаграмма", kk: "Бағанды диаграмма")
        case .chartKindDiverging: PhraseTexts(en: "Diverging bar chart", ru: "Расходящаяся столбчатая диаграмма", kk: "Қарама-қарсы бағанды диаграмма")
        case .chartKindSmallMultiples: PhraseTexts(en: "Small multiples", ru: "Набор малых графиков", kk: "Шағын графиктер жиыны")
        case .chartTrendDescription:
            PhraseTexts(en: "Trend chart of {1} across {2} waves, {3} to {4}.",
                        ru: "Динамика: {1}; волн: {2}, с {3} по {4}.",
                        kk: "Динамика: {1}; толқын саны: {2}, {3} — {4}.")
        case .chartTrendOneWave:
            PhraseTexts(en: "Trend chart of {1} across 1 wave ({2}).", ru: "Динамика: {1}; одна волна ({2}).", kk: "Динамика: {1}; бір толқын ({2}).")
        case .chartEventsMarked: PhraseTexts(en: "Events marked: {1}.", ru: "Отмечены события: {1}.", kk: "Белгіленген оқиғалар: {1}.")
        case .chartBarsDescription: PhraseTexts(en: "Bar chart of {1} by {2}", ru: "Столбчатая диаграмма: {1} по группам {2}", kk: "Бағанды диаграмма: {1}, топтар бойынша: {2}")
        case .chartWithIntervals: PhraseTexts(en: ", with confidence intervals", ru: ", с доверительными интервалами", kk: ", сенім аралықтарымен")
        case .chartNoValue: PhraseTexts(en: "no data", ru: "нет данных", kk: "деректер жоқ")
        case .chartDivergingDescriptionOne:
            PhraseTexts(en: "Diverging stacked bars for {1} row ({2}): negative answers left of the zero line, positive answers right",
                        ru: "Расходящиеся столбцы, строк: {1} ({2}); отрицательные ответы слева от нулевой линии, положительные справа",
                        kk: "Қарама-қарсы бағандар, жол саны: {1} ({2}); теріс жауаптар нөл сызығының сол жағында, оң жауаптар оң жағында")
        case .chartDivergingDescription:
            PhraseTexts(en: "Diverging stacked bars for {1} ({2}): negative answers left of the zero line, positive answers right",
                        ru: "Расходящиеся столбцы, строк: {1} ({2}); отрицательные ответы слева от нулевой линии, положительные справа",
                        kk: "Қарама-қарсы бағандар, жол саны: {1} ({2}); теріс жауаптар нөл сызығының сол жағында, оң жауаптар оң жағында")
        case .chartNeutralCentred: PhraseTexts(en: ", neutral answers centred", ru: ", нейтральные по центру", kk: ", бейтарап жауаптар ортада")
        case .chartMissingApart: PhraseTexts(en: ", missing answers apart", ru: ", пропущенные ответы отдельно", kk: ", жауапсыздар бөлек")
        case .chartPanelsDescription:
            PhraseTexts(en: "{1} panels ({2}) on shared scales", ru: "Панелей: {1} ({2}), шкалы общие", kk: "Панель саны: {1} ({2}), шкалалары ортақ")
        case .chartPanelsTrend:
            PhraseTexts(en: ", each a trend of {1} across {2} waves", ru: ", в каждой динамика: {1}; волн: {2}", kk: ", әрқайсысында динамика: {1}; толқын саны: {2}")
        case .chartPanelsBars:
            PhraseTexts(en: ", each bars of {1} by {2}", ru: ", в каждой столбцы: {1} по группам {2}", kk: ", әрқайсысында бағандар: {1}, топтар бойынша: {2}")
        case .polls: PhraseTexts(en: "Polls", ru: "Опросы", kk: "Сауалнамалар")
        case .pollsIntro:
            PhraseTexts(
                en: "Published polls by question, averaged across pollsters with each pollster's house effect.",
                ru: "Опубликованные опросы по вопросам и их среднее по всем опросчикам с учётом систематического смещения каждого.",
                kk: "Жарияланған сауалнамалар сұрақтар бойынша және әр жүргізушінің жүйелі ауытқуы ескерілген орташасы.")
        case .pollCountOne: PhraseTexts(en: "{1} poll", ru: "опросов: {1}", kk: "сауалнама саны: {1}")
        case .pollCount: PhraseTexts(en: "{1} polls", ru: "опросов: {1}", kk: "сауалнама саны: {1}")
        case .noPolls:
            PhraseTexts(en: "No polls have been imported yet. Run {1}.", ru: "Опросы ещё не загружены. Запустите {1}.",
                        kk: "Сауалнамалар әлі жүктелмеген. {1} іске қосыңыз.")
        case .allPolls: PhraseTexts(en: "All polls", ru: "Все опросы", kk: "Барлық сауалнамалар")
        case .answer: PhraseTexts(en: "Answer", ru: "Ответ", kk: "Жауап")
        case .latestAverage:
            PhraseTexts(en: "Average on {1}: {2} ({3} interval {4}–{5}).", ru: "Среднее на {1}: {2} ({3}-ный интервал {4}–{5}).",
                        kk: "{1} күнгі орташа: {2} ({3} сенім аралығы {4}–{5}).")
        case .pollster: PhraseTexts(en: "Pollster", ru: "Опросчик", kk: "Сауалнама жүргізуші")
        case .houseEffectPoints: PhraseTexts(en: "Effect, points", ru: "Смещение, п. п.", kk: "Ауытқу, пайыздық тармақ")
        case .houseEffectNote:
            PhraseTexts(
                en: "How far each pollster's published shares sit above (+) or below (−) the average, in percentage points.",
                ru: "Насколько опубликованные доли каждого опросчика выше (+) или ниже (−) среднего, в процентных пунктах.",
                kk: "Әр жүргізушінің жарияланған үлестері орташадан қаншалықты жоғары (+) немесе төмен (−), пайыздық тармақпен.")
        case .publishedPolls: PhraseTexts(en: "Published polls", ru: "Опубликованные опросы", kk: "Жарияланған сауалнамалар")
        case .fieldwork: PhraseTexts(en: "Fieldwork", ru: "Полевой этап", kk: "Далалық кезең")
        case .sharesPercent: PhraseTexts(en: "Shares, %", ru: "Доли, %", kk: "Үлестер, %")
        case .source: PhraseTexts(en: "Source", ru: "Источник", kk: "Дереккөз")
        case .pollsQuestionNotFound:
            PhraseTexts(
                en: "No published poll asked “{1}”; choose a question from the list of polls.",
                ru: "Нет опубликованных опросов с вопросом «{1}»; выберите вопрос из списка опросов.",
                kk: "«{1}» сұрағы бар жарияланған сауалнама жоқ; сауалнамалар тізімінен сұрақ таңдаңыз.")
        case .pollAverageTooFew:
            PhraseTexts(en: "An average needs at least two polls reporting this answer.", ru: "Для среднего нужны хотя бы два опроса с этим ответом.",
                        kk: "Орташа үшін осы жауабы бар кемінде екі сауалнама қажет.")
        case .chartKindPolls: PhraseTexts(en: "Poll average chart", ru: "График среднего по опросам", kk: "Сауалнамалар орташасының графигі")
        case .chartPollsDescription:
            PhraseTexts(en: "Poll average chart of {1}: {2} polls by {3} pollsters, {4} to {5}.",
                        ru: "Среднее по опросам: {1}; опросов: {2}, опросчиков: {3}, с {4} по {5}.",
                        kk: "Сауалнамалар орташасы: {1}; сауалнама саны: {2}, жүргізушілер саны: {3}, {4} — {5}.")
        case .chartPollsLatest:
            PhraseTexts(en: "Latest average ({1}): {2}.", ru: "Последнее значение среднего ({1}): {2}.", kk: "Орташаның соңғы мәні ({1}): {2}.")
        case .chartAlsoShown: PhraseTexts(en: "Also shown: {1}.", ru: "Также показано: {1}.", kk: "Сондай-ақ көрсетілген: {1}.")
        case .chartAverageLegend:
            PhraseTexts(en: "Average of the polls, {1} interval", ru: "Среднее по опросам, {1}-ный интервал", kk: "Сауалнамалар орташасы, {1} сенім аралығы")
        case .chartDotAreaLegend:
            PhraseTexts(en: "Dot area: sample size ({1})", ru: "Площадь точки — размер выборки ({1})", kk: "Нүкте ауданы — іріктеме көлемі ({1})")
        case .chartPollsSource:
            PhraseTexts(
                en: "Source: published polls by {1}; the average across pollsters allows for each one's house effect (Jackman 2005).",
                ru: "Источник: опубликованные опросы ({1}); среднее по опросчикам учитывает систематическое смещение каждого (Джекман, 2005).",
                kk: "Дереккөз: жарияланған сауалнамалар ({1}); жүргізушілер бойынша орташа әрқайсысының жүйелі ауытқуын ескереді (Джекман, 2005).")
        case .monthAbbreviations:
            PhraseTexts(en: "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", ru: "янв фев мар апр май июн июл авг сен окт ноя дек",
                        kk: "қаң ақп нау сәу мам мау шіл там қыр қаз қар жел")
        case .requestNotAnswered:
            PhraseTexts(
                en: "The request could not be answered. The reason, in English:",
                ru: "На запрос не удалось ответить. Причина (на английском языке):",
                kk: "Сұрауға жауап беру мүмкін болмады. Себебі (ағылшын тілінде):")
        case .focusGroupsTitle: PhraseTexts(en: "Focus groups", ru: "Фокус-группы", kk: "Фокус-топтар")
        case .focusGroupsCountsOne:
            PhraseTexts(
                en: "Counts of coded segments (participants' turns coded by the code frame's rules) in {1} focus group: {2}.",
                ru: "Число закодированных фрагментов (реплик участников, закодированных правилами кодификатора); фокус-групп: {1} ({2}).",
                kk: "Кодталған үзінділер саны (кодтау жүйесінің ережелері кодтаған қатысушылардың сөз кезектері); фокус-топ саны: {1} ({2}).")
        case .focusGroupsCounts:
            PhraseTexts(
                en: "Counts of coded segments (participants' turns coded by the code frame's rules) in {1} focus groups: {2}.",
                ru: "Число закодированных фрагментов (реплик участников, закодированных правилами кодификатора); фокус-групп: {1} ({2}).",
                kk: "Кодталған үзінділер саны (кодтау жүйесінің ережелері кодтаған қатысушылардың сөз кезектері); фокус-топ саны: {1} ({2}).")
        case .focusGroupsLanguages: PhraseTexts(en: "Languages: {1}.", ru: "Языки: {1}.", kk: "Тілдер: {1}.")
        case .focusGroupsNotEstimates:
            PhraseTexts(
                en: "These are not survey estimates: no weights, no confidence intervals; the groups are not a sample of the population, and one turn may carry several codes.",
                ru: "Это не оценки опроса: без весов и доверительных интервалов; группы не являются выборкой населения, а одна реплика может получить несколько кодов.",
                kk: "Бұл сауалнама бағалаулары емес: салмақсыз, сенім аралықтарынсыз; топтар халықтың іріктемесі емес, ал бір сөз кезегі бірнеше код алуы мүмкін.")
        case .focusGroupsUncoded:
            PhraseTexts(
                en: "{1} of {2} participants' turns matched no code of the frame.",
                ru: "Реплик участников, не подошедших ни под один код: {1} из {2}.",
                kk: "Ешбір кодқа сәйкес келмеген қатысушылардың сөз кезектері: {2} ішінен {1}.")
        case .focusGroupsByGroup:
            PhraseTexts(en: "Coded segments by group", ru: "Закодированные фрагменты по группам", kk: "Топтар бойынша кодталған үзінділер")
        case .focusGroupsByLanguage:
            PhraseTexts(en: "Coded segments by language", ru: "Закодированные фрагменты по языкам", kk: "Тілдер бойынша кодталған үзінділер")
        case .focusGroupsTotal: PhraseTexts(en: "Total", ru: "Всего", kk: "Барлығы")
        case .focusGroupsCodedRow: PhraseTexts(en: "Turns with a code", ru: "Реплики с кодом", kk: "Коды бар сөз кезектері")
        case .focusGroupsUncodedRow: PhraseTexts(en: "Turns without a code", ru: "Реплики без кода", kk: "Кодсыз сөз кезектері")
        case .focusGroupsTurnsRow: PhraseTexts(en: "Participants' turns", ru: "Реплики участников", kk: "Қатысушылардың сөз кезектері")
        case .quotations: PhraseTexts(en: "Quotations", ru: "Цитаты", kk: "Дәйексөздер")
        case .focusGroupsSummary:
            PhraseTexts(en: "groups: {1}, participants' turns: {2}, coded: {3}", ru: "групп: {1}, реплик участников: {2}, закодировано: {3}",
                        kk: "топ саны: {1}, қатысушылардың сөз кезектері: {2}, кодталғаны: {3}")
        }
    }
}
