import SurveyCore

/// The codebook listing as JSON, for programs: labels in every language, counts, and numbers at
/// full precision. Members keep a fixed order; a value that does not exist is `null`.
///
/// ```json
/// {
///   "barometerCodebook": 1,
///   "file": "data.csv", "respondents": 5, "label": {"en": "Barometer"}, "encoding": null,
///   "documents": [], "multipleResponseSets": [],
///   "design": {"weights": "indwt", ..., "flags": "--weight indwt --cluster psu"},
///   "variables": [
///     {"name": "q1", "type": "numeric", "temporal": null, "measurement": "ordinal", "format": null,
///      "label": {"en": "Opinion of Russia", "ru": "Мнение о России"},
///      "valid": 3, "missing": 2, "systemMissing": 1, "userMissing": 1,
///      "missingCodes": ["98", "99"], "missingRange": null,
///      "categories": [{"code": "1", "label": {"en": "Very favourable"}, "count": 2, "missing": false}],
///      "omittedCategories": 0, "minimum": 1, "mean": 1.33, "maximum": 2, "distinct": null}
///   ]
/// }
/// ```
struct CodebookJSON {
    /// The version of this JSON layout, bumped only when it changes incompatibly.
    static let version = 1

    func render(_ summary: CodebookSummary) -> String {
        let members: [(key: String, value: JSONValue)] = [
            ("barometerCodebook", .number(String(Self.version))),
            ("file", .string(summary.file)),
            ("respondents", .number(String(summary.respondents))),
            ("label", Self.localized(summary.fileLabel)),
            ("encoding", summary.encoding.map(JSONValue.string) ?? .null),
            ("documents", .array(summary.documents.map(JSONValue.string))),
            ("multipleResponseSets", .array(summary.multipleResponseSets.map(Self.set))),
            ("design", summary.design.map(Self.design) ?? .null),
            ("variables", .array(summary.variables.map(Self.variable))),
        ]
        return JSONValue.object(members).serialized(pretty: true) + "\n"
    }

    static func localized(_ text: LocalizedText?) -> JSONValue {
        guard let text, !text.isEmpty else { return .null }
        let preferred = ["en", "ru", "kk"]
        let tags = text.texts.keys.sorted { a, b in
            let i = preferred.firstIndex(of: a) ?? preferred.count, j = preferred.firstIndex(of: b) ?? preferred.count
            return i != j ? i < j : a < b
        }
        return .object(tags.map { ($0, .string(text.texts[$0]!)) })
    }

    static func set(_ set: MultipleResponseSet) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("name", .string(set.name)), ("label", localized(set.label))]
        switch set.kind {
        case .dichotomies(let counted):
            members += [("type", .string("dichotomies")), ("countedValue", .string(counted))]
        case .categories:
            members += [("type", .string("categories")), ("countedValue", .null)]
        }
        members.append(("variables", .array(set.variables.map(JSONValue.string))))
        return .object(members)
    }

    static func design(_ spec: DesignSpec) -> JSONValue {
        .object([
            ("weights", spec.weights.map(JSONValue.string) ?? .null),
            ("strata", spec.strata.map(JSONValue.string) ?? .null),
            ("clusters", .array(spec.clusters.map(JSONValue.string))),
            ("fpc", .array(spec.fpc.map(JSONValue.string))),
            ("nest", .bool(spec.nest)),
            ("lonelyPSU", .string(spec.lonelyPSU.rawValue)),
            ("flags", .string(DesignFlags.commandLine(for: spec))),
        ])
    }

    static func variable(_ v: VariableSummary) -> JSONValue {
        let meta = v.metadata
        let range: JSONValue = meta.missingRange.map { r in
            .object([("low", JSONValue(r.lowerBound)), ("high", JSONValue(r.upperBound))])
        } ?? .null
        let categories: JSONValue = v.categories.map { list in
            .array(list.map { c in
                .object([("code", .string(c.code)), ("label", localized(c.label)), ("count", .number(String(c.count))),
                         ("missing", .bool(c.isMissing))])
            })
        } ?? .null
        func number(_ x: Double?) -> JSONValue { x.map { JSONValue($0) } ?? .null }
        func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        func count(_ n: Int) -> JSONValue { .number(String(n)) }
        let missingCodes: [JSONValue] = meta.missingCodes.map { .string(VariableSummary.code($0)) }
            + meta.missingStrings.map(JSONValue.string)
        var members: [(key: String, value: JSONValue)] = []
        members.append(("name", .string(v.name)))
        members.append(("type", .string(v.type)))
        members.append(("temporal", optional(meta.temporal.map { CodebookText(language: "en").temporalName($0) })))
        members.append(("measurement", optional(meta.measurement?.rawValue)))
        members.append(("format", optional(meta.displayFormat)))
        members.append(("label", localized(meta.label)))
        members.append(("valid", count(v.valid)))
        members.append(("missing", count(v.missing)))
        members.append(("systemMissing", count(v.systemMissing)))
        members.append(("userMissing", count(v.userMissing)))
        members.append(("missingCodes", .array(missingCodes)))
        members.append(("missingRange", range))
        members.append(("categories", categories))
        members.append(("omittedCategories", count(v.omittedCategories)))
        members.append(("minimum", number(v.minimum)))
        members.append(("mean", number(v.mean)))
        members.append(("maximum", number(v.maximum)))
        members.append(("distinct", v.distinct.map(count) ?? .null))
        return .object(members)
    }
}
