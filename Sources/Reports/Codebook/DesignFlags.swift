import Foundation
import SurveyCore

/// A sampling design written as the flags of `barometer estimate`, e.g.
/// `--weight indwt --strata substratum --cluster psu --fpc npsu`, so that a design stored in
/// a file (Stata's `svyset`) can be read and retyped.
public enum DesignFlags {
    /// The flags and their values, one element per word; defaults are left out.
    public static func arguments(for spec: DesignSpec) -> [String] {
        var words: [String] = []
        if let w = spec.weights { words += ["--weight", w] }
        if let s = spec.strata { words += ["--strata", s] }
        for c in spec.clusters { words += ["--cluster", c] }
        for f in spec.fpc { words += ["--fpc", f] }
        if spec.nest { words.append("--nest") }
        if spec.lonelyPSU != .fail { words += ["--lonely-psu", spec.lonelyPSU.rawValue] }
        if let r = spec.replicateWeights {
            words += ["--replicate-weights", r.pattern, "--replicate-type", r.type.rawValue]
            if let rho = r.fayRho { words += ["--fay-rho", NumberFormatting.code(rho)] }
            if let scale = r.scale { words += ["--replicate-scale", NumberFormatting.code(scale)] }
            if let rscales = r.rscales { words += ["--replicate-rscales", rscales.map(NumberFormatting.code).joined(separator: ",")] }
        }
        if let r = spec.replicates {
            words += ["--replicates", r.type.rawValue]
            if let count = r.count { words += ["--replicates-count", String(count)] }
            if let seed = r.seed { words += ["--seed", String(seed)] }
            if let rho = r.fayRho { words += ["--fay-rho", NumberFormatting.code(rho)] }
        }
        if spec.replicateWeights?.mse == true || spec.replicates?.mse == true { words.append("--mse") }
        return words
    }

    /// The flags as one line a shell reads back to the same words (names quoted when needed).
    public static func commandLine(for spec: DesignSpec) -> String {
        arguments(for: spec).map(shellQuoted).joined(separator: " ")
    }

    /// `word` as is when it holds only letters, digits and `_.-/:`, else in single quotes.
    static func shellQuoted(_ word: String) -> String {
        let safe = !word.isEmpty && word.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "_.-/:".unicodeScalars.contains($0)
        }
        return safe ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
