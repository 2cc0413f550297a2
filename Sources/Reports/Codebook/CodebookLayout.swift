import SurveyCore

/// A codebook listing laid out as sections (a heading, lines of text, an optional table), drawn
/// by ``CodebookRenderer`` as plain text or Markdown.
struct CodebookLayout {
    struct Section {
        /// 1: the title, 2: a part (documents, sets, variables), 3: one variable.
        var level: Int
        var heading: String
        var lines: [String] = []
        var table: ReportTable?
    }

    let text: CodebookText
    let language: String

    init(language: String) {
        self.text = CodebookText(language: language)
        self.language = language
    }

    func sections(_ summary: CodebookSummary) -> [Section] {
        var title = text.title(file: summary.file)
        if let label = summary.fileLabel?.text(in: language) { title += " — " + label }
        var head = Section(level: 1, heading: title)
        var sizes = text.sizes(respondents: summary.respondents, variables: summary.variables.count)
        if let encoding = summary.encoding { sizes += "; " + text.encoding(encoding) }
        head.lines.append(sizes)
        if let design = summary.design { head.lines.append(text.storedDesign(DesignFlags.commandLine(for: design))) }
        var sections = [head]

        if !summary.documents.isEmpty {
            sections.append(Section(level: 2, heading: text.documents, lines: summary.documents))
        }
        if !summary.multipleResponseSets.isEmpty {
            let lines = summary.multipleResponseSets.map { set in
                let label = set.label.text(in: language).map { " — \($0)" } ?? ""
                return "\(set.name)\(label): \(text.setKind(set.kind)); \(set.variables.joined(separator: ", "))"
            }
            sections.append(Section(level: 2, heading: text.multipleResponseSets, lines: lines))
        }

        var overview = Section(level: 2, heading: text.variables)
        if summary.variables.isEmpty {
            overview.lines = [text.noVariables]
        } else {
            overview.table = ReportTable(
                title: "",
                columns: [.init(header: text.name, alignment: .left), .init(header: text.type, alignment: .left),
                          .init(header: text.label, alignment: .left), .init(header: text.valid, alignment: .right),
                          .init(header: text.missing, alignment: .right)],
                rows: summary.variables.map { v in
                    [v.name, text.type(v), v.metadata.label.text(in: language) ?? "", String(v.valid), String(v.missing)]
                })
        }
        sections.append(overview)
        sections += summary.variables.map { variable($0, respondents: summary.respondents) }
        return sections
    }

    /// One variable: its label as heading, a line of type and counts, its missing codes, and
    /// its categories or the range of its values.
    private func variable(_ v: VariableSummary, respondents: Int) -> Section {
        let meta = v.metadata
        var section = Section(level: 3, heading: v.name + (meta.label.text(in: language).map { " — " + $0 } ?? ""))
        var description = [text.type(v)]
        if let measurement = meta.measurement { description.append(text.measurement(measurement)) }
        if let format = meta.displayFormat { description.append(text.format(format)) }
        section.lines.append(description.joined(separator: ", ") + "; " + text.counts(v))
        if let missing = text.missingCodes(meta) { section.lines.append(missing) }
        if let distinct = v.distinct { section.lines.append(text.distinct(distinct)) }
        if v.categories == nil, let minimum = v.minimum, let mean = v.mean, let maximum = v.maximum {
            section.lines.append(text.range(minimum: value(minimum, meta), mean: meanText(mean, meta), maximum: value(maximum, meta)))
        }
        if let categories = v.categories, !categories.isEmpty {
            let anyMissing = categories.contains(where: \.isMissing)
            var columns: [ReportTable.Column] = [
                .init(header: text.code, alignment: .right), .init(header: text.label, alignment: .left),
                .init(header: text.count, alignment: .right), .init(header: text.percent, alignment: .right),
            ]
            if anyMissing { columns.append(.init(header: "", alignment: .left)) }
            if v.type != "numeric" { columns[0].alignment = .left }
            var rows = categories.map { c in
                var row = [c.code, c.label?.text(in: language) ?? "", String(c.count), percent(c.count, of: respondents)]
                if anyMissing { row.append(c.isMissing ? text.missingMark : "") }
                return row
            }
            if v.omittedCategories > 0 {
                var row = ["", text.omitted(v.omittedCategories), "", ""]
                if anyMissing { row.append("") }
                rows.append(row)
            }
            section.table = ReportTable(title: "", columns: columns, rows: rows)
        }
        return section
    }

    /// A stored value as its code, or as a date or time for a temporal variable.
    private func value(_ x: Double, _ meta: VariableMetadata) -> String {
        meta.temporal.map { CalendarText.text(x, kind: $0) } ?? VariableSummary.code(x)
    }

    private func meanText(_ x: Double, _ meta: VariableMetadata) -> String {
        meta.temporal.map { CalendarText.text(x, kind: $0) } ?? NumberText.significant(x, digits: 4)
    }

    private func percent(_ count: Int, of total: Int) -> String {
        total > 0 ? NumberText.fixed(Double(count) / Double(total) * 100, decimals: 1) : "—"
    }
}
