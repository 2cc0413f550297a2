import ArgumentParser
import Foundation
import Reports
import SurveyCore
import SurveyIO
import TextCoding

/// `barometer code frame FILE [--lang L] [--format table|json]`: checks a code frame and prints it.
struct CodeFrameCommand: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "frame",
        abstract: "Check a code frame (YAML) and print its codes, nets indented, with their labels and number of rules.",
        discussion: """
            FILE is YAML with `frame: {name, languages}` and a `codes:` list; each code has `code`, \
            `label` (one per language), and optionally `parent` (its net), `description`, \
            `examples`, `uncodable: true` (don't know, other: left out of the base of categorizable \
            answers) and `rules` by language (kk, ru, en or any) with `stems`, `patterns` and `exclude`.

            Example:
              barometer code frame examples/code-frames/russia-reasons.yaml --lang ru
            """)

    @Argument(help: ArgumentHelp("The code frame (YAML).", valueName: "file"))
    var file: String

    @Option(name: .customLong("lang"), help: ArgumentHelp("The language of the labels (a language of the frame; default en).", valueName: "language"))
    var language: String = "en"

    @Option(help: ArgumentHelp("table or json (the frame as data).", valueName: "format"))
    var format: String = "table"

    func validate() throws {
        guard ["table", "json"].contains(format) else { throw ValidationError("--format \(format) is not table or json; use one of these.") }
    }

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let frame = try CodeFrameYAML.read(path: file)
        guard frame.languages.contains(language) else {
            throw SurveyError(.invalidRequest, "--lang \(language) is not a language of the frame '\(frame.name)'; use \(frame.languages.joined(separator: ", ")).")
        }
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            sink.write(String(decoding: try encoder.encode(frame), as: UTF8.self) + "\n")
            return
        }
        sink.write(Self.table(frame, language: language))
    }

    /// The frame as a table: one line per code, nets above their codes and the codes indented.
    static func table(_ frame: CodeFrame, language: String) -> String {
        var rows: [[String]] = []
        func add(_ parent: String?, depth: Int) {
            for code in frame.children(of: parent) {
                let languages = code.rules.keys.sorted().filter { !(code.rules[$0]?.count == 0) }
                rows.append([String(repeating: "  ", count: depth) + code.id, code.label(in: language),
                             code.uncodable ? "uncodable" : "", String(code.ruleCount), languages.joined(separator: ", ")])
                add(code.id, depth: depth + 1)
            }
        }
        add(nil, depth: 0)
        let rules = frame.codes.reduce(0) { $0 + $1.ruleCount }
        let uncodable = frame.codes.filter(\.uncodable).count
        var text = "\(frame.name): \(frame.codes.count) codes in \(frame.languages.joined(separator: ", ")), \(rules) rules.\n\n"
        text += PlainTable.render(headers: ["code", "label (\(language))", "base", "rules", "rule languages"], rows: rows, rightAligned: [3])
        if uncodable > 0 {
            text += "\(uncodable) uncodable code\(uncodable == 1 ? "" : "s") (left out of the base of categorizable answers).\n"
        }
        return text
    }
}
