import SurveyCore

/// The demo questionnaire: every variable of the wave files, with labels, codes and question
/// wording in English, Russian and Kazakh. Attitude questions are concepts of the study.
enum DemoQuestionnaire {
    typealias A = DemoVariable.Answer
    private static let t = DemoText.t

    private static let dk = A(98, "dont_know", DemoText.dontKnow, .missing)
    private static let ra = A(99, "refused", DemoText.refused, .missing)

    // MARK: Sample and design

    static let id = DemoVariable(
        "id", label: t("Respondent number", "Номер респондента", "Респондент нөмірі"), measurement: .scale)

    static let region = DemoVariable(
        "region", label: t("Region", "Регион", "Өңір"),
        answers: DemoRegion.all.map { A($0.code, slug($0.name.text(in: "en")!), $0.name) }, measurement: .nominal)

    static let settlement = DemoVariable(
        "settlement", label: t("Settlement type", "Тип населённого пункта", "Елді мекен түрі"),
        answers: [A(1, "urban", t("Urban", "Город", "Қала")), A(2, "rural", t("Rural", "Село", "Ауыл"))],
        measurement: .nominal)

    /// Stratum code: region × 10 + settlement type (11 Akmola urban … 171 Shymkent urban).
    static func stratumCode(region: Int, settlement: Int) -> Int { region * 10 + settlement }

    static let stratum = DemoVariable(
        "stratum", label: t("Stratum (region × settlement type)", "Страта (регион × тип населённого пункта)", "Страта (өңір × елді мекен түрі)"),
        answers: DemoRegion.all.flatMap { r in
            settlement.answers.filter { r.urbanShare < 1 || $0.code == 1 }.map { s in
                A(stratumCode(region: r.code, settlement: s.code), "\(slug(r.name.text(in: "en")!))_\(s.level)", LocalizedText(
                    Dictionary(uniqueKeysWithValues: ["en", "ru", "kk"].map { ($0, "\(r.name.text(in: $0)!), \(s.label.text(in: $0)!.lowercased())") })))
            }
        },
        measurement: .nominal)

    static let psu = DemoVariable(
        "psu", label: t("Primary sampling unit (settlement)", "Первичная единица выборки (населённый пункт)", "Іріктеудің бастапқы бірлігі (елді мекен)"),
        measurement: .nominal, waves: .faceToFace)

    static let dweight = DemoVariable(
        "dweight", label: t("Design weight (inverse selection probability, mean 1)", "Вес дизайна (обратная вероятность отбора, среднее 1)", "Дизайн салмағы (іріктеу ықтималдығына кері, орташасы 1)"),
        measurement: .scale)

    static let weight = DemoVariable(
        "weight", label: t("Final weight: design weight raked to the census (region, settlement type, sex, age group)",
                           "Итоговый вес: вес дизайна, откалиброванный по переписи (регион, тип поселения, пол, возрастная группа)",
                           "Қорытынды салмақ: санақ бойынша калибрленген дизайн салмағы (өңір, елді мекен түрі, жынысы, жас тобы)"),
        measurement: .scale)

    // MARK: Respondent

    static let sex = DemoVariable(
        "sex", label: t("Sex", "Пол", "Жынысы"),
        answers: [A(1, "male", t("Male", "Мужской", "Ер")), A(2, "female", t("Female", "Женский", "Әйел"))],
        measurement: .nominal)

    static let age = DemoVariable("age", label: t("Age (years)", "Возраст (полных лет)", "Жасы (толық жыл)"), measurement: .scale)

    static let ageGroup = DemoVariable(
        "agegroup", label: t("Age group", "Возрастная группа", "Жас тобы"),
        answers: ["18–29", "30–39", "40–49", "50–59", "60+"].enumerated().map { i, text in
            A(i + 1, "age_" + text.replacingOccurrences(of: "–", with: "_").replacingOccurrences(of: "+", with: "_plus"),
              t(text, text, text))
        },
        measurement: .ordinal)

    static let language = DemoVariable(
        "language", label: t("Language of interview", "Язык интервью", "Сұхбат тілі"),
        answers: [A(1, "kazakh", t("Kazakh", "Казахский", "Қазақ тілі")), A(2, "russian", t("Russian", "Русский", "Орыс тілі"))],
        measurement: .nominal)

    static let ethnicity = DemoVariable(
        "ethnicity", label: t("Ethnicity", "Национальность", "Ұлты"),
        answers: [
            A(1, "kazakh", t("Kazakh", "Казах", "Қазақ")), A(2, "russian", t("Russian", "Русский", "Орыс")),
            A(3, "uzbek", t("Uzbek", "Узбек", "Өзбек")), A(4, "ukrainian", t("Ukrainian", "Украинец", "Украин")),
            A(5, "uyghur", t("Uyghur", "Уйгур", "Ұйғыр")), A(6, "other", t("Other", "Другая", "Басқа")),
        ],
        measurement: .nominal)

