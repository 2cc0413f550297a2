import SurveyCore

/// The breakdown variables of a set of rows, each once, in the order they first appear.
enum DomainColumns {
    static func variables(of rows: [ResultRow]) -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        for row in rows {
            for entry in row.domain.entries where seen.insert(entry.variable).inserted {
                names.append(entry.variable)
            }
        }
        return names
    }
}
