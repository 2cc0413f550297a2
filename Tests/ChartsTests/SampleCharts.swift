import Charts

/// Realistic chart inputs: sixteen waves (spring and autumn 2017–2024) of a five-level Likert
/// item with "don't know" apart, events, labels in English, Russian and Kazakh, and labels
/// carrying "&", "<" and quotes to test escaping.
enum SampleCharts {
    static let waves: [ChartWave] = (0..<16).map { i in
        let year = 2017 + i / 2
        let spring = i % 2 == 0
        return ChartWave(label: (spring ? "Spring " : "Autumn ") + String(year), x: Double(year) + (spring ? 0.3 : 0.8))
    }

    /// A smooth path from `start` to `end` with a jump after wave 10 (spring 2022).
    static func path(_ start: Double, _ end: Double, jump: Double = 0) -> [Double] {
        (0..<16).map { i in start + (end - start) * Double(i) / 15 + (i >= 10 ? jump : 0) }
    }

    /// Values with 95% intervals for n = 1,500 and a design effect of 1.5.
    static func estimates(_ shares: [Double]) -> [ChartValue] {
        shares.map { p in
            let half = 1.96 * (p * (1 - p) * 1.5 / 1500).squareRoot()
            return ChartValue(p, lower: max(0, p - half), upper: min(1, p + half))
        }
    }

    static let levelLabelsEnglish = ["Very unfavourable", "Somewhat unfavourable", "Somewhat favourable", "Very favourable", "Don't know & refused"]
    static let levelLabelsRussian = ["Очень неблагоприятное", "Скорее неблагоприятное", "Скорее благоприятное", "Очень благоприятное", "Затрудняюсь ответить"]
    static let levelLabelsKazakh = ["Мүлдем жағымсыз", "Жағымсыз", "Жағымды", "Өте жағымды", "Жауап беруге қиналамын"]

    static func levels(_ labels: [String] = levelLabelsEnglish) -> [ChartSeries] {
        let veryUnfav = path(0.03, 0.08, jump: 0.06)
        let somewhatUnfav = path(0.07, 0.14, jump: 0.07)
        let veryFav = path(0.39, 0.22, jump: -0.08)
        let dk = path(0.06, 0.07)
        let somewhatFav = (0..<16).map { 1 - veryUnfav[$0] - somewhatUnfav[$0] - veryFav[$0] - dk[$0] }
        return [
            ChartSeries(label: labels[0], values: estimates(veryUnfav), role: .negative),
            ChartSeries(label: labels[1], values: estimates(somewhatUnfav), role: .negative),
            ChartSeries(label: labels[2], values: estimates(somewhatFav), role: .positive),
            ChartSeries(label: labels[3], values: estimates(veryFav), role: .positive),
            ChartSeries(label: labels[4], values: estimates(dk), role: .missing),
        ]
    }

    static let events: [ChartEvent] = [
        ChartEvent(x: 2020.2, label: "COVID-19 lockdown"),
        ChartEvent(x: 2022.01, label: "Қаңтар: protests & unrest <January>"),
        ChartEvent(x: 2022.15, label: "Russia invades Ukraine"),
        ChartEvent(x: 2022.72, label: "Mobilisation in Russia"),
    ]

    static let text = ChartText(
        title: "Opinion of Russia in Kazakhstan, 2017–2024",
        subtitle: "“Please tell me if you have a very favourable, somewhat favourable, somewhat unfavourable or very unfavourable opinion of Russia”",
        source: "Source: Central Asia Barometer (simulated data), n = 24,112; 95% confidence intervals",
        notes: ["Waves in spring and autumn; \"don't know\" and refusals shown apart."])

    static var trend: TrendChart {
        TrendChart(text: text, waves: waves, series: levels(), events: events)
    }

    static var diverging: DivergingBarChart {
        DivergingBarChart(text: text, rows: waves.map(\.label), levels: levels())
    }

