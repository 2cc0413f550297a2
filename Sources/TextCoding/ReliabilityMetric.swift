/// How disagreement between two coded values is measured — the level of measurement of the
/// codes (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", §C).
public enum ReliabilityMetric: String, Sendable, CaseIterable, Codable {
    /// Codes are names: two values agree or not (δ² = 0 or 1).
    case nominal
    /// Codes are ranks: disagreement grows with the number of values coded between them,
    /// δ²(c, k) = (Σ_{g=c…k} n_g − (n_c + n_k)/2)².
    case ordinal
    /// Codes are numbers on an interval scale: δ²(c, k) = (c − k)².
    case interval
    /// Codes are numbers with a true zero: δ²(c, k) = ((c − k)/(c + k))².
    case ratio
}
