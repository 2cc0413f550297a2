/// Parameters of a request as names and values, decoded into an ``AnalysisRequest`` through
/// the one table of names (``RequestParameter``): the command line hands over its parsed flags,
/// the server its URL query, the report reader each analysis of `report.yaml`. Every surface
/// thus gives an option the same name and the same meaning, and a bad value the same error —
/// worded in the surface's terms (``ErrorText``).
///
/// Values of list parameters (`by`, `waves`, `levels`, `compare`, the measures) may be repeated
/// and are split at commas; `collapse` is repeated (`name=a+b`). With `concept`, the request is a
/// trend and `wave` picks one wave of it (`all` for every wave). Shares of mentions (`mentions`,
/// `mentioned`) with `wave=all`, `waves` or `compare` are a trend across waves too.
public struct RequestParameters: Sendable {
    /// One parameter as given: its name (as written, maybe an older spelling) and value.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public let surface: RequestSurface
    public private(set) var entries: [Entry]

    public init(_ entries: [Entry], surface: RequestSurface) {
        self.entries = entries
        self.surface = surface
    }

    public init(pairs: [(String, String)], surface: RequestSurface) {
        self.init(pairs.map { Entry($0.0, $0.1) }, surface: surface)
    }

    /// Adds an entry.
    public mutating func append(_ parameter: RequestParameter, _ value: String) {
        entries.append(Entry(parameter.name, value))
    }

    /// Adds an entry under a name as written (checked when the request is made).
    public mutating func append(_ name: String, _ value: String) {
        entries.append(Entry(name, value))
    }

