import Studies
import SurveyCore
import SurveyIO
import Testing

@Suite("study.yaml")
struct StudyYAMLTests {
    @Test("the fixture reads with its overrides, and writing then reading gives the same study")
    func roundTrip() throws {
        let study = try StudyFixture.folder().study
        #expect(study.waves.map(\.id) == ["w1", "w2", "w3"])
        #expect(study.simulated)
        let concept = try #require(study.concept("opinion"))
        #expect(concept.mappings.map(\.variable) == ["q_ru", "q_ru", "q_russia"])
        #expect(concept.mappings[2].wordingChanged?.text(in: "en") == "Asked after the invasion of Ukraine")
        #expect(concept.levels.map(\.valence) == [.positive, .positive, .negative, .negative, .missing])
        #expect(study.wave("w3")?.weighting == WaveWeighting(targets: "targets.yaml", method: .rake))
        #expect(study.events.first?.date == "2022-02-24")
        let text = try StudyYAML.string(for: study)
        #expect(try StudyYAML.read(string: text, name: "written.yaml") == study)
    }

    func failure(_ text: String) -> String {
        do {
            _ = try StudyYAML.read(string: text, name: "study.yaml")
            return "no error"
        } catch {
            return error.message
        }
    }

    static let wave = "waves:\n  - {id: a, file: a.csv, fieldwork: {start: 2020-01-01, end: 2020-01-31}}\n"

    @Test("mistakes name the file, the line and the fix", arguments: [
        ("waves: []\n", "has no `title:`"),
        ("title: T\n", "lists no waves"),
        ("title: T\n" + wave + "  - {id: a, file: b.csv, fieldwork: {start: 2020-02-01, end: 2020-02-02}}\n", "the wave id 'a' is used twice"),
        ("title: T\nwaves:\n  - {id: a, file: a.csv, fieldwork: {start: 2020-13-01, end: 2020-01-31}}\n", "is not a date; write it as YYYY-MM-DD"),
        ("title: T\nwaves:\n  - {id: a, file: a.csv, fieldwork: {start: 2020-02-01, end: 2020-01-31}}\n", "ends (2020-01-31) before it starts"),
        ("title: T\n" + wave + "concepts:\n  - id: c\n    levels: [{id: yes}]\n    variable: q\n    codes: {1: yse}\n", "maps to 'yse', which is not one of its levels; did you mean 'yes'?"),
        ("title: T\n" + wave + "concepts:\n  - id: c\n    levels: [{id: yes}]\n    variable: q\n    codes: {1: yes}\n    overrides:\n      b: {variable: r}\n", "overrides for the wave 'b', which the study does not have"),
        ("title: T\n" + wave + "concepts:\n  - id: c\n    levels: [{id: yes, valence: good}]\n    variable: q\n    codes: {1: yes}\n", "is not positive, negative, neutral or missing"),
        ("title: T\n" + wave + "concepts:\n  - id: c\n    levels: [{id: yes}]\n    codes: {1: yes}\n", "names no variable for wave 'a'"),
        ("title: T\n" + wave + "wave: 1\n", "unknown key 'wave'"),
    ])
    func mistakes(_ text: String, _ expected: String) {
        let message = failure(text)
        #expect(message.hasPrefix("Cannot read study 'study.yaml'"), "\(message)")
        #expect(message.contains(expected), "\(message)")
    }
}
