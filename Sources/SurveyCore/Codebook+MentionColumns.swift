extension Codebook {
    /// The columns that hold the mentions named by `names`: a multiple-response set of
    /// categories (`$russia_reason`, as SPSS names sets) stands for its variables, any other name
    /// for itself. Lets a request name a coded question once, whatever its columns are called
    /// in each wave.
    /// - Parameter parameter: the request parameter that named them, for errors.
    /// - Throws: ``SurveyError`` for a `$` name that is no set of this codebook, or a set of
    ///   yes/no columns (whose variables hold no codes).
    public func mentionColumns(_ names: [String], parameter: RequestParameter) throws(SurveyError) -> [String] {
        var columns: [String] = []
        for name in names {
            guard name.hasPrefix("$") else {
                columns.append(name)
                continue
            }
            guard let set = multipleResponseSets.first(where: { $0.name == name }) else {
                let known = multipleResponseSets.filter { $0.kind == .categories }.map(\.name)
                throw SurveyError(.unknownVariable, "The data have no multiple-response set '\(name)'\(known.isEmpty ? "; name the coded columns instead" : "; its sets of codes are \(known.joined(separator: ", "))") in \(parameter: parameter).", field: parameter, value: name)
            }
            guard set.kind == .categories else {
                let categories = multipleResponseSets.first { $0.kind == .categories && name.hasPrefix($0.name) }
                throw SurveyError(.invalidVariable, "'\(name)' is a set of yes/no columns, one per code; \(parameter: parameter) takes the set of coded columns\(categories.map { " ('\($0.name)')" } ?? "") or the coded columns themselves.", field: parameter, value: name)
            }
            columns += set.variables
        }
        return columns
    }
}
