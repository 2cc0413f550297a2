import Studies
import SurveyCore
import Testing

@Suite("Demo study: waves, sample and design")
struct DemoStructureTests {
    typealias F = DemoFixture

    static let waveIDs = (2017...2024).flatMap { ["\($0)-spring", "\($0)-autumn"] }

    @Test("sixteen waves, spring and autumn 2017–2024, face to face until 2019 and by telephone after")
    func waves() {
        let waves = F.study.waves
        #expect(waves.map(\.id) == Self.waveIDs)
        #expect(F.demo.datasets.count == 16)
        for wave in waves {
            let year = Int(wave.id.prefix(4))!
            #expect(wave.mode == (year <= 2019 ? "face-to-face" : "telephone"))
            #expect(wave.file == "waves/\(wave.id).sav")
            #expect(wave.weighting == nil)
            let start = StudyDate.components(wave.fieldworkStart)!, end = StudyDate.components(wave.fieldworkEnd)!
            #expect(start.year == year && end.year == year)
            #expect(wave.fieldworkStart < wave.fieldworkEnd)
            let months = wave.id.hasSuffix("spring") ? 4...6 : 10...11
            #expect(months.contains(start.month) && months.contains(end.month), "\(wave.id)")
            #expect(["en", "ru", "kk"].allSatisfy { wave.label.texts[$0] != nil })
        }
        let midpoints = waves.map(\.midpoint)
        #expect(midpoints == midpoints.sorted())
    }

    @Test("the study says it is simulated, in English, Russian and Kazakh")
    func simulated() {
        let study = F.study
        #expect(study.simulated)
        for text in [study.title, study.description, study.source] {
            #expect(text.texts["en"]!.lowercased().contains("simulated data"))
            #expect(text.texts["ru"]!.lowercased().contains("смоделированные данные"))
            #expect(text.texts["kk"]!.lowercased().contains("модельденген деректер"))
        }
        for data in F.demo.datasets {
            #expect(data.codebook.fileLabel?.texts["en"]?.contains("simulated data") == true)
            #expect(data.codebook.documents.first?.contains("Simulated data") == true)
        }
    }

    @Test("the events of the reference, labelled in three languages")
    func events() {
        let events = F.study.events
        #expect(events.map(\.date) == ["2014-03", "2015-01-01", "2022-01-02", "2022-02-24", "2022-06-17", "2022-09-21", "2024-10-06"])
        for e in events {
            #expect(StudyDate.isValid(e.date))
            #expect(["en", "ru", "kk"].allSatisfy { !(e.label.texts[$0] ?? "").isEmpty })
        }
    }

    @Test("about 1,500 respondents a wave, in 31 strata (the three cities have no rural part)")
    func sampleSizes() throws {
        for wave in F.study.waves {
            let data = F.data(wave.id)
            #expect((1400...1600).contains(data.rowCount), "\(wave.id): \(data.rowCount)")
            let design = try SurveyDesign(wave.design, dataset: data)
            #expect(design.primary.strataCount == 31, "\(wave.id)")
        }
    }

    @Test("face-to-face waves have clusters of about ten in settlements; telephone waves none")
    func clusters() throws {
        for wave in F.study.waves {
            let data = F.data(wave.id)
            let design = try SurveyDesign(wave.design, dataset: data)
            if wave.mode == "face-to-face" {
                #expect(wave.design == DesignSpec(weights: "weight", strata: "stratum", clusters: ["psu"]))
                let stage = design.primary
                var sizes = [Int](repeating: 0, count: stage.unitCount)
                for u in stage.unitOfRow { sizes[Int(u)] += 1 }
                #expect(sizes.allSatisfy { (9...11).contains($0) }, "\(wave.id)")
                let mean = Double(data.rowCount) / Double(stage.unitCount)
                #expect(abs(mean - 10) < 0.3, "\(wave.id): \(mean)")
                #expect(stage.sampleSize.allSatisfy { $0 >= 2 }, "\(wave.id): a stratum with a single settlement")
            } else {
                #expect(wave.design == DesignSpec(weights: "weight", strata: "stratum"))
                #expect(!data.hasVariable("psu"))
                #expect(design.primary.unitCount == data.rowCount)
            }
        }
    }

