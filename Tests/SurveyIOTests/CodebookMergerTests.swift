import Foundation
import SurveyCore
import SurveyIO
import Testing

private func document(_ yaml: String) throws -> CodebookDocument {
    try CodebookYAML.read(string: yaml, name: "cb.yaml")
}

/// A dataset as an SPSS file would give it: English and Russian labels, 98 and 99 missing.
private func savLike() throws -> Dataset {
    var dataset = try Dataset(columns: [
        .numeric("q1", [1, 2, 98, 1, .nan]),
        .categorical("region", strings: ["01", "02", "01", "DK", nil]),
        .numeric("indwt", [1, 1, 1, 1, 1]),
        .numeric("psu", [1, 1, 2, 2, 3]),
    ])
    dataset.codebook["q1"] = VariableMetadata(
        label: LocalizedText(["en": "Opinion of Russia", "ru": "Мнение о России"]),
        valueLabels: [
            ValueLabel(code: 1, label: LocalizedText(["en": "Favourable", "ru": "Хорошее"])),
            ValueLabel(code: 2, label: LocalizedText(["en": "Unfavourable", "ru": "Плохое"])),
        ],
        missingCodes: [98, 99], measurement: .ordinal)
    dataset.codebook.fileLabel = LocalizedText(["en": "Barometer"])
    dataset.codebook.documents = ["From SPSS."]
    dataset.codebook.encoding = "windows-1251"
    return dataset
}

private func applyMessage(_ yaml: String, to dataset: Dataset) -> String? {
    do {
        _ = try CodebookMerger.apply(try document(yaml), to: dataset, dataName: "data.sav")
        return nil
    } catch let error as ReadError {
        return error.message
    } catch {
        return "\(error)"
    }
}

