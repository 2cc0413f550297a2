// The demo's code frame for the open-ended reasons (`russia_reason1`, `russia_reason2`), as the
// YAML that `barometer code frame` reads. Kept in the binary, as the published polls are, so that
// the demo codes its answers without a file; examples/code-frames/russia-reasons.yaml is the same
// text (a test checks), for users to copy.

/// Code frames of the demo study, as YAML text (SurveyIO's `CodeFrameYAML` reads them).
public enum DemoCodeFrames {
    /// The frame of the reasons for a favourable opinion of Russia: the seven categories of
    /// PONARS Eurasia Policy Memo 658 with labels in Kazakh, Russian and English and stems for
    /// Kazakh, Russian and English answers.
    public static let russiaReasons = #"""
# Reasons for a favourable opinion of Russia (open-ended; up to two reasons per respondent).
# The seven categories of PONARS Eurasia Policy Memo 658 (Central Asia Barometer 2017–2019).
# Stems match any word that starts with them, after folding: case, ё/е and the Kazakh letters
# (ә ғ қ ң ө ұ ү һ і typed as а г к н о у у х и) do not matter; a phrase of stems matches
# consecutive words. Patterns are regular expressions over the folded text.
frame:
  name: Reasons for a favourable opinion of Russia
  languages: [kk, ru, en]
codes:
  - code: domestic
    label: {en: "Russia's domestic qualities", ru: "Внутренние качества России", kk: "Ресейдің ішкі қасиеттері"}
    description: Russia as a country to admire at home - development, the economy, living standards, wages, order, education, health care, opportunities.
    examples: [Экономика развитая, Жизнь там лучше, Дамыған мемлекет, A developed economy]
    rules:
      ru: {stems: [развит, экономик, уровен жизн, качеств жизн, зарплат, поряд, образован, богат, медицин, возможност, молодеж]}
      kk: {stems: [дамы, экономик, деңгей, жалақ, тәртіп, білім, бай ел, үлкен, медицин, мүмкін, жастар]}
      en: {stems: [develop, econom, standard of living, salar, wage, educat, rich, medic, opportunit]}
  - code: relationship
    label: {en: "A good relationship with Kazakhstan", ru: "Хорошие отношения с Казахстаном", kk: "Қазақстанмен жақсы қарым-қатынас"}
    description: Russia as a friend, ally, good neighbour or helper of Kazakhstan.
    examples: [Дружим с Россией, Россия наш партнёр, Ресей досымыз]
    rules:
      ru: {stems: [отношен, друж, союзник, сосед, партнер, помога казахстан, помощ]}
      kk: {stems: [қарым қатынас, дос, одақтас, көрші, серіктес], patterns: ['казакстан\S* (\S+ )?комек']}
      en: {stems: [friend, ally, allies, neighbo, relation, partner, help kazakhstan]}
  - code: bonds
    label: {en: "Innate bonds: history, culture, language, kin", ru: "Общие история, культура, язык, родство", kk: "Ортақ тарих, мәдениет, тіл, туыстық"}
    description: What the two countries share by birth - a common past in one state, culture, the Russian language, relatives, mentality.
    examples: [Общее советское прошлое, Тарихи байланыс, Our common history]
    rules:
      ru: {stems: [истор, одн стран, ссср, советск, культур, русск язык, родствен, родн, менталитет]}
      kk: {stems: [тарих, бір елде, кеңес, мәдениет, орыс тіл, туыс, менталитет]}
      en: {stems: [histor, soviet, cultur, russian language, relativ, mentalit]}
  - code: practical
    label: {en: "Practically useful: trade, work, the EEU", ru: "Практическая польза: торговля, работа, ЕАЭС", kk: "Практикалық пайда: сауда, жұмыс, ЕАЭО"}
    description: What Kazakhstan or the respondent gains - trade, jobs in Russia, the Eurasian Economic Union, profitable cooperation.
    examples: [Торгуем с Россией, ЕАЭС, Ресейде жұмыс бар]
    rules:
      ru: {stems: [торгов, евразийск, еаэс, работ, выгод, сотруднич]}
      kk: {stems: [сауда, еуразия, еаэо, жұмыс, тиімді, ынтымақ]}
      en: {stems: [trade, eurasian, eeu, work, job, benefic, cooperat]}
  - code: benign
    label: {en: "Internationally benign", ru: "Миролюбие в мире", kk: "Әлемде бейбітшіл"}
    description: Russia as a peaceful country that attacks no one, settles conflicts, stays out of others' affairs, fights terrorism.
    examples: [За мир во всём мире, Соғысқа қарсы, Russia is peaceful]
    rules:
      ru: {stems: [миролюб, мирн, напада, конфликт, вмешива, террор]}
      kk: {stems: [бейбіт, шабуыл, қақтығыс, араласпа, террор]}
      en: {stems: [peace, attack, conflict, interfer, terror]}
  - code: strong
    label: {en: "Internationally strong", ru: "Сила в мире", kk: "Әлемдегі күші"}
    description: Russia as a great power - its army, its president, its weight in the world, its protection.
    examples: [Мощная армия, Ұлы держава, A strong president]
    rules:
      ru: {stems: [арм, держав, президент, защит, счита, велик, мощ, военн]}
      kk: {stems: [әскер, держав, президент, қорға, санас, құдірет]}
      en: {stems: [army, military, great power, president, protect, respect]}
  - code: other
    uncodable: true
    label: {en: "Other, don't know", ru: "Другое, затрудняюсь ответить", kk: "Басқа, білмеймін"}
    description: A liking without a reason, a reason in none of the codes above, or don't know. Left out of the base of categorizable reasons.
    examples: [Просто нравится, Білмеймін, No particular reason]
    rules:
      ru: {stems: [не зна, затрудн, нрав, красив]}
      kk: {stems: [білмей, ұнай, қиналам, әдемі]}
      en: {stems: [don t know, no idea, just like, beautiful]}

"""#
}
