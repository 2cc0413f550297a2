import Foundation
import SurveyCore
import Weighting

/// Deterministic stratified cluster-sample survey data of any size, for timing the engine.
///
/// The design: 50 strata (`stratum`, 1–50), each with the same number of primary sampling units
/// (`psu`, numbered 1… across the whole sample, so nested in strata without `nest`): 20 per
/// stratum from 25,000 rows up (1,000 PSUs), fewer below (at least 4 per stratum), their sizes
/// varying between half and one and a half times the average. Each stratum has 4 districts
/// (`district`, 1–200) holding whole PSUs; strata lie in 17 regions (`region`); 60% of each
/// stratum's PSUs are urban (`settlement` 1 urban, 2 rural). Rows come in random order (as
/// interview numbers would), not sorted by PSU.
///
/// Per respondent: a sampling weight (`weight`: a stratum base weight × a PSU factor × a
/// non-response factor, scaled so the weights add up to about 14 million, rounded to 4
/// decimals); `sex` (1 male, 2 female); `agegroup` (1 18–24, 2 25–29, 3 30–44, 4 45–59,
/// 5 60–69, 6 70+) and `age4` (1 18–29, 2 30–44, 3 45–59, 4 60+, from `agegroup`); an answer
/// `q` on a five-point scale (1–5) or 98 "don't know", related to age and to the PSU (so that
/// the design effect is above 1 and the Rao–Scott test rejects); `income`, lognormal, whole
/// numbers, higher in towns. No value is missing. Every column is numeric (as an SPSS file
/// holds codes), 11 columns.
///
/// The same seed and row count give the same data, bit for bit.
struct SyntheticSurvey {
    static let defaultSeed: UInt64 = 20_240_616
    static let strataCount = 50
    static let districtsPerStratum = 4
    static let regionCount = 17
    /// The population the weights add up to (about) and the raking targets add up to exactly.
    static let population = 14_000_000.0
    /// Fewest rows the generator accepts: 4 PSUs in each of 50 strata with 5 rows on average.
    static let minimumRows = 1_000
    static let columnNames = ["stratum", "psu", "weight", "region", "district", "settlement",
                              "sex", "agegroup", "age4", "q", "income"]

    let rows: Int
    let seed: UInt64

    init(rows: Int, seed: UInt64 = Self.defaultSeed) {
        precondition(rows >= Self.minimumRows, "at least \(Self.minimumRows) rows")
        self.rows = rows
        self.seed = seed
    }

    /// PSUs in each stratum: 20 from 25,000 rows up, else as many as give 25 rows per PSU on
    /// average, but at least 4.
    var psusPerStratum: Int { min(20, max(4, rows / (Self.strataCount * 25))) }
    var psuCount: Int { psusPerStratum * Self.strataCount }

    /// The design of the data, as `svydesign(ids = ~psu, strata = ~stratum, weights = ~weight)`.
    static let design = DesignSpec(weights: "weight", strata: "stratum", clusters: ["psu"])

    /// The region of stratum `h` (0-based), 1–17: 16 regions of 3 strata and one of 2.
    static func region(ofStratum h: Int) -> Int { h % regionCount + 1 }

    /// Bytes of the numeric columns: 8 per value.
    var columnBytes: Int { 8 * rows * Self.columnNames.count }

