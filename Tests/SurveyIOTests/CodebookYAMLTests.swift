import Foundation
import SurveyCore
import SurveyIO
import Testing

private func read(_ yaml: String) throws(ReadError) -> CodebookDocument {
    try CodebookYAML.read(string: yaml, name: "cb.yaml")
}

private func message(_ yaml: String) -> String? {
    do {
        _ = try read(yaml)
        return nil
    } catch {
        return error.message
    }
}

private let sample = """
    title: {en: Central Asia Barometer, ru: Центральноазиатский барометр, kk: Орталық Азия барометрі}
    encoding: UTF-8
    documents:
      - Wave 12, fieldwork May 2023.
    design:
      weight: indwt
      strata: substratum
      cluster: psu
    multiple-response:
      media:
        label: {en: News sources}
        type: dichotomies
        counted: 1
        variables: [m1, m2]
    variables:
      q1:
        label: {en: "Opinion of Russia", ru: "Мнение о России", kk: "Ресей туралы пікір"}
        measurement: ordinal
        values:
          1: {en: Very favourable, ru: Очень хорошее}
          2: Somewhat favourable
          98: {en: Don't know}
          99: {en: No}
        missing: [98, 99]
      region:
        type: categorical
        values:
          "01": {en: Almaty}
          yes: {en: Astana}
        missing: DK
      income:
        missing-range: [lo, -1]
        temporal: date
        format: F8.2
    """

@Suite("Codebook YAML: reading")
struct CodebookYAMLReadingTests {
    @Test func readsEveryPartOfTheSample() throws {
        let document = try read(sample)
        let cb = document.codebook
        #expect(document.variableNames == ["q1", "region", "income"])
        #expect(document.line(ofVariable: "q1") == 16)
        #expect(cb.fileLabel?.texts["ru"] == "Центральноазиатский барометр")
        #expect(cb.encoding == "UTF-8")
        #expect(cb.documents == ["Wave 12, fieldwork May 2023."])
        #expect(cb.design == DesignSpec(weights: "indwt", strata: "substratum", clusters: ["psu"]))
        #expect(cb.multipleResponseSets == [
            MultipleResponseSet(name: "media", label: LocalizedText("News sources"), kind: .dichotomies(countedValue: "1"),
                                variables: ["m1", "m2"]),
        ])

        let q1 = try #require(cb["q1"])
        #expect(q1.label.texts == ["en": "Opinion of Russia", "ru": "Мнение о России", "kk": "Ресей туралы пікір"])
        #expect(q1.measurement == .ordinal)
        #expect(q1.valueLabels.map(\.code) == [1, 2, 98, 99])
        #expect(q1.valueLabels[1].label == LocalizedText("Somewhat favourable"))
        #expect(q1.label(ofCode: 1, language: "ru") == "Очень хорошее")
        #expect(q1.label(ofCode: 99) == "No", "a YAML 1.1 boolean word stays text")
        #expect(q1.missingCodes == [98, 99])

        let region = try #require(cb["region"])
        #expect(region.valueLabels.map(\.stringCode) == ["01", "yes"])
        #expect(region.missingStrings == ["DK"])

        let income = try #require(cb["income"])
        #expect(income.missingRange == -Double.infinity ... -1)
        #expect(income.temporal == .date)
        #expect(income.displayFormat == "F8.2")
    }

    @Test func plainTextIsInTheFilesLanguage() throws {
        let cb = try read("language: ru\nvariables:\n  q1:\n    label: Мнение о России\n    values: {1: Хорошее}\n").codebook
        #expect(cb["q1"]?.label.texts == ["ru": "Мнение о России"])
        #expect(cb["q1"]?.valueLabels.first?.label.texts == ["ru": "Хорошее"])
    }

    @Test func emptyTranslationsAreSkipped() throws {
        let cb = try read("variables:\n  q1:\n    label: {en: Opinion, ru: '', kk: ~}\n").codebook
        #expect(cb["q1"]?.label.texts == ["en": "Opinion"])
    }

    @Test func aVariableWithNothingIsListed() throws {
        let document = try read("variables:\n  q1:\n  q2: {}\n")
        #expect(document.variableNames == ["q1", "q2"])
        #expect(document.codebook["q1"] == VariableMetadata())
    }

    @Test func quotedNumbersAreNumericCodesOfANumericVariable() throws {
        let cb = try read("variables:\n  q1:\n    type: numeric\n    values: {\"1\": Yes}\n    missing: [\"9\"]\n").codebook
        #expect(cb["q1"]?.valueLabels.first?.code == 1)
        #expect(cb["q1"]?.valueLabels.first?.stringCode == nil)
        #expect(cb["q1"]?.missingCodes == [9])
    }

    @Test func designListsAndPolicy() throws {
        let cb = try read("design: {cluster: [psu, ssu], fpc: [n1, n2], nest: yes, lonely-psu: adjust}\n").codebook
        #expect(cb.design == DesignSpec(clusters: ["psu", "ssu"], fpc: ["n1", "n2"], nest: true, lonelyPSU: .adjust))
    }

    @Test func categoriesSet() throws {
        let cb = try read("multiple-response:\n  why: {type: categories, variables: [r1, r2]}\n").codebook
        #expect(cb.multipleResponseSets.first?.kind == .categories)
    }
}

