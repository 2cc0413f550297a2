import SurveyCore

/// One of the 17 census units of Kazakhstan (census 2021; Abai, Zhetysu and Ulytau still inside
/// East Kazakhstan, Almaty oblast and Karaganda), with what the demo study needs to know of it.
struct DemoRegion {
    enum Zone { case north, centre, west, south, city }

    /// Code in the data (1–17, in the order of the statistical yearbooks).
    let code: Int
    let name: LocalizedText
    /// Residents, census 2021 (`reference/kazakhstan-population.md`).
    let population: Int
    /// Share of residents living in towns (1 for the three cities of republican status).
    let urbanShare: Double
    let zone: Zone
    /// Ethnic composition in percent (Kazakh, Russian, Uzbek, Ukrainian, Uyghur, other), all ages.
    let ethnicity: [Double]

    var urbanPopulation: Double { Double(population) * urbanShare }
    var ruralPopulation: Double { Double(population) * (1 - urbanShare) }

    /// Census 2021. Urban shares are the census's rounded to make the country 61.2% urban;
    /// ethnic shares are the census's by region, rounded.
    static let all: [DemoRegion] = [
        DemoRegion(code: 1, name: DemoText.t("Akmola", "Акмолинская область", "Ақмола облысы"),
                   population: 782_995, urbanShare: 0.518, zone: .north, ethnicity: [52, 30, 0.2, 6, 0.1, 11.7]),
        DemoRegion(code: 2, name: DemoText.t("Aktobe", "Актюбинская область", "Ақтөбе облысы"),
                   population: 906_220, urbanShare: 0.670, zone: .west, ethnicity: [87, 7, 0.2, 2, 0.1, 3.7]),
        DemoRegion(code: 3, name: DemoText.t("Almaty oblast", "Алматинская область", "Алматы облысы"),
                   population: 2_146_576, urbanShare: 0.270, zone: .south, ethnicity: [70, 8, 0.5, 0.5, 9, 12]),
        DemoRegion(code: 4, name: DemoText.t("Atyrau", "Атырауская область", "Атырау облысы"),
                   population: 673_601, urbanShare: 0.565, zone: .west, ethnicity: [93, 4, 0.2, 0.3, 0.1, 2.4]),
        DemoRegion(code: 5, name: DemoText.t("West Kazakhstan", "Западно-Казахстанская область", "Батыс Қазақстан облысы"),
                   population: 675_655, urbanShare: 0.545, zone: .west, ethnicity: [79, 16, 0.2, 1.5, 0.1, 3.2]),
        DemoRegion(code: 6, name: DemoText.t("Jambyl", "Жамбылская область", "Жамбыл облысы"),
                   population: 1_199_259, urbanShare: 0.435, zone: .south, ethnicity: [75, 8, 1.5, 0.5, 0.5, 14.5]),
        DemoRegion(code: 7, name: DemoText.t("Karaganda", "Карагандинская область", "Қарағанды облысы"),
                   population: 1_348_468, urbanShare: 0.815, zone: .centre, ethnicity: [58, 30, 0.2, 4, 0.1, 7.7]),
        DemoRegion(code: 8, name: DemoText.t("Kostanay", "Костанайская область", "Қостанай облысы"),
                   population: 833_643, urbanShare: 0.570, zone: .north, ethnicity: [46, 36, 0.2, 8, 0.1, 9.7]),
        DemoRegion(code: 9, name: DemoText.t("Kyzylorda", "Кызылординская область", "Қызылорда облысы"),
                   population: 814_931, urbanShare: 0.475, zone: .south, ethnicity: [96, 1.5, 0.3, 0.1, 0.1, 2]),
        DemoRegion(code: 10, name: DemoText.t("Mangystau", "Мангистауская область", "Маңғыстау облысы"),
                   population: 735_008, urbanShare: 0.545, zone: .west, ethnicity: [93, 4, 0.2, 0.3, 0.1, 2.4]),
        DemoRegion(code: 11, name: DemoText.t("Turkistan", "Туркестанская область", "Түркістан облысы"),
                   population: 2_054_021, urbanShare: 0.232, zone: .south, ethnicity: [77, 1.5, 17, 0.1, 0.1, 4.3]),
        DemoRegion(code: 12, name: DemoText.t("Pavlodar", "Павлодарская область", "Павлодар облысы"),
                   population: 756_755, urbanShare: 0.725, zone: .north, ethnicity: [55, 32, 0.2, 5, 0.1, 7.7]),
        DemoRegion(code: 13, name: DemoText.t("North Kazakhstan", "Северо-Казахстанская область", "Солтүстік Қазақстан облысы"),
                   population: 540_786, urbanShare: 0.475, zone: .north, ethnicity: [38, 45, 0.2, 5, 0.1, 11.7]),
        DemoRegion(code: 14, name: DemoText.t("East Kazakhstan", "Восточно-Казахстанская область", "Шығыс Қазақстан облысы"),
                   population: 1_341_292, urbanShare: 0.640, zone: .north, ethnicity: [66, 29, 0.2, 1, 0.1, 3.7]),
        DemoRegion(code: 15, name: DemoText.t("Astana", "г. Астана", "Астана қаласы"),
                   population: 1_234_042, urbanShare: 1, zone: .city, ethnicity: [80, 11, 0.5, 1.2, 0.3, 7]),
        DemoRegion(code: 16, name: DemoText.t("Almaty city", "г. Алматы", "Алматы қаласы"),
                   population: 2_030_285, urbanShare: 1, zone: .city, ethnicity: [63, 22, 0.5, 1, 6, 7.5]),
        DemoRegion(code: 17, name: DemoText.t("Shymkent", "г. Шымкент", "Шымкент қаласы"),
                   population: 1_112_478, urbanShare: 1, zone: .city, ethnicity: [67, 5, 22, 0.2, 0.1, 5.7]),
    ]

    /// Residents of all regions (19,186,015).
    static let totalPopulation = all.reduce(0) { $0 + $1.population }
}