    static var divergingRussian: DivergingBarChart {
        let levels = levels(levelLabelsRussian)
        let rows = ["18–29 лет", "30–44 года", "45–59 лет", "60 лет и старше"]
        let picked = levels.map { s in ChartSeries(label: s.label, values: [s.values[15], s.values[13], s.values[9], s.values[1]], role: s.role) }
        let neutral = ChartSeries(label: "Нейтральное", values: [0.08, 0.07, 0.06, 0.05], role: .neutral)
        var withNeutral = picked
        withNeutral.insert(neutral, at: 2)
        return DivergingBarChart(
            text: ChartText(title: "Отношение к России по возрасту, осень 2024", subtitle: "Доля ответов, %",
                            source: "Источник: Central Asia Barometer (смоделированные данные)"),
            rows: rows, levels: withNeutral)
    }

    static let ageGroups = ["18–29", "30–44", "45–59", "60 and older, including respondents over 80"]

    static var grouped: GroupedBarChart {
        let levels = levels()
        let series = [levels[0], levels[1], levels[2], levels[3]].map { s in
            ChartSeries(label: s.label, values: [s.values[15], s.values[12], s.values[6], s.values[0]], role: s.role)
        }
        return GroupedBarChart(
            text: ChartText(title: "Opinion of Russia by age group, autumn 2024",
                            source: "Source: Central Asia Barometer (simulated data); 95% confidence intervals"),
            groups: ageGroups, series: series, seriesColors: .byRole)
    }

    static var groupedKazakh: GroupedBarChart {
        GroupedBarChart(
            text: ChartText(title: "Ресейге жағымсыз көзқарас, сұхбат тілі бойынша",
                            source: "Дереккөз: Central Asia Barometer (модельденген деректер)"),
            groups: ["Қазақ тілінде", "Орыс тілінде"],
            series: [ChartSeries(label: "Жағымсыз", values: estimates([0.35, 0.12]))])
    }

    static var smallTrend: SmallMultiplesChart {
        let groups = [("18–29", 0.10), ("30–44", 0.05), ("45–59", 0.0), ("60+", -0.04)]
        let panels = groups.map { title, shift in
            ChartPanel(title: title, series: [
                ChartSeries(label: "Unfavourable", values: estimates(path(0.12 + shift, 0.25 + shift, jump: 0.1))),
                ChartSeries(label: "Very favourable", values: estimates(path(0.36 - shift, 0.2 - shift, jump: -0.06))),
            ])
        }
        return SmallMultiplesChart(
            text: ChartText(title: "Opinion of Russia by age group, 2017–2024",
                            source: "Source: Central Asia Barometer (simulated data); 95% confidence intervals"),
            panels: panels, kind: .trend(waves: waves, events: events))
    }

    static var smallBars: SmallMultiplesChart {
        let languages = [("Kazakh", 0.08), ("Russian", -0.06), ("Both equally", 0.0)]
        let panels = languages.map { title, shift in
            ChartPanel(title: title, series: [ChartSeries(label: "Autumn 2024", values: estimates([0.40 - shift, 0.25 + shift, 0.07]))])
        }
        return SmallMultiplesChart(
            text: ChartText(title: "Opinion of Russia by language of interview, autumn 2024"),
            panels: panels, kind: .bars(groups: ["Favourable", "Unfavourable", "Don't know"]))
    }

    /// Narrow, in Russian, with events crowded at the right edge and long labels.
    static var trendNarrow: TrendChart {
        var style = ChartStyle()
        style.width = 420
        let events = Self.events + [ChartEvent(x: 2024.4, label: "Референдум о строительстве атомной электростанции"),
                                    ChartEvent(x: 2024.75, label: "Визит Путина в Астану")]
        return TrendChart(
            text: ChartText(title: "Отношение к России в Казахстане: доля благоприятных и неблагоприятных оценок, 2017–2024",
                            source: "Источник: Central Asia Barometer (смоделированные данные), n = 24 112; 95% доверительные интервалы"),
            waves: waves, series: Array(levels(levelLabelsRussian)), events: events, style: style)
    }

