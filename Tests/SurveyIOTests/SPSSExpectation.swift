import Foundation
import SurveyCore
import SurveyIO

/// What pyreadstat read from one fixture (written by conformance/spss-expectations.py), and a
/// comparison of a ``Dataset`` against it.
struct SPSSExpectation {
    let json: [String: Any]

    /// The expectation for the fixture at `relative` (a path under Fixtures/spss).
    init?(fixture relative: String) {
        let name = relative.replacingOccurrences(of: "/", with: "__") + ".json"
        let url = SPSSFixtures.root.appendingPathComponent("expected").appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        json = object
    }

    /// Whether pyreadstat could read the file at all.
    var pyreadstatFailed: Bool { json["pyreadstat"] as? String == "error" }

    /// The SPSS seconds from 1582 to 1970 that Barometer subtracts from dates.
    static let epochOffset = 12_219_379_200.0

    /// 64-bit FNV-1a over each value's UTF-8 and a 0x01 byte; a missing value adds 0x00
    /// (the same checksum the script computes).
    static func fnv1a(_ values: [String?]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for value in values {
            let bytes: [UInt8] = value.map { Array($0.utf8) + [1] } ?? [0]
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The checks that differ, one line each; `skipping` names checks (`format`, `measure`,
    /// `label`, `valueLabels`, `missing`, `data`, `encoding`, `notes`, `mrSets`, `fileLabel`) not
    /// to make, each for a documented reason at the call site.
    /// - Parameter userMissingAsNaN: pyreadstat turned user-missing values into `NaN` (as it
    ///   does for portable files), so Barometer's user-missing values are compared as `NaN`.
    func differences(from dataset: Dataset, skipping: Set<String> = [], userMissingAsNaN: Bool = false) -> [String] {
        var out: [String] = []
        if let rows = json["rows"] as? Int, rows != dataset.rowCount {
            out.append("rows: expected \(rows), read \(dataset.rowCount)")
        }
        let variables = json["variables"] as? [[String: Any]] ?? []
        let expectedNames = variables.compactMap { $0["name"] as? String }
        if expectedNames != dataset.variableNames {
            out.append("names: expected \(expectedNames), read \(dataset.variableNames)")
            return out
        }
        if !skipping.contains("encoding"), let encoding = json["encoding"] as? String,
           Self.encodingKey(encoding) != Self.encodingKey(dataset.codebook.encoding ?? "") {
            out.append("encoding: expected \(encoding), read \(dataset.codebook.encoding ?? "nil")")
        }
        if !skipping.contains("fileLabel") {
            let expected = (json["fileLabel"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            let read = dataset.codebook.fileLabel?.text()
            if expected != read { out.append("file label: expected \(expected ?? "nil"), read \(read ?? "nil")") }
        }
        if !skipping.contains("notes"), let notes = json["notes"] as? [String], notes != dataset.codebook.documents {
            out.append("documents: expected \(notes), read \(dataset.codebook.documents)")
        }
        if !skipping.contains("mrSets"), let sets = json["mrSets"] as? [String: [String: Any]] {
            out += mrSetDifferences(sets, dataset.codebook.multipleResponseSets)
        }
        for v in variables {
            guard let name = v["name"] as? String, var column = try? dataset.column(name) else { continue }
            let meta = dataset.metadata(name)
            if userMissingAsNaN {
                switch column.values {
                case .numeric(let values):
                    column = .numeric(name, values.map { meta.isUserMissing($0) ? .nan : $0 })
                case .categorical(let codes, let levels):
                    column = .categorical(name, codes: codes.map { $0 >= 0 && meta.missingStrings.contains(levels[Int($0)]) ? -1 : $0 }, levels: levels)
                case .text(let values):
                    column = Column(name: name, values: .text(values.map { $0.flatMap { meta.missingStrings.contains($0) ? nil : $0 } }))
                }
            }
            out += variableDifferences(v, column, meta, skipping: skipping).map { "\(name): \($0)" }
        }
        return out
    }

    private func mrSetDifferences(_ expected: [String: [String: Any]], _ read: [MultipleResponseSet]) -> [String] {
        var out: [String] = []
        if Set(expected.keys) != Set(read.map { $0.name.hasPrefix("$") ? String($0.name.dropFirst()) : $0.name }) {
            return ["MR sets: expected \(expected.keys.sorted()), read \(read.map(\.name))"]
        }
        for set in read {
            let key = set.name.hasPrefix("$") ? String(set.name.dropFirst()) : set.name
            guard let e = expected[key] else { continue }
            if let vars = e["variables"] as? [String], vars != set.variables {
                out.append("MR set \(set.name): variables expected \(vars), read \(set.variables)")
            }
            // pyreadstat leaves empty the label of a set labelled by its first variable's label
            // (type E, LABELSOURCE=VARLABEL); Barometer takes that label, as SPSS shows it.
            if let label = e["label"] as? String, label != (set.label.text() ?? ""), !(label.isEmpty && e["type"] as? String == "E") {
                out.append("MR set \(set.name): label expected \(label), read \(set.label.text() ?? "")")
            }
            let counted: String? = { if case .dichotomies(let v) = set.kind { return v }; return nil }()
            let type = e["type"] as? String
            let dichotomy = type == "D" || type == "E"
            if dichotomy != (counted != nil) { out.append("MR set \(set.name): type expected \(type ?? "?")") }
            if let value = e["countedValue"] as? String, dichotomy, value != counted {
                out.append("MR set \(set.name): counted value expected \(value), read \(counted ?? "nil")")
            }
        }
        return out
    }

    private func variableDifferences(_ v: [String: Any], _ column: Column, _ meta: VariableMetadata, skipping: Set<String>) -> [String] {
        var out: [String] = []
        let isString = v["type"] as? String == "string"
        let shift = meta.temporal == .date || meta.temporal == .dateTime ? Self.epochOffset : 0
        if !skipping.contains("format"), let format = v["format"] as? String, format != meta.displayFormat {
            out.append("format expected \(format), read \(meta.displayFormat ?? "nil")")
        }
        if !skipping.contains("label") {
            let expected = (v["label"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            if expected != meta.label.text() { out.append("label expected \(expected ?? "nil"), read \(meta.label.text() ?? "nil")") }
        }
        if !skipping.contains("measure"), let measure = v["measure"] as? String {
            let read = meta.measurement?.rawValue ?? "unknown"
            if measure != read { out.append("measure expected \(measure), read \(read)") }
        }
        if !skipping.contains("valueLabels") {
            let expected = (v["valueLabels"] as? [[Any]] ?? []).map { pair -> String in
                let key = pair.first.map { isString ? "\($0)" : Self.text(($0 as? Double).map { $0 - shift }) } ?? "?"
                return "\(key)=\(pair.last ?? "")"
            }
            let read = meta.valueLabels.map { l in
                "\(isString ? (l.stringCode ?? "?") : Self.text(l.code))=\(l.label.text() ?? "")"
            }
            if expected != read { out.append("value labels expected \(expected), read \(read)") }
        }
        if !skipping.contains("missing") {
            out += missingDifferences(v, meta, isString: isString, shift: shift)
        }
        if !skipping.contains("data") {
            out += dataDifferences(v, column, isString: isString, shift: shift)
        }
        return out
    }

    /// An encoding name without case or punctuation, `CP1252` and `windows-1252` alike.
    static func encodingKey(_ name: String) -> String {
        let key = String(name.lowercased().filter { $0.isLetter || $0.isNumber })
        for prefix in ["windows", "cp", "ibm"] where key.hasPrefix(prefix) && Int(key.dropFirst(prefix.count)) != nil {
            return "cp" + key.dropFirst(prefix.count)
        }
        return key
    }

    /// Equal to within rounding: JSONSerialization may parse the last digit of a double wrongly.
    static func close(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= 1e-13 * max(1, abs(a))
    }

    private static func text(_ x: Double?) -> String {
        guard let x else { return "nil" }
        return x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }

    private static func number(_ any: Any?) -> Double? {
        if let d = any as? Double { return d }
        if let s = any as? String { return s == "inf" ? .infinity : s == "-inf" ? -.infinity : nil }
        return nil
    }

    private func missingDifferences(_ v: [String: Any], _ meta: VariableMetadata, isString: Bool, shift: Double) -> [String] {
        // pyreadstat lists discrete values as ranges with equal ends, and a real range as is.
        var expectedCodes: [String] = []
        var expectedRange: String?
        for range in v["missingRanges"] as? [[Any]] ?? [] {
            if isString {
                expectedCodes.append("\(range[0])")
                continue
            }
            let lo = Self.number(range[0]).map { $0.isInfinite ? $0 : $0 - shift }
            let hi = Self.number(range[1]).map { $0.isInfinite ? $0 : $0 - shift }
            if lo == hi { expectedCodes.append(Self.text(lo)) } else { expectedRange = "\(Self.text(lo))...\(Self.text(hi))" }
        }
        let readCodes = isString ? meta.missingStrings : meta.missingCodes.map { Self.text($0) }
        let readRange = meta.missingRange.map { "\(Self.text($0.lowerBound))...\(Self.text($0.upperBound))" }
        var out: [String] = []
        if expectedCodes.sorted() != readCodes.sorted() { out.append("missing codes expected \(expectedCodes), read \(readCodes)") }
        if expectedRange != readRange { out.append("missing range expected \(expectedRange ?? "nil"), read \(readRange ?? "nil")") }
        return out
    }

    private func dataDifferences(_ v: [String: Any], _ column: Column, isString: Bool, shift: Double) -> [String] {
        var out: [String] = []
        if isString {
            let values: [String?]
            switch column.values {
            case .text(let t): values = t
            case .categorical(let codes, let levels): values = codes.map { $0 < 0 ? nil : levels[Int($0)] }
            case .numeric: return ["expected a string column, read numeric"]
            }
            if let present = v["present"] as? Int, present != values.compactMap({ $0 }).count {
                out.append("present expected \(present), read \(values.compactMap { $0 }.count)")
            }
            let head = (v["head"] as? [Any] ?? []).map { $0 as? String }
            let tail = (v["tail"] as? [Any] ?? []).map { $0 as? String }
            if head != Array(values.prefix(3)) { out.append("head expected \(head), read \(Array(values.prefix(3)))") }
            if tail != Array(values.suffix(3)) { out.append("tail expected \(tail), read \(Array(values.suffix(3)))") }
            if let hash = v["fnv1a"] as? String, hash != Self.fnv1a(values) { out.append("string checksum differs") }
            return out
        }
        guard case .numeric(let values) = column.values else { return ["expected a numeric column, read \(column.typeName)"] }
        let raw = values.map { $0.isNaN ? $0 : $0 + shift }
        if let missing = v["missing"] as? Int, missing != raw.filter(\.isNaN).count {
            out.append("missing expected \(missing), read \(raw.filter(\.isNaN).count)")
        }
        let finite = raw.filter { !$0.isNaN }
        if let sum = v["sum"] as? Double {
            let read = finite.reduce(0, +)
            if abs(read - sum) > 1e-9 * max(1, abs(sum)) { out.append("sum expected \(sum), read \(read)") }
        }
        if let min = v["min"] as? Double, !Self.close(min, finite.min() ?? .nan) { out.append("min expected \(min), read \(finite.min() ?? .nan)") }
        if let max = v["max"] as? Double, !Self.close(max, finite.max() ?? .nan) { out.append("max expected \(max), read \(finite.max() ?? .nan)") }
        func same(_ e: [Any], _ r: ArraySlice<Double>) -> Bool {
            e.count == r.count && zip(e, r).allSatisfy { x, y in
                if let x = Self.number(x) { return Self.close(x, y) }
                return y.isNaN
            }
        }
        if !same(v["head"] as? [Any] ?? [], raw.prefix(3)) { out.append("head expected \(v["head"] ?? ""), read \(Array(raw.prefix(3)))") }
        if !same(v["tail"] as? [Any] ?? [], raw.suffix(3)) { out.append("tail expected \(v["tail"] ?? ""), read \(Array(raw.suffix(3)))") }
        return out
    }
}
