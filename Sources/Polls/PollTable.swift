import SurveyCore

/// Polls from a table with one row per answer — the CSV form of the poll database:
/// `pollster, field_start, field_end, sample_size, question, answer, share` (share in percent,
/// as published) and optionally `sponsor, paid_by, mode, population, margin_of_error, weighting,
/// design_effect, exhaustive, wording_en, wording_ru, wording_kk, title_en, title_ru, title_kk,
/// source, url, notes`. Rows
/// with the same pollster, dates, question, population and sample size are one poll. Every poll
/// is checked by ``PollValidator``; a problem names the row of the file (the header is row 1)
/// and the column.
public enum PollTable {
    /// The required columns, in their written order.
    public static let requiredColumns = ["pollster", "field_start", "field_end", "sample_size", "question", "answer", "share"]
    /// What `sample_size` says when the source does not publish the number of respondents.
    public static let unpublished = "unpublished"
    /// The optional columns, in their written order.
    public static let optionalColumns = ["sponsor", "paid_by", "mode", "population", "margin_of_error", "weighting", "design_effect", "exhaustive",
                                         "wording_en", "wording_ru", "wording_kk", "title_en", "title_ru", "title_kk", "source", "url", "notes"]

    /// The polls of `table` (a dataset read from the CSV file, named `name` in messages).
    /// - Throws: ``SurveyCore/SurveyError`` (`.invalidData`) naming the row and column.
    public static func polls(from table: Dataset, name: String) throws(SurveyError) -> [Poll] {
        for column in requiredColumns where !table.hasVariable(column) {
            throw SurveyError(.invalidData, "The polls file '\(name)' has no column '\(column)'; its columns must include \(requiredColumns.joined(separator: ", ")).")
        }
        // Each column looked up once: a missing optional column is nil, not an error per row.
        var columns: [String: Column] = [:]
        for name in requiredColumns + optionalColumns where table.hasVariable(name) { columns[name] = try table.column(name) }
        func text(_ column: String, _ row: Int) -> String? {
            columns[column]?.text(at: row)
        }
        func number(_ column: String, _ row: Int, required: Bool) throws(SurveyError) -> Double? {
            guard let t = text(column, row) else {
                if required { throw SurveyError(.invalidData, "Row \(row + 2) of '\(name)' has no \(column); fill it in as published.") }
                return nil
            }
            guard let x = Double(t.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "%", with: "")) else {
                throw SurveyError(.invalidData, "Row \(row + 2) of '\(name)': \(column) '\(t)' is not a number.")
            }
            return x
        }
        func day(_ column: String, _ row: Int) throws(SurveyError) -> CivilDay {
            guard let t = text(column, row) else { throw SurveyError(.invalidData, "Row \(row + 2) of '\(name)' has no \(column); write the date as YYYY-MM-DD.") }
            guard let d = CivilDay(t) else { throw SurveyError(.invalidData, "Row \(row + 2) of '\(name)': \(column) '\(t)' is not a date; write it as YYYY-MM-DD.") }
            return d
        }
        var polls: [Poll] = []
        var firstRow: [Int] = []
        var index: [String: Int] = [:]
        for row in 0..<table.rowCount {
            guard let pollster = text("pollster", row) else { throw SurveyError(.invalidData, "Row \(row + 2) of '\(name)' names no pollster; fill in pollster.") }
            guard let question = text("question", row) else { throw SurveyError(.invalidData, "Row \(row + 2) of '\(name)' names no question; fill in question.") }
            guard let answer = text("answer", row) else { throw SurveyError(.invalidData, "Row \(row + 2) of '\(name)' names no answer; fill in answer.") }
            let start = try day("field_start", row), end = try day("field_end", row)
            let n: Double?
            if text("sample_size", row)?.lowercased() == unpublished {
                n = nil
            } else {
                guard text("sample_size", row) != nil else {
                    throw SurveyError(.invalidData, "Row \(row + 2) of '\(name)' has no sample_size; fill it in as published, or write `unpublished` when the source does not give it.")
                }
                n = try number("sample_size", row, required: true)
            }
            if let n {
                guard n == n.rounded(), n >= 0, n < 1e9 else {
                    throw SurveyError(.invalidData, "Row \(row + 2) of '\(name)': sample_size \(n) is not a whole number of respondents.")
                }
            }
            let size = n.map { Int($0) }
            let share = try number("share", row, required: true)!
            let population = text("population", row)
            let key = [pollster, start.description, end.description, question, population ?? "", size.map(String.init) ?? unpublished].joined(separator: "\u{1F}")
            if let i = index[key] {
                polls[i].answers.append(Poll.Answer(answer, share: share))
                continue
            }
            var wording: [String: String] = [:]
            var title: [String: String] = [:]
            for language in ["en", "ru", "kk"] {
                if let w = text("wording_\(language)", row) { wording[language] = w }
                if let t = text("title_\(language)", row) { title[language] = t }
            }
            let exhaustive = text("exhaustive", row).map { ["true", "yes", "1"].contains($0.lowercased()) } ?? false
            index[key] = polls.count
            firstRow.append(row)
            polls.append(Poll(
                pollster: pollster, sponsor: text("sponsor", row), paidBy: text("paid_by", row), fieldStart: start, fieldEnd: end, mode: text("mode", row),
                population: population, sampleSize: size, marginOfError: try number("margin_of_error", row, required: false),
                weighting: text("weighting", row), question: question, wording: wording, title: title.isEmpty ? nil : title, answers: [Poll.Answer(answer, share: share)],
                exhaustive: exhaustive, designEffect: try number("design_effect", row, required: false), source: text("source", row),
                url: text("url", row), notes: text("notes", row)))
        }
        for (i, poll) in polls.enumerated() {
            try PollValidator.check(poll, what: "The poll of \(poll.pollster) on '\(poll.question)' (row \(firstRow[i] + 2) of '\(name)')")
        }
        return polls
    }
}