    @Test("weights are positive; design weights average 1; final weights raked to the census margins")
    func weights() throws {
        let targets = F.demo.targets
        for wave in F.study.waves {
            let data = F.data(wave.id)
            guard case .numeric(let w) = try data.column("weight").values,
                  case .numeric(let d) = try data.column("dweight").values else {
                Issue.record("weights are not numeric")
                return
            }
            #expect(w.allSatisfy { $0 > 0 && $0.isFinite } && d.allSatisfy { $0 > 0 && $0.isFinite })
            #expect(abs(d.reduce(0, +) / Double(d.count) - 1) < 1e-12)
            #expect(w.max()! / w.min()! < 15, "\(wave.id): weights vary too much")
            for margin in targets.margins {
                let shares = try F.proportions(margin.variable, wave: wave.id)
                let labels = data.metadata(margin.variable).valueLabels
                for target in margin.targets {
                    let code = labels.first { $0.label.text(in: "en") == target.level }!.code
                    let achieved = shares[String(Int(code))] ?? 0
                    #expect(abs(achieved - target.value) <= 1e-6 * target.value,
                            "\(wave.id) \(margin.variable) = \(target.level): \(achieved) vs \(target.value)")
                }
            }
        }
        // The margins themselves: census shares, 61.2% urban, 48.6% men.
        let region = targets.margins.first { $0.variable == "region" }!
        #expect(region.targets.count == 17)
        #expect(abs(region.targets.first { $0.level == "Almaty city" }!.value - 2_030_285 / 19_186_015.0) < 1e-15)
        #expect(targets.margins.first { $0.variable == "settlement" }!.targets.first { $0.level == "Urban" }!.value == 0.612)
        #expect(targets.margins.first { $0.variable == "sex" }!.targets.first { $0.level == "Male" }!.value == 0.486)
    }

    @Test("clustering shows in the design effect of face-to-face waves")
    func designEffects() throws {
        func meanDeff(_ waves: [String]) throws -> Double {
            var sum = 0.0
            for id in waves {
                let request = AnalysisRequest(
                    design: F.wave(id).design, measures: [Measure(.proportion, "opinion_russia")],
                    options: AnalysisOptions(designEffects: true))
                let rows = try AnalysisEngine.run(request, on: F.data(id)).rows
                // Weights sum to the sample size, so the design effect is against simple random
                // sampling with replacement (R's deff = "replace").
                sum += rows.first { $0.code == "1" }!.designEffectWithReplacement!
            }
            return sum / Double(waves.count)
        }
        let faceToFace = try meanDeff(Array(Self.waveIDs.prefix(6)))
        let telephone = try meanDeff(Array(Self.waveIDs.suffix(10)))
        #expect(faceToFace > 1.3 && faceToFace < 3, "\(faceToFace)")
        #expect(telephone < faceToFace, "\(telephone) vs \(faceToFace)")
    }

    @Test("the military base only in spring 2021 and autumn 2022; the war only from spring 2022")
    func questionsByWave() {
        for (index, wave) in F.study.waves.enumerated() {
            let data = F.data(wave.id)
            #expect(data.hasVariable("russian_base") == ["2021-spring", "2022-autumn"].contains(wave.id))
            #expect(data.hasVariable("war_side") == (index >= 10))
            for name in ["opinion_russia", "opinion_china", "opinion_usa", "opinion_turkey", "opinion_eu", "econ_russia",
                         "eeu_benefit", "russia_friendly", "russia_influence", "russia_concern", "security_partner",
                         "russia_reason1", "russia_reason2", "region", "settlement", "sex", "age", "agegroup", "language",
                         "ethnicity", "education", "russian_media", "dweight", "weight", "stratum"] {
                #expect(data.hasVariable(name), "\(wave.id) lacks \(name)")
            }
        }
    }

    @Test("ages 18–85 in their groups")
    func ages() throws {
        for wave in F.study.waves {
            let data = F.data(wave.id)
            guard case .numeric(let age) = try data.column("age").values,
                  case .numeric(let group) = try data.column("agegroup").values else { return }
            #expect(age.allSatisfy { (18...85).contains(Int($0)) && $0 == $0.rounded() })
            let bounds: [ClosedRange<Double>] = [18...29, 30...39, 40...49, 50...59, 60...85]
            #expect(zip(age, group).allSatisfy { bounds[Int($1) - 1].contains($0) })
        }
    }

    @Test("Russian-language interviews fall over time and are more common in the north and in towns")
    func language() throws {
        let first = try F.percent("language", [2], wave: "2017-spring")
        let last = try F.percent("language", [2], wave: "2024-autumn")
        #expect(first > last + 10, "\(first) → \(last)")
        var north = 0.0, south = 0.0, urban = 0.0, rural = 0.0
        for id in Self.waveIDs {
            north += try F.percent("language", [2], wave: id, filter: "region in (1, 8, 12, 13, 14)")
            south += try F.percent("language", [2], wave: id, filter: "region in (3, 6, 9, 11)")
            urban += try F.percent("language", [2], wave: id, filter: "settlement == 1")
            rural += try F.percent("language", [2], wave: id, filter: "settlement == 2")
        }
        #expect(north > south + 20 * 16)
        #expect(urban > rural + 10 * 16)
    }

    @Test("more ethnic Russians among adults than the census's 15.5% of all ages")
    func ethnicity() throws {
        var russians = 0.0
        for id in Self.waveIDs { russians += try F.percent("ethnicity", [2], wave: id) }
        russians /= 16
        #expect(russians > 16 && russians < 22, "\(russians)")
    }

    @Test("Russian media are watched more by Russian speakers and by older people")
    func media() throws {
        for id in ["2017-spring", "2022-autumn"] {
            let russian = try F.percent("russian_media", [1], wave: id, filter: "language == 2")
            let kazakh = try F.percent("russian_media", [1], wave: id, filter: "language == 1")
            let young = try F.percent("russian_media", [1], wave: id, filter: "agegroup == 1")
            let old = try F.percent("russian_media", [1], wave: id, filter: "agegroup == 5")
            #expect(russian > kazakh + 10 && old > young + 10, "\(id)")
        }
    }

    @Test("open-ended reasons only from those favourable to Russia, in the language of the interview")
    func reasons() throws {
        let kazakhLetters = Set("әіңғүұқөһӘІҢҒҮҰҚӨҺ")
        for wave in F.study.waves {
            let data = F.data(wave.id)
            guard case .numeric(let opinion) = try data.column("opinion_russia").values,
                  case .numeric(let language) = try data.column("language").values,
                  case .text(let first) = try data.column("russia_reason1").values,
                  case .text(let second) = try data.column("russia_reason2").values else { return }
            var favourable = 0, answered = 0, kazakh = 0, kazakhWithLetters = 0
            for i in 0..<data.rowCount {
                let isFavourable = opinion[i] == 1 || opinion[i] == 2
                if !isFavourable {
                    #expect(first[i] == nil && second[i] == nil)
                    continue
                }
                favourable += 1
                if second[i] != nil { #expect(first[i] != nil) }
                guard let text = first[i] else { continue }
                answered += 1
                #expect(!text.isEmpty)
                if language[i] == 2 {
                    #expect(!text.contains { kazakhLetters.contains($0) }, "\(text)")
                } else {
                    kazakh += 1
                    if text.contains(where: { kazakhLetters.contains($0) }) { kazakhWithLetters += 1 }
                }
            }
            let share = Double(answered) / Double(favourable)
            #expect(share > 0.8 && share < 0.97, "\(wave.id): \(share)")
            #expect(Double(kazakhWithLetters) > 0.75 * Double(kazakh))
        }
    }
}