    /// A mean with a gap, a NaN and an interval of zero width.
    static var trendMeans: TrendChart {
        var values = (0..<16).map { i in ChartValue(3.6 - 0.05 * Double(i), lower: 3.5 - 0.05 * Double(i), upper: 3.7 - 0.05 * Double(i)) }
        values[4] = .missing
        values[5] = ChartValue(.nan)
        values[9] = ChartValue(3.15, lower: 3.15, upper: 3.15)
        let other = (0..<12).map { i in ChartValue(2.9 + 0.02 * Double(i), lower: 2.8 + 0.02 * Double(i), upper: 3.0 + 0.02 * Double(i)) }
        return TrendChart(
            text: ChartText(title: "Trust in Russia, mean on a scale from 1 (none) to 5 (complete)", source: "Source: simulated"),
            waves: waves, series: [ChartSeries(label: "Kazakh speakers", values: values),
                                   ChartSeries(label: "Russian speakers (asked until 2022)", values: other)],
            events: [events[2]], format: .number())
    }

    static var trendOneWave: TrendChart {
        TrendChart(text: ChartText(title: "One wave only"), waves: [waves[11]],
                   series: levels().map { ChartSeries(label: $0.label, values: [$0.values[11]], role: $0.role) }, events: [events[3]])
    }

    static var divergingNarrow: DivergingBarChart {
        var style = ChartStyle()
        style.width = 400
        let rows = ["Watches Russian television every day or almost every day", "Sometimes", "Never watches Russian television", "No answer"]
        let base = levels()
        var series = base.map { s in ChartSeries(label: s.label, values: [s.values[0], s.values[6], s.values[15], .missing], role: s.role) }
        series[4].label = "Don't know"
        return DivergingBarChart(text: ChartText(title: "Opinion of Russia by exposure to Russian television", source: "Source: simulated"),
                                 rows: rows, levels: series, style: style)
    }

    static var groupedNet: GroupedBarChart {
        GroupedBarChart(
            text: ChartText(title: "Net favourability (favourable minus unfavourable) by country, autumn 2024",
                            notes: ["Countries asked about in every wave."]),
            groups: ["Russia", "China", "United States", "Turkey", "European Union"],
            series: [ChartSeries(label: "Net", values: [ChartValue(0.28, lower: 0.24, upper: 0.32), ChartValue(0.05, lower: 0.01, upper: 0.09),
                                                        ChartValue(-0.12, lower: -0.16, upper: -0.08), ChartValue(0.41, lower: 0.37, upper: 0.45),
                                                        .missing])])
    }

    static var smallFive: SmallMultiplesChart {
        let regions = ["Almaty", "Astana", "North", "South and the city of Shymkent", "West"]
        var panels = regions.enumerated().map { i, title in
            ChartPanel(title: title, series: [ChartSeries(label: "Very favourable", values: estimates(path(0.3 + 0.03 * Double(i), 0.2, jump: -0.05)))])
        }
        panels[2].series = [ChartSeries(label: "Very favourable", values: [])]
        return SmallMultiplesChart(text: ChartText(title: "Very favourable opinion of Russia by region"), panels: panels,
                                   kind: .trend(waves: waves, events: [events[2]]), valueDomain: 0...0.5)
    }

    /// Every chart type under a file name, for parsing and for the visual preview.
    static var all: [(name: String, svg: String)] {
        [
            ("trend-narrow", trendNarrow.svg()),
            ("polls", PollAverageChartTests.sample().svg()),
            ("polls-kk", PollAverageChartTests.sample(language: "kk").svg()),
            ("polls-narrow", PollAverageChartTests.sample(width: 380).svg()),
            ("trend-means", trendMeans.svg()),
            ("trend-one-wave", trendOneWave.svg()),
            ("diverging-narrow", divergingNarrow.svg()),
            ("grouped-net", groupedNet.svg()),
            ("small-five", smallFive.svg()),
            ("diverging", diverging.svg()),
            ("diverging-ru", divergingRussian.svg()),
            ("trend", trend.svg()),
            ("trend-kk", TrendChart(text: ChartText(title: "Ресейге көзқарас, 2017–2024", source: "Дереккөз: Central Asia Barometer (модельденген деректер)"),
                                    waves: waves, series: levels(levelLabelsKazakh), events: events).svg()),
            ("grouped", grouped.svg()),
            ("grouped-kk", groupedKazakh.svg()),
            ("small-trend", smallTrend.svg()),
            ("small-bars", smallBars.svg()),
        ]
    }
}
