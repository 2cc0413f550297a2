import Foundation
import SurveyCore
import Testing
@testable import Reports

/// Top-level and nested member names in the order they appear in the text.
private func keys(in json: String, indent: Int) -> [String] {
    let prefix = String(repeating: " ", count: indent) + "\""
    return json.split(separator: "\n").compactMap { line -> String? in
        guard line.hasPrefix(prefix), !line.dropFirst(prefix.count).hasPrefix(" ") else { return nil }
        return String(line.dropFirst(prefix.count).prefix { $0 != "\"" })
    }
}

private func parse(_ json: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
    return try #require(object as? [String: Any])
}

@Suite struct JSONRendererTests {
    @Test func topLevelKeysFollowTheResultFormat() throws {
        let json = ResultRenderer().render(SampleResults.means, as: .json)
        #expect(keys(in: json, indent: 2) == ["barometer", "design", "rows", "tests", "warnings"])
        let object = try parse(json)
        #expect(object["barometer"] as? Int == 1)
        #expect(object["request"] == nil)
    }

    @Test func provenanceComesLastWhenPresentAndRequestIsLeftOut() throws {
        var result = SampleResults.proportions
        result.request = AnalysisRequest(measures: [Measure(.proportion, "stype")])
        let json = ResultRenderer().render(result, as: .json)
        #expect(keys(in: json, indent: 2) == ["barometer", "design", "rows", "tests", "warnings", "provenance"])
        let provenance = try #require(try parse(json)["provenance"] as? [String: Any])
        #expect(provenance["file"] as? String == "data/apistrat.csv")
        #expect(json.contains("\"data/apistrat.csv\""))  // slashes are not escaped
    }

    @Test func designAndRowMembersKeepTheirEncodedOrder() throws {
        let json = ResultRenderer().render(SampleResults.means, as: .json)
        #expect(keys(in: json, indent: 4) == [
            "weights", "strata", "clusters", "fpc", "nest", "lonelyPSU", "degreesOfFreedom", "respondents",
            "strataCount", "psuCount",
        ])
        let firstRow = keys(in: json, indent: 6).prefix(12)
        #expect(Array(firstRow) == [
            "variable", "statistic", "domain", "level", "code", "estimate", "standardError", "ci", "designEffect",
            "degreesOfFreedom", "unweightedCount", "weightedCount",
        ])
    }

    @Test func domainKeysKeepTheOrderOfTheBreakdown() throws {
        let json = ResultRenderer().render(SampleResults.proportions, as: .json)
        let schWide = try #require(json.range(of: "\"sch.wide\": \"No\""))
        let region = try #require(json.range(of: "\"region\": \"Север\""))
        #expect(schWide.lowerBound < region.lowerBound)
    }

    @Test func numbersRoundTripExactly() throws {
        let tricky = [0.1 + 0.2, 1.0 / 3.0, 648.8733333333333, 4874.0, 1e-7, 123456789.123456789, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -2.5]
        let rows = tricky.map {
            ResultRow(variable: "x", statistic: .mean, estimate: $0, standardError: $0, ci: nil,
                      unweightedCount: 1, weightedCount: $0)
        }
        let json = ResultRenderer().render(AnalysisResult(design: SampleResults.stratified, rows: rows), as: .json)
        // JSONSerialization on Linux may round the last digit; JSONDecoder and Double(String) do not.
        let decoded = try JSONDecoder().decode(AnalysisResult.self, from: Data(json.utf8))
        #expect(decoded.rows.map(\.estimate) == tricky)
        #expect(decoded.rows.map(\.weightedCount) == tricky)
        let texts = json.split(separator: "\n").filter { $0.contains("\"estimate\": ") }
            .map { $0.split(separator: ": ")[1].dropLast() }
        #expect(texts.map { Double(String($0)) } == tricky)
        #expect(json.contains("\"weightedCount\": 4874.0"))
    }

    @Test func missingNumbersAreNullAndNeverNaN() throws {
        var result = SampleResults.proportions
        result.rows[0].estimate = .nan
        result.rows[0].designEffect = .infinity
        let json = ResultRenderer().render(result, as: .json)
        #expect(!json.lowercased().contains(": nan") && !json.lowercased().contains(": inf"))
        let rows = try #require(try parse(json)["rows"] as? [[String: Any]])
        #expect(rows[0]["estimate"] is NSNull)
        #expect(rows[0]["designEffect"] is NSNull)
        #expect(rows[1]["standardError"] is NSNull)
        #expect(rows[1]["ci"] is NSNull)
    }

    @Test func resultDecodesBackToTheSameValue() throws {
        let json = ResultRenderer().render(SampleResults.crosstab, as: .json)
        var expected = SampleResults.crosstab
        expected.request = nil
        let decoded = try JSONDecoder().decode(AnalysisResult.self, from: Data(json.utf8))
        #expect(decoded == expected)
    }

    @Test func testsCarryTheirDegreesOfFreedom() throws {
        let json = ResultRenderer().render(SampleResults.crosstab, as: .json)
        let tests = try #require(try parse(json)["tests"] as? [[String: Any]])
        #expect(tests.first?["name"] as? String == "rao-scott-f")
        #expect((tests.first?["df"] as? [NSNumber])?.map(\.doubleValue) == [1.4921, 20.93])
        #expect(json.contains("\"df\": [1.4921, 20.93]"))
    }

    @Test func stringsAreEscaped() throws {
        let text = try OrderedJSONEncoder(prettyPrinted: false).encode(["a\"b\\c\nd\te\u{01}/Ж"])
        #expect(text == #"["a\"b\\c\nd\te\u0001/Ж"]"#)
    }

    @Test func compactOutputKeepsOrder() throws {
        struct Point: Encodable {
            var z = 1, a = 2
            var label: String? = nil
        }
        #expect(try OrderedJSONEncoder(prettyPrinted: false).encode(Point()) == #"{"z":1,"a":2}"#)
        #expect(try OrderedJSONEncoder().encode([String: Int]()) == "{}")
    }
}
