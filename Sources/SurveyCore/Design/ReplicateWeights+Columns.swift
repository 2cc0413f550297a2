import Foundation

extension ReplicateWeights {
    /// The replicate weights named by `spec` in `dataset`, with the constants R's
    /// `svrepdesign()` sets for the type when the spec leaves them out (scale 1/R for BRR,
    /// 1/(R(1 − ρ)²) for Fay, (R − 1)/R for JK1, 1/(R − 1) for the bootstrap, 4/R for
    /// successive differences, 1 otherwise; rscales 1, required for JKn).
    ///
    /// - Parameter samplingWeights: the full-sample weights, for the check that the replicate
    ///   weights are combined weights like them.
    /// - Throws: ``SurveyError`` naming the pattern, column, value or constant at fault.
    public init(_ spec: ReplicateWeightsSpec, dataset: Dataset) throws(SurveyError) {
        let names = try Self.columnNames(spec.pattern, in: dataset)
        let R = names.count
        guard R >= 2 else {
            throw SurveyError(.invalidDesign, "\(parameter: .replicateWeights, spec.pattern) names \(R == 1 ? "only '\(names[0])'" : "one column"); a replicate design needs at least two replicate weight columns, so widen the pattern (e.g. 'rw*') or list the columns.", field: .replicateWeights, value: spec.pattern)
        }
        let n = dataset.rowCount
        var columns: [[Double]] = []
        for name in names {
            let column = try dataset.column(name)
            guard case .numeric(let v) = column.values else {
                throw SurveyError(.invalidWeights, "The replicate weight column '\(name)' is \(column.typeName), not numeric; \(parameter: .replicateWeights) must name numeric columns of weights.", field: .replicateWeights, value: name)
            }
            columns.append(v)
        }
        // Row-major, in blocks of rows small enough to stay in cache while every column is
        // written into them (a column read sequentially, its block written with a stride).
        var values = [Double](repeating: 0, count: n * R)
        let block = 4096
        values.withUnsafeMutableBufferPointer { out in
            for start in stride(from: 0, to: n, by: block) {
                let end = min(n, start + block)
                for r in 0..<R {
                    columns[r].withUnsafeBufferPointer { column in
                        for i in start..<end { out[i * R + r] = column[i] }
                    }
                }
            }
        }
        let scale: Double
        var rscales = [Double](repeating: 1, count: R)
        if let given = spec.rscales {
            guard given.count == 1 || given.count == R else {
                throw SurveyError(.invalidDesign, "\(parameter: .replicateRscales) has \(given.count) values for \(R) replicate weight columns; give one per column (in the order \(names.prefix(3).joined(separator: ", "))\(R > 3 ? ", …" : "")) or a single value for all.", field: .replicateRscales, value: given.map { NumberFormatting.code($0) }.joined(separator: ","))
            }
            rscales = given.count == 1 ? [Double](repeating: given[0], count: R) : given
            if let bad = rscales.first(where: { !($0 >= 0) || !$0.isFinite }) {
                throw SurveyError(.invalidDesign, "\(parameter: .replicateRscales) holds \(NumberFormatting.code(bad)); every rscale must be zero or positive.", field: .replicateRscales, value: NumberFormatting.code(bad))
            }
        }
        if let s = spec.scale, !(s > 0 && s.isFinite) {
            throw SurveyError(.invalidDesign, "\(parameter: .replicateScale, NumberFormatting.code(s)) is not a positive number; give the variance's constant, e.g. \(parameter: .replicateScale, "0.05").", field: .replicateScale, value: NumberFormatting.code(s))
        }
        if spec.fayRho != nil, spec.type != .fay {
            throw SurveyError(.invalidDesign, "\(parameter: .fayRho) applies to Fay's replicates only, but \(parameter: .replicateType, spec.type.rawValue) was given; leave it out or use \(parameter: .replicateType, "fay").", field: .fayRho, value: spec.fayRho.map { NumberFormatting.code($0) })
        }
        switch spec.type {
        case .brr, .fay, .sdr:
            if spec.scale != nil || spec.rscales != nil {
                let which: RequestParameter = spec.scale != nil ? .replicateScale : .replicateRscales
                throw SurveyError(.invalidDesign, "\(parameter: .replicateType, spec.type.rawValue) sets the variance's constants itself, so \(parameter: which) does not apply; leave it out, or use \(parameter: .replicateType, "other") to give your own.", field: which, value: nil)
            }
            if spec.type == .fay {
                guard let rho = spec.fayRho else {
                    throw SurveyError(.invalidDesign, "Fay's replicates need the ρ they were made with; add \(parameter: .fayRho, "0.5") (or the value the data's documentation gives).", field: .fayRho, value: nil)
                }
                guard rho >= 0, rho < 1 else {
                    throw SurveyError(.invalidDesign, "\(parameter: .fayRho, NumberFormatting.code(rho)) is outside [0, 1); Fay's ρ is the factor of the half-sample left out, e.g. 0.5.", field: .fayRho, value: NumberFormatting.code(rho))
                }
                scale = 1 / (Double(R) * (1 - rho) * (1 - rho))
            } else {
                scale = spec.type == .brr ? 1 / Double(R) : 4 / Double(R)
            }
        case .jk1: scale = spec.scale ?? Double(R - 1) / Double(R)
        case .jkn:
            guard spec.rscales != nil else {
                throw SurveyError(.invalidDesign, "JKn replicate weights need their rscales, (n_h − 1)/n_h for the stratum each replicate drops a PSU from; give them with \(parameter: .replicateRscales, "0.5,0.5,…") in column order (they are in the data's documentation), or use \(parameter: .replicateType, "jk1") if the design has no strata.", field: .replicateRscales, value: nil)
            }
            scale = spec.scale ?? 1
        case .bootstrap: scale = spec.scale ?? 1 / Double(R - 1)
        case .other: scale = spec.scale ?? 1
        }
        try self.init(type: spec.type, count: R, values: values, scale: scale, rscales: rscales, mse: spec.mse,
                      fayRho: spec.fayRho, columns: names)
    }