extension PollTable {
    /// `polls` in the CSV form that ``polls(from:name:)`` reads back to the same polls: the
    /// required columns, then the optional ones, one row per answer.
    public static func csv(_ polls: [Poll]) -> String {
        let header = requiredColumns + optionalColumns
        var lines = [header.joined(separator: ",")]
        for cells in rows(polls) {
            lines.append(cells.map { quoted(field($0)) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lines of ``csv(_:)`` under its header (``requiredColumns`` then ``optionalColumns``),
    /// one cell per column: shares, sample sizes, margins of error and design effects as
    /// numbers, everything else as text. A spreadsheet of these rows under those headers is the
    /// same table as the CSV.
    public static func rows(_ polls: [Poll]) -> [[WorksheetCell]] {
        polls.flatMap { p in
            p.answers.map { a -> [WorksheetCell] in
                [
                    .text(p.pollster), .text(p.fieldStart.description), .text(p.fieldEnd.description),
                    p.sampleSize.map { .number(Double($0)) } ?? .text(unpublished), .text(p.question), .text(a.answer), .number(a.share),
                    .text(orEmpty: p.sponsor), .text(orEmpty: p.paidBy), .text(orEmpty: p.mode), .text(orEmpty: p.population),
                    .number(orEmpty: p.marginOfError), .text(orEmpty: p.weighting), .number(orEmpty: p.designEffect),
                    .text(p.exhaustive ? "true" : "false"), .text(orEmpty: p.wording["en"]), .text(orEmpty: p.wording["ru"]),
                    .text(orEmpty: p.wording["kk"]), .text(orEmpty: p.title?["en"]), .text(orEmpty: p.title?["ru"]),
                    .text(orEmpty: p.title?["kk"]), .text(orEmpty: p.source), .text(orEmpty: p.url), .text(orEmpty: p.notes),
                ]
            }
        }
    }

    /// A cell as a CSV field: a whole number without a decimal point, other numbers as the
    /// shortest text that reads back to the same `Double`.
    static func field(_ cell: WorksheetCell) -> String {
        switch cell {
        case .text(let text): text
        case .number(let x): x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
        case .empty: ""
        }
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
