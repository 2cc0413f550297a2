import SurveyCore

/// Texts of the demo study in English, Russian and Kazakh.
enum DemoText {
    /// Text in the study's three languages.
    static func t(_ en: String, _ ru: String, _ kk: String) -> LocalizedText {
        LocalizedText(["en": en, "ru": ru, "kk": kk])
    }

    static let dontKnow = t("Don't know", "Затрудняюсь ответить", "Жауап беруге қиналамын")
    static let refused = t("Refused", "Отказ от ответа", "Жауап беруден бас тартты")

    static let title = t(
        "Kazakhstan and Russia: opinion barometer 2017–2024 (simulated data)",
        "Казахстан и Россия: барометр мнений 2017–2024 (смоделированные данные)",
        "Қазақстан және Ресей: пікір барометрі 2017–2024 (модельденген деректер)")

    static let description = t(
        "Simulated data, not real answers: sixteen waves (spring and autumn 2017–2024) of about 1,500 adults in Kazakhstan, modelled on the Central Asia Barometer — face-to-face interviews in clusters of about ten per settlement until 2019, telephone interviews from 2020; strata region × urban/rural; design weights raked to the 2021 census. The answers are generated so that weighted results reproduce, within sampling error, published figures on views of Russia (PONARS Eurasia Policy Memo 658; Central Asia Barometer 2023; Demoscope). Use it to learn and test Barometer, never as evidence.",
        "Смоделированные данные, а не реальные ответы: шестнадцать волн (весна и осень 2017–2024) примерно по 1 500 взрослых жителей Казахстана по образцу Central Asia Barometer — личные интервью, около десяти в населённом пункте, до 2019 года, телефонные интервью с 2020 года; страты регион × город/село; веса выборки откалиброваны (рейкинг) по переписи 2021 года. Ответы сгенерированы так, чтобы взвешенные результаты в пределах выборочной ошибки воспроизводили опубликованные данные об отношении к России (PONARS Eurasia Policy Memo 658; Central Asia Barometer 2023; Демоскоп). Для обучения и проверки Barometer, а не как доказательство.",
        "Модельденген деректер, нақты жауаптар емес: Қазақстандағы шамамен 1 500 ересек тұрғынға жүргізілген он алты толқын (2017–2024 жылдардың көктемі мен күзі), Central Asia Barometer үлгісі бойынша — 2019 жылға дейін әр елді мекенде шамамен он жеке сұхбат, 2020 жылдан бастап телефон арқылы сұхбат; страталар өңір × қала/ауыл; іріктеу салмақтары 2021 жылғы санақ бойынша калибрленген (рейкинг). Жауаптар салмақталған нәтижелер іріктеу қателігі шегінде Ресейге көзқарас туралы жарияланған деректерді (PONARS Eurasia Policy Memo 658; Central Asia Barometer 2023; Демоскоп) қайталайтындай етіп жасалған. Barometer-ді үйрену мен тексеру үшін, дәлел ретінде емес.")

    static let source = t(
        "Barometer demo study, simulated data modelled on the Central Asia Barometer",
        "Демо-исследование Barometer, смоделированные данные по образцу Central Asia Barometer",
        "Barometer демо-зерттеуі, Central Asia Barometer үлгісіндегі модельденген деректер")
}