@Suite("Codebook YAML: round trip")
struct CodebookYAMLRoundTripTests {
    static func richCodebook() -> Codebook {
        var q1 = VariableMetadata(
            label: LocalizedText(["en": "Opinion of Russia", "ru": "Мнение о России", "kk": "Ресей туралы пікір"]),
            valueLabels: [
                ValueLabel(code: 1, label: LocalizedText(["en": "Very favourable", "ru": "Очень хорошее"])),
                ValueLabel(code: 2.5, label: LocalizedText(["en": "Half: \"so-so\", {odd}"])),
                ValueLabel(code: -1, label: LocalizedText(["en": "No"])),
                ValueLabel(code: 98, label: LocalizedText(["en": "Don't know"])),
            ],
            missingCodes: [98, 99], missingRange: 900...999, measurement: .ordinal)
        q1.displayFormat = "F8.2"
        var region = VariableMetadata(
            label: LocalizedText("Region"),
            valueLabels: [
                ValueLabel(stringCode: "01", label: LocalizedText(["en": "Almaty", "kk": "Алматы"])),
                ValueLabel(stringCode: "yes", label: LocalizedText("Astana")),
                ValueLabel(stringCode: " padded ", label: LocalizedText("")),
            ])
        region.missingStrings = ["DK", "true"]
        region.stringWidth = 8
        var date = VariableMetadata(label: LocalizedText("Interview date"), missingRange: -Double.infinity ... 0)
        date.temporal = .dateTime
        var codebook = Codebook(variables: ["q1": q1, "region": region, "date": date, "plain": VariableMetadata()])
        codebook.fileLabel = LocalizedText(["en": "Central Asia Barometer", "ru": "Барометр"])
        codebook.documents = ["Wave 12.", "Line one\nline two\n", "  spaced  "]
        codebook.encoding = "windows-1251"
        codebook.design = DesignSpec(weights: "indwt", strata: "substratum", clusters: ["psu", "ssu"], fpc: ["n1"],
                                     nest: true, lonelyPSU: .average)
        codebook.multipleResponseSets = [
            MultipleResponseSet(name: "media", label: LocalizedText(["en": "News", "ru": "Новости"]),
                                kind: .dichotomies(countedValue: "1"), variables: ["q1", "region"]),
            MultipleResponseSet(name: "why", label: LocalizedText(), kind: .categories, variables: ["plain"]),
        ]
        return codebook
    }

    @Test func writeThenReadGivesTheSameCodebook() throws {
        var original = Self.richCodebook()
        let yaml = try CodebookYAML.string(for: original)
        let back = try CodebookYAML.read(string: yaml, name: "out.yaml").codebook
        // A value label without text has nothing to write.
        original["region"]?.valueLabels.removeLast()
        #expect(back["q1"] == original["q1"])
        #expect(back["region"]?.valueLabels == original["region"]?.valueLabels)
        #expect(back["region"]?.missingStrings == original["region"]?.missingStrings)
        #expect(back["date"] == original["date"])
        #expect(back["plain"] == original["plain"])
        #expect(back.fileLabel == original.fileLabel)
        #expect(back.documents == original.documents)
        #expect(back.encoding == original.encoding)
        #expect(back.design == original.design)
        #expect(back.multipleResponseSets == original.multipleResponseSets)
    }