    static let education = DemoVariable(
        "education", label: t("Education", "Образование", "Білімі"),
        answers: [
            A(1, "incomplete_secondary", t("Incomplete secondary or less", "Неполное среднее и ниже", "Толық емес орта және одан төмен")),
            A(2, "general_secondary", t("General secondary", "Общее среднее", "Жалпы орта")),
            A(3, "vocational", t("Vocational secondary", "Среднее специальное", "Арнаулы орта")),
            A(4, "incomplete_higher", t("Incomplete higher", "Неоконченное высшее", "Аяқталмаған жоғары")),
            A(5, "higher", t("Higher", "Высшее", "Жоғары")),
        ],
        measurement: .ordinal)

    static let russianMedia = DemoVariable(
        "russian_media", label: t("Regularly watches media from Russia", "Регулярно смотрит российские СМИ", "Ресей БАҚ-ын үнемі көреді"),
        question: t("Do you regularly watch television programmes, films or online videos from Russia?",
                    "Смотрите ли вы регулярно телепрограммы, фильмы или видео в интернете из России?",
                    "Ресейдің телебағдарламаларын, фильмдерін немесе интернеттегі бейнелерін үнемі көресіз бе?"),
        answers: [A(1, "yes", t("Yes", "Да", "Иә")), A(2, "no", t("No", "Нет", "Жоқ"))],
        measurement: .nominal, isConcept: true)

    // MARK: Attitudes

    /// Opinion of a country or union: very favourable … very unfavourable, DK, refused.
    static func opinion(_ name: String, of en: String, ru: String, kk: String) -> DemoVariable {
        DemoVariable(
            name, label: t("Opinion of \(en)", "Мнение о \(ru)", "\(kk) туралы пікір"),
            question: t("Is your opinion of \(en) very favourable, somewhat favourable, somewhat unfavourable or very unfavourable?",
                        "Каково ваше мнение о \(ru): очень благоприятное, скорее благоприятное, скорее неблагоприятное или очень неблагоприятное?",
                        "\(kk) туралы пікіріңіз қандай: өте жағымды, біршама жағымды, біршама жағымсыз әлде өте жағымсыз?"),
            answers: [
                A(1, "very_favourable", t("Very favourable", "Очень благоприятное", "Өте жағымды"), .positive),
                A(2, "somewhat_favourable", t("Somewhat favourable", "Скорее благоприятное", "Біршама жағымды"), .positive),
                A(3, "somewhat_unfavourable", t("Somewhat unfavourable", "Скорее неблагоприятное", "Біршама жағымсыз"), .negative),
                A(4, "very_unfavourable", t("Very unfavourable", "Очень неблагоприятное", "Өте жағымсыз"), .negative),
                dk, ra,
            ],
            measurement: .ordinal, isConcept: true)
    }

    static let opinionRussia = opinion("opinion_russia", of: "Russia", ru: "России", kk: "Ресей")
    static let opinionChina = opinion("opinion_china", of: "China", ru: "Китае", kk: "Қытай")
    static let opinionUSA = opinion("opinion_usa", of: "the United States", ru: "США", kk: "АҚШ")
    static let opinionTurkey = opinion("opinion_turkey", of: "Turkey", ru: "Турции", kk: "Түркия")
    static let opinionEU = opinion("opinion_eu", of: "the European Union", ru: "Европейском союзе", kk: "Еуропалық одақ")

    static let economicRelations = DemoVariable(
        "econ_russia", label: t("Closer economic relations with Russia", "Более тесные экономические связи с Россией", "Ресеймен тығыз экономикалық байланыс"),
        question: t("Do you support or oppose Kazakhstan developing closer economic relations with Russia?",
                    "Вы поддерживаете или не поддерживаете развитие более тесных экономических связей Казахстана с Россией?",
                    "Қазақстанның Ресеймен экономикалық байланысын тереңдетуін қолдайсыз ба, әлде қарсысыз ба?"),
        answers: [
            A(1, "strongly_support", t("Strongly support", "Полностью поддерживаю", "Толықтай қолдаймын"), .positive),
            A(2, "somewhat_support", t("Somewhat support", "Скорее поддерживаю", "Біршама қолдаймын"), .positive),
            A(3, "somewhat_oppose", t("Somewhat oppose", "Скорее не поддерживаю", "Біршама қарсымын"), .negative),
            A(4, "strongly_oppose", t("Strongly oppose", "Совсем не поддерживаю", "Мүлдем қарсымын"), .negative),
            dk, ra,
        ],
        measurement: .ordinal, isConcept: true)

