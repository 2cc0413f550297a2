import Studies
import SurveyCore
import Testing

@Suite("Demo study: codebooks and concepts")
struct DemoCodebookTests {
    typealias F = DemoFixture
    static let languages = ["en", "ru", "kk"]

    @Test("every variable and value label in English, Russian and Kazakh")
    func trilingual() {
        for data in F.demo.datasets {
            for name in data.variableNames {
                let meta = data.metadata(name)
                #expect(Self.languages.allSatisfy { !(meta.label.texts[$0] ?? "").isEmpty }, "\(name)")
                for label in meta.valueLabels {
                    #expect(Self.languages.allSatisfy { !(label.label.texts[$0] ?? "").isEmpty }, "\(name) = \(label.code)")
                }
            }
        }
    }

    @Test("every stored code of a labelled variable has a label")
    func codesLabelled() throws {
        for data in F.demo.datasets {
            for column in data.columns {
                let meta = data.metadata(column.name)
                guard !meta.valueLabels.isEmpty, case .numeric(let values) = column.values else { continue }
                let labelled = Set(meta.valueLabels.map(\.code))
                #expect(Set(values).isSubset(of: labelled), "\(column.name)")
            }
        }
    }

    @Test("98 don't know and 99 refused are user-missing wherever they are codes")
    func userMissing() {
        var attitudes = 0
        for data in F.demo.datasets {
            for name in data.variableNames {
                let meta = data.metadata(name)
                let codes = Set(meta.valueLabels.map(\.code))
                if codes.contains(98) {
                    attitudes += 1
                    #expect(meta.missingCodes == [98, 99], "\(name)")
                    #expect(meta.isUserMissing(98) && meta.isUserMissing(99))
                    #expect(meta.label(ofCode: 98, language: "ru") == "Затрудняюсь ответить")
                } else {
                    #expect(meta.missingCodes.isEmpty, "\(name)")
                }
            }
        }
        #expect(attitudes >= 16 * 11)
    }

    @Test("a concept for every attitude question, with canonical levels and valences")
    func concepts() throws {
        let ids = F.study.concepts.map(\.id)
        #expect(ids == ["russian_media", "opinion_russia", "opinion_china", "opinion_usa", "opinion_turkey", "opinion_eu",
                        "econ_russia", "eeu_benefit", "russia_friendly", "russia_influence", "russia_concern",
                        "security_partner", "russian_base", "war_side"])
        let russia = try #require(F.study.concept("opinion_russia"))
        #expect(russia.levels.map(\.id) == ["very_favourable", "somewhat_favourable", "somewhat_unfavourable",
                                            "very_unfavourable", "dont_know", "refused"])
        #expect(russia.levels.map(\.valence) == [.positive, .positive, .negative, .negative, .missing, .missing])
        #expect(russia.mappings.count == 16)
        #expect(russia.mapping(wave: "2019-autumn")?.codes["1"] == "very_favourable")
        #expect(russia.mapping(wave: "2019-autumn")?.codes["99"] == "refused")
        #expect(F.study.concept("russian_base")?.mappings.map(\.wave) == ["2021-spring", "2022-autumn"])
        #expect(F.study.concept("war_side")?.mappings.map(\.wave) == Array(DemoStructureTests.waveIDs.suffix(6)))
        for concept in F.study.concepts {
            #expect(Self.languages.allSatisfy { concept.title.texts[$0] != nil && concept.text.texts[$0] != nil })
            for level in concept.levels {
                #expect(Self.languages.allSatisfy { !(level.label.texts[$0] ?? "").isEmpty }, "\(concept.id).\(level.id)")
                #expect((level.valence == .missing) == ["dont_know", "refused"].contains(level.id))
            }
        }
    }

    @Test("every mapping names a variable of its wave, and maps every code found there to a level")
    func mappings() throws {
        for concept in F.study.concepts {
            let levels = Set(concept.levels.map(\.id))
            for mapping in concept.mappings {
                let data = try #require(F.demo.dataset(wave: mapping.wave))
                #expect(data.hasVariable(mapping.variable), "\(mapping.wave) lacks \(mapping.variable)")
                guard case .numeric(let values) = try data.column(mapping.variable).values else {
                    Issue.record("\(mapping.variable) is not numeric")
                    continue
                }
                for value in Set(values) {
                    let code = String(Int(value))
                    #expect(value == value.rounded())
                    let level = mapping.codes[code]
                    #expect(level != nil, "\(mapping.wave) \(mapping.variable): code \(code) not mapped")
                    if let level, let id = level { #expect(levels.contains(id)) }
                }
            }
        }
    }
}