    @Test func labelsStayOnOneLineWithLanguagesInBraces() throws {
        let yaml = try CodebookYAML.string(for: Self.richCodebook())
        #expect(yaml.hasPrefix("# Barometer codebook."))
        #expect(yaml.contains("    label: {en: Opinion of Russia, ru: Мнение о России, kk: Ресей туралы пікір}\n"))
        #expect(yaml.contains("      1: {en: Very favourable, ru: Очень хорошее}\n"))
        #expect(yaml.contains("      -1: {en: \"No\"}\n"), "words YAML 1.1 reads as booleans are quoted")
        #expect(yaml.contains("      \"01\": {en: Almaty, kk: Алматы}\n"), "a text code that looks like a number is quoted")
        #expect(yaml.contains("    missing: [98, 99]\n"))
        #expect(yaml.contains("    missing-range: [900, 999]\n"))
        #expect(yaml.contains("    temporal: date-time\n"))
    }

    @Test func datasetTemplateListsEveryColumnWithItsType() throws {
        var dataset = try Dataset(columns: [
            .numeric("age", [30, 40]),
            .categorical("sex", strings: ["F", "M"]),
            Column(name: "why", values: .text(["a", nil])),
        ])
        dataset.codebook["age"] = VariableMetadata(label: LocalizedText("Age"))
        let yaml = try CodebookYAML.string(for: dataset)
        let document = try CodebookYAML.read(string: yaml, name: "t.yaml")
        #expect(document.variableNames == ["age", "sex", "why"])
        #expect(yaml.contains("  age:\n    label: {en: Age}\n    type: numeric\n"))
        #expect(yaml.contains("  sex:\n    type: categorical\n"))
        #expect(yaml.contains("  why:\n    type: text\n"))
    }

    @Test(arguments: ["- item", "#hash", ": colon", "[x]", "{y}", "a: b", "it's", "\"quoted\"", "1e3", "0x1A", "ON", "~",
                      "null", ".inf", "2023-05-17", "@at", "`tick`", "%pct", "*star", "&amp", "!bang", "| bar", "> gt",
                      "tab\there", "line\nbreak", "trailing ", "Ё ә ғ қ ң ө ұ ү һ і", "👍", "?", "-", "—"])
    func trickyTextsSurviveAsLabelsAndCodes(_ text: String) throws {
        let meta = VariableMetadata(label: LocalizedText(["en": text, "kk": text]),
                                    valueLabels: [ValueLabel(stringCode: text, label: LocalizedText(["ru": text]))])
        var codebook = Codebook(variables: [text: meta])
        codebook.fileLabel = LocalizedText(text)
        codebook.documents = [text]
        codebook.design = DesignSpec(weights: text)
        let yaml = try CodebookYAML.string(for: codebook)
        let back = try CodebookYAML.read(string: yaml, name: "t.yaml").codebook
        #expect(back == codebook, "\(yaml)")
    }

    @Test func anEmptyCodebookIsStillACodebook() throws {
        let yaml = try CodebookYAML.string(for: Codebook())
        #expect(try CodebookYAML.read(string: yaml, name: "e.yaml").codebook == Codebook())
    }
}

@Suite("Codebook YAML: errors")
struct CodebookYAMLErrorTests {
    @Test func malformedYAMLNamesLineColumnAndFix() {
        let m = message("variables:\n  q1:\n    label: {en: Opinion\n  q2: x\n")
        #expect(m?.hasPrefix("Cannot read codebook 'cb.yaml', line ") == true)
        #expect(m?.contains("the YAML is malformed") == true)
        #expect(m?.hasSuffix(".") == true)
    }

