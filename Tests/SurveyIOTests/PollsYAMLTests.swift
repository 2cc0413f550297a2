import Foundation
import Polls
import SurveyCore
import SurveyIO
import Testing

@Suite("Polls YAML")
struct PollsYAMLTests {
    static let november = """
        polls:
          - pollster: Demoscope
            paid_by: the bureau itself
            field_start: 2022-11-04
            field_end: 2022-11-24
            mode: telephone
            population: adults in Kazakhstan
            sample_size: 1110
            margin_of_error: 3
            question: war_side
            wording: {en: "Which side of the conflict do you support?", ru: "Какую сторону вы поддерживаете?"}
            title: {en: Side supported in the war, kk: Соғыста қолдайтын тарап}
            answers: {Ukraine: 22, Russia: 13, Neutral: 59}
            source: Demoscope press release, demos.kz, December 2022
          - pollster: Demoscope
            field_start: 2022-11-04
            field_end: 2022-11-24
            population: adults aged 18–29 in Kazakhstan
            sample_size: unpublished
            question: war_side
            answers: {Ukraine: 23, Russia: 6}
        """

    func failure(_ text: String) -> String {
        do {
            _ = try PollsYAML.read(string: text, name: "polls.yaml")
            return "no error"
        } catch let error as ReadError {
            return error.message
        } catch let error as SurveyError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test("every key of a poll, answers in the file's order, an unpublished sample size")
    func readsPolls() throws {
        let polls = try PollsYAML.read(string: Self.november, name: "polls.yaml")
        #expect(polls.count == 2)
        let p = polls[0]
        #expect(p.pollster == "Demoscope" && p.fieldStart == CivilDay("2022-11-04") && p.fieldEnd == CivilDay("2022-11-24"))
        #expect(p.paidBy == "the bureau itself")
        #expect(p.title == ["en": "Side supported in the war", "kk": "Соғыста қолдайтын тарап"] && polls[1].title == nil)
        #expect(p.sampleSize == 1110 && p.marginOfError == 3 && p.mode == "telephone" && p.population == "adults in Kazakhstan")
        #expect(p.answers == [Poll.Answer("Ukraine", share: 22), Poll.Answer("Russia", share: 13), Poll.Answer("Neutral", share: 59)])
        #expect(p.wording == ["en": "Which side of the conflict do you support?", "ru": "Какую сторону вы поддерживаете?"])
        #expect(polls[1].sampleSize == nil && polls[1].population == "adults aged 18–29 in Kazakhstan")
    }

    @Test("the YAML and the CSV of the same polls are the same polls, and the CSV writes `unpublished` back")
    func sameAsTheCSV() throws {
        let polls = try PollsYAML.read(string: Self.november, name: "polls.yaml")
        let csv = PollTable.csv(polls)
        #expect(csv.contains(",2022-11-24,unpublished,war_side,Ukraine,23,"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("polls-\(UUID()).csv").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try PollFile.read(path: file) == polls)
    }

    @Test("bad polls: one sentence with the file, the line and the key", arguments: [
        ("field_end: 2022-11-24", "field_end: 2022-11-01",
         "The poll of Demoscope on 'war_side' (line 2 of 'polls.yaml'): the fieldwork ends (2022-11-01) before it starts (2022-11-04); check field_start and field_end."),
        ("{Ukraine: 22,", "{Ukraine: 122,", "The poll of Demoscope on 'war_side' (line 2 of 'polls.yaml'): the share of 'Ukraine' is 122.0; shares are percentages from 0 to 100, as published."),
        ("sample_size: 1110", "sample_size: 0", "the sample size is 0; give the number of respondents (sample_size), as published, or `unpublished`"),
        ("sample_size: 1110", "sample_size: many", "Cannot read polls file 'polls.yaml', line 8: `sample_size` 'many' is not a whole number of respondents; write it as published, or `unpublished`."),
        ("    sample_size: 1110\n", "", "Cannot read polls file 'polls.yaml', line 2: the poll has no `sample_size`; add it"),
        ("    mode: telephone", "    mood: telephone", "Cannot read polls file 'polls.yaml', line 6: unknown key 'mood' in a poll; did you mean 'mode'?"),
        ("field_start: 2022-11-04", "field_start: 4 Nov 2022", "line 4: `field_start` '4 Nov 2022' is not a date; write it as YYYY-MM-DD."),
        ("margin_of_error: 3", "margin_of_error: 10", "a margin of error of ±10 points does not fit a sample of 1110"),
    ])
    func badPolls(_ from: String, _ to: String, _ expected: String) {
        let text = Self.november.replacingOccurrences(of: from, with: to, options: [], range: Self.november.range(of: from))
        let message = failure(text)
        #expect(message.contains(expected), "\(message)")
        #expect(!message.contains("\n"))
    }

    @Test func notAListOfPolls() {
        #expect(failure("").contains("the file holds no polls"))
        #expect(failure("polls: 3").contains("the polls are the single value '3', but they must be a list"))
        #expect(failure("polls:\n  - {pollster: A, field_start: 2022-01-01, field_end: 2022-01-02, sample_size: 9, question: q, answers: [1, 2]}").contains("`answers` must map each answer to its share"))
    }
}
