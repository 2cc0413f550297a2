/// The sums behind calibration residuals: for every calibration of the design, every domain
/// and every calibration column k, Σ_i b_ik × (respondent i's cell sums), accumulated like the
/// sums of a sampling unit, so that the same linearization gives Σ_i b_ik z_i
/// (``CalibrationAdjustment``). Empty when the design is not calibrated.
struct CalibrationCells {
    let design: SurveyDesign
    let domainCount: Int
    /// Sums per cell.
    let width: Int

    /// Per calibration, sums laid out `[(domain · K + k) · width + slot]`.
    /// - Parameters:
    ///   - domainOfRow: the domain of respondent i, or −1 outside every domain.
    ///   - add: adds respondent i times m to the sums at a pointer; false when i is missing.
    func accumulate(domainOfRow: (Int) -> Int, add: (Int, Double, UnsafeMutablePointer<Double>) -> Bool) -> [[Double]] {
        design.calibrations.map { calibration in
            let k = calibration.columnCount
            var buffer = [Double](repeating: 0, count: domainCount * k * width)
            buffer.withUnsafeMutableBufferPointer { buffer in
                let sums = buffer.baseAddress!
                for term in calibration.terms {
                    // b read in one pass over its storage (raking derives it from its factors).
                    term.b.forEach { i, b in
                        let column = Int(term.column[i])
                        if column < 0 { return }
                        let d = domainOfRow(i)
                        if d < 0 { return }
                        _ = add(i, b, sums + (d * k + column) * width)
                    }
                }
            }
            return buffer
        }
    }

    /// Σ_i b_ik z_iq per calibration, laid out `[(domain · Q + q) · K + k]` as
    /// ``TaylorVariance`` takes them, from the sums by the estimator's own linearization
    /// `linearize(sums, offset, domain, &out, outOffset)`, which writes Q values.
    func linearized(
        _ sums: [[Double]], quantityCount q: Int, using linearize: ([Double], Int, Int, inout [Double], Int) -> Void
    ) -> [[Double]] {
        zip(design.calibrations, sums).map { calibration, buffer in
            let k = calibration.columnCount
            var out = [Double](repeating: 0, count: domainCount * q * k)
            var values = [Double](repeating: 0, count: q)
            for d in 0..<domainCount {
                for column in 0..<k {
                    linearize(buffer, (d * k + column) * width, d, &values, 0)
                    for r in 0..<q {
                        let v = values[r]
                        out[(d * q + r) * k + column] = v.isFinite ? v : 0
                    }
                }
            }
            return out
        }
    }
}
