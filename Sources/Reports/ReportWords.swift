import SurveyCore

/// The fixed words of a study report in English, Russian and Kazakh.
struct ReportWords {
    let language: VerdictWriter.Language

    init(language: String) {
        self.language = VerdictWriter.Language(rawValue: String(language.prefix(2))) ?? .en
    }

    var simulatedBanner: String {
        switch language {
        case .en: "Simulated data: the numbers illustrate the method and describe no real population."
        case .ru: "Смоделированные данные: цифры иллюстрируют метод и не описывают реальное население."
        case .kk: "Модельденген деректер: сандар әдісті көрсетеді, нақты халықты сипаттамайды."
        }
    }

    var contents: String {
        switch language {
        case .en: "Contents"
        case .ru: "Содержание"
        case .kk: "Мазмұны"
        }
    }

    var tableSummary: String {
        switch language {
        case .en: "Table with confidence intervals"
        case .ru: "Таблица с доверительными интервалами"
        case .kk: "Сенім аралықтары бар кесте"
        }
    }

    var netScore: String {
        switch language {
        case .en: "The net score (positive − negative)"
        case .ru: "Баланс оценок (положительные − отрицательные)"
        case .kk: "Таза баға (оң − теріс)"
        }
    }

    /// "By age group".
    func by(_ variable: String) -> String {
        switch language {
        case .en: variable.split(separator: " ").count <= 3
            ? "By \(variable.prefix(1).lowercased() + variable.dropFirst())" : "Breakdown: \(variable)"
        case .ru: "По признаку «\(variable)»"
        case .kk: "«\(variable)» бойынша"
        }
    }

    var design: String {
        switch language {
        case .en: "Design"
        case .ru: "План выборки"
        case .kk: "Іріктеу жоспары"
        }
    }

    func methodNote(waves: Int, respondents: Int, level: Double) -> String {
        let n = StudyChartMaker.grouped(respondents)
        let l = NumberText.level(level)
        switch language {
        case .en: return "\(waves) wave\(waves == 1 ? "" : "s"), n = \(n) respondents. Weighted estimates with design-based \(l) confidence intervals (Taylor linearization); changes between waves are tested as independent samples."
        case .ru: return "Волн: \(waves), n = \(n) респондентов. Взвешенные оценки с \(l)-ными доверительными интервалами с учётом плана выборки (линеаризация Тейлора); изменения между волнами проверены как для независимых выборок."
        case .kk: return "Толқын саны: \(waves), n = \(n) респондент. Іріктеу жоспары ескерілген \(l) сенім аралықтары бар салмақталған бағалаулар (Тейлор сызықтандыруы); толқындар арасындағы өзгерістер тәуелсіз іріктемелер ретінде тексерілді."
        }
    }

    var footer: String {
        switch language {
        case .en: "Made with Barometer \(BarometerVersion.description). Estimates equal those of R's survey package for the same design."
        case .ru: "Подготовлено в Barometer \(BarometerVersion.description). Оценки совпадают с пакетом survey для R при том же плане выборки."
        case .kk: "Barometer \(BarometerVersion.description) арқылы жасалды. Бағалаулар сол іріктеу жоспары үшін R тіліндегі survey пакетімен бірдей."
        }
    }
}
