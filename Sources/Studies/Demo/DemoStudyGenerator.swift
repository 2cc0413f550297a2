import SurveyCore
import Weighting

/// Generates the demo study: a simulated multi-wave survey of adults in Kazakhstan modelled on
/// the Central Asia Barometer, sixteen waves (spring and autumn 2017–2024) of about 1,500
/// respondents, calibrated so that weighted estimates reproduce published figures on views of
/// Russia within sampling error (see ``DemoTargets``).
///
/// Pure and deterministic: no I/O, no clock, no system random numbers. A seed gives the same
/// study bit for bit on every machine (its own xoshiro256** generator and arithmetic-only
/// `exp`/`log`; each wave and each stage of a wave draws from a stream of its own, so changing
/// how answers are drawn leaves the samples unchanged).
///
/// ```swift
/// let demo = try DemoStudyGenerator().generate()
/// for (wave, data) in zip(demo.study.waves, demo.datasets) { … write data to wave.file … }
/// ```
///
/// Each wave:
/// - strata region × urban/rural (31: Astana, Almaty and Shymkent have no rural population)
///   with census-proportional allocation; face-to-face waves (2017–2019) interview about ten
///   adults in each sampled settlement (`psu`), with a settlement effect on attitudes;
///   telephone waves (2020–2024) have no clusters;
/// - `dweight`, the design weight (stratum and selection within the household, mean 1), and
///   `weight`, raked to the census margins of region, settlement type, sex and age group;
/// - the design `weight` / `stratum` / `psu` in ``StudyWave/design``.
public struct DemoStudyGenerator: Sendable {
    /// The seed of `barometer demo`.
    public static let defaultSeed: UInt64 = 2017_0410

    public var seed: UInt64

    public init(seed: UInt64 = DemoStudyGenerator.defaultSeed) {
        self.seed = seed
    }

    /// The study and its data.
    /// - Throws: ``SurveyError`` only if the generator is broken (the raking or a dataset fails).
    public func generate() throws(SurveyError) -> DemoStudy {
        var waves: [StudyWave] = []
        var datasets: [Dataset] = []
        for wave in DemoWave.all {
            let design = Self.design(wave)
            datasets.append(try generate(wave, design: design))
            waves.append(StudyWave(
                id: wave.id, label: wave.label, file: "waves/\(wave.id).sav", fieldworkStart: wave.fieldworkStart,
                fieldworkEnd: wave.fieldworkEnd, mode: wave.mode.rawValue, design: design))
        }
        let concepts = DemoQuestionnaire.variables.filter(\.isConcept).map { $0.concept(waves: DemoWave.all) }
        let study = Study(
            title: DemoText.title, description: DemoText.description, source: DemoText.source, simulated: true,
            waves: waves, concepts: concepts, events: DemoEvents.all,
            access: PublicAccess(
                estimate: ["age"],
                breakdowns: ["agegroup", "sex", "language", "ethnicity", "education", "region", "settlement", "russian_media"],
                coded: ["russia_reason"]))
        return DemoStudy(seed: seed, study: study, datasets: datasets, targets: DemoPopulation.targets)
    }

    /// Weights `weight`, strata `stratum`, and in face-to-face waves clusters `psu`.
    static func design(_ wave: DemoWave) -> DesignSpec {
        DesignSpec(weights: "weight", strata: "stratum", clusters: wave.mode == .faceToFace ? ["psu"] : [])
    }

    /// Streams of randomness of a wave, one per stage.
    private enum Stage: UInt64 { case sample = 1, covariates, attitudes, openEnded }

    private func random(_ wave: DemoWave, _ stage: Stage) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: SplitMix64.derive(seed, stream: UInt64(wave.index) * 16 + stage.rawValue))
    }

    private func generate(_ wave: DemoWave, design: DesignSpec) throws(SurveyError) -> Dataset {
        var rng = random(wave, .sample)
        var data = DemoSampler(wave: wave).draw(&rng)
        data.weight = try DemoWeighting.rake(data, wave: wave)
        rng = random(wave, .covariates)
        DemoCovariateModel(wave: wave).draw(&data, &rng)
        rng = random(wave, .attitudes)
        DemoAttitudeModel(wave: wave).draw(&data, &rng)
        rng = random(wave, .openEnded)
        DemoOpenEnded.draw(&data, &rng)
        return try DemoDatasetBuilder.dataset(data, wave: wave, design: design, seed: seed)
    }
}