    static let eeuBenefit = DemoVariable(
        "eeu_benefit", label: t("EEU membership has benefitted the economy", "Членство в ЕАЭС пошло на пользу экономике", "ЕАЭО-ға мүшелік экономикаға пайда әкелді"),
        question: t("Do you agree or disagree: joining the Eurasian Economic Union has benefitted Kazakhstan's economy?",
                    "Вы согласны или не согласны с тем, что вступление в Евразийский экономический союз пошло на пользу экономике Казахстана?",
                    "Еуразиялық экономикалық одаққа кіру Қазақстан экономикасына пайда әкелді деген пікірмен келісесіз бе, әлде келіспейсіз бе?"),
        answers: [
            A(1, "strongly_agree", t("Strongly agree", "Полностью согласен", "Толықтай келісемін"), .positive),
            A(2, "somewhat_agree", t("Somewhat agree", "Скорее согласен", "Біршама келісемін"), .positive),
            A(3, "somewhat_disagree", t("Somewhat disagree", "Скорее не согласен", "Біршама келіспеймін"), .negative),
            A(4, "strongly_disagree", t("Strongly disagree", "Совсем не согласен", "Мүлдем келіспеймін"), .negative),
            dk, ra,
        ],
        measurement: .ordinal, isConcept: true)

    static let russiaFriendly = DemoVariable(
        "russia_friendly", label: t("Russia friendly or unfriendly towards Kazakhstan", "Отношение России к Казахстану: дружественное или нет", "Ресейдің Қазақстанға пейілі: достық па, жоқ па"),
        question: t("Do you think Russia is friendly or unfriendly towards Kazakhstan?",
                    "Как вы считаете, Россия настроена по отношению к Казахстану дружественно или недружественно?",
                    "Сіздің ойыңызша, Ресей Қазақстанға достық пейілде ме, әлде жоқ па?"),
        answers: [
            A(1, "friendly", t("Friendly", "Дружественно", "Достық пейілде"), .positive),
            A(2, "unfriendly", t("Unfriendly", "Недружественно", "Достық пейілде емес"), .negative),
            dk, ra,
        ],
        measurement: .nominal, isConcept: true)

    static let russiaInfluence = DemoVariable(
        "russia_influence", label: t("Russia's influence on Kazakhstan", "Влияние России на Казахстан", "Ресейдің Қазақстанға ықпалы"),
        question: t("Is Russia's influence on Kazakhstan mostly positive, mostly negative, or neither?",
                    "Влияние России на Казахстан в основном положительное, в основном отрицательное или ни то ни другое?",
                    "Ресейдің Қазақстанға ықпалы негізінен оң ба, негізінен теріс пе, әлде екеуі де емес пе?"),
        answers: [
            A(1, "positive", t("Mostly positive", "В основном положительное", "Негізінен оң"), .positive),
            A(2, "negative", t("Mostly negative", "В основном отрицательное", "Негізінен теріс"), .negative),
            A(3, "neither", t("Neither positive nor negative", "Ни положительное, ни отрицательное", "Оң да, теріс те емес"), .neutral),
            dk, ra,
        ],
        measurement: .nominal, isConcept: true)

    static let russiaConcern = DemoVariable(
        "russia_concern", label: t("Concern about Russia's influence", "Обеспокоенность влиянием России", "Ресей ықпалына алаңдаушылық"),
        question: t("How concerned are you about Russia's influence in Kazakhstan: very concerned, somewhat concerned, not very concerned or not at all concerned?",
                    "Насколько вас беспокоит влияние России в Казахстане: очень беспокоит, скорее беспокоит, не очень беспокоит или совсем не беспокоит?",
                    "Ресейдің Қазақстандағы ықпалы сізді қаншалықты алаңдатады: қатты алаңдатады, біршама алаңдатады, онша алаңдатпайды әлде мүлдем алаңдатпайды?"),
        answers: [
            A(1, "very_concerned", t("Very concerned", "Очень беспокоит", "Қатты алаңдатады"), .negative),
            A(2, "somewhat_concerned", t("Somewhat concerned", "Скорее беспокоит", "Біршама алаңдатады"), .negative),
            A(3, "not_very_concerned", t("Not very concerned", "Не очень беспокоит", "Онша алаңдатпайды"), .positive),
            A(4, "not_at_all_concerned", t("Not at all concerned", "Совсем не беспокоит", "Мүлдем алаңдатпайды"), .positive),
            dk, ra,
        ],
        measurement: .ordinal, isConcept: true)

