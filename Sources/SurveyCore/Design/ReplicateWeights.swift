/// How a set of replicate weights was made, which sets the variance's constants as R's
/// `svrepdesign(type =)` does.
public enum ReplicateType: String, Sendable, Codable, CaseIterable {
    /// Delete-one-PSU jackknife without strata: scale (R − 1)/R.
    case jk1
    /// Stratified delete-one-PSU jackknife: scale 1, rscales (n_h − 1)/n_h per replicate.
    case jkn
    /// Balanced repeated replication (half samples): scale 1/R.
    case brr
    /// Fay's modified BRR with ρ: scale 1/(R (1 − ρ)²).
    case fay
    /// Rescaled bootstrap: scale 1/(R − 1).
    case bootstrap
    /// Successive-difference replication: scale 4/R.
    case sdr
    /// Constants given by the user (`--replicate-scale`, `--replicate-rscales`), 1 otherwise.
    case other

    /// The name R's `svrepdesign(type =)` uses.
    public var rName: String {
        switch self {
        case .jk1: "JK1"
        case .jkn: "JKn"
        case .brr: "BRR"
        case .fay: "Fay"
        case .bootstrap: "bootstrap"
        case .sdr: "successive-difference"
        case .other: "other"
        }
    }
}

/// The replicate weights of a compiled design and the constants of their variance
/// (R `svrepdesign`; Lumley 2010, §2.3; Wolter 2007, ch. 3–5).
///
/// For an estimate θ̂ and its replicates θ̂_r (the same estimator with replicate weights r),
///
///     V(θ̂) = scale · Σ_r rscales_r (θ̂_r − θ̄)(θ̂_r − θ̄)ᵀ,
///
/// with θ̄ the mean of the replicates whose rscale is positive, or θ̂ itself when `mse` is set
/// (R's `svrVar`). Replicates whose estimate is undefined (a domain empty in that replicate)
/// are left out, as R's `na.action`.
public struct ReplicateWeights: Sendable {
    public let type: ReplicateType
    /// Number of replicates R.
    public let count: Int
    /// Replicate weights, combined with the sampling weight (R's `combined.weights = TRUE`),
    /// row-major: respondent i in replicate r at `[i · count + r]`.
    public internal(set) var values: [Double]
    public let scale: Double
    /// One per replicate.
    public let rscales: [Double]
    /// Centre the replicates at the full-sample estimate rather than at their mean.
    public let mse: Bool
    /// Fay's ρ, when the type is Fay.
    public let fayRho: Double?
    /// Names of the columns the weights were read from (empty when made from the design).
    public let columns: [String]

    /// - Throws: ``SurveyError`` when the sizes disagree or a weight is negative or undefined.
    public init(
        type: ReplicateType, count: Int, values: [Double], scale: Double, rscales: [Double], mse: Bool,
        fayRho: Double? = nil, columns: [String] = []
    ) throws(SurveyError) {
        guard count >= 2 else {
            throw SurveyError(.invalidDesign, "A replicate design needs at least two replicates, not \(count); give more replicate weight columns.")
        }
        guard values.count % count == 0, rscales.count == count else {
            throw SurveyError(.invalidDesign, "\(rscales.count) rscales were given for \(count) replicates; give one per replicate weight column.")
        }
        if let bad = values.firstIndex(where: { !($0 >= 0) || !$0.isFinite }) {
            let name = columns.isEmpty ? "replicate \(bad % count + 1)" : "'\(columns[bad % count])'"
            throw SurveyError(.invalidWeights, "The replicate weight \(name) is \(NumberFormatting.code(values[bad])) for respondent \(bad / count + 1); replicate weights must be zero or positive and never missing.")
        }
        self.type = type
        self.count = count
        self.values = values
        self.scale = scale
        self.rscales = rscales
        self.mse = mse
        self.fayRho = fayRho
        self.columns = columns
    }

    /// Respondents.
    public var rowCount: Int { values.count / count }

    /// The weights of replicate r, one per respondent.
    public func column(_ r: Int) -> [Double] {
        (0..<rowCount).map { values[$0 * count + r] }
    }

    /// Covariance of quantities from their replicates.
    ///
    /// - Parameters:
    ///   - replicates: the quantities under each replicate, `[r · quantities + k]`.
    ///   - estimate: the full-sample quantities (the centre under `mse`).
    ///   - full: the whole `Q × Q` matrix (row-major), or the Q variances.
    /// - Returns: NaN everywhere when no replicate has all quantities defined.
    public func covariance(replicates: [Double], estimate: [Double], full: Bool) -> [Double] {
        let q = estimate.count
        let width = full ? q * q : q
        guard q > 0 else { return [] }
        let usable = (0..<count).filter { r in (0..<q).allSatisfy { replicates[r * q + $0].isFinite } }
        guard !usable.isEmpty else { return [Double](repeating: .nan, count: width) }
        var centre = estimate
        if !mse {
            centre = [Double](repeating: 0, count: q)
            let positive = usable.filter { rscales[$0] > 0 }
            for r in positive { for k in 0..<q { centre[k] += replicates[r * q + k] } }
            for k in 0..<q { centre[k] /= Double(positive.count) }
        }
        var out = [Double](repeating: 0, count: width)
        var deviation = [Double](repeating: 0, count: q)
        for r in usable {
            for k in 0..<q { deviation[k] = replicates[r * q + k] - centre[k] }
            let m = rscales[r]
            if full {
                for k in 0..<q { for l in 0..<q { out[k * q + l] += m * deviation[k] * deviation[l] } }
            } else {
                for k in 0..<q { out[k] += m * deviation[k] * deviation[k] }
            }
        }
        for k in 0..<width { out[k] *= scale }
        return out
    }

    /// Replicates whose quantities are undefined for some of `replicates` (for a warning).
    public func undefinedReplicates(_ replicates: [Double], quantities q: Int) -> Int {
        (0..<count).filter { r in (0..<q).contains { !replicates[r * q + $0].isFinite } }.count
    }

    /// Degrees of freedom of the respondents where `include` holds: the rank of their
    /// replicate weights less one, as R's `degf()` on a replicate design (`qr(…, tol = 1e-5)`).
    ///
    /// Respondents whose replicate weights are proportional span one direction, so rows are
    /// scaled to unit length and deduplicated before an incremental Gram–Schmidt with R's
    /// relative tolerance, which stops as soon as the rank reaches the number of replicates.
    public func degreesOfFreedom(where include: (Int) -> Bool = { _ in true }) -> Int {
        let R = count
        var seen = Set<Int>()
        var basis: [[Double]] = []
        var row = [Double](repeating: 0, count: R)
        for i in 0..<rowCount where include(i) {
            var norm = 0.0
            for r in 0..<R { row[r] = values[i * R + r]; norm += row[r] * row[r] }
            guard norm > 0 else { continue }
            norm = norm.squareRoot()
            // Proportional rows share one direction: a hash of the rounded unit row finds those
            // seen before without storing them (a collision could only skip a row, never add one).
            var hasher = Hasher()
            for r in 0..<R { hasher.combine((row[r] / norm * 1e12).rounded()) }
            guard seen.insert(hasher.finalize()).inserted else { continue }
            var v = row.map { $0 / norm }
            for _ in 0..<2 {   // twice, for orthogonality in floating point
                for b in basis {
                    var dot = 0.0
                    for r in 0..<R { dot += v[r] * b[r] }
                    for r in 0..<R { v[r] -= dot * b[r] }
                }
            }
            let residual = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if residual > 1e-5 {
                basis.append(v.map { $0 / residual })
                if basis.count == R { break }
            }
        }
        return basis.count - 1
    }
}
