@testable import SurveyCore
import Testing

/// Replicate weights made from a design (``ReplicateConversion``): every refusal, and the exact
/// properties of the bootstrap. Equality with R's `as.svrepdesign` is checked by
/// `ReplicateConversionConformanceTests` against goldens.
@Suite("Replicate weights made from a design")
struct ReplicateConversionTests {
    /// Stratum A: PSUs 1 and 2; stratum B: PSUs 3, 4 and 5; two respondents per PSU; population
    /// sizes 4 (A) and 3 (B, sampled completely), or 10⁹ (`huge`); a second-stage cluster `school`.
    let data = try! Dataset(columns: [
        .categorical("stratum", strings: ["A", "A", "A", "A", "B", "B", "B", "B", "B", "B"]),
        .numeric("psu", [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]),
        .numeric("school", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
        .numeric("population", [4, 4, 4, 4, 3, 3, 3, 3, 3, 3]),
        .numeric("huge", [Double](repeating: 1e9, count: 10)),
        .numeric("pairs", [1, 1, 1, 1, 2, 2, 2, 2, 3, 3]),
        .numeric("w", [2, 2, 3, 3, 1, 1, 4, 4, 5, 5]),
        .numeric("y", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    ])

    func design(strata: String? = "stratum", clusters: [String] = ["psu"], fpc: [String] = [], lonelyPSU: LonelyPSUPolicy = .fail) throws -> SurveyDesign {
        try SurveyDesign(DesignSpec(weights: "w", strata: strata, clusters: clusters, fpc: fpc, lonelyPSU: lonelyPSU), dataset: data)
    }

    func error(_ type: ReplicateType, count: Int? = nil, fayRho: Double? = nil, design: SurveyDesign) -> SurveyError? {
        do {
            _ = try ReplicateConversion.replicates(of: design, spec: ReplicateConversionSpec(type: type, count: count, fayRho: fayRho))
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Refusals

    @Test func jk1RefusesAStratifiedDesignAndSuggestsJKn() throws {
        let e = try #require(error(.jk1, design: try design()))
        #expect(e.kind == .invalidDesign)
        #expect(e.message.contains("strata 'stratum'"))
        #expect(e.message.contains("jkn"))
    }

    @Test(arguments: [ReplicateType.jkn, .brr, .fay])
    func stratifiedTypesRefuseAnUnstratifiedDesign(_ type: ReplicateType) throws {
        let e = try #require(error(type, fayRho: type == .fay ? 0.5 : nil, design: try design(strata: nil)))
        #expect(e.message.contains("no strata"))
        #expect(e.message.contains("--strata"))
        #expect(e.message.contains("jk1 or bootstrap"))
    }

    @Test(arguments: [ReplicateType.brr, .fay])
    func halfSamplesNameTheStratumWithoutTwoPSUs(_ type: ReplicateType) throws {
        let e = try #require(error(type, fayRho: type == .fay ? 0.5 : nil, design: try design()))
        #expect(e.kind == .invalidDesign)
        #expect(e.value == "B")
        #expect(e.message.contains("stratum B has 3 PSUs"))
        #expect(e.message.contains(type == .brr ? "BRR" : "Fay"))
    }

    @Test func halfSamplesNameASingletonStratum() throws {
        // Strata by `pairs`: 1 has PSUs 1 and 2, 2 has PSUs 3 and 4, 3 only PSU 5.
        let d = try design(strata: "pairs")
        let e = try #require(error(.brr, design: d))
        #expect(e.message.contains("stratum 3 has 1 PSU;"))
    }

    @Test(arguments: [nil, 0, 1, -0.2, 1.5, Double.nan])
    func fayNeedsRhoInsideTheUnitInterval(_ rho: Double?) throws {
        let d = try design(strata: "pairs", clusters: ["school"])
        let e = try #require(error(.fay, fayRho: rho, design: d))
        #expect(e.kind == .invalidDesign)
        #expect(e.message.contains("between 0 and 1"))
        #expect(e.message.contains("--fay-rho 0.5"))
        #expect(e.message(for: .reportSpec).contains("fayRho: 0.5"))
    }

    @Test func rhoIsRefusedWhereItMeansNothing() throws {
        #expect(error(.brr, fayRho: 0.5, design: try design())?.message.contains("make fay replicates") == true)
        #expect(error(.jkn, fayRho: 0.5, design: try design())?.message.contains("not jkn replicates") == true)
        #expect(error(.bootstrap, fayRho: 0.5, design: try design())?.message.contains("not bootstrap replicates") == true)
    }

    @Test(arguments: [1, 0, -3])
    func bootstrapNeedsTwoReplicates(_ count: Int) throws {
        let e = try #require(error(.bootstrap, count: count, design: try design()))
        #expect(e.message.contains("at least 2 replicates, not \(count)"))
        #expect(e.message.contains("--replicates-count 50"))
        #expect(e.value == String(count))
    }

    @Test(arguments: [ReplicateType.sdr, .other])
    func typesThatCannotBeMadeFromADesignAreRefused(_ type: ReplicateType) throws {
        let e = try #require(error(type, design: try design()))
        #expect(e.message.contains("\(type.rawValue) replicates cannot be made"))
        #expect(e.message.contains("--replicate-weights"))
        #expect(!e.message(for: .reportSpec).contains("--"))
    }

    @Test func aDesignWithReplicateWeightsIsNotConvertedAgain() throws {
        var spec = DesignSpec(weights: "w")
        spec.replicateWeights = ReplicateWeightsSpec(pattern: "rw*", type: .jkn)
        spec.replicates = ReplicateConversionSpec(type: .jkn)
        #expect(throws: SurveyError.self) { try SurveyDesign(spec, dataset: data) }
        do {
            _ = try SurveyDesign(spec, dataset: data)
        } catch {
            #expect(error.field == .replicates && error.message.contains("--replicates has no part in it"), "\(error.message)")
        }
    }

    @Test func aLonelyPSUFailsTheStratifiedJackknifeUnderFail() throws {
        let d = try design(strata: "pairs")
        let e = try #require(error(.jkn, design: d))
        #expect(e.kind == .lonelyPSU)
        #expect(e.field == .lonelyPSU)
        #expect(e.message.contains("Stratum 3 has a single PSU"))
        #expect(e.message.contains("--lonely-psu adjust"))
    }

    @Test func aPopulationSampledCompletelyHasNoReplicates() throws {
        // Stratum B has 3 of 3 PSUs: no replicates; stratum A (2 of 4) has two.
        let converted = try ReplicateConversion.replicates(of: try design(fpc: ["population"]), spec: ReplicateConversionSpec(type: .jkn))
        #expect(converted.count == 2)
        #expect(converted.rscales == [0.25, 0.25])   // (1 − 2/4)·(2 − 1)/2
        // Only stratum B: nothing varies.
        let onlyB = try Dataset(columns: [.categorical("s", strings: ["B", "B", "B"]), .numeric("N", [3, 3, 3])])
        let d = try SurveyDesign(DesignSpec(strata: "s", fpc: ["N"]), dataset: onlyB)
        let e = try #require(error(.jkn, design: d))
        #expect(e.message.contains("Every stratum was sampled completely"))
        let unstratified = try SurveyDesign(DesignSpec(fpc: ["N"]), dataset: onlyB)
        #expect(error(.jk1, design: unstratified)?.message.contains("All 3 PSUs of the population were sampled") == true)
    }

    @Test func aSingleReplicateIsRefused() throws {
        // A: a lonely PSU of a population of 5 (adjust: one replicate); B: 2 of 2 PSUs (none).
        let data = try Dataset(columns: [
            .categorical("s", strings: ["A", "B", "B"]), .numeric("N", [5, 2, 2]),
        ])
        let d = try SurveyDesign(DesignSpec(strata: "s", fpc: ["N"], lonelyPSU: .adjust), dataset: data)
        let e = try #require(error(.jkn, design: d))
        #expect(e.message.contains("a single jkn replicate"))
        #expect(e.message.contains("--lonely-psu"))
    }

    @Test func tooManyReplicateWeightsAreRefusedBeforeTheyAreMade() throws {
        // 20,000 respondents, each a PSU: 20,000 jackknife replicates would be 4·10⁸ weights.
        let big = try Dataset(columns: [.numeric("y", [Double](repeating: 1, count: 20_000))])
        let d = try SurveyDesign(DesignSpec(), dataset: big)
        let e = try #require(error(.jk1, design: d))
        #expect(e.message.contains("20000 jk1 replicates of 20000 respondents"))
        #expect(e.message.contains("bootstrap"))
    }

    // MARK: - The first stage of a multistage design

    /// R's `as.svrepdesign` uses the first-stage clusters (and fpc) only.
    @Test(arguments: [ReplicateType.jkn, .bootstrap])
    func aMultistageDesignIsReplicatedAtItsFirstStage(_ type: ReplicateType) throws {
        let twoStage = try design(clusters: ["psu", "school"])
        let oneStage = try design(clusters: ["psu"])
        let spec = ReplicateConversionSpec(type: type, seed: 7)
        let a = try ReplicateConversion.replicates(of: twoStage, spec: spec)
        let b = try ReplicateConversion.replicates(of: oneStage, spec: spec)
        #expect(a.values == b.values)
        #expect(a.scale == b.scale)
        #expect(a.rscales == b.rscales)
    }

    // MARK: - Bootstrap

    func bootstrap(seed: UInt64?, count: Int? = nil, fpc: [String] = [], design clusters: [String] = ["psu"]) throws -> ReplicateWeights {
        try ReplicateConversion.replicates(of: try design(clusters: clusters, fpc: fpc), spec: ReplicateConversionSpec(type: .bootstrap, count: count, seed: seed))
    }

    @Test func theSameSeedRepeatsAndAnotherSeedDiffers() throws {
        let first = try bootstrap(seed: 42)
        #expect(try bootstrap(seed: 42).values == first.values)
        #expect(try bootstrap(seed: 43).values != first.values)
        #expect(first.count == ReplicateConversion.defaultBootstrapCount)
    }

    @Test func withoutASeedTheDefaultSeedIsUsed() throws {
        #expect(try bootstrap(seed: nil).values == (try bootstrap(seed: ReplicateConversion.defaultSeed)).values)
    }

    /// Every replicate draws n_h PSUs in every stratum: the factors (times drawn) of a stratum
    /// sum to its PSUs, so they average exactly 1, and each is a whole number. (`huge`: a
    /// population too large to mark drawn units bit by bit.)
    @Test(arguments: [[], ["population"], ["huge"]])
    func everyReplicateDrawsAsManyPSUsAsTheStratumHas(_ fpc: [String]) throws {
        let d = try design(fpc: fpc)
        let converted = try ReplicateConversion.replicates(of: d, spec: ReplicateConversionSpec(type: .bootstrap, count: 200, seed: 9))
        let stage = d.primary
        for r in 0..<converted.count {
            var drawn = [Double](repeating: 0, count: stage.strataCount)
            var firstRow = [Int](repeating: -1, count: stage.unitCount)
            for i in 0..<d.rowCount where firstRow[Int(stage.unitOfRow[i])] < 0 { firstRow[Int(stage.unitOfRow[i])] = i }
            for (u, i) in firstRow.enumerated() {
                let factor = converted.values[i * converted.count + r] / d.weights[i]
                #expect(factor == factor.rounded() && factor >= 0)
                drawn[Int(stage.stratumOfUnit[u])] += factor
            }
            #expect(drawn.map { Int($0) } == stage.sampleSize, "replicate \(r + 1)")
        }
        // Respondents of one PSU share its factor.
        for i in 0..<d.rowCount {
            let j = d.primary.unitOfRow.firstIndex(of: d.primary.unitOfRow[i])!
            for r in 0..<converted.count {
                #expect(converted.values[i * converted.count + r] / d.weights[i] == converted.values[j * converted.count + r] / d.weights[j])
            }
        }
    }

    /// With a finite population the PSUs are drawn without replacement from N/n copies of each:
    /// a stratum sampled completely (B, N = n = 3) draws every PSU once in every replicate, and
    /// stratum A (N = 4, n = 2) never draws a PSU more than twice.
    @Test func aFinitePopulationIsDrawnWithoutReplacement() throws {
        let d = try design(fpc: ["population"])
        let converted = try ReplicateConversion.replicates(of: d, spec: ReplicateConversionSpec(type: .bootstrap, count: 300, seed: 3))
        var twice = 0
        for i in 0..<d.rowCount {
            for r in 0..<converted.count {
                let factor = converted.values[i * converted.count + r] / d.weights[i]
                if i >= 4 { #expect(factor == 1) } else { #expect(factor <= 2); if factor == 2 { twice += 1 } }
            }
        }
        // P(a PSU of A drawn twice) = 1/3 per replicate (2 of the 6 unordered pairs of 4 units).
        #expect(twice > 0)
    }

    /// R's constants: scale n̄/((n̄ − 1)(R − 1)) with n̄ the harmonic mean of PSUs per stratum
    /// (here 2/(1/2 + 1/3) = 2.4), rscales 1.
    @Test func bootstrapConstantsAreR() throws {
        let converted = try bootstrap(seed: 1, count: 11)
        #expect(converted.count == 11)
        let harmonic = 1 / ((1.0 / 2 + 1.0 / 3) / 2)
        #expect(converted.scale == harmonic / ((harmonic - 1) * 10))
        #expect(converted.rscales == [Double](repeating: 1, count: 11))
        #expect(converted.type == .bootstrap)
        #expect(converted.fayRho == nil)
    }

    @Test func mseIsCarriedOver() throws {
        let converted = try ReplicateConversion.replicates(of: try design(), spec: ReplicateConversionSpec(type: .jkn, mse: true))
        #expect(converted.mse)
        #expect(converted.columns.isEmpty)
    }
}
