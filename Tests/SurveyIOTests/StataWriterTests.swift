import Foundation
import Testing
import SurveyCore
import SurveyIO

/// Random data sets that exercise every feature the writer has, and their expected reading.
enum StataRoundTrip {
    static let words = ["да", "нет", "Қазақстан", "café", "naïve", "中国", "🙂", "alpha", "beta", "x"]

    static func dataset(seed: UInt64, rows: Int) throws -> Dataset {
        var rng = SeededGenerator(seed: seed)
        var columns: [Column] = []
        var codebook = Codebook()
        let a = StataMissingValues.code(for: "a")!
        let b = StataMissingValues.code(for: "b")!
        let z = StataMissingValues.code(for: "z")!

        func maybe(_ v: Double, _ missingRate: Double = 0.1) -> Double {
            Double.random(in: 0 ..< 1, using: &rng) < missingRate ? .nan : v
        }

        // A labelled question with "don't know" (.a), "refused" (.b) and .z.
        let q = (0 ..< rows).map { _ -> Double in
            let u = Double.random(in: 0 ..< 1, using: &rng)
            return u < 0.1 ? a : u < 0.15 ? b : u < 0.17 ? z : u < 0.2 ? .nan : Double(Int.random(in: 1 ... 4, using: &rng))
        }
        columns.append(.numeric("trust_ru", q))
        var m = VariableMetadata(label: LocalizedText(["en": "Trust in Russia", "ru": "Доверие к России", "kk": "Ресейге сенім"]))
        m.valueLabels = [
            ValueLabel(code: 1, label: LocalizedText(["en": "Fully", "ru": "Полностью"])),
            ValueLabel(code: 2, label: LocalizedText(["en": "Somewhat", "ru": "Скорее"])),
            ValueLabel(code: 3, label: LocalizedText(["en": "Not really"])),
            ValueLabel(code: 4, label: LocalizedText(["en": "Not at all", "ru": "Совсем нет", "kk": "Мүлдем жоқ"])),
        ]
        let present = Set(q.filter { StataMissingValues.isExtendedMissing($0) })
        if present.contains(a) { m.valueLabels.append(ValueLabel(code: a, label: LocalizedText(["en": "Don't know", "ru": "Затрудняюсь ответить"]))) }
        if present.contains(b) { m.valueLabels.append(ValueLabel(code: b, label: LocalizedText(["en": "Refused"]))) }
        if present.contains(z) { m.valueLabels.append(ValueLabel(code: z, label: LocalizedText(["en": ".z"]))) }
        m.missingCodes = [a, b, z].filter { present.contains($0) }
        m.displayFormat = "%8.0g"
        codebook["trust_ru"] = m

        // Integers of each width, exact floats, doubles.
        let ranges: [(String, ClosedRange<Int>, String)] = [
            ("small", -127 ... 100, "%8.0g"), ("medium", -32767 ... 32740, "%8.0g"),
            ("large", -2_147_483_647 ... 2_147_483_620, "%12.0g"), ("huge", -(1 << 52) ... (1 << 52), "%20.0f"),
        ]
        for (name, range, format) in ranges {
            columns.append(.numeric(name, (0 ..< rows).map { _ in maybe(Double(Int.random(in: range, using: &rng))) }))
            var meta = VariableMetadata(label: LocalizedText("Integer \(name)"))
            meta.displayFormat = format
            codebook[name] = meta
        }
        columns.append(.numeric("single", (0 ..< rows).map { _ in maybe(Double(Float.random(in: -1e6 ... 1e6, using: &rng))) }))
        columns.append(.numeric("weight", (0 ..< rows).map { _ in Double.random(in: 0.2 ... 5, using: &rng) }))
        codebook["single"] = { var v = VariableMetadata(); v.displayFormat = "%9.0g"; return v }()
        codebook["weight"] = { var v = VariableMetadata(label: LocalizedText(["en": "Design weight", "ru": "Вес"])); v.displayFormat = "%10.4f"; return v }()

        // Design variables.
        columns.append(.numeric("stratum", (0 ..< rows).map { Double($0 % 4 + 1) }))
        columns.append(.numeric("psu", (0 ..< rows).map { Double($0 % 12 + 1) }))
        columns.append(.numeric("npsu", (0 ..< rows).map { _ in 40 }))
        for name in ["stratum", "psu", "npsu"] { codebook[name] = { var v = VariableMetadata(); v.displayFormat = "%8.0g"; return v }() }

        // Dates and times.
        let days = (0 ..< rows).map { _ in maybe(Double(Int.random(in: -20000 ... 30000, using: &rng)) * 86_400) }
        columns.append(.numeric("interview", days))
        var dm = VariableMetadata(label: LocalizedText("Interview date"))
        dm.temporal = .date
        dm.displayFormat = "%tdDD/NN/CCYY"
        codebook["interview"] = dm
        let stamps = (0 ..< rows).map { _ in maybe(Double(Int.random(in: -2_000_000_000_000 ... 2_000_000_000_000, using: &rng)) / 1000) }
        columns.append(.numeric("stamp", stamps))
        var sm = VariableMetadata()
        sm.temporal = .dateTime
        sm.displayFormat = "%tc"
        codebook["stamp"] = sm
        let leap = (0 ..< rows).map { _ in maybe(Double(Int.random(in: 0 ... 2_000_000_000, using: &rng))) }
        columns.append(.numeric("leapstamp", leap))
        var lm = VariableMetadata()
        lm.temporal = .dateTime
        lm.displayFormat = "%tC"
        codebook["leapstamp"] = lm
        let months = (0 ..< rows).map { _ -> Double in
            let y = Int.random(in: 1900 ... 2100, using: &rng), mo = Int.random(in: 1 ... 12, using: &rng)
            return maybe(Double(Self.daysFromEpoch(year: y, month: mo)) * 86_400)
        }
        columns.append(.numeric("wave_month", months))
        var mm = VariableMetadata()
        mm.temporal = .date
        mm.displayFormat = "%tm"
        codebook["wave_month"] = mm
        let times = (0 ..< rows).map { _ in maybe(Double(Int.random(in: 0 ..< 86_400, using: &rng))) }
        columns.append(.numeric("start", times))
        var tm = VariableMetadata()
        tm.temporal = .time
        tm.displayFormat = "%tcHH:MM:SS"
        codebook["start"] = tm

        // Texts: short (str#) and long (strL), with repeats.
        let short = (0 ..< rows).map { _ -> String? in
            Double.random(in: 0 ..< 1, using: &rng) < 0.15 ? nil : (0 ..< Int.random(in: 1 ... 3, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
        }
        columns.append(Column(name: "why", values: .text(short)))
        var wm = VariableMetadata(label: LocalizedText(["en": "Why?", "kk": "Неге?"]))
        wm.stringWidth = 60
        wm.displayFormat = "%60s"
        codebook["why"] = wm
        let essays = (0 ..< rows).map { i -> String? in
            i % 4 == 0 ? nil : String(repeating: words[i % 3], count: 400 + i % 5)
        }
        columns.append(Column(name: "essay", values: .text(essays)))
        var em = VariableMetadata()
        em.displayFormat = "%9s"
        codebook["essay"] = em

        codebook.fileLabel = LocalizedText(["en": "Simulated barometer wave", "ru": "Смоделированная волна"])
        codebook.documents = ["Simulated data: seed \(seed).", "Second note with ünïcödé."]
        codebook.design = DesignSpec(weights: "weight", strata: "stratum", clusters: ["psu"], fpc: ["npsu"], nest: true, lonelyPSU: .adjust)
        return try Dataset(columns: columns, codebook: codebook)
    }

    static func daysFromEpoch(year: Int, month: Int) -> Int {
        var days = 0
        if year >= 1970 {
            for y in 1970 ..< year { days += isLeap(y) ? 366 : 365 }
        } else {
            for y in year ..< 1970 { days -= isLeap(y) ? 366 : 365 }
        }
        let lengths = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return days + lengths.prefix(month - 1).reduce(0, +)
    }

    static func isLeap(_ y: Int) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

    /// What reading the written file should give: the same, with the facts the file adds.
    static func expectedCodebook(_ original: Codebook, _ dataset: Dataset) -> Codebook {
        var c = original
        c.encoding = "UTF-8"
        for column in dataset.columns {
            guard case .text(let t) = column.values, var meta = c[column.name] else { continue }
            let longest = t.reduce(0) { max($0, ($1 ?? "").utf8.count) }
            meta.stringWidth = longest > 2045 ? nil : max(longest, meta.stringWidth ?? 0, 1)
            c[column.name] = meta
        }
        return c
    }

    static func sameValues(_ a: Column, _ b: Column) -> Bool {
        guard a.name == b.name else { return false }
        switch (a.values, b.values) {
        case (.numeric(let x), .numeric(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.isNaN && $1.isNaN || $0.bitPattern == $1.bitPattern }
        default:
            return a.values == b.values
        }
    }
}

@Suite struct StataWriterTests {
    @Test(arguments: [1, 2, 3, 42, 2024] as [UInt64])
    func roundTripsRandomDatasets(seed: UInt64) throws {
        let original = try StataRoundTrip.dataset(seed: seed, rows: 60 + Int(seed % 50))
        let scratch = try StataScratch()
        let path = scratch.path("wave.dta")
        try StataWriter.write(original, to: path)
        let back = try StataReader.read(path: path)
        #expect(back.variableNames == original.variableNames)
        #expect(back.rowCount == original.rowCount)
        for (x, y) in zip(original.columns, back.columns) {
            #expect(StataRoundTrip.sameValues(x, y), "values of \(x.name)")
        }
        let expected = StataRoundTrip.expectedCodebook(original.codebook, original)
        for name in original.variableNames {
            #expect(back.codebook[name] == expected[name], "metadata of \(name)")
        }
        #expect(back.codebook.fileLabel == expected.fileLabel)
        #expect(back.codebook.documents == expected.documents)
        #expect(back.codebook.design == expected.design)
        #expect(back.codebook == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["wave.dta"], "no temporary file left")
    }

    /// Enough rows for the numbers to be decoded in several blocks and on more than one core.
    @Test func roundTripsALargeDatasetInBlocksAndChunks() throws {
        let original = try StataRoundTrip.dataset(seed: 5, rows: 150_000)
        let scratch = try StataScratch()
        let path = scratch.path("large.dta")
        try StataWriter.write(original, to: path)
        let back = try StataReader.read(path: path)
        #expect(back.rowCount == original.rowCount)
        for (x, y) in zip(original.columns, back.columns) {
            #expect(StataRoundTrip.sameValues(x, y), "values of \(x.name)")
        }
    }

    @Test func writesTheSameBytesEveryTime() throws {
        let d = try StataRoundTrip.dataset(seed: 7, rows: 30)
        #expect(try StataWriter.data(for: d) == StataWriter.data(for: d))
    }

    /// The committed `barometer/written_118.dta` is what the writer produces today, and
    /// `expected/barometer__written_118.json` is pyreadstat's reading of it: so pyreadstat reads
    /// Barometer's files (checked by ``StataConformanceTests``). Run with
    /// `BAROMETER_UPDATE_STATA_FIXTURE=1` to rewrite the file after a deliberate change, then
    /// regenerate the expectations with `conformance/stata-expectations.py`.
    @Test func matchesTheCommittedWrittenFixture() throws {
        let d = try StataRoundTrip.dataset(seed: 11, rows: 40)
        let bytes = try StataWriter.data(for: d)
        if ProcessInfo.processInfo.environment["BAROMETER_UPDATE_STATA_FIXTURE"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/stata/barometer/written_118.dta")
            try FileManager.default.createDirectory(at: source.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: source)
        }
        #expect(try StataFixtures.bytes("barometer/written_118.dta") == bytes)
    }

    @Test func writesCategoricalColumnsAsLabelledCodes() throws {
        let d = try Dataset(columns: [.categorical("region", strings: ["North", nil, "South", "North"])])
        let back = try StataReader.read(data: StataWriter.data(for: d), name: "x.dta")
        #expect(StataFixtures.numbers(back, "region").map { $0.map { $0.isNaN ? -1 : $0 } } == [1, -1, 2, 1])
        #expect(back.metadata("region").valueLabels.map { $0.label.text() } == ["North", "South"])
    }

    @Test func choosesTheSmallestExactStorageType() throws {
        let d = try Dataset(columns: [
            .numeric("b", [-127, 100, .nan]), .numeric("i", [-32767, 32740, 0]), .numeric("l", [-2_147_483_647, 2_147_483_620, 1]),
            .numeric("f", [0.5, 0.25, -3]), .numeric("d", [0.1, 1, 2]), .numeric("big", [2_147_483_621, 0, 0]),
        ])
        let bytes = [UInt8](try StataWriter.data(for: d))
        // <variable_types> holds one little-endian code per variable.
        let start = try #require(Self.find("<variable_types>", in: bytes)) + 16
        let codes = (0 ..< 6).map { UInt16(bytes[start + 2 * $0]) | UInt16(bytes[start + 2 * $0 + 1]) << 8 }
        #expect(codes == [65530, 65529, 65528, 65527, 65526, 65526])
        let back = try StataReader.read(data: Data(bytes), name: "x.dta")
        #expect(back.metadata("b").displayFormat == "%8.0g")
        #expect(back.metadata("l").displayFormat == "%12.0g")
        #expect(StataFixtures.numbers(back, "f") == [0.5, 0.25, -3])
        #expect(StataFixtures.numbers(back, "big") == [2_147_483_621, 0, 0])
    }

    @Test func writesFormat119BeyondThe118VariableLimit() throws {
        let columns = (0 ..< 32_768).map { Column.numeric("v\($0)", [Double($0)]) }
        let d = try Dataset(columns: columns)
        let data = try StataWriter.data(for: d)
        #expect(data.prefix(40).elementsEqual(Array("<stata_dta><header><release>119</release>".utf8).prefix(40)))
        let back = try StataReader.read(data: data, name: "wide.dta")
        #expect(back.columns.count == 32_768)
        #expect(StataFixtures.numbers(back, "v32767") == [32_767])
    }

    @Test func longTextsBecomeStrLs() throws {
        let long = String(repeating: "ж", count: 3000)
        let d = try Dataset(columns: [Column(name: "t", values: .text([long, nil, "short", long]))])
        let bytes = [UInt8](try StataWriter.data(for: d))
        let start = try #require(Self.find("<variable_types>", in: bytes)) + 16
        #expect(UInt16(bytes[start]) | UInt16(bytes[start + 1]) << 8 == 32768)
        // The repeated text is stored once.
        #expect(Self.count("GSO", in: bytes) == 2)
        let back = try StataReader.read(data: Data(bytes), name: "x.dta")
        #expect(StataFixtures.texts(back, "t") == [long, nil, "short", long])
    }

    @Test func refusesNamesStataDoesNotAccept() throws {
        for bad in ["first name", "1st", "in", "long", "_n", "str12", String(repeating: "x", count: 33), "a-b"] {
            let d = try Dataset(columns: [.numeric(bad, [1])])
            do {
                _ = try StataWriter.data(for: d, name: "out.dta")
                Issue.record("expected \(bad) to be refused")
            } catch {
                #expect(error.kind == .invalidData)
                #expect(error.message.hasPrefix("Cannot write 'out.dta': variable '\(bad)' is not a valid Stata name"))
            }
        }
        for good in ["q1", "_x", "Вопрос_1", "straw", "str", String(repeating: "x", count: 32)] {
            #expect(throws: Never.self) { try StataWriter.data(for: try Dataset(columns: [.numeric(good, [1])])) }
        }
    }

    @Test func refusesInfiniteValues() throws {
        let d = try Dataset(columns: [.numeric("x", [1, .infinity])])
        #expect(throws: WriteError(.invalidData, "Cannot write 'out.dta': row 2 of variable 'x' holds inf, beyond the largest number Stata stores (±8.988e307); replace it with a missing value.")) {
            try StataWriter.data(for: d, name: "out.dta")
        }
    }

    @Test func aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws {
        let scratch = try StataScratch()
        let path = scratch.path("wave.dta")
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let bad = try Dataset(columns: [.numeric("x", [.infinity])])
        #expect(throws: WriteError.self) { try StataWriter.write(bad, to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["wave.dta"])

        // A destination that cannot be replaced: a directory.
        let dir = scratch.path("folder.dta")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        let good = try Dataset(columns: [.numeric("x", [1])])
        do {
            try StataWriter.write(good, to: dir)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .unwritable)
            #expect(error.message.hasPrefix("Cannot write '\(dir)': "))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == ["folder.dta", "wave.dta"])

        // A folder that does not exist.
        let missing = scratch.path("no/such/folder/wave.dta")
        #expect(throws: WriteError.self) { try StataWriter.write(good, to: missing) }
    }

    @Test func replacesAnExistingFile() throws {
        let scratch = try StataScratch()
        let path = scratch.path("wave.dta")
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try StataWriter.write(try Dataset(columns: [.numeric("x", [1, 2])]), to: path)
        #expect(StataFixtures.numbers(try StataReader.read(path: path), "x") == [1, 2])
    }

    @Test func writesDesignsAsSvysetCharacteristics() throws {
        let designs = [
            DesignSpec(weights: "w"),
            DesignSpec(weights: "w", strata: "s", clusters: ["p", "q"], fpc: ["f1", "f2"], nest: true, lonelyPSU: .certainty),
            DesignSpec(strata: "s", fpc: ["f1"], lonelyPSU: .average),
            DesignSpec(clusters: ["p"], lonelyPSU: .fail),
        ]
        for design in designs {
            var codebook = Codebook()
            codebook.design = design
            let names = ["w", "s", "p", "q", "f1", "f2"]
            let d = try Dataset(columns: names.map { .numeric($0, [1, 2]) }, codebook: codebook)
            let back = try StataReader.read(data: StataWriter.data(for: d), name: "x.dta")
            #expect(back.codebook.design == design)
        }
        // `remove` has no Stata equivalent and is written as `certainty`.
        var codebook = Codebook()
        codebook.design = DesignSpec(clusters: ["p"], lonelyPSU: .remove)
        let d = try Dataset(columns: [.numeric("p", [1])], codebook: codebook)
        #expect(try StataReader.read(data: StataWriter.data(for: d), name: "x.dta").codebook.design?.lonelyPSU == .certainty)
    }

    @Test func skipsLabelsStataCannotHold() throws {
        var meta = VariableMetadata()
        meta.valueLabels = [ValueLabel(code: 1, label: LocalizedText("one")), ValueLabel(code: 1.5, label: LocalizedText("one and a half")),
                            ValueLabel(code: 3e9, label: LocalizedText("three billion"))]
        let d = try Dataset(columns: [.numeric("x", [1, 1.5])], codebook: Codebook(variables: ["x": meta]))
        let back = try StataReader.read(data: StataWriter.data(for: d), name: "x.dta")
        #expect(back.metadata("x").valueLabels == [ValueLabel(code: 1, label: LocalizedText("one"))])
    }

    @Test func cutsLongLabelsAtACharacterBoundary() throws {
        var meta = VariableMetadata(label: LocalizedText(String(repeating: "щ", count: 200)))
        meta.displayFormat = "%8.0g"
        let d = try Dataset(columns: [.numeric("x", [1])], codebook: Codebook(variables: ["x": meta]))
        let back = try StataReader.read(data: StataWriter.data(for: d), name: "x.dta")
        #expect(back.metadata("x").label.text() == String(repeating: "щ", count: 160))
    }

    static func find(_ tag: String, in bytes: [UInt8]) -> Int? {
        let t = Array(tag.utf8)
        guard bytes.count >= t.count else { return nil }
        return (0 ... bytes.count - t.count).first { bytes[$0 ..< $0 + t.count].elementsEqual(t) }
    }

    static func count(_ tag: String, in bytes: [UInt8]) -> Int {
        let t = Array(tag.utf8)
        guard bytes.count >= t.count else { return 0 }
        return (0 ... bytes.count - t.count).filter { bytes[$0 ..< $0 + t.count].elementsEqual(t) }.count
    }
}