    /// The data set.
    func dataset() -> Dataset {
        var random = BenchRandom(seed: seed)
        let perStratum = psusPerStratum
        let psus = psuCount

        // Stratum base weights and PSU factors, sizes and attributes.
        let stratumBase = (0..<Self.strataCount).map { _ in 0.6 + 0.8 * random.uniform() }
        var psuSize = [Int](repeating: 0, count: psus)
        var psuFactor = [Double](repeating: 1, count: psus)
        var psuShift = [Double](repeating: 0, count: psus)
        var relative = [Double](repeating: 1, count: psus)
        for p in 0..<psus {
            relative[p] = 0.5 + random.uniform()
            psuFactor[p] = 0.8 + 0.4 * random.uniform()
            psuShift[p] = 0.08 * (random.uniform() - 0.5)
        }
        let relativeSum = relative.reduce(0, +)
        var assigned = 0
        for p in 0..<psus {
            psuSize[p] = Int(Double(rows) * relative[p] / relativeSum)
            assigned += psuSize[p]
        }
        for p in 0..<(rows - assigned) { psuSize[p % psus] += 1 }

        // PSU of every row, shuffled (Fisher–Yates) so rows are not sorted by PSU.
        var psuOfRow = [Int32](repeating: 0, count: rows)
        var at = 0
        for p in 0..<psus {
            for _ in 0..<psuSize[p] {
                psuOfRow[at] = Int32(p)
                at += 1
            }
        }
        for i in stride(from: rows - 1, to: 0, by: -1) {
            let j = random.below(i + 1)
            psuOfRow.swapAt(i, j)
        }

        // Answers: older respondents and some PSUs lean to the top of the scale. Cumulative
        // probabilities of the six answers per (PSU, age group), flat.
        var answerCumulative: [Double] = []
        answerCumulative.reserveCapacity(psus * 36)
        for p in 0..<psus {
            for age in 0..<6 {
                let tilt = 0.035 * (Double(age) - 2.5) + psuShift[p]
                answerCumulative += Self.cumulative([
                    0.16 - tilt, 0.22 - tilt / 2, 0.27, 0.20 + tilt / 2, 0.10 + tilt, 0.05,
                ])
            }
        }

        let weightScale = Self.population / Double(rows)
        let ageCumulative = Self.cumulative([0.11, 0.09, 0.27, 0.24, 0.16, 0.13])
        let ageToAge4: [Double] = [1, 1, 2, 3, 4, 4]
        var columns = Self.columnNames.map { _ -> [Double] in
            var c: [Double] = []
            c.reserveCapacity(rows)
            return c
        }
        for i in 0..<rows {
            let p = Int(psuOfRow[i])
            let h = p / perStratum
            let local = p % perStratum
            let urban = local * 5 < perStratum * 3
            let district = h * Self.districtsPerStratum + local % Self.districtsPerStratum
            let nonresponse = exp(0.3 * random.normal())
            let weight = (stratumBase[h] * psuFactor[p] * nonresponse * weightScale * 10_000).rounded() / 10_000
            let female = random.uniform() < (urban ? 0.53 : 0.55)
            let age = random.category(ageCumulative)
            let answer = random.category(answerCumulative, from: (p * 6 + age) * 6, count: 6)
            let income = exp(11.0 + (urban ? 0.25 : -0.1) + 0.02 * Double(district % 7)
                             + 0.05 * Double(min(age, 4)) + 0.6 * random.normal()).rounded()
            columns[0].append(Double(h + 1))
            columns[1].append(Double(p + 1))
            columns[2].append(weight)
            columns[3].append(Double(Self.region(ofStratum: h)))
            columns[4].append(Double(district + 1))
            columns[5].append(urban ? 1 : 2)
            columns[6].append(female ? 2 : 1)
            columns[7].append(Double(age + 1))
            columns[8].append(ageToAge4[age])
            columns[9].append(answer == 5 ? 98 : Double(answer + 1))
            columns[10].append(income)
        }
        let built = zip(Self.columnNames, columns).map { Column.numeric($0, $1) }
        // The columns are built with one value per row and distinct names.
        return try! Dataset(columns: built)
    }

    /// Raking targets for region (17), settlement (2), sex (2) and age4 (4), each adding up to
    /// the population: regions by the 2021 census population of Kazakhstan's 17 regions, 61.2%
    /// urban, 48.6% men, adults by age as in `bench/weighting.py`. The sample is off every one
    /// (equal strata per region, 60% urban, 46% men, other age shares), so raking iterates.
    static func rakingTargets() -> WeightingTargets {
        let regionPopulation: [Double] = [
            2_146_576, 2_054_021, 2_030_285, 1_348_468, 1_341_292, 1_234_042, 1_199_259, 1_112_478,
            906_220, 833_643, 814_931, 782_995, 756_755, 735_008, 675_655, 673_601, 540_786,
        ]
        func margin(_ variable: String, _ shares: [Double]) -> WeightingTargets.Margin {
            let counts = wholeCounts(shares)
            return .init(variable: variable, targets: counts.enumerated().map { k, count in
                .init(level: String(k + 1), value: count)
            })
        }
        return WeightingTargets(margins: [
            margin("region", regionPopulation),
            margin("settlement", [0.612, 0.388]),
            margin("sex", [0.486, 0.514]),
            margin("age4", [0.234, 0.310, 0.241, 0.215]),
        ])
    }

    /// `shares` scaled to whole thousands adding up to ``population`` (largest remainders).
    static func wholeCounts(_ shares: [Double]) -> [Double] {
        let units = Int(population / 1000)
        let sum = shares.reduce(0, +)
        let exact = shares.map { $0 / sum * Double(units) }
        var counts = exact.map { Int($0) }
        let left = units - counts.reduce(0, +)
        let order = exact.indices.sorted { exact[$0] - Double(counts[$0]) > exact[$1] - Double(counts[$1]) }
        for k in order.prefix(left) { counts[k] += 1 }
        return counts.map { Double($0 * 1000) }
    }

    /// Cumulative probabilities of `probabilities` (normalised, last exactly 1).
    static func cumulative(_ probabilities: [Double]) -> [Double] {
        let total = probabilities.reduce(0, +)
        var running = 0.0
        var out = probabilities.map { p -> Double in
            running += p / total
            return running
        }
        out[out.count - 1] = 1
        return out
    }
}