    @Test func colonInPlainTextGetsTheQuotingFix() {
        #expect(message("variables:\n  q1:\n    label: Note: see Q1\n")
            == "Cannot read codebook 'cb.yaml', line 3, column 16: the YAML is malformed (mapping values are not allowed in this context); put a text that contains ': ' in quotes, e.g. label: \"Note: see Q1\".")
    }

    @Test func tabsGetTheIndentFix() {
        let m = message("variables:\n\tq1: {}\n")
        #expect(m?.contains("indent with spaces, not tabs") == true, "\(m ?? "")")
    }

    @Test func duplicateKeys() {
        #expect(message("variables:\n  q1: {}\n  q1: {}\n")
            == "Cannot read codebook 'cb.yaml', line 2: the key 'q1' appears more than once in the same mapping; keep one of them.")
    }

    @Test func emptyFile() {
        #expect(message("# nothing\n")
            == "Cannot read codebook 'cb.yaml': the file holds no codebook; write at least a `variables:` section, e.g. `variables: {q1: {label: {en: Opinion of Russia}}}`.")
    }

    @Test func topLevelNotAMapping() {
        #expect(message("- q1\n- q2\n")
            == "Cannot read codebook 'cb.yaml', line 1: the top level is a list, but a codebook is a mapping of keys such as `title:` and `variables:`.")
    }

    @Test func unknownMeasurementLevel() {
        #expect(message("variables:\n  q1:\n    measurement: interval\n")
            == "Cannot read codebook 'cb.yaml', line 3: the measurement of 'q1' is 'interval', which is not a measurement level; write nominal, ordinal or scale (interval is called scale).")
        #expect(message("variables:\n  q1:\n    measurement: fuzzy\n")
            == "Cannot read codebook 'cb.yaml', line 3: the measurement of 'q1' is 'fuzzy', which is not a measurement level; write nominal, ordinal or scale.")
    }

    @Test func codeNotANumberForANumericVariable() {
        #expect(message("variables:\n  q1:\n    type: numeric\n    values:\n      1: Yes\n      DK: Don't know\n")
            == "Cannot read codebook 'cb.yaml', line 6: the code 'DK' of 'q1' is not a number, but 'q1' is declared `type: numeric`; write the stored number, e.g. `1: {en: Yes}`.")
        #expect(message("variables:\n  q1:\n    type: numeric\n    missing: [98, DK]\n")?
            .contains("line 4: the missing code 'DK' of 'q1' is not a number") == true)
    }

    @Test func unknownKeysGetSuggestions() {
        #expect(message("variables:\n  q1:\n    lable: Opinion\n")
            == "Cannot read codebook 'cb.yaml', line 3: unknown key 'lable' in variable 'q1'; did you mean 'label'?")
        #expect(message("titel: Barometer\n")
            == "Cannot read codebook 'cb.yaml', line 1: unknown key 'titel' in the top level of the codebook; did you mean 'title'?")
        #expect(message("design: {weights: pw}\n")
            == "Cannot read codebook 'cb.yaml', line 1: unknown key 'weights' in the design; did you mean 'weight'?")
        #expect(message("variables:\n  q1:\n    zzzzzz: 1\n")?
            .hasSuffix("unknown key 'zzzzzz' in variable 'q1'; use label, type, measurement, values, missing, missing-range, format, temporal or width.") == true)
    }

    @Test func badLanguageTag() {
        #expect(message("variables:\n  q1:\n    label: {English: Opinion}\n")
            == "Cannot read codebook 'cb.yaml', line 3: 'English' in the label of 'q1' is not a language tag; write a BCP 47 tag such as en, ru or kk.")
        #expect(message("language: Russian\n")
            == "Cannot read codebook 'cb.yaml', line 1: `language: Russian` is not a language tag; write a BCP 47 tag such as en, ru or kk.")
    }

    @Test func valueWithoutLabel() {
        #expect(message("variables:\n  q1:\n    values:\n      98:\n")
            == "Cannot read codebook 'cb.yaml', line 4: the code 98 of 'q1' has no label; write one, e.g. `98: {en: Don't know}`, or remove the line.")
    }

    @Test func labelThatIsAList() {
        #expect(message("variables:\n  q1:\n    label: [a, b]\n")
            == "Cannot read codebook 'cb.yaml', line 3: the label of 'q1' is a list; write a text, or one text per language such as `{en: Yes, ru: Да}`.")
    }

    @Test func valuesThatAreAList() {
        #expect(message("variables:\n  q1:\n    values: [1, 2]\n")
            == "Cannot read codebook 'cb.yaml', line 3: the values of 'q1' are a list, but they must map each code to its label, e.g. `1: {en: Very favourable}`.")
    }

    @Test func variablesThatAreAList() {
        #expect(message("variables: [q1, q2]\n")
            == "Cannot read codebook 'cb.yaml', line 1: `variables:` holds a list, but it must map each variable name to its labels, e.g. `q1: {label: {en: Opinion of Russia}}`.")
    }

    @Test func variableThatIsAText() {
        #expect(message("variables:\n  q1: Opinion\n")
            == "Cannot read codebook 'cb.yaml', line 2: variable 'q1' holds the single value 'Opinion', but it must be a mapping of keys such as `label:` and `values:`.")
    }

    @Test func unknownType() {
        #expect(message("variables:\n  q1: {type: string}\n")
            == "Cannot read codebook 'cb.yaml', line 2: the type of 'q1' is 'string', which is not a type; write numeric, categorical or text.")
    }

    @Test func badMissingRange() {
        #expect(message("variables:\n  q1: {missing-range: [99]}\n")
            == "Cannot read codebook 'cb.yaml', line 2: the missing range of 'q1' must be two numbers, low and high, e.g. `missing-range: [90, 99]` (lo and hi stand for no bound).")
        #expect(message("variables:\n  q1: {missing-range: [99, 90]}\n")
            == "Cannot read codebook 'cb.yaml', line 2: the missing range of 'q1' runs from 99 down to 90; write the lower end first, e.g. `missing-range: [90, 99]`.")
    }

    @Test func badTemporalKindAndWidth() {
        #expect(message("variables:\n  d: {temporal: month}\n")
            == "Cannot read codebook 'cb.yaml', line 2: the temporal kind of 'd' is 'month', which is not one; write date, date-time or time.")
        #expect(message("variables:\n  s: {width: wide}\n")
            == "Cannot read codebook 'cb.yaml', line 2: the width of 's' is 'wide'; write the number of bytes of the string variable, e.g. `width: 40`.")
    }

    @Test func badDesign() {
        #expect(message("design: {nest: maybe}\n")
            == "Cannot read codebook 'cb.yaml', line 1: the design's `nest: maybe` is not true or false; write `nest: true` when cluster identifiers repeat across strata.")
        #expect(message("design: {lonely-psu: drop}\n")
            == "Cannot read codebook 'cb.yaml', line 1: the design's `lonely-psu: drop` is not a policy; write fail, remove, certainty, adjust or average.")
        #expect(message("design: psu\n")
            == "Cannot read codebook 'cb.yaml', line 1: `design:` holds the single value 'psu', but it must be a mapping such as `{weight: indwt, strata: substratum, cluster: psu}`.")
    }

    @Test func badMultipleResponseSets() {
        #expect(message("multiple-response:\n  media: {type: dichotomies, variables: [m1]}\n")
            == "Cannot read codebook 'cb.yaml', line 2: the multiple-response set 'media' is of type dichotomies but names no `counted:` value; add the value that means 'chosen', e.g. `counted: 1`.")
        #expect(message("multiple-response:\n  media: {type: categories, counted: 1, variables: [m1]}\n")?
            .contains("is of type categories, which counts no single value") == true)
        #expect(message("multiple-response:\n  media: {variables: [m1]}\n")?
            .contains("the multiple-response set 'media' has no `type:`") == true)
        #expect(message("multiple-response:\n  media: {type: many, variables: [m1]}\n")?
            .contains("the type of the multiple-response set 'media' is 'many'; write dichotomies or categories") == true)
        #expect(message("multiple-response:\n  media: {type: categories}\n")
            == "Cannot read codebook 'cb.yaml', line 2: the multiple-response set 'media' lists no `variables:`; add them, e.g. `variables: [m1, m2, m3]`.")
    }

    @Test func missingFileAndBadEncoding() throws {
        #expect(throws: ReadError.self) { try CodebookYAML.read(path: "/nonexistent/cb.yaml") }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("codebook-latin1-\(UUID()).yaml")
        try Data([0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0xE9, 0x0A]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try CodebookYAML.read(path: url.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .invalidEncoding)
            #expect(error.message == "Cannot read codebook '\(url.path)': the file is not valid UTF-8; save it with UTF-8 encoding.")
        }
    }
}
