import Reports

/// The words of the explorer's interface in English, Russian and Kazakh.
struct ExplorerText {
    let language: String

    private func t(_ en: String, _ ru: String, _ kk: String) -> String {
        switch language {
        case "ru": return ru
        case "kk": return kk
        default: return en
        }
    }

    var siteName: String { t("Barometer explorer", "Обозреватель «Барометр»", "«Барометр» шолушысы") }
    var skip: String { t("Skip to content", "Перейти к содержанию", "Мазмұнға өту") }
    var studies: String { t("Studies", "Исследования", "Зерттеулер") }
    var waves: String { t("waves", "волн", "толқын") }
    var simulated: String { t("simulated data", "смоделированные данные", "модельденген деректер") }
    var simulatedBanner: String {
        t("Simulated data: the numbers illustrate the method and describe no real population.",
          "Смоделированные данные: цифры иллюстрируют метод и не описывают реальное население.",
          "Модельденген деректер: сандар әдісті көрсетеді, нақты халықты сипаттамайды.")
    }
    var noStudies: String {
        t("No study has been imported yet. Run `barometer serve --demo`, or `barometer import STUDY_DIR`.",
          "Исследования ещё не загружены. Запустите `barometer serve --demo` или `barometer import STUDY_DIR`.",
          "Зерттеулер әлі жүктелмеген. `barometer serve --demo` немесе `barometer import STUDY_DIR` іске қосыңыз.")
    }
    var questions: String { t("Questions", "Вопросы", "Сұрақтар") }
    var search: String { t("Search questions", "Поиск по вопросам", "Сұрақтарды іздеу") }
    var searchButton: String { t("Search", "Найти", "Іздеу") }
    var searchHint: String { t("in English, Russian or Kazakh", "на русском, казахском или английском", "қазақ, орыс немесе ағылшын тілінде") }
    func found(_ n: Int, _ q: String) -> String {
        t("\(n) question\(n == 1 ? "" : "s") match “\(q)”.", "Найдено вопросов по запросу «\(q)»: \(n).", "«\(q)» сұранысы бойынша табылған сұрақтар: \(n).")
    }
    var askedIn: String { t("Asked in", "Задавался в волнах", "Қойылған толқындар") }
    var events: String { t("Events", "События", "Оқиғалар") }
    var breakdown: String { t("Breakdown", "Разбивка", "Бөлу") }
    var none: String { t("None", "Нет", "Жоқ") }
    var wave: String { t("Wave", "Волна", "Толқын") }
    var allWaves: String { t("All waves (trend)", "Все волны (динамика)", "Барлық толқын (динамика)") }
    var answers: String { t("Answers", "Ответы", "Жауаптар") }
    var withDK: String { t("With “don't know”", "С ответом «затрудняюсь»", "«Білмеймін» жауабымен") }
    var withoutDK: String { t("Without “don't know”", "Без ответа «затрудняюсь»", "«Білмеймін» жауабынсыз") }
    var chart: String { t("Chart", "График", "График") }
    var automatic: String { t("Automatic", "Автоматически", "Автоматты") }
    var chartNames: [(String, String)] {
        [("diverging", t("Diverging bars", "Расходящиеся столбцы", "Қарама-қарсы бағандар")), ("trend", t("Trend lines", "Линии динамики", "Динамика сызықтары")),
         ("bars", t("Bars with intervals", "Столбцы с интервалами", "Аралықтары бар бағандар")), ("small-multiples", t("Panel per group", "Панель на группу", "Әр топқа панель"))]
    }
    var filter: String { t("Filter (optional)", "Фильтр (необязательно)", "Сүзгі (міндетті емес)") }
    var filterHint: String { t("e.g. sex == 'Female'", "напр. sex == 'Female'", "мысалы, sex == 'Female'") }
    var show: String { t("Show", "Показать", "Көрсету") }
    var table: String { t("Estimates with confidence intervals", "Оценки с доверительными интервалами", "Сенім аралықтары бар бағалаулар") }
    var download: String { t("Download", "Скачать", "Жүктеп алу") }
    var permalink: String { t("Link to this view", "Ссылка на это представление", "Осы көрініске сілтеме") }
    var embed: String { t("Embed this chart", "Встроить график", "Графикті ендіру") }
    var method: String { t("Method", "Методика", "Әдістеме") }
    func methodNote(waves: Int, respondents: Int, margin: Double?) -> String {
        let n = grouped(respondents)
        let moe = margin.map { m -> String in
            let points = String(format: "%.1f", m * 100)
            return t(" The largest margin of error shown is ±\(points) points.", " Наибольшая погрешность на графике — ±\(points) п.п.", " Көрсетілген ең үлкен қателік — ±\(points) пайыздық тармақ.")
        } ?? ""
        return t("\(waves) wave\(waves == 1 ? "" : "s"), n = \(n) respondents. Weighted estimates with design-based 95% confidence intervals (Taylor linearization; strata and clusters of each wave's design); changes between waves are tested as independent samples.",
                 "Волн: \(waves), n = \(n) респондентов. Взвешенные оценки с 95%-ными доверительными интервалами с учётом плана выборки (линеаризация Тейлора; страты и кластеры каждой волны); изменения между волнами проверены как для независимых выборок.",
                 "Толқын саны: \(waves), n = \(n) респондент. Іріктеу жоспары ескерілген 95% сенім аралықтары бар салмақталған бағалаулар (Тейлор сызықтандыруы; әр толқынның стратары мен кластерлері); толқындар арасындағы өзгерістер тәуелсіз іріктемелер ретінде тексерілді.") + moe
    }
    func suppressedNote(_ minimum: Int) -> String {
        t("Estimates resting on fewer than \(minimum) respondents are withheld (—).",
          "Оценки, основанные менее чем на \(minimum) респондентах, не показываются (—).",
          "\(minimum)-ден аз респондентке негізделген бағалаулар көрсетілмейді (—).")
    }
    var back: String { t("All questions", "Все вопросы", "Барлық сұрақтар") }
    var home: String { t("Home", "Главная", "Басты бет") }
    var api: String { t("API", "API", "API") }
    var footer: String {
        t("Barometer: design-based estimates equal to R's survey package. No respondent-level data leave the server.",
          "«Барометр»: оценки с учётом плана выборки, совпадающие с пакетом survey для R. Данные отдельных респондентов не покидают сервер.",
          "«Барометр»: R тіліндегі survey пакетімен бірдей, іріктеу жоспары ескерілген бағалаулар. Жеке респонденттердің деректері серверден шықпайды.")
    }
    var errorTitle: String { t("This view cannot be shown", "Это представление нельзя показать", "Бұл көріністі көрсету мүмкін емес") }
    var languageName: String { t("Language", "Язык", "Тіл") }

    func grouped(_ n: Int) -> String {
        StudyChartMaker.grouped(n, separator: language == "en" ? "," : "\u{202F}")
    }
}