    /// The columns of `pattern`: a comma list, or a glob (`*`, `?`) matched against the data's
    /// columns in their order.
    static func columnNames(_ pattern: String, in dataset: Dataset) throws(SurveyError) -> [String] {
        let all = dataset.columns.map(\.name)
        if pattern.contains(",") {
            let names = pattern.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for name in names where !all.contains(name) {
                throw SurveyError(.unknownVariable, "\(parameter: .replicateWeights) names '\(name)', which is not a column of the data\(NameSuggester.closest(to: name, among: all).first.map { "; did you mean '\($0)'?" } ?? "; check the spelling").", field: .replicateWeights, value: name)
            }
            return names
        }
        let matched = all.filter { Self.glob(pattern, matches: $0) }
        guard !matched.isEmpty else {
            throw SurveyError(.unknownVariable, "\(parameter: .replicateWeights, pattern) matches no column of the data; write a glob such as 'rw*' or list the columns, e.g. 'rw1,rw2,rw3'.", field: .replicateWeights, value: pattern)
        }
        return matched
    }

    /// Whether `name` matches the glob `pattern` (`*` any run, `?` one character).
    static func glob(_ pattern: String, matches name: String) -> Bool {
        let p = Array(pattern), s = Array(name)
        var pi = 0, si = 0, star = -1, mark = 0
        while si < s.count {
            if pi < p.count, p[pi] == "?" || p[pi] == s[si] { pi += 1; si += 1 }
            else if pi < p.count, p[pi] == "*" { star = pi; mark = si; pi += 1 }
            else if star >= 0 { pi = star + 1; mark += 1; si = mark }
            else { return false }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
