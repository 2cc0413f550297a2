import SurveyCore
import Testing

/// Labels and user-missing codes of text levels (a CSV column of codes that also holds text,
/// an SPSS string variable) reach the estimates.
@Suite("Codebook labels of text levels")
struct CodebookLevelLabelTests {
    private func dataset(_ metadata: VariableMetadata) throws -> Dataset {
        var d = try Dataset(columns: [.categorical("q", strings: ["1", "2", "98", "1", "x", nil])])
        d.codebook["q"] = metadata
        return d
    }

    private func levels(_ d: Dataset, missing: MissingPolicy = .include, language: String = "en") throws -> [String] {
        let result = try AnalysisEngine.run(
            AnalysisRequest(measures: [Measure(.proportion, "q")], options: AnalysisOptions(missing: missing, language: language)),
            on: d)
        return result.rows.compactMap(\.level)
    }

    @Test func numericCodesLabelLevelsThatSpellThem() throws {
        var meta = VariableMetadata(valueLabels: [
            ValueLabel(code: 1, label: LocalizedText(["en": "Yes", "ru": "Да"])),
            ValueLabel(code: 98, label: LocalizedText("Don't know")),
        ], missingCodes: [98])
        meta.measurement = .nominal
        let d = try dataset(meta)
        #expect(try levels(d) == ["Yes", "2", "Don't know", "x"])
        #expect(try levels(d, language: "ru") == ["Да", "2", "Don't know", "x"])
        #expect(try levels(d, missing: .exclude) == ["Yes", "2", "x"])
    }

    @Test func stringCodesAndMissingStrings() throws {
        var meta = VariableMetadata(valueLabels: [ValueLabel(stringCode: "x", label: LocalizedText("Other"))])
        meta.missingStrings = ["x"]
        let d = try dataset(meta)
        #expect(try levels(d) == ["1", "2", "98", "Other"])
        #expect(try levels(d, missing: .exclude) == ["1", "2", "98"])
    }

    @Test func filterMatchesAStringLabel() throws {
        let d = try dataset(VariableMetadata(valueLabels: [ValueLabel(stringCode: "x", label: LocalizedText("Other"))]))
        let mask = try FilterExpression(parsing: "q == 'Other'").evaluate(on: d)
        #expect(mask == [false, false, false, false, true, false])
    }

    @Test func stringValueLabelsAreEqualDespiteTheirNaNCode() {
        #expect(ValueLabel(stringCode: "a", label: LocalizedText("A")) == ValueLabel(stringCode: "a", label: LocalizedText("A")))
        #expect(ValueLabel(stringCode: "a", label: LocalizedText("A")) != ValueLabel(stringCode: "b", label: LocalizedText("A")))
        #expect(ValueLabel(code: 1, label: LocalizedText("A")) != ValueLabel(stringCode: "1", label: LocalizedText("A")))
    }
}
