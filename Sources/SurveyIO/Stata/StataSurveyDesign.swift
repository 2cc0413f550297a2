import Foundation
import SurveyCore

/// The sampling design that Stata's `svyset` stores in the data set's characteristics, read into
/// a ``DesignSpec`` and written back.
///
/// `svyset psu [pweight=w], strata(s) fpc(N1) singleunit(certainty) || ssu, fpc(N2)` stores
/// `_dta[_svy_su1]` = `psu`, `_dta[_svy_strata1]` = `s`, `_dta[_svy_fpc1]` = `N1`,
/// `_dta[_svy_su2]` = `ssu`, `_dta[_svy_fpc2]` = `N2`, `_dta[_svy_wtype]` = `pweight`,
/// `_dta[_svy_wvar]` = `w`, `_dta[_svy_stages]` = `2`, `_dta[_svy_singleunit]` = `certainty`.
///
/// - A stage whose units are the observations (`_n`) ends the list of clusters: Barometer treats
///   each respondent as its own unit after the last named stage, and drops an fpc given for that
///   stage (R's `svydesign(ids = ~psu + ssu, fpc = ~N1 + N2)` is what is kept).
/// - Stata reads PSU identifiers within their stratum, so a design with strata and clusters is
///   read with `nest` set.
/// - `singleunit()`: `missing` (Stata's default) → ``LonelyPSUPolicy/fail``, `certainty` →
///   ``LonelyPSUPolicy/certainty``, `scaled` → ``LonelyPSUPolicy/average``, `centered` →
///   ``LonelyPSUPolicy/adjust``. Written back the other way; ``LonelyPSUPolicy/remove``, which
///   Stata lacks, is written as `certainty`, its nearest equivalent.
/// - Strata of later stages, post-stratification and replicate weights have no place in a
///   ``DesignSpec`` and are not read.
enum StataSurveyDesign {
    /// The design in the `_dta` characteristics `chars`, or `nil` when the data set is not svyset.
    static func design(from chars: [String: String]) -> DesignSpec? {
        func value(_ key: String) -> String? {
            guard let v = chars[key]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        let weights = value("_svy_wvar")
        let strata = value("_svy_strata1") ?? value("_svy_strata")
        var clusters: [String] = []
        var k = 1
        while k <= 100, let unit = value("_svy_su\(k)") ?? (k == 1 ? value("_svy_su") ?? value("_svy_psu") : nil), unit != "_n" {
            clusters.append(unit)
            k += 1
        }
        var fpc: [String] = []
        for stage in 1 ... max(clusters.count, 1) {
            guard let f = value("_svy_fpc\(stage)") ?? (stage == 1 ? value("_svy_fpc") : nil) else { break }
            fpc.append(f)
        }
        guard weights != nil || strata != nil || !clusters.isEmpty || !fpc.isEmpty else { return nil }
        let lonely: LonelyPSUPolicy
        switch value("_svy_singleunit") {
        case "certainty": lonely = .certainty
        case "scaled": lonely = .average
        case "centered": lonely = .adjust
        default: lonely = .fail
        }
        return DesignSpec(weights: weights, strata: strata, clusters: clusters, fpc: fpc,
                          nest: strata != nil && !clusters.isEmpty, lonelyPSU: lonely)
    }

    /// The `_dta` characteristics `svyset` would store for `design`, in a stable order.
    static func characteristics(for design: DesignSpec) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = [("_svy_version", "2")]
        let stages = max(design.clusters.count, 1)
        for stage in 1 ... stages {
            result.append(("_svy_su\(stage)", stage <= design.clusters.count ? design.clusters[stage - 1] : "_n"))
            if stage == 1, let strata = design.strata { result.append(("_svy_strata1", strata)) }
            if stage <= design.fpc.count { result.append(("_svy_fpc\(stage)", design.fpc[stage - 1])) }
        }
        if let weights = design.weights {
            result.append(("_svy_wtype", "pweight"))
            result.append(("_svy_wvar", weights))
        }
        result.append(("_svy_stages", String(stages)))
        let singleUnit: String
        switch design.lonelyPSU {
        case .fail: singleUnit = "missing"
        case .certainty, .remove: singleUnit = "certainty"
        case .average: singleUnit = "scaled"
        case .adjust: singleUnit = "centered"
        }
        result.append(("_svy_singleunit", singleUnit))
        result.append(("_svy_vce", "linearized"))
        return result
    }
}