    /// The values of `parameter` (under any of its spellings), trimmed, empty ones left out.
    public func values(_ parameter: RequestParameter) -> [String] {
        entries.filter { RequestParameter(name: $0.name) == parameter }
            .map { $0.value.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The last value of `parameter`, if any.
    public func value(_ parameter: RequestParameter) -> String? { values(parameter).last }

    /// The values of a list parameter, each split at commas.
    public func list(_ parameter: RequestParameter) -> [String] {
        values(parameter).flatMap { $0.split(separator: ",") }.map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The request these parameters describe.
    /// - Parameter defaults: the request to start from (e.g. a design read from a file).
    /// - Throws: ``SurveyError`` (`.invalidRequest`) naming the parameter and value: an unknown
    ///   name, a parameter this surface does not take, or a value that is not one of its own.
    public func request(startingFrom defaults: AnalysisRequest = AnalysisRequest()) throws(SurveyError) -> AnalysisRequest {
        var request = defaults
        for entry in entries {
            guard let parameter = RequestParameter(name: entry.name) else {
                let close = NameSuggester.closest(to: entry.name, among: RequestParameter.allCases.filter { $0.surfaces.contains(surface) }.map(\.name), limit: 1)
                throw SurveyError(.invalidRequest, "'\(entry.name)' is not a parameter of an analysis\(close.isEmpty ? "" : "; did you mean '\(close[0])'?")", field: nil, value: entry.name)
            }
            guard parameter.surfaces.contains(surface) else {
                throw SurveyError(.invalidRequest, "\(parameter.name) cannot be set here: \(parameter.thing) is fixed; leave \(parameter: parameter) out of the request.", field: parameter, value: entry.value)
            }
        }
        var options = request.options
        if let text = value(.level) {
            guard let level = Double(text), level > 0, level < 1 else {
                let hint = Double(text).flatMap { $0 > 1 && $0 < 100 ? $0 / 100 : nil }
                throw SurveyError(.invalidRequest, "\(parameter: .level, text) is not a confidence level between 0 and 1; write \(parameter: .level, hint.map { "\($0)" } ?? "0.95").", field: .level, value: text)
            }
            options.confidenceLevel = level
        }
        if let text = value(.ciMethod) {
            guard let method = CIMethod(rawValue: text), CIMethod.designBased.contains(method) else {
                throw SurveyError(.invalidRequest, "\(parameter: .ciMethod, text) is not an interval method of survey estimates; use one of \(CIMethod.designBased.map(\.rawValue).joined(separator: ", ")).", field: .ciMethod, value: text)
            }
            options.ciMethod = method
        }
        for entry in entries where RequestParameter(name: entry.name) == .missing {
            let text = entry.value.trimmingCharacters(in: .whitespaces).lowercased()
            if entry.name == "exclude-missing" {
                guard let flag = Self.bool(text) else {
                    throw SurveyError(.invalidRequest, "exclude-missing \(text) is not true or false; write \(parameter: .missing, "exclude") or \(parameter: .missing, "include").", field: .missing, value: text)
                }
                options.missing = flag ? .exclude : .include
            } else {
                guard let policy = MissingPolicy(rawValue: text) else {
                    throw SurveyError(.invalidRequest, "\(parameter: .missing, text) is neither include nor exclude; write \(parameter: .missing, "exclude") to leave out \"Don't know\" and \"Refused\".", field: .missing, value: text)
                }
                options.missing = policy
            }
        }
        if let lang = value(.lang) { options.language = lang }
        request.options = options
        if !values(.by).isEmpty { request.by = list(.by) }
        if let filter = value(.filter) { request.filter = filter }

        // Measures, in the order they were given.
        var measures: [Measure] = []
        for entry in entries {
            guard let parameter = RequestParameter(name: entry.name) else { continue }
            let names = entry.value.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            switch parameter {
            case .mean: measures += names.map { Measure(.mean, $0) }
            case .total: measures += names.map { Measure(.total, $0) }
            case .proportion: measures += names.map { Measure(.proportion, $0) }
            case .quantile: measures += names.map { Measure.quantiles($0, probabilities: []) }
            case .ratio:
                for text in names {
                    let parts = text.split(separator: "/", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
                    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                        throw SurveyError(.invalidRequest, "\(parameter: .ratio, text) is not NUMERATOR/DENOMINATOR; write e.g. \(parameter: .ratio, "api.stu/enroll").", field: .ratio, value: text)
                    }
                    measures.append(Measure(.ratio, parts[0], denominator: parts[1]))
                }
            case .mentions, .mentioned:
                guard !names.isEmpty else {
                    throw SurveyError(.invalidRequest, "\(parameter: parameter) names no columns; write the coded mention columns, e.g. \(parameter: parameter, "reason1_code,reason2_code").", field: parameter, value: entry.value)
                }
                measures.append(.mentions(parameter == .mentions ? .mentions : .mentioned, columns: names))
            default: break
            }
        }
        if !values(.probabilities).isEmpty {
            var probabilities: [Double] = []
            for text in list(.probabilities) {
                guard let p = Double(text), p > 0, p < 1 else {
                    let hint = Double(text).flatMap { $0 > 1 && $0 < 100 ? $0 / 100 : nil }
                    throw SurveyError(.invalidRequest, "\(parameter: .probabilities, text) is not a probability strictly between 0 and 1; write e.g. \(parameter: .probabilities, hint.map { "\($0)" } ?? "0.25,0.5,0.75").", field: .probabilities, value: text)
                }
                probabilities.append(p)
            }
            guard measures.contains(where: { $0.statistic == .quantile }) || request.measures.contains(where: { $0.statistic == .quantile }) else {
                throw SurveyError(.invalidRequest, "\(parameter: .probabilities) applies to quantiles, but the request asks for none; add \(parameter: .quantile, "VARIABLE") or leave \(parameter: .probabilities) out.", field: .probabilities, value: value(.probabilities))
            }
            for i in measures.indices where measures[i].statistic == .quantile { measures[i].probabilities = probabilities }
            for i in request.measures.indices where request.measures[i].statistic == .quantile { request.measures[i].probabilities = probabilities }
        }
        if !measures.isEmpty { request.measures = measures }

        // Differences between the groups of the breakdown.
        if let text = value(.differences) {
            guard let flag = Self.bool(text) else {
                throw SurveyError(.invalidRequest, "\(parameter: .differences, text) is not true or false; write \(parameter: .differences, "true") for the differences between the groups of \(parameter: .by).", field: .differences, value: text)
            }
            request.differences = flag ? (request.differences ?? DifferencesSpec()) : nil
        }
        if let reference = value(.reference) {
            guard request.differences != nil else {
                throw SurveyError(.invalidRequest, "\(parameter: .reference, reference) names the group to compare the others with, but the request asks for no differences; add \(parameter: .differences, "true") or leave \(parameter: .reference) out.", field: .reference, value: reference)
            }
            request.differences?.reference = reference
        }
        if request.differences != nil, request.by.count != 1 {
            let by = request.by
            throw SurveyError(.invalidRequest, "\(parameter: .differences) compares the groups of one breakdown, but the request has \(by.isEmpty ? "none" : "\(by.count) (\(by.joined(separator: ", ")))"); name exactly one with \(parameter: .by, by.first ?? "GROUP").", field: .differences, value: by.joined(separator: ","))
        }

        // A regression.
        if let model = value(.model) {
            var regression = request.regression ?? RegressionSpec(model: model)
            regression.model = model
            request.regression = regression
        }
        if let text = value(.family) {
            guard let family = RegressionFamily(rawValue: text.lowercased()) else {
                throw SurveyError(.invalidRequest, "\(parameter: .family, text) is not a model family; use one of \(RegressionFamily.allCases.map(\.rawValue).joined(separator: ", ")).", field: .family, value: text)
            }
            guard request.regression != nil else {
                throw SurveyError(.invalidRequest, "\(parameter: .family, text) is the family of a regression, but the request has no model; add \(parameter: .model, "OUTCOME ~ PREDICTORS") or leave \(parameter: .family) out.", field: .family, value: text)
            }
            request.regression?.family = family
        }
        if let event = value(.event) {
            guard request.regression != nil else {
                throw SurveyError(.invalidRequest, "\(parameter: .event, event) names the event of a logistic regression, but the request has no model; add \(parameter: .model, "OUTCOME ~ PREDICTORS") or leave \(parameter: .event) out.", field: .event, value: event)
            }
            request.regression?.event = event
        }
        if let text = value(.oddsRatios) ?? (entries.contains { RequestParameter(name: $0.name) == .oddsRatios } ? "" : nil) {
            guard let flag = Self.bool(text) else {
                throw SurveyError(.invalidRequest, "\(parameter: .oddsRatios, text) is not true or false.", field: .oddsRatios, value: text)
            }
            guard request.regression != nil || !flag else {
                throw SurveyError(.invalidRequest, "\(parameter: .oddsRatios) applies to a logistic regression, but the request has no model; add \(parameter: .model, "OUTCOME ~ PREDICTORS") \(parameter: .family, "binomial").", field: .oddsRatios, value: text)
            }
            request.regression?.oddsRatios = flag
        }

        // Design (command line only; refused above elsewhere).
        if let w = value(.weight) { request.design.weights = w }
        if let s = value(.strata) { request.design.strata = s }
        if !values(.cluster).isEmpty { request.design.clusters = list(.cluster) }
        if !values(.fpc).isEmpty { request.design.fpc = list(.fpc) }
        if let text = value(.nest) {
            guard let flag = Self.bool(text) else {
                throw SurveyError(.invalidRequest, "nest \(text) is not true or false.", field: .nest, value: text)
            }
            request.design.nest = flag
        }
        if let text = value(.lonelyPSU) {
            guard let policy = LonelyPSUPolicy(rawValue: text) else {
                throw SurveyError(.invalidRequest, "\(parameter: .lonelyPSU, text) is not a lonely-PSU policy; use one of \(LonelyPSUPolicy.allCases.map(\.rawValue).joined(separator: ", ")).", field: .lonelyPSU, value: text)
            }
            request.design.lonelyPSU = policy
        }

        // A trend of a concept, or of shares of mentions across waves (`wave=all`, `waves=` or
        // `compare=` with `mentions=`/`mentioned=`), or one wave.
        let waveChoice = value(.wave).flatMap { $0 == "all" ? nil : $0 }
        let followsMentions = request.measures.contains { $0.statistic == .mentions || $0.statistic == .mentioned }
            && (value(.wave) == "all" || !values(.waves).isEmpty || !values(.compare).isEmpty || request.trend != nil)
        if value(.concept) != nil || followsMentions {
            var trend = request.trend ?? TrendSpec(concept: nil)
            trend.concept = value(.concept)
            if !values(.waves).isEmpty || waveChoice != nil { trend.waves = list(.waves) + (waveChoice.map { [$0] } ?? []) }
            if trend.concept == nil {
                for p in [RequestParameter.levels, .collapse, .net] where !values(p).isEmpty {
                    throw SurveyError(.invalidRequest, "\(parameter: p) applies to the trend of a concept, but the request follows shares of mentions, which have no levels to merge or net score; leave \(parameter: p) out.", field: p, value: value(p))
                }
            }
            if !values(.levels).isEmpty { trend.levels = list(.levels) }
            let groups = values(.collapse)
            if !groups.isEmpty {
                trend.collapse = []
                for text in groups {
                    guard let group = TrendSpec.LevelGroup(parsing: text) else {
                        throw SurveyError(.invalidRequest, "\(parameter: .collapse, text) is not NAME=LEVEL+LEVEL; write e.g. \(parameter: .collapse, "favourable=very_favourable+somewhat_favourable").", field: .collapse, value: text)
                    }
                    trend.collapse.append(group)
                }
            }
            let words = list(.compare)
            if !words.isEmpty {
                let (changes, invalid) = TrendSpec.Changes.parse(words)
                if let invalid {
                    throw SurveyError(.invalidRequest, "\(parameter: .compare, invalid) is not FROM:TO, consecutive, first-last or none; write e.g. \(parameter: .compare, "2021-spring:2022-autumn").", field: .compare, value: invalid)
                }
                trend.changes = changes
            }
            if let text = value(.net) {
                guard let flag = Self.bool(text.lowercased()) else {
                    throw SurveyError(.invalidRequest, "\(parameter: .net, text) is not true or false.", field: .net, value: text)
                }
                trend.netScore = flag
            }
            request.trend = trend
            request.wave = nil
        } else {
            for p in [RequestParameter.waves, .levels, .collapse, .compare, .net] where !values(p).isEmpty {
                throw SurveyError(.invalidRequest, "\(parameter: p) applies to the trend of a concept or of shares of mentions, but the request names neither; add \(parameter: .concept, "ID") or \(parameter: .mentions, "CODED1,CODED2").", field: p, value: value(p))
            }
            if let waveChoice { request.wave = waveChoice }
        }
        return request
    }

    /// `true`/`false` and their usual spellings; an empty value (a bare flag) is true.
    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "", "true", "yes", "on", "1": true
        case "false", "no", "off", "0": false
        default: nil
        }
    }
}