    static let securityPartner = DemoVariable(
        "security_partner", label: t("Preferred security partner", "Предпочтительный партнёр в сфере безопасности", "Қауіпсіздік саласындағы қалаулы серіктес"),
        question: t("Which country or union would be the best partner for Kazakhstan's security?",
                    "Какая страна или объединение была бы лучшим партнёром Казахстана в сфере безопасности?",
                    "Қазақстанның қауіпсіздігі үшін қай ел немесе бірлестік ең жақсы серіктес болар еді?"),
        answers: [
            A(1, "russia", t("Russia", "Россия", "Ресей")), A(2, "china", t("China", "Китай", "Қытай")),
            A(3, "turkey", t("Turkey", "Турция", "Түркия")), A(4, "usa", t("United States", "США", "АҚШ")),
            A(5, "eu", t("European Union", "Европейский союз", "Еуропалық одақ")),
            A(6, "none", t("None of them", "Ни одна из них", "Ешқайсысы")),
            dk, ra,
        ],
        measurement: .nominal, isConcept: true)

    /// Asked in spring 2021 and autumn 2022 only.
    static let russianBase = DemoVariable(
        "russian_base", label: t("Russian military base in Kazakhstan", "Российская военная база в Казахстане", "Қазақстандағы Ресей әскери базасы"),
        question: t("Would you support or oppose a temporary or permanent Russian military presence, such as a base, in Kazakhstan?",
                    "Вы поддержали бы или нет временное или постоянное военное присутствие России в Казахстане, например военную базу?",
                    "Ресейдің Қазақстандағы уақытша немесе тұрақты әскери қатысуын, мысалы, әскери базасын қолдар ма едіңіз, әлде қарсы болар ма едіңіз?"),
        answers: [
            A(1, "support", t("Support", "Поддержал(а) бы", "Қолдар едім"), .positive),
            A(2, "oppose", t("Oppose", "Не поддержал(а) бы", "Қарсы болар едім"), .negative),
            dk, ra,
        ],
        measurement: .nominal, waves: .only([8, 11]), isConcept: true)

    /// Asked from spring 2022, after Russia's full-scale invasion of Ukraine.
    static let warSide = DemoVariable(
        "war_side", label: t("Side supported in the war in Ukraine", "Какую сторону поддерживает в войне в Украине", "Украинадағы соғыста қай тарапты қолдайды"),
        question: t("Which side of the conflict between Russia and Ukraine do you support?",
                    "Какую сторону в конфликте между Россией и Украиной вы поддерживаете?",
                    "Ресей мен Украина арасындағы қақтығыста қай тарапты қолдайсыз?"),
        answers: [
            A(1, "ukraine", t("Ukraine", "Украину", "Украинаны")), A(2, "russia", t("Russia", "Россию", "Ресейді")),
            A(3, "neutral", t("Neither side (neutral)", "Ни одну из сторон (нейтралитет)", "Ешбір тарапты (бейтарап)")),
            dk, ra,
        ],
        measurement: .nominal, waves: .from(DemoWave.firstWartime), isConcept: true)

    static func reason(_ mention: Int) -> DemoVariable {
        let (en, ru, kk) = mention == 1 ? ("first", "первое", "бірінші") : ("second", "второе", "екінші")
        return DemoVariable(
            "russia_reason\(mention)",
            label: t("Reason for a favourable opinion of Russia, \(en) mention (open-ended, asked if favourable)",
                     "Причина благоприятного мнения о России, \(ru) упоминание (открытый вопрос, задавался при благоприятном мнении)",
                     "Ресей туралы жағымды пікірдің себебі, \(kk) аталғаны (ашық сұрақ, жағымды пікір білдіргендерге қойылды)"),
            question: t("Why do you have a favourable opinion of Russia?", "Почему у вас благоприятное мнение о России?",
                        "Неліктен Ресей туралы пікіріңіз жағымды?"),
            measurement: .nominal)
    }

    /// Every variable, in file order.
    static let variables: [DemoVariable] = [
        id, region, settlement, stratum, psu, sex, age, ageGroup, language, ethnicity, education, russianMedia,
        opinionRussia, opinionChina, opinionUSA, opinionTurkey, opinionEU, economicRelations, eeuBenefit,
        russiaFriendly, russiaInfluence, russiaConcern, securityPartner, russianBase, warSide, reason(1), reason(2),
        dweight, weight,
    ]

    /// `almaty_oblast` for "Almaty oblast".
    static func slug(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
