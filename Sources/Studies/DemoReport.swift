/// The report `barometer demo` builds on the simulated study: the figures of the published
/// articles on Kazakhstani views of Russia (opinion of Russia by wave with events; by age
/// group, Russian media use and language of interview; friendliness, influence and concern in
/// autumn 2022; the preferred security partner; a Russian military base in spring 2021 and
/// autumn 2022; the side supported in the war, beside Demoscope's published polls and their
/// average), as a `report.yaml` that runs through the same reader as any report.
public enum DemoReport {
    /// The report file, relative to the demo folder (the study is in `study/`).
    public static let yaml = #"""
    # The demo report of Barometer: simulated data modelled on the Central Asia Barometer.
    title: {en: What Kazakhstanis think of Russia, ru: Что казахстанцы думают о России, kk: Қазақстандықтар Ресей туралы не ойлайды}
    subtitle: {en: "Sixteen survey waves, spring 2017 to autumn 2024 (simulated data)", ru: "Шестнадцать волн опроса, весна 2017 — осень 2024 (смоделированные данные)", kk: "Он алты сауалнама толқыны, 2017 жылдың көктемі — 2024 жылдың күзі (модельденген деректер)"}
    study: study
    intro:
      en: "This report follows opinion of Russia in Kazakhstan across sixteen waves of a barometer survey of about 1,500 adults each. The data are **simulated**: they are built to reproduce the patterns published from the Central Asia Barometer and the Demoscope polls, so that every number and chart can be checked against the method, not against reality. Every estimate is weighted and comes with a design-based 95% confidence interval."
      ru: "Отчёт прослеживает отношение казахстанцев к России по шестнадцати волнам опроса примерно 1500 взрослых в каждой. Данные **смоделированы**: они воспроизводят закономерности, опубликованные по Центральноазиатскому барометру и опросам Demoscope, поэтому цифры и графики иллюстрируют метод, а не реальность. Все оценки взвешены и приведены с 95%-ными доверительными интервалами с учётом плана выборки."
      kk: "Бұл есеп Қазақстандағы Ресейге деген көзқарасты әрқайсысында 1500-ге жуық ересек адам қатысқан он алты сауалнама толқыны бойынша бақылайды. Деректер **модельденген**: олар Орталық Азия барометрі мен Demoscope сауалнамалары бойынша жарияланған заңдылықтарды қайталайды, сондықтан сандар мен графиктер шындықты емес, әдісті көрсетеді. Барлық бағалаулар салмақталған және іріктеу жоспары ескерілген 95% сенім аралықтарымен берілген."
    sections:
      - title: {en: Opinion of Russia, ru: Отношение к России, kk: Ресейге көзқарас}
        text:
          en: "Opinion of Russia was overwhelmingly favourable before 2022. The share *very favourable* declined gradually to a low in autumn 2022, after Russia's full-scale invasion of Ukraine, while *very unfavourable* jumped; a plurality stayed *somewhat favourable*."
          ru: "До 2022 года отношение к России было преимущественно хорошим. Доля ответов *очень хорошее* постепенно снижалась и достигла минимума осенью 2022 года, после полномасштабного вторжения России в Украину, а доля *очень плохое* резко выросла; относительное большинство осталось при ответе *скорее хорошее*."
          kk: "2022 жылға дейін Ресейге көзқарас басым түрде жақсы болды. *Өте жақсы* деген жауаптардың үлесі біртіндеп азайып, Ресейдің Украинаға толық ауқымды басып кіруінен кейін 2022 жылдың күзінде ең төменгі деңгейге жетті, ал *өте жаман* деген жауаптар күрт өсті; салыстырмалы көпшілік *жақсыға жуық* деген жауапта қалды."
        analyses:
          - {concept: opinion_russia, chart: diverging, compare: ["2017-spring:2022-autumn"]}
          - {concept: opinion_russia, chart: trend, levels: [very_favourable, somewhat_favourable, somewhat_unfavourable, very_unfavourable], compare: ["2021-autumn:2022-spring", "2022-autumn:2024-autumn"], net: false}
      - title: {en: Who turned against Russia, ru: Кто стал относиться к России хуже, kk: Ресейге көзқарасы кімдерде нашарлады}
        text:
          en: "Older respondents remain more positive than the young. Those who regularly watch media from Russia are nearly twice as likely to view Russia favourably as those who do not."
          ru: "Старшие респонденты по-прежнему относятся к России лучше, чем молодёжь. Те, кто регулярно смотрит российские СМИ, почти вдвое чаще относятся к России хорошо, чем те, кто их не смотрит."
          kk: "Жасы үлкен респонденттер жастарға қарағанда Ресейге әлі де жақсы көзқараста. Ресей БАҚ-ын үнемі көретіндер оларды көрмейтіндерге қарағанда Ресейге екі есеге жуық жиі жақсы қарайды."
        analyses:
          - {concept: opinion_russia, chart: bars, by: agegroup, waves: [2022-autumn], collapse: ["favourable=very_favourable+somewhat_favourable", "unfavourable=somewhat_unfavourable+very_unfavourable"], net: false}
          - {concept: opinion_russia, chart: small-multiples, by: agegroup, collapse: ["favourable=very_favourable+somewhat_favourable", "unfavourable=somewhat_unfavourable+very_unfavourable"], levels: [favourable, unfavourable], compare: none, net: false}
          - {concept: opinion_russia, chart: bars, by: russian_media, waves: [2022-autumn], net: false}
          - {concept: opinion_russia, chart: bars, by: language, waves: [2022-autumn], collapse: ["favourable=very_favourable+somewhat_favourable", "unfavourable=somewhat_unfavourable+very_unfavourable"], net: false}
      - title: {en: Russia's role in autumn 2022, ru: Роль России осенью 2022 года, kk: 2022 жылдың күзіндегі Ресейдің рөлі}
        text:
          en: "In autumn 2022 almost two thirds still thought Russia friendly towards Kazakhstan and a quarter unfriendly; about a third saw its influence as negative and about half were concerned about it."
          ru: "Осенью 2022 года почти две трети по-прежнему считали Россию дружественной Казахстану, а четверть — недружественной; около трети оценивали её влияние отрицательно, около половины были им обеспокоены."
          kk: "2022 жылдың күзінде үштен екіге жуығы Ресейді Қазақстанға әлі де достық пейілде деп санады, төрттен бірі — олай емес деп санады; шамамен үштен бірі оның ықпалын теріс деп бағалады, жартысына жуығы бұл ықпалға алаңдады."
        analyses:
          - {concept: russia_friendly, chart: bars, waves: [2022-autumn], net: false}
          - {concept: russia_influence, chart: bars, waves: [2022-autumn], net: false}
          - {concept: russia_concern, chart: diverging, waves: [2022-autumn]}
          - {concept: security_partner, chart: bars, waves: [2022-autumn]}
      - title: {en: A Russian military base, ru: Российская военная база, kk: Ресейдің әскери базасы}
        text:
          en: "Support for a temporary or permanent Russian military presence fell, and opposition rose, between spring 2021 and autumn 2022."
          ru: "Поддержка временного или постоянного военного присутствия России снизилась, а противников стало больше между весной 2021 и осенью 2022 года."
          kk: "2021 жылдың көктемі мен 2022 жылдың күзі аралығында Ресейдің уақытша немесе тұрақты әскери қатысуын қолдау азайып, қарсылар көбейді."
        analyses:
          - {concept: russian_base, chart: bars, compare: ["2021-spring:2022-autumn"]}
      - title: {en: Sympathies in the war, ru: Симпатии в войне, kk: Соғыстағы жанашырлық}
        text:
          en: "Asked which side they support, most chose neither. Support for Russia fell from spring to autumn 2022 and support for Ukraine rose, the young leaning to Ukraine and the old to Russia."
          ru: "Отвечая на вопрос, какую сторону они поддерживают, большинство не выбрало ни одну. С весны по осень 2022 года поддержка России снизилась, а Украины — выросла; молодёжь склоняется к Украине, старшие — к России."
          kk: "Қай тарапты қолдайсыз деген сұраққа көпшілігі ешқайсысын таңдаған жоқ. 2022 жылдың көктемінен күзіне дейін Ресейді қолдау азайып, Украинаны қолдау өсті; жастар Украинаға, егде жастағылар Ресейге бейім."
        analyses:
          - {concept: war_side, chart: trend, compare: ["2022-spring:2022-autumn"], net: false}
          - {concept: war_side, chart: bars, by: agegroup, waves: [2022-autumn], net: false}
      - title: {en: The survey beside the published polls, ru: Опрос рядом с опубликованными опросами, kk: Сауалнама жарияланған сауалнамалармен қатар}
        text:
          en: "Demoscope's published telephone polls asked the same question in March 2022, November 2022 and May 2023. The chart shows them as dots sized by their number of respondents, the survey's own waves with their intervals, and one average through both, in which each source's systematic lean (its house effect) is estimated (Jackman 2005). Between polls the band widens: the average lets opinion drift from day to day as much as the changes between polls suggest."
          ru: "Опубликованные телефонные опросы Demoscope задавали тот же вопрос в марте 2022, ноябре 2022 и мае 2023 года. На графике они показаны точками, размер которых зависит от числа респондентов, рядом — волны нашего опроса с их интервалами и одно среднее по обоим источникам, в котором оценён систематический сдвиг каждого источника (эффект исследовательской организации; Jackman 2005). Между опросами полоса расширяется: модель допускает, что мнение меняется день ото дня настолько, насколько позволяют изменения между опросами."
          kk: "Demoscope жариялаған телефон сауалнамалары дәл осы сұрақты 2022 жылдың наурызында, 2022 жылдың қарашасында және 2023 жылдың мамырында қойды. Графикте олар респонденттер санына қарай өлшемі өзгеретін нүктелермен, қасында біздің сауалнама толқындары өз аралықтарымен, және екі дереккөз бойынша бір орташа көрсетілген; онда әр дереккөздің жүйелі ауытқуы (ұйым әсері) бағаланған (Jackman 2005). Сауалнамалар арасында жолақ кеңейеді: модель пікірдің күн сайын сауалнамалар арасындағы өзгерістер көрсететіндей өзгеруіне жол береді."
        analyses:
          - {chart: polls, question: war_side, answer: Russia, concept: war_side, levels: [russia], title: {en: "Support for Russia in the war: published polls and the survey", ru: "Поддержка России в войне: опубликованные опросы и наш опрос", kk: "Соғыста Ресейді қолдау: жарияланған сауалнамалар мен біздің сауалнама"}}
          - {chart: polls, question: war_side, answer: Ukraine, concept: war_side, levels: [ukraine], title: {en: "Support for Ukraine in the war: published polls and the survey", ru: "Поддержка Украины в войне: опубликованные опросы и наш опрос", kk: "Соғыста Украинаны қолдау: жарияланған сауалнамалар мен біздің сауалнама"}}
      - title: {en: Why Russia is liked, ru: За что Россию любят, kk: Ресей не үшін ұнайды}
        text:
          en: "Respondents with a favourable opinion of Russia were asked why, in their own words, and could give two reasons. The answers, typed in Kazakh or Russian, were coded into the seven categories of the PONARS Eurasia memo on the pooled 2017–2019 Central Asia Barometer by the code frame shipped with the demo: its rules first, then a classifier trained on what the rules coded. The first table sets the survey's shares beside the memo's, of all reasons and of the categorizable ones; the memo's *other* also counts respondents who gave no reason, who here have no mention. The second compares the respondents interviewed in Kazakh and in Russian."
          ru: "Респондентов с хорошим отношением к России спрашивали своими словами, почему, и можно было назвать две причины. Ответы, набранные на казахском или русском, закодированы в семь категорий записки PONARS Eurasia по объединённым данным Центральноазиатского барометра 2017–2019 годов кодификатором, который поставляется с демо: сначала его правилами, затем классификатором, обученным на закодированном правилами. Первая таблица ставит доли опроса рядом с долями записки — от всех причин и от классифицируемых; *другое* в записке включает и тех, кто не назвал причины, а здесь у них нет упоминаний. Вторая сравнивает респондентов, опрошенных на казахском и на русском."
          kk: "Ресейге жақсы көзқарастағы респонденттерден себебін өз сөзімен сұрады, екі себеп атауға болатын еді. Қазақ немесе орыс тілінде терілген жауаптар PONARS Eurasia жазбасының 2017–2019 жылдардағы Орталық Азия барометрінің біріктірілген деректері бойынша жеті санатына демомен бірге берілетін кодтау жүйесімен кодталды: алдымен оның ережелерімен, содан кейін ережелер кодтағандарға үйретілген жіктеуішпен. Бірінші кесте сауалнама үлестерін жазбаның үлестерімен қатар қояды — барлық себептерден және жіктелетіндерден; жазбадағы *басқа* себеп атамағандарды да қамтиды, ал мұнда оларда аталым жоқ. Екіншісі қазақ және орыс тілінде сұхбат бергендерді салыстырады."
        analyses:
          - {chart: mentions, wave: 2019-autumn, mentions: [russia_reason1_code, russia_reason2_code], published: {all: [47, 8, 7, 2, 11, 7, 18], categorizable: [57, 10, 9, 3, 14, 9], source: {en: "PONARS Eurasia Policy Memo 658 (Laruelle and Royce 2020), Central Asia Barometer 2017–2019", ru: "PONARS Eurasia Policy Memo 658 (Laruelle, Royce 2020), Центральноазиатский барометр 2017–2019", kk: "PONARS Eurasia Policy Memo 658 (Laruelle, Royce 2020), Орталық Азия барометрі 2017–2019"}}, title: {en: "Reasons for a favourable opinion of Russia, autumn 2019", ru: "Причины хорошего отношения к России, осень 2019", kk: "Ресейге жақсы көзқарастың себептері, 2019 жылдың күзі"}}
          - {chart: mentions, wave: 2019-autumn, mentioned: [russia_reason1_code, russia_reason2_code], by: language, title: {en: "Reasons by language of interview, autumn 2019", ru: "Причины по языку интервью, осень 2019", kk: "Сұхбат тілі бойынша себептер, 2019 жылдың күзі"}}
    polls: polls.csv
    """#
}
