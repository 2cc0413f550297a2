import Studies
import SurveyCore
import Testing

@Suite("Demo study: determinism")
struct DemoDeterminismTests {
    @Test("the same seed gives the same study and data, bit for bit")
    func sameSeed() throws {
        let again = try DemoStudyGenerator().generate()
        let first = DemoFixture.demo
        #expect(again.seed == DemoStudyGenerator.defaultSeed)
        #expect(again.study == first.study)
        #expect(again.targets == first.targets)
        #expect(again.datasets.count == first.datasets.count)
        for (a, b) in zip(again.datasets, first.datasets) {
            #expect(a.columns == b.columns)
            #expect(a.codebook == b.codebook)
        }
        #expect(Self.fingerprint(again) == Self.fingerprint(first))
    }

    @Test("another seed gives other data (and the same study design)")
    func otherSeed() throws {
        let other = try DemoStudyGenerator(seed: 1).generate()
        let first = DemoFixture.demo
        #expect(other.study.waves == first.study.waves)
        #expect(other.study.concepts.map(\.id) == first.study.concepts.map(\.id))
        for (a, b) in zip(other.datasets, first.datasets) {
            #expect(a.columns != b.columns)
        }
        #expect(Self.fingerprint(other) != Self.fingerprint(first))
    }

    /// The default study is the same on every machine: only integer arithmetic and IEEE
    /// `+ − × ÷ √` go into it. When the generator is changed on purpose, replace the value with
    /// the one this test reports.
    @Test("the default study has a fixed fingerprint")
    func fingerprint() {
        #expect(Self.fingerprint(DemoFixture.demo) == Self.expectedFingerprint)
    }

    static let expectedFingerprint: UInt64 = 16_832_388_988_200_389_000

    /// FNV-1a over every wave's column names, numbers (bit patterns) and texts.
    static func fingerprint(_ demo: DemoStudy) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        func mix(_ x: UInt64) { for k in 0..<8 { mix(UInt8(truncatingIfNeeded: x >> (8 * UInt64(k)))) } }
        func mix(_ s: String) {
            for b in s.utf8 { mix(b) }
            mix(UInt8(0))
        }
        for data in demo.datasets {
            for column in data.columns {
                mix(column.name)
                switch column.values {
                case .numeric(let values): for v in values { mix(v.bitPattern) }
                case .text(let texts): for t in texts { mix(t ?? "\u{0}") }
                case .categorical(let codes, let levels):
                    for c in codes { mix(UInt64(bitPattern: Int64(c))) }
                    for l in levels { mix(l) }
                }
            }
        }
        return hash
    }
}
