// The published polls every poll database starts from, as YAML (the form `barometer polls
// import` reads). Kept in the binary rather than as a bundle resource, so that a copied
// `barometer` executable still has them.

extension PublishedPolls {
    /// The YAML of the shipped polls.
    static let yaml = #"""
# The published polls every new poll database starts from: every number is from the source
# named with it, as gathered in the project's reference notes (shared/reference/published-figures.md).
# Where a source does not give a fact (the fieldwork days, the sample size), the poll says so:
# `sample_size: unpublished`, and dates spanning what the source does say, explained in `notes`.
# Shares are percentages of all respondents (of the population named) as published. `title` is
# our short name of each question in English, Russian and Kazakh for lists and charts; `wording`
# is only what a source quotes.
polls:
  # Demoscope (Bureau for Express Monitoring of Public Opinion): telephone, random mobile numbers.
  - pollster: Demoscope
    field_start: 2022-03-01
    field_end: 2022-03-31
    mode: telephone (random mobile numbers)
    population: adults in Kazakhstan
    sample_size: 1100
    margin_of_error: 3
    weighting: sex, age, ethnicity
    question: war_side
    title: {en: "Side supported in the war in Ukraine", ru: "Какую сторону поддерживают в войне в Украине", kk: "Украинадағы соғыста қай тарапты қолдайды"}
    wording: {en: "Which side of the conflict do you support?"}
    answers: {Ukraine: 10, Russia: 39, Neutral: 46}
    source: Demoscope press release, demos.kz, March 2022; magnis.news (the neutral share)
    url: https://demos.kz
    notes: The release gives March 2022 but not the days, so the whole month is given. Interviews 77% in Russian, 23% in Kazakh.
  - pollster: Demoscope
    field_start: 2022-04-01
    field_end: 2022-04-30
    mode: telephone (random mobile numbers)
    population: adults in Kazakhstan
    sample_size: unpublished
    question: russia_aim
    title: {en: "Russia's aim in Ukraine", ru: "Цель России в Украине", kk: "Ресейдің Украинадағы мақсаты"}
    answers: {Occupation and annexation of Ukraine: 13}
    source: Demoscope, demos.kz (April 2022)
    url: https://demos.kz
    notes: Reported as April 2022 without the days or the sample size.
  - pollster: Demoscope
    field_start: 2022-11-04
    field_end: 2022-11-24
    mode: telephone (random mobile numbers)
    population: adults in Kazakhstan
    sample_size: 1110
    margin_of_error: 3
    weighting: sex, age, ethnicity
    question: war_side
    title: {en: "Side supported in the war in Ukraine", ru: "Какую сторону поддерживают в войне в Украине", kk: "Украинадағы соғыста қай тарапты қолдайды"}
    wording: {en: "Which side of the conflict do you support?"}
    answers: {Ukraine: 22, Russia: 13, Neutral: 59}
    source: Demoscope press release "a significant part of Kazakhstanis...", demos.kz, December 2022
    url: https://demos.kz
  - pollster: Demoscope
    field_start: 2022-11-04
    field_end: 2022-11-24
    mode: telephone (random mobile numbers)
    population: adults aged 18–29 in Kazakhstan
    sample_size: unpublished
    question: war_side
    title: {en: "Side supported in the war in Ukraine", ru: "Какую сторону поддерживают в войне в Украине", kk: "Украинадағы соғыста қай тарапты қолдайды"}
    wording: {en: "Which side of the conflict do you support?"}
    answers: {Ukraine: 23, Russia: 6}
    source: Window on Eurasia, December 2022 (the November 2022 poll's age groups)
    notes: The age group of the November 2022 poll; its number of respondents is not published.
  - pollster: Demoscope
    field_start: 2022-11-04
    field_end: 2022-11-24
    mode: telephone (random mobile numbers)
    population: adults aged 60 and over in Kazakhstan
    sample_size: unpublished
    question: war_side
    title: {en: "Side supported in the war in Ukraine", ru: "Какую сторону поддерживают в войне в Украине", kk: "Украинадағы соғыста қай тарапты қолдайды"}
    wording: {en: "Which side of the conflict do you support?"}
    answers: {Ukraine: 14, Russia: 34}
    source: Window on Eurasia, December 2022 (the November 2022 poll's age groups)
    notes: The age group of the November 2022 poll; its number of respondents is not published.
  - pollster: Demoscope
    field_start: 2023-05-03
    field_end: 2023-05-12
    mode: telephone (random mobile numbers)
    population: adults in Kazakhstan
    sample_size: 1100
    margin_of_error: 3
    weighting: sex, age, ethnicity
    question: war_side
    title: {en: "Side supported in the war in Ukraine", ru: "Какую сторону поддерживают в войне в Украине", kk: "Украинадағы соғыста қай тарапты қолдайды"}
    wording: {en: "Which side of the conflict do you support?"}
    answers: {Ukraine: 21.1, Russia: 12.8, Neutral: 59.8}
    source: Demoscope press release, demos.kz, May 2023; Reuters, 17 May 2023
    url: https://demos.kz
    notes: Interviews 40.3% in Russian, 59.7% in Kazakh.
  - pollster: Demoscope
    field_start: 2023-05-03
    field_end: 2023-05-12
    mode: telephone (random mobile numbers)
    population: adults in Kazakhstan
    sample_size: 1100
    margin_of_error: 3
    weighting: sex, age, ethnicity
    question: view_of_russia_change
    title: {en: "View of Russia since February 2022", ru: "Отношение к России после февраля 2022 года", kk: "2022 жылғы ақпаннан кейінгі Ресейге көзқарас"}
    answers: {Unchanged: 51.5, Worse: 32.6, Better: 4.7}
    source: Demoscope press release, demos.kz, May 2023; Reuters, 17 May 2023
    url: https://demos.kz
  - pollster: Demoscope
    field_start: 2023-05-03
    field_end: 2023-05-12
    mode: telephone (random mobile numbers)
    population: adults in Kazakhstan
    sample_size: 1100
    margin_of_error: 3
    weighting: sex, age, ethnicity
    question: russia_aim
    title: {en: "Russia's aim in Ukraine", ru: "Цель России в Украине", kk: "Ресейдің Украинадағы мақсаты"}
    answers: {Occupation and annexation of Ukraine: 28}
    source: Demoscope press release, demos.kz, May 2023
    url: https://demos.kz
  - pollster: Demoscope
    field_start: 2023-05-03
    field_end: 2023-05-12
    mode: telephone (random mobile numbers)
    population: adults in Kazakhstan
    sample_size: 1100
    margin_of_error: 3
    weighting: sex, age, ethnicity
    question: conflict_nature
    title: {en: "Nature of the conflict in Ukraine", ru: "Характер конфликта в Украине", kk: "Украинадағы қақтығыстың сипаты"}
    answers: {Military operation against Nazis: 36, Preventing NATO deployment in Ukraine: 26, Annexation: 13}
    source: Demoscope press release, demos.kz, May 2023; Reuters, 17 May 2023
    url: https://demos.kz
    notes: Published as Demoscope's 2023 figures; the only Demoscope poll of 2023 in the sources is this one of 3–12 May.
  - pollster: Demoscope
    field_start: 2023-05-03
    field_end: 2023-05-12
    mode: telephone (random mobile numbers)
    population: adults in Kazakhstan
    sample_size: 1100
    margin_of_error: 3
    weighting: sex, age, ethnicity
    question: main_news_source
    title: {en: "Main source of news", ru: "Основной источник новостей", kk: "Жаңалықтардың негізгі көзі"}
    answers: {Kazakhstani media: 39, Russian media: 23, Ukrainian media: 2, Western media: 1, Several sources: 35}
    exhaustive: true
    source: Demoscope press release, demos.kz, May 2023; Reuters, 17 May 2023
    url: https://demos.kz
    notes: Published as Demoscope's 2023 figures; the only Demoscope poll of 2023 in the sources is this one of 3–12 May.
  - pollster: Demoscope
    field_start: 2023-05-03
    field_end: 2023-05-12
    mode: telephone (random mobile numbers)
    population: adults in Kazakhstan
    sample_size: 1100
    margin_of_error: 3
    weighting: sex, age, ethnicity
    question: russia_attack_belief
    title: {en: "Whether Russia will attack Kazakhstan", ru: "Нападёт ли Россия на Казахстан", kk: "Ресей Қазақстанға шабуыл жасай ма"}
    answers: {Do not believe it: 73}
    source: Demoscope press release, demos.kz, May 2023; Reuters, 17 May 2023
    url: https://demos.kz
    notes: Published as Demoscope's 2023 figures; the only Demoscope poll of 2023 in the sources is this one of 3–12 May.
  - pollster: Demoscope
    field_start: 2023-05-03
    field_end: 2023-05-12
    mode: telephone (random mobile numbers)
    population: adults in Kazakhstan
    sample_size: 1100
    margin_of_error: 3
    weighting: sex, age, ethnicity
    question: president_approval
    title: {en: "Approval of the president", ru: "Отношение к президенту", kk: "Президентке көзқарас"}
    answers: {Like: 75}
    source: Demoscope press release, demos.kz, May 2023; Reuters, 17 May 2023
    url: https://demos.kz
  - pollster: Demoscope
    field_start: 2023-05-03
    field_end: 2023-05-12
    mode: telephone (random mobile numbers)
    population: adults in Kazakhstan
    sample_size: 1100
    margin_of_error: 3
    weighting: sex, age, ethnicity
    question: right_direction
    title: {en: "Is the country developing in the right direction", ru: "Правильно ли развивается страна", kk: "Ел дұрыс бағытта дамып келе ме"}
    answers: {Right direction: 61}
    source: Demoscope press release, demos.kz, May 2023; Reuters, 17 May 2023
    url: https://demos.kz

  # Central Asia Barometer, waves of 2017–2019 pooled (PONARS Eurasia Policy Memo 658).
  - pollster: Central Asia Barometer
    sponsor: PONARS Eurasia Policy Memo 658 (analysis of the pooled waves)
    field_start: 2017-01-01
    field_end: 2019-12-31
    mode: face-to-face (tablets, Kish grid)
    population: adults in Kazakhstan
    sample_size: unpublished
    weighting: post-stratified on region × urban/rural, age, sex
    question: opinion_russia
    title: {en: "Opinion of Russia", ru: "Мнение о России", kk: "Ресей туралы пікір"}
    answers: {Very favourable: 39, Somewhat favourable: 48, Don't know / no answer: 5, Somewhat unfavourable: 6, Very unfavourable: 2}
    exhaustive: true
    source: 'M. Laruelle and D. Royce, "Love with Nuances: Kazakhstani Views on Russia", PONARS Eurasia Policy Memo No. 658, June 2020'
    url: https://ponarseurasia.org
    notes: The waves of 2017–2019 pooled (about 1,500 adults a wave, two waves a year); the memo gives neither the days nor the pooled number of respondents.
  - pollster: Central Asia Barometer
    sponsor: PONARS Eurasia Policy Memo 658 (analysis of the pooled waves)
    field_start: 2017-01-01
    field_end: 2019-12-31
    mode: face-to-face (tablets, Kish grid)
    population: adults in Kazakhstan
    sample_size: unpublished
    weighting: post-stratified on region × urban/rural, age, sex
    question: economic_relations_russia
    title: {en: "Closer economic relations with Russia", ru: "Более тесные экономические связи с Россией", kk: "Ресеймен тығызырақ экономикалық байланыс"}
    answers: {Strongly support: 46, Somewhat support: 42, Don't know / no answer: 6, Somewhat oppose: 3, Strongly oppose: 3}
    exhaustive: true
    source: 'M. Laruelle and D. Royce, "Love with Nuances: Kazakhstani Views on Russia", PONARS Eurasia Policy Memo No. 658, June 2020'
    url: https://ponarseurasia.org
    notes: The waves of 2017–2019 pooled (about 1,500 adults a wave, two waves a year); the memo gives neither the days nor the pooled number of respondents.
  - pollster: Central Asia Barometer
    sponsor: PONARS Eurasia Policy Memo 658 (analysis of the pooled waves)
    field_start: 2017-01-01
    field_end: 2019-12-31
    mode: face-to-face (tablets, Kish grid)
    population: adults in Kazakhstan
    sample_size: unpublished
    weighting: post-stratified on region × urban/rural, age, sex
    question: eeu_benefit
    title: {en: "Has joining the Eurasian Economic Union benefitted the economy", ru: "Принесло ли вступление в ЕАЭС пользу экономике", kk: "ЕАЭО-ға кіру экономикаға пайда әкелді ме"}
    answers: {Strongly agree: 37, Somewhat agree: 35, Don't know / no answer: 14, Somewhat disagree: 8, Strongly disagree: 6}
    exhaustive: true
    source: 'M. Laruelle and D. Royce, "Love with Nuances: Kazakhstani Views on Russia", PONARS Eurasia Policy Memo No. 658, June 2020'
    url: https://ponarseurasia.org
    notes: The waves of 2017–2019 pooled (about 1,500 adults a wave, two waves a year); the memo gives neither the days nor the pooled number of respondents.
  - pollster: Central Asia Barometer
    sponsor: PONARS Eurasia Policy Memo 658 (analysis of the pooled waves)
    field_start: 2017-01-01
    field_end: 2019-12-31
    mode: face-to-face (tablets, Kish grid)
    population: adults in Kazakhstan with a positive opinion of Russia
    sample_size: unpublished
    question: opinion_united_states
    title: {en: "Opinion of the United States", ru: "Мнение о США", kk: "АҚШ туралы пікір"}
    answers: {Positive: 55}
    source: 'M. Laruelle and D. Royce, "Love with Nuances: Kazakhstani Views on Russia", PONARS Eurasia Policy Memo No. 658, June 2020'
    url: https://ponarseurasia.org
    notes: Of those with a positive opinion of Russia, in the pooled waves of 2017–2019.
  - pollster: Central Asia Barometer
    sponsor: PONARS Eurasia Policy Memo 658 (analysis of the pooled waves)
    field_start: 2017-01-01
    field_end: 2019-12-31
    mode: face-to-face (tablets, Kish grid)
    population: adults in Kazakhstan with a positive opinion of Russia
    sample_size: unpublished
    question: opinion_china
    title: {en: "Opinion of China", ru: "Мнение о Китае", kk: "Қытай туралы пікір"}
    answers: {Positive: 71}
    source: 'M. Laruelle and D. Royce, "Love with Nuances: Kazakhstani Views on Russia", PONARS Eurasia Policy Memo No. 658, June 2020'
    url: https://ponarseurasia.org
    notes: Of those with a positive opinion of Russia, in the pooled waves of 2017–2019.
  - pollster: Central Asia Barometer
    sponsor: PONARS Eurasia Policy Memo 658 (analysis of the pooled waves)
    field_start: 2017-01-01
    field_end: 2019-12-31
    mode: face-to-face (tablets, Kish grid)
    population: adults in Kazakhstan who favour closer economic relations with Russia
    sample_size: unpublished
    question: economic_relations_united_states
    title: {en: "Closer economic relations with the United States", ru: "Более тесные экономические связи с США", kk: "АҚШ-пен тығызырақ экономикалық байланыс"}
    answers: {Support: 59}
    source: 'M. Laruelle and D. Royce, "Love with Nuances: Kazakhstani Views on Russia", PONARS Eurasia Policy Memo No. 658, June 2020'
    url: https://ponarseurasia.org
    notes: Of those who favour closer economic relations with Russia, in the pooled waves of 2017–2019.
  - pollster: Central Asia Barometer
    sponsor: PONARS Eurasia Policy Memo 658 (analysis of the pooled waves)
    field_start: 2017-01-01
    field_end: 2019-12-31
    mode: face-to-face (tablets, Kish grid)
    population: adults in Kazakhstan who favour closer economic relations with Russia
    sample_size: unpublished
    question: economic_relations_china
    title: {en: "Closer economic relations with China", ru: "Более тесные экономические связи с Китаем", kk: "Қытаймен тығызырақ экономикалық байланыс"}
    answers: {Support: 65}
    source: 'M. Laruelle and D. Royce, "Love with Nuances: Kazakhstani Views on Russia", PONARS Eurasia Policy Memo No. 658, June 2020'
    url: https://ponarseurasia.org
    notes: Of those who favour closer economic relations with Russia, in the pooled waves of 2017–2019.

  # Gallup 2014, as cited by PONARS Eurasia Policy Memo 658.
  - pollster: Gallup
    field_start: 2014-01-01
    field_end: 2014-12-31
    population: adults in Kazakhstan
    sample_size: unpublished
    question: russia_us_priority
    title: {en: "Relations with Russia or with the United States first", ru: "Что важнее: отношения с Россией или с США", kk: "Қайсысы маңызды: Ресеймен немесе АҚШ-пен қарым-қатынас"}
    answers: {Relations with Russia: 72, Relations with the United States: 7}
    source: Gallup 2014, cited in PONARS Eurasia Policy Memo No. 658, June 2020
    url: https://ponarseurasia.org
    notes: The memo gives the year only; neither the days nor the sample size.

  # Eurasian Development Bank Integration Barometer: support for the Eurasian Economic Union.
  - pollster: EDB Integration Barometer
    sponsor: Eurasian Development Bank
    field_start: 2014-01-01
    field_end: 2014-12-31
    population: adults in Kazakhstan
    sample_size: unpublished
    question: eeu_support
    title: {en: "Support for the Eurasian Economic Union", ru: "Поддержка ЕАЭС", kk: "ЕАЭО-ны қолдау"}
    answers: {Support: 84}
    source: EDB Integration Barometer report 2014 (eabr.org)
    url: https://eabr.org
    notes: The year only; the days and the sample size are not in our source.
  - pollster: EDB Integration Barometer
    sponsor: Eurasian Development Bank
    field_start: 2015-01-01
    field_end: 2015-12-31
    population: adults in Kazakhstan
    sample_size: unpublished
    question: eeu_support
    title: {en: "Support for the Eurasian Economic Union", ru: "Поддержка ЕАЭС", kk: "ЕАЭО-ны қолдау"}
    answers: {Support: 80}
    source: EDB Integration Barometer report 2015 (eabr.org)
    url: https://eabr.org
    notes: The year only; the days and the sample size are not in our source.
  - pollster: EDB Integration Barometer
    sponsor: Eurasian Development Bank
    field_start: 2016-01-01
    field_end: 2016-12-31
    population: adults in Kazakhstan
    sample_size: unpublished
    question: eeu_support
    title: {en: "Support for the Eurasian Economic Union", ru: "Поддержка ЕАЭС", kk: "ЕАЭО-ны қолдау"}
    answers: {Support: 74}
    source: EDB Integration Barometer report 2016 (eabr.org)
    url: https://eabr.org
    notes: The year only; the days and the sample size are not in our source.
  - pollster: EDB Integration Barometer
    sponsor: Eurasian Development Bank
    field_start: 2017-01-01
    field_end: 2017-12-31
    population: adults in Kazakhstan
    sample_size: unpublished
    question: eeu_support
    title: {en: "Support for the Eurasian Economic Union", ru: "Поддержка ЕАЭС", kk: "ЕАЭО-ны қолдау"}
    answers: {Support: 76}
    source: EDB Integration Barometer report 2017 (eabr.org)
    url: https://eabr.org
    notes: The year only; the days and the sample size are not in our source.

  # KSE / Gradus, April 2022.
  - pollster: KSE / Gradus
    field_start: 2022-04-01
    field_end: 2022-04-30
    population: adults in Kazakhstan
    sample_size: unpublished
    question: support_war
    title: {en: "Support for the war", ru: "Поддержка войны", kk: "Соғысты қолдау"}
    answers: {Support: 20}
    source: Kyiv School of Economics analysis of the KSE/Gradus survey (kse.ua, 2022)
    url: https://kse.ua
    notes: April 2022 without the days or the sample size.
  - pollster: KSE / Gradus
    field_start: 2022-04-01
    field_end: 2022-04-30
    population: ethnic Russians in Kazakhstan
    sample_size: unpublished
    question: support_war
    title: {en: "Support for the war", ru: "Поддержка войны", kk: "Соғысты қолдау"}
    answers: {Support: 42}
    source: Kyiv School of Economics analysis of the KSE/Gradus survey (kse.ua, 2022)
    url: https://kse.ua
    notes: April 2022 without the days or the sample size.
  - pollster: KSE / Gradus
    field_start: 2022-04-01
    field_end: 2022-04-30
    population: ethnic Kazakhs in Kazakhstan
    sample_size: unpublished
    question: support_war
    title: {en: "Support for the war", ru: "Поддержка войны", kk: "Соғысты қолдау"}
    answers: {Support: 11}
    source: Kyiv School of Economics analysis of the KSE/Gradus survey (kse.ua, 2022)
    url: https://kse.ua
    notes: April 2022 without the days or the sample size.

  # openDemocracy, 2020.
  - pollster: openDemocracy
    field_start: 2020-01-01
    field_end: 2020-12-31
    population: adults in Kazakhstan
    sample_size: unpublished
    question: relations_russia_satisfaction
    title: {en: "Satisfaction with relations with Russia", ru: "Удовлетворённость отношениями с Россией", kk: "Ресеймен қарым-қатынасқа қанағаттану"}
    answers: {Satisfied: 49}
    source: openDemocracy (2020)
    url: https://www.opendemocracy.net
    notes: The publication gives the year only; the fieldwork organisation, days and sample size are not in our source.
  - pollster: openDemocracy
    field_start: 2020-01-01
    field_end: 2020-12-31
    population: adults in Kazakhstan
    sample_size: unpublished
    question: cooperation_russia
    title: {en: "Closer cooperation with Russia", ru: "Более тесное сотрудничество с Россией", kk: "Ресеймен тығызырақ ынтымақтастық"}
    answers: {Want closer cooperation: 26}
    source: openDemocracy (2020)
    url: https://www.opendemocracy.net
    notes: The publication gives the year only; the fieldwork organisation, days and sample size are not in our source.
  - pollster: openDemocracy
    field_start: 2020-01-01
    field_end: 2020-12-31
    population: adults in Kazakhstan
    sample_size: unpublished
    question: russia_influence
    title: {en: "Russia's influence on Kazakhstan", ru: "Влияние России на Казахстан", kk: "Ресейдің Қазақстанға ықпалы"}
    answers: {Stabilizing: 61}
    source: openDemocracy (2020)
    url: https://www.opendemocracy.net
    notes: The publication gives the year only; the fieldwork organisation, days and sample size are not in our source.
"""#
}
