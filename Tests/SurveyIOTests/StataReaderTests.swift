import Foundation
import Testing
import SurveyCore
import SurveyIO

@Suite struct StataReaderTests {
    // MARK: Real surveys

    @Test func caucasusBarometerCarriesThePublishersDesign() throws {
        let d = try StataFixtures.read("surveys/caucasus_barometer_2017_georgia.dta")
        #expect(d.rowCount == 2379)
        #expect(d.columns.count == 373)
        // svyset psu [pweight=indwt], strata(substratum) fpc(npsuss) singleunit(certainty)
        //     || id, fpc(nhhpsu) || _n, fpc(nadhh)
        #expect(d.codebook.design == DesignSpec(weights: "indwt", strata: "substratum", clusters: ["psu", "id"],
                                                fpc: ["npsuss", "nhhpsu"], nest: true, lonelyPSU: .certainty))
        for name in ["indwt", "substratum", "psu", "id", "npsuss", "nhhpsu"] { #expect(d.hasVariable(name)) }
        #expect(d.codebook.documents.first == "svyset psu [pweight=hhwt], strata(substratum) fpc(npsuss) singleunit(certainty) || id, fpc(nhhpsu)")
        // The design estimates with the engine as it is.
        let request = AnalysisRequest(design: try #require(d.codebook.design), measures: [Measure(.proportion, "stratum")])
        let result = try AnalysisEngine.run(request, on: d)
        #expect(result.rows.map(\.level) == ["Capital", "Urban", "Rural"])
        // Interview dates keep their special codes as labelled values ("-3 interviewer error").
        let date = d.metadata("int_date")
        #expect(date.temporal == .date)
        let minusThree: Double = (-3 - 3653) * 86_400
        #expect(date.label(ofCode: minusThree) == "Interviewer error")
        #expect(d.metadata("int_start").temporal == .time)
        #expect(d.codebook.encoding == "UTF-8")
        #expect(d.metadata("q1").label.text()?.hasSuffix("…") != false)
    }

    @Test func lapopKeepsEveryLabelLanguage() throws {
        let d = try StataFixtures.read("surveys/lapop_americasbarometer_brazil_2023.dta")
        #expect(d.rowCount == 1526)
        #expect(d.variableNames == ["aoj11", "ing4", "b13", "b21", "b31", "b12", "wave", "pais", "year", "upm", "strata", "wt"])
        // The file's svyset names weight1500, which the extract dropped: the design is reported
        // as stored, and the engine names the missing variable.
        let design = try #require(d.codebook.design)
        #expect(design == DesignSpec(weights: "weight1500", strata: "strata", clusters: ["upm"], nest: true, lonelyPSU: .fail))
        #expect(throws: SurveyError.self) { try AnalysisEngine.run(AnalysisRequest(design: design, measures: [Measure(.mean, "ing4")]), on: d) }

        let ing4 = d.metadata("ing4")
        #expect(ing4.label.texts["en"] == "Support for democracy")
        #expect(ing4.label.texts["pt"] == "Apoio à democracia")
        // The current language (es) has no variable labels in this extract; en and pt come from
        // `ing4[_lang_v_en]` and `ing4[_lang_v_pt]`. The value-label sets of en and pt were not
        // kept by the program that wrote the extract, so the labels are the current language's.
        #expect(Set(ing4.label.texts.keys) == ["en", "pt"])
        #expect(!ing4.valueLabels.isEmpty && ing4.valueLabels.allSatisfy { Array($0.label.texts.keys) == ["es"] })
        #expect(d.codebook.fileLabel?.texts["en"] == "All data are copyrighted by LAPOP. For more info, run the command note list")
        #expect(d.codebook.encoding == "windows-1252")
        #expect(d.codebook.documents.contains { $0.hasPrefix("b12: To what extent do you trust the Armed Forces") })
    }

    // MARK: Extended missing values

    @Test func extendedMissingValuesAreLabelledUserMissingCodes() throws {
        let d = try StataFixtures.read("generated/pyreadstat_118.dta")
        let meta = d.metadata("q1")
        let a = try #require(StataMissingValues.code(for: "a"))
        let b = try #require(StataMissingValues.code(for: "b"))
        let z = try #require(StataMissingValues.code(for: "z"))
        #expect(meta.missingCodes == [a, b, z])
        #expect(meta.label(ofCode: a) == "Don't know")
        #expect(meta.label(ofCode: b) == "Refused")
        #expect(meta.label(ofCode: z) == ".z")
        #expect(StataFixtures.numbers(d, "q1") == [1, 2, a, b, 1, 2, 2, z, 1, 1, 2, a])

        // Proportions show "Don't know" as a category, and drop it when asked to.
        let shown = try AnalysisEngine.run(AnalysisRequest(measures: [Measure(.proportion, "q1")]), on: d)
        #expect(shown.rows.map(\.level) == ["Yes", "No", "Don't know", "Refused", ".z"])
        #expect(shown.rows.map(\.unweightedCount) == [4, 4, 2, 1, 1])
        let excluded = try AnalysisEngine.run(AnalysisRequest(measures: [Measure(.proportion, "q1")], options: AnalysisOptions(missing: .exclude)), on: d)
        #expect(excluded.rows.map(\.level) == ["Yes", "No"])
        let shares: [Double?] = [0.5, 0.5]
        #expect(excluded.rows.map(\.estimate) == shares)
        // A mean never includes them.
        let mean = try AnalysisEngine.run(AnalysisRequest(measures: [Measure(.mean, "q1")]), on: d)
        #expect(mean.rows.first?.estimate == 1.5)
    }

    @Test func everyMissingCodeOfEveryStorageType() throws {
        let d = try StataFixtures.read("readstata13/missings.dta")
        let values = try #require(StataFixtures.numbers(d, "missings"))
        #expect(values[0].isNaN)
        #expect(Array(values.dropFirst()) == StataMissingValues.allCodes)
        #expect(d.metadata("missings").missingCodes == StataMissingValues.allCodes)
        #expect(d.metadata("missings").valueLabels.map { $0.label.text() } == StataMissingValues.letters.map { ".\($0)" })
        for (k, letter) in StataMissingValues.letters.enumerated() {
            #expect(StataMissingValues.letter(for: StataMissingValues.allCodes[k]) == letter)
        }
        #expect(StataMissingValues.letter(for: 1) == nil)
        #expect(StataMissingValues.letter(for: .nan) == nil)
        #expect(StataMissingValues.code(for: "A") == nil)
        #expect(StataMissingValues.allCodes == StataMissingValues.allCodes.sorted())
        #expect(StataMissingValues.allCodes[0] > StataMissingValues.largestDouble)
    }

    // MARK: Dates

    @Test func datesInEveryUnit() throws {
        let d = try StataFixtures.read("statsmodels/time_series_examples.dta")
        // 2010w2, 2010m1, 1974q3, 2010h1 → the first day of the period.
        #expect(StataFixtures.numbers(d, "weekly_date") == [1_262_908_800, -680_400_000])
        #expect(StataFixtures.numbers(d, "monthly_date") == [1_262_304_000, -473_385_600])
        #expect(StataFixtures.numbers(d, "quarterly_date") == [141_868_800, -457_747_200])
        #expect(StataFixtures.numbers(d, "half_yearly_date") == [1_262_304_000, -473_385_600])
        #expect(d.metadata("yearly_date").temporal == nil)
        #expect(StataFixtures.numbers(d, "yearly_date") == [2010, 2])
        #expect(d.metadata("monthly_date").temporal == .date)
        #expect(d.metadata("datetime_c").temporal == .dateTime)
    }

    @Test func leapSecondClockDropsTheLeapSeconds() throws {
        let d = try StataFixtures.read("generated/pyreadstat_118.dta")
        // 1,798,761,600,000 ms of %tC: 26 leap seconds before 2016-12-31 00:00:00 UTC.
        let leap = try #require(StataFixtures.numbers(d, "leap")?.first)
        #expect(leap == 1_483_142_374, "\(leap.bitPattern)")
        #expect(d.metadata("leap").temporal == .dateTime)
    }

    @Test func timeOfDayFormatsOnFullDateTimesKeepTheDate() throws {
        let d = try StataFixtures.read("readstata13/datetime.dta")
        #expect(d.metadata("tc_hh_mm").temporal == .dateTime)
        let times = try #require(StataFixtures.numbers(d, "tc_hh_mm"))
        // pyreadstat reads 10:27 of the first value.
        let tenTwentySeven: Double = 10 * 3600 + 27 * 60
        #expect(times[0].truncatingRemainder(dividingBy: 86_400) == tenTwentySeven)
        let sample = try StataFixtures.read("pyreadstat/sample.dta")
        #expect(sample.metadata("mytime").temporal == .time)
        let tenTenTen: Double = 10 * 3600 + 10 * 60 + 10
        #expect(StataFixtures.numbers(sample, "mytime")?.first == tenTenTen)
    }

    // MARK: Strings and encodings

    @Test func binaryStrLsAreNotedNotDecoded() throws {
        let d = try StataFixtures.read("readstata13/stata_strl.dta")
        let notes = try #require(StataFixtures.texts(d, "notes")?.first ?? nil)
        #expect(notes.hasPrefix("R is a free software environment for statistical computing and graphics."))
        let image = try #require(StataFixtures.texts(d, "image")?.first ?? nil)
        #expect(image.hasPrefix("[binary data, ") && image.hasSuffix(" bytes]"))
    }

    @Test func encodings() throws {
        let utf8 = try StataFixtures.read("readstata13/encode.dta")
        #expect(utf8.codebook.encoding == "UTF-8")
        #expect(StataFixtures.texts(utf8, "chr") == ["ä", "ö", "ü", "ß", "€", "Œ"])
        let cp = try StataFixtures.read("readstata13/encodecp.dta")
        #expect(cp.codebook.encoding == "windows-1252")
        #expect(cp.metadata("num").label.text() == "äöüß")
        // A format-118 file holding windows-1252 bytes (pyreadstat refuses it).
        let mixed = try StataFixtures.read("stata_pandas/stata1_encoding_118.dta")
        #expect(StataFixtures.texts(mixed, "kreis1849")?.first == "Düsseldorf")
        let label = try StataFixtures.read("stata_pandas/stata14_118.dta")
        #expect(label.codebook.fileLabel?.text() == "This is a  Ünicode data label")
    }

    @Test func bothByteOrdersReadAlike() throws {
        for (little, big) in [("stata_pandas/stata12_117.dta", "stata_pandas/stata12_be_117.dta"),
                              ("stata_pandas/stata14_118.dta", "stata_pandas/stata14_be_118.dta"),
                              ("stata_pandas/stata14_119.dta", "stata_pandas/stata14_be_119.dta"),
                              ("stata_pandas/stata-compat-110.dta", "stata_pandas/stata-compat-be-110.dta"),
                              ("generated/pandas_118.dta", "generated/pandas_118_be.dta")] {
            let a = try StataFixtures.read(little), b = try StataFixtures.read(big)
            #expect(a.variableNames == b.variableNames)
            for (x, y) in zip(a.columns, b.columns) { #expect(StataRoundTrip.sameValues(x, y), "\(big) \(x.name)") }
            #expect(a.codebook.variables == b.codebook.variables)
        }
    }

    @Test func notesBecomeDocuments() throws {
        let d = try StataFixtures.read("haven/notes.dta")
        #expect(d.codebook.documents == ["Reference: https://github.com/hadley/haven/issues/186"])
        #expect(d.codebook.fileLabel?.text() == "This is a test dataset.")
    }

    // MARK: Loader and refusals

    @Test func datasetLoaderReadsDta() throws {
        let d = try DatasetLoader.load(path: StataFixtures.path("haven/types.dta"))
        #expect(d.variableNames == ["vfloat", "vdouble", "vlong", "vint", "vbyte", "vstr", "vdate", "vdatetime"])
        #expect(DatasetLoader.supportedExtensions.contains("dta"))
    }

    @Test func refusesWhatIsNotAStataFile() throws {
        func message(_ bytes: [UInt8]) -> ReadError? {
            do {
                _ = try StataReader.read(data: Data(bytes), name: "x.dta")
                return nil
            } catch { return error }
        }
        #expect(message([]) == ReadError(.malformed, "Cannot read 'x.dta': the file is empty; a Stata .dta file starts with a header, so check that the file was copied completely."))
        #expect(message(Array("id,age\n1,2\n".utf8))?.kind == .unsupportedFormat)
        #expect(message(Array("<?xml version=\"1.0\"?>".utf8))?.kind == .unsupportedFormat)
        let release120 = message(Array("<stata_dta><header><release>120</release>".utf8))
        #expect(release120 == ReadError(.unsupportedFormat, "Cannot read 'x.dta': it is a Stata format-120 file (Stata 18 with alias variables), which Barometer does not read; re-save it in Stata with `saveold, version(14)`."))
        #expect(message([112, 2, 1, 0])?.kind == .unsupportedFormat)
    }

    @Test func missingFileIsNotFound() {
        #expect(throws: ReadError(.notFound, "File '/no/such/wave.dta' not found; check the path.")) {
            try StataReader.read(path: "/no/such/wave.dta")
        }
    }
}
