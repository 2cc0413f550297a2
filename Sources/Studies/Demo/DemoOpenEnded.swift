/// The two open-ended reasons for a favourable opinion of Russia, as an interviewer would type
/// them, in the language of the interview. Categories and their shares are those coded for the
/// pooled 2017–2019 Central Asia Barometer (PONARS Eurasia Policy Memo 658): 47 of all reasons
/// on Russia's domestic qualities, 8 a good relationship, 7 innate bonds, 2 practical use, 11
/// Russia internationally benign, 7 internationally strong, 18 other, don't know or no answer.
/// Respondents without a favourable opinion were not asked (empty), and most give one reason.
enum DemoOpenEnded {
    /// A coding category with phrases in Russian and Kazakh.
    struct Category {
        let share: Double
        let russian: [String]
        let kazakh: [String]
    }

    static let categories: [Category] = [
        // Russia's domestic qualities (development, economy).
        Category(share: 47, russian: [
            "Развитая страна", "Сильная экономика", "Высокий уровень жизни", "Хорошие зарплаты", "Порядок в стране",
            "Хорошее образование", "Большая и богатая страна", "Хорошая медицина", "Много возможностей для молодёжи",
        ], kazakh: [
            "Дамыған ел", "Экономикасы күшті", "Өмір сүру деңгейі жоғары", "Жалақысы жақсы", "Елде тәртіп бар",
            "Білім беру жақсы", "Үлкен әрі бай ел", "Медицинасы жақсы", "Жастарға мүмкіндік көп",
        ]),
        // Generally good Kazakhstan–Russia relationship.
        Category(share: 8, russian: [
            "Хорошие отношения с Казахстаном", "Дружественная страна", "Наш союзник", "Добрые соседи", "Всегда помогает Казахстану",
        ], kazakh: [
            "Қазақстанмен қарым-қатынасы жақсы", "Дос ел", "Біздің одақтасымыз", "Жақсы көрші", "Қазақстанға әрқашан көмектеседі",
        ]),
        // Innate bonds (history, culture, mentality).
        Category(share: 7, russian: [
            "Общая история", "Жили в одной стране", "Близкая культура", "Русский язык", "Родственники живут в России",
            "Похожий менталитет",
        ], kazakh: [
            "Тарихымыз ортақ", "Бір елде өмір сүрдік", "Мәдениетіміз жақын", "Орыс тілі", "Туыстарым Ресейде тұрады",
            "Менталитетіміз ұқсас",
        ]),
        // Practically useful relationship (trade, EEU).
        Category(share: 2, russian: [
            "Торговля", "Евразийский союз", "Можно работать в России", "Выгодное сотрудничество",
        ], kazakh: [
            "Сауда", "Еуразиялық одақ", "Ресейде жұмыс істеуге болады", "Тиімді ынтымақтастық",
        ]),
        // Russia internationally benign (peaceful, resolves conflicts).
        Category(share: 11, russian: [
            "Миролюбивая страна", "Ни на кого не нападает", "Помогает решать конфликты", "Не вмешивается в наши дела",
            "Борется с терроризмом",
        ], kazakh: [
            "Бейбітсүйгіш ел", "Ешкімге шабуыл жасамайды", "Қақтығыстарды шешуге көмектеседі", "Ішкі ісімізге араласпайды",
            "Терроризммен күреседі",
        ]),
        // Russia internationally strong.
        Category(share: 7, russian: [
            "Сильная армия", "Великая держава", "Сильный президент", "Может нас защитить", "С ней считаются в мире",
        ], kazakh: [
            "Әскері күшті", "Ұлы держава", "Президенті мықты", "Бізді қорғай алады", "Әлем онымен санасады",
        ]),
        // Other, don't know (typed), no answer (empty).
        Category(share: 8, russian: [
            "Не знаю", "Просто нравится", "Затрудняюсь ответить", "Красивая страна", "Нравятся люди",
        ], kazakh: [
            "Білмеймін", "Жай ұнайды", "Жауап беруге қиналамын", "Әдемі ел", "Адамдары ұнайды",
        ]),
    ]

    /// Share of favourable respondents who give no reason at all (part of the 18% "other, don't
    /// know or no answer").
    static let noAnswer = 10.0
    /// Share of those who gave a categorizable first reason who give a second.
    static let secondReason = 0.35

    /// The reasons of every respondent (nil: not asked or no answer).
    static func draw(_ data: inout DemoRespondents, _ rng: inout Xoshiro256StarStar) {
        let opinion = data.answers[DemoQuestionnaire.opinionRussia.name]!
        var first = [String?](repeating: nil, count: data.count)
        var second = [String?](repeating: nil, count: data.count)
        let firstShares = categories.map(\.share) + [noAnswer]
        for i in 0..<data.count where opinion[i] == 1 || opinion[i] == 2 {
            let k = rng.pick(firstShares)
            guard k < categories.count else { continue }
            first[i] = phrase(categories[k], russian: data.language[i] == 2, &rng)
            guard k < categories.count - 1, rng.bernoulli(secondReason) else { continue }
            var shares = categories.dropLast().map(\.share)
            shares[k] = 0
            second[i] = phrase(categories[rng.pick(shares)], russian: data.language[i] == 2, &rng)
        }
        data.reasons = [first, second]
    }

    private static func phrase(_ category: Category, russian: Bool, _ rng: inout Xoshiro256StarStar) -> String {
        let phrases = russian ? category.russian : category.kazakh
        return phrases[rng.int(below: phrases.count)]
    }
}
