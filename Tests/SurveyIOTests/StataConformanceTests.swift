import Foundation
import Testing
import SurveyCore
import SurveyIO

/// Every fixture read by Barometer agrees with what pyreadstat (or pandas, where pyreadstat
/// fails) reads from it; `conformance/stata-expectations.py` wrote the expectations.
///
/// Known disagreements, each checked as such rather than skipped:
/// - `%tC` date-times: pyreadstat ignores leap seconds; Barometer removes them, so its seconds
///   are smaller by the leap seconds elapsed (0 to 27).
/// - `%tcHH:MM` variables whose values carry a date: pyreadstat keeps the time of day only;
///   Barometer keeps the whole date-time.
/// - Infinite doubles (outside Stata's range): pyreadstat returns ±inf, Barometer `.`.
/// - Formats 104 and 105 stored `.` in a double as 2³³³; pyreadstat reads the number, Barometer
///   (like pandas) reads `.`.
/// - Format-117 text that is valid UTF-8 (saved by Stata 14 with `saveold`): pyreadstat decodes
///   it as windows-1252 ("â€¦"), Barometer as UTF-8 ("…").
/// - Date formats pyreadstat leaves as numbers (`%tw`, `%tm`, `%tq`, `%th`, `%dD_m_Y`) are
///   compared with pandas' conversion instead.
/// - Labelled codes of date variables move with the values (seconds); only their texts are
///   compared.
/// - Binary strLs (`readstata13/stata_strl.dta`, which pyreadstat cannot read) are checked by
///   hand in ``StataReaderTests``.
@Suite struct StataConformanceTests {
    @Test(arguments: StataFixtures.expectationFiles)
    func agreesWithIndependentReader(_ file: String) throws {
        let expected = try StataExpectation.load(try StataFixtures.bytes("expected/\(file)"))
        let relative = try #require(expected["file"].string)
        let dataset = try StataFixtures.read(relative)
        let reader = expected["reader"].string ?? "?"

        #expect(dataset.rowCount == expected["rows"].int, "\(relative): rows")
        let columns = expected["columns"].array ?? []
        #expect(dataset.variableNames == columns.compactMap { $0["name"].string }, "\(relative): names")

        if let label = expected["fileLabel"].string {
            #expect(dataset.codebook.fileLabel.map { Self.contains($0, label) } == true, "\(relative): file label \(label)")
        } else {
            #expect(dataset.codebook.fileLabel == nil, "\(relative): no file label")
        }
        for note in expected["notes"].array ?? [] {
            #expect(dataset.codebook.documents.contains(note.string ?? ""), "\(relative): note \(note)")
        }

        for column in columns {
            guard let name = column["name"].string, dataset.hasVariable(name) else { continue }
            let meta = dataset.metadata(name)
            let context = "\(relative) [\(reader)] variable \(name)"
            #expect(meta.displayFormat == column["format"].string, "\(context): format")
            if let label = column["label"].string {
                #expect(Self.contains(meta.label, label), "\(context): label \(label) vs \(meta.label.texts)")
            }
            checkValueLabels(column["valueLabels"].array ?? [], meta: meta, context: context)
            if relative == "readstata13/stata_strl.dta", column["kind"].string == "text" { continue }
            let col = try dataset.column(name)
            if let values = column["values"].array {
                checkValues(values, column: column, against: col, meta: meta, context: context)
            } else if let summary = column["summary"].object {
                checkSummary(summary, kind: column["kind"].string ?? "numeric", against: col, context: context)
            }
        }
    }

    /// Whether `text` holds `label` in some language, allowing for pyreadstat's windows-1252
    /// reading of UTF-8 in format 117.
    static func contains(_ text: LocalizedText, _ label: String) -> Bool {
        text.texts.values.contains(label) || text.texts.values.contains(Self.repairingMojibake(label))
    }

    /// UTF-8 that was decoded as windows-1252, decoded again as UTF-8 (unchanged when it is not).
    static func repairingMojibake(_ s: String) -> String {
        let table: [UInt32: UInt8] = [
            0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
            0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
            0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
            0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
        ]
        var bytes: [UInt8] = []
        for scalar in s.unicodeScalars {
            if scalar.value < 0x100 { bytes.append(UInt8(scalar.value)) }
            else if let b = table[scalar.value] { bytes.append(b) }
            else { return s }
        }
        return String(validating: bytes, as: UTF8.self) ?? s
    }

    /// Every label the reference gives is there; extra labels are only the `.a`-style names of
    /// unlabelled extended missing codes.
    private func checkValueLabels(_ expected: [StataExpectation], meta: VariableMetadata, context: String) {
        if meta.temporal != nil {
            let texts = Set(meta.valueLabels.flatMap { $0.label.texts.values })
            for pair in expected {
                let text = pair.array?.last?.string ?? ""
                #expect(texts.contains(text), "\(context): date label \(text)")
            }
            return
        }
        var matched = Set<Double>()
        for pair in expected {
            guard let parts = pair.array, parts.count == 2, let text = parts[1].string, let code = Self.code(parts[0]) else {
                Issue.record("\(context): bad value label \(pair)")
                continue
            }
            let found = meta.valueLabels.first { $0.code == code }
            #expect(found.map { Self.contains($0.label, text) } == true, "\(context): label of \(code) should be \(text), is \(String(describing: found?.label.texts))")
            matched.insert(code)
        }
        for label in meta.valueLabels where !matched.contains(label.code) {
            let letter = StataMissingValues.letter(for: label.code)
            #expect(letter.map { label.label.texts.values.contains(".\($0)") } == true, "\(context): unexpected label \(label)")
        }
    }