@Suite("Codebook merge")
struct CodebookMergerTests {
    @Test func addsALanguageWithoutDroppingOthers() throws {
        let yaml = """
            title: {kk: Барометр}
            variables:
              q1:
                label: {kk: Ресей туралы пікір}
                values:
                  1: {kk: Жақсы}
                  2: {en: Rather unfavourable, kk: Жаман}
            """
        let merged = try CodebookMerger.apply(try document(yaml), to: try savLike(), dataName: "data.sav")
        let q1 = try #require(merged.codebook["q1"])
        #expect(q1.label.texts == ["en": "Opinion of Russia", "ru": "Мнение о России", "kk": "Ресей туралы пікір"])
        #expect(q1.valueLabels.map(\.label.texts) == [
            ["en": "Favourable", "ru": "Хорошее", "kk": "Жақсы"],
            ["en": "Rather unfavourable", "ru": "Плохое", "kk": "Жаман"],
        ])
        #expect(q1.missingCodes == [98, 99], "missing codes are kept when the YAML says nothing of them")
        #expect(q1.measurement == .ordinal)
        #expect(merged.codebook.fileLabel?.texts == ["en": "Barometer", "kk": "Барометр"])
        #expect(merged.codebook.documents == ["From SPSS."])
        #expect(merged.codebook.encoding == "windows-1251")
    }

    @Test func newCodesAreAppendedAndGivenFieldsReplace() throws {
        let yaml = """
            documents: [From SPSS., Translated.]
            encoding: UTF-8
            variables:
              q1:
                measurement: nominal
                values:
                  98: {en: Don't know}
                missing: [98]
                missing-range: [900, 999]
            """
        let merged = try CodebookMerger.apply(try document(yaml), to: try savLike(), dataName: "data.sav")
        let q1 = try #require(merged.codebook["q1"])
        #expect(q1.valueLabels.map(\.code) == [1, 2, 98])
        #expect(q1.missingCodes == [98])
        #expect(q1.missingRange == 900...999)
        #expect(q1.measurement == .nominal)
        #expect(merged.codebook.documents == ["From SPSS.", "Translated."])
        #expect(merged.codebook.encoding == "windows-1251", "the data's own encoding is a fact about the file")
    }

    @Test func textColumnCodesMatchStoredTexts() throws {
        let yaml = """
            variables:
              region:
                values:
                  01: {en: Almaty}
                  2: {en: Astana}
                  "DK": {en: Don't know}
                missing: [DK]
            """
        let merged = try CodebookMerger.apply(try document(yaml), to: try savLike(), dataName: "data.sav")
        let region = try #require(merged.codebook["region"])
        #expect(region.valueLabels.map(\.stringCode) == ["01", "2", "DK"],
                "'01' as written matches the level; 2 matches no level '2' nor '02', so it stays as written")
        #expect(region.missingStrings == ["DK"])
        #expect(region.label(ofLevel: "01") == "Almaty")
    }

    @Test func numericCodesOfATextColumnMatchTheirCanonicalText() throws {
        let dataset = try Dataset(columns: [.categorical("q", strings: ["1", "2", "98", "x"])])
        let merged = try CodebookMerger.apply(
            try document("variables:\n  q:\n    values: {1.0: {en: One}, 98: {en: DK}}\n    missing: [98]\n"),
            to: dataset, dataName: "d.csv")
        #expect(merged.codebook["q"]?.valueLabels.map(\.stringCode) == ["1", "98"])
        #expect(merged.codebook["q"]?.missingStrings == ["98"])
    }

    @Test func designAndSetsAreApplied() throws {
        let yaml = """
            design: {weight: indwt, cluster: psu}
            multiple-response:
              regions: {type: categories, variables: [region]}
            """
        let merged = try CodebookMerger.apply(try document(yaml), to: try savLike(), dataName: "data.sav")
        #expect(merged.codebook.design == DesignSpec(weights: "indwt", clusters: ["psu"]))
        #expect(merged.codebook.multipleResponseSets.map(\.name) == ["regions"])
    }

    @Test func absentVariableGetsSuggestions() throws {
        #expect(applyMessage("variables:\n  q01: {label: x}\n", to: try savLike())
            == "Cannot apply codebook 'cb.yaml', line 2: variable 'q01' is not in 'data.sav'; did you mean 'q1'?")
        #expect(applyMessage("variables:\n  zzzzzz: {label: x}\n", to: try savLike())
            == "Cannot apply codebook 'cb.yaml', line 2: variable 'zzzzzz' is not in 'data.sav'; correct the name or remove it from the codebook (`barometer codebook data.sav` lists the variables).")
        #expect(applyMessage("variables:\n  q01: {}\n  regoin: {}\n  zzzzzz: {}\n", to: try savLike())
            == "Cannot apply codebook 'cb.yaml': 3 variables are not in 'data.sav': 'q01' (line 2; did you mean 'q1'?), 'regoin' (line 3; did you mean 'region'?), 'zzzzzz' (line 4); correct the names or remove them from the codebook.")
    }

    @Test func textCodeForANumericColumn() throws {
        #expect(applyMessage("variables:\n  q1:\n    values:\n      DK: Don't know\n", to: try savLike())
            == "Cannot apply codebook 'cb.yaml', line 4: the code 'DK' of 'q1' is not a number, but 'q1' is numeric in 'data.sav'; write the stored number, e.g. `1: {en: DK}`.")
        #expect(applyMessage("variables:\n  q1: {missing: [DK]}\n", to: try savLike())?
            .contains("the missing code 'DK' of 'q1' is not a number, but 'q1' is numeric in 'data.sav'") == true)
    }

    @Test func declaredNumericButTextInTheData() throws {
        #expect(applyMessage("variables:\n  region: {type: numeric}\n", to: try savLike())
            == "Cannot apply codebook 'cb.yaml', line 2: 'region' is declared `type: numeric`, but it is categorical in 'data.sav' (it holds values such as 'DK'); correct the values that are not numbers in the data, or change the type.")
    }

    @Test func rangeAndTemporalNeedNumbers() throws {
        #expect(applyMessage("variables:\n  region:\n    missing-range: [90, 99]\n", to: try savLike())
            == "Cannot apply codebook 'cb.yaml', line 3: 'region' is categorical in 'data.sav', so a missing range does not apply; list its user-missing values under `missing:`.")
        #expect(applyMessage("variables:\n  region: {temporal: date}\n", to: try savLike())
            == "Cannot apply codebook 'cb.yaml', line 2: 'region' is categorical in 'data.sav', so it cannot hold date values; remove `temporal:` or store the values as numbers.")
    }

    @Test func designAndSetVariablesMustExist() throws {
        #expect(applyMessage("design:\n  weight: indwgt\n", to: try savLike())
            == "Cannot apply codebook 'cb.yaml', line 2: the design names variable 'indwgt', which is not in 'data.sav'; did you mean 'indwt'?")
        #expect(applyMessage("multiple-response:\n  m: {type: categories, variables: [region, regio2]}\n", to: try savLike())
            == "Cannot apply codebook 'cb.yaml', line 2: the multiple-response set 'm' names variable 'regio2', which is not in 'data.sav'; did you mean 'region'?")
    }
}