    /// A number, or the code of ".a" … ".z".
    private static func code(_ value: StataExpectation) -> Double? {
        if let s = value.string, s.hasPrefix("."), let letter = s.dropFirst().first { return StataMissingValues.code(for: letter) }
        return value.number
    }

    private func checkValues(_ values: [StataExpectation], column: StataExpectation, against col: Column, meta: VariableMetadata, context: String) {
        #expect(values.count == col.count, "\(context): count")
        let kind = column["kind"].string ?? "numeric"
        let format = column["format"].string ?? ""
        switch col.values {
        case .text(let texts):
            for (i, v) in values.enumerated() where i < texts.count {
                let want = v.string
                #expect(texts[i] == want || texts[i] == want.map(Self.repairingMojibake), "\(context) row \(i + 1): \(String(describing: texts[i])) vs \(v)")
            }
        case .numeric(let numbers):
            let pandas = column["pandasSeconds"].array
            for (i, v) in values.enumerated() where i < numbers.count {
                let ours = numbers[i]
                let where_ = "\(context) row \(i + 1)"
                var want: Double?
                if let pandas, meta.temporal != nil, i < pandas.count {
                    want = pandas[i].number
                } else if let s = v.string {
                    if s == "inf" || s == "-inf" {
                        #expect(ours.isNaN, "\(where_): an infinity outside Stata's range reads as missing")
                        continue
                    }
                    want = Self.code(v)
                } else {
                    want = v.number
                }
                guard let want else {
                    #expect(ours.isNaN, "\(where_): \(ours) should be missing")
                    continue
                }
                if want == 0x1p333, ours.isNaN {
                    continue  // `.` of a format-104/105 double, which pyreadstat reads as 2^333
                }
                if format.hasPrefix("%tC") || format.hasPrefix("%-tC"), kind == "datetime" {
                    let leap = want - ours
                    #expect(leap >= 0 && leap <= 27 && leap == leap.rounded(), "\(where_): %tC \(ours) vs \(want) (leap seconds only)")
                } else if kind == "time", meta.temporal == .dateTime {
                    #expect(abs(Self.timeOfDay(ours) - want) < 1e-3, "\(where_): time of day of \(ours) vs \(want)")
                } else if kind == "datetime" || kind == "time" {
                    #expect(abs(ours - want) < 1e-3, "\(where_): \(ours) vs \(want)")
                } else {
                    #expect(ours == want || abs(ours - want) <= 1e-9 * abs(want), "\(where_): \(ours) vs \(want)")
                }
            }
        case .categorical:
            Issue.record("\(context): a Stata variable should never be categorical")
        }
    }

    private static func timeOfDay(_ seconds: Double) -> Double {
        seconds - (seconds / 86_400).rounded(.down) * 86_400
    }

    private func checkSummary(_ summary: [String: StataExpectation], kind: String, against col: Column, context: String) {
        #expect(summary["count"]?.int == col.count, "\(context): count")
        let first = summary["first"]?.array ?? []
        switch col.values {
        case .text(let texts):
            let present = texts.compactMap { $0 }
            #expect(summary["nonMissing"]?.int == present.count, "\(context): non-missing")
            #expect(summary["utf8Bytes"]?.int == present.reduce(0) { $0 + $1.utf8.count }, "\(context): bytes")
            #expect(Array(texts.prefix(first.count)) == first.map(\.string), "\(context): first values")
        case .numeric(let numbers):
            #expect(summary["missing"]?.int == numbers.filter(\.isNaN).count, "\(context): missing")
            var extended: [String: Int] = [:]
            var sum = 0.0
            var compensation = 0.0
            for v in numbers where !v.isNaN {
                if let letter = StataMissingValues.letter(for: v) {
                    extended[String(letter), default: 0] += 1
                } else {
                    // pyreadstat reads a time-of-day variable as times of day only.
                    let y = (kind == "time" ? Self.timeOfDay(v) : v) - compensation
                    let t = sum + y
                    compensation = (t - sum) - y
                    sum = t
                }
            }
            let want = (summary["extended"]?.object ?? [:]).compactMapValues(\.int)
            #expect(extended == want, "\(context): extended missing counts \(extended) vs \(want)")
            let expectedSum = summary["sum"]?.number ?? .nan
            #expect(abs(sum - expectedSum) <= 1e-9 * max(1, abs(expectedSum)), "\(context): sum \(sum) vs \(expectedSum)")
            for (i, v) in first.enumerated() where i < numbers.count {
                guard let n = v.number else { continue }
                let ours = kind == "time" ? Self.timeOfDay(numbers[i]) : numbers[i]
                #expect(abs(ours - n) <= 1e-6 * max(1, abs(n)), "\(context): value \(i + 1): \(ours) vs \(n)")
            }
        case .categorical:
            Issue.record("\(context): a Stata variable should never be categorical")
        }
    }
}
