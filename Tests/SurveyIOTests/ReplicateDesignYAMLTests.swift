import SurveyCore
@testable import SurveyIO
import Testing

private func read(_ yaml: String) throws(ReadError) -> CodebookDocument {
    try CodebookYAML.read(string: yaml, name: "cb.yaml")
}

private func message(_ yaml: String) -> String? {
    do { _ = try read(yaml); return nil } catch { return error.message }
}

/// `design: {replicates: …}` in codebooks and study.yaml: replicate weights in the data, or
/// made from the strata and clusters.
@Suite("replicates in a YAML design")
struct ReplicateDesignYAMLTests {
    @Test("replicate weights in the data, with every constant")
    func readFromTheData() throws {
        let cb = try read("design:\n  weight: pw\n  replicates: {pattern: 'rw*', type: jkn, rscales: [0.5, 0.75], scale: 1, mse: true}\n").codebook
        #expect(cb.design == DesignSpec(weights: "pw", replicateWeights: ReplicateWeightsSpec(
            pattern: "rw*", type: .jkn, scale: 1, rscales: [0.5, 0.75], mse: true)))
    }

    @Test("replicates made from the design when no pattern is given")
    func madeFromTheDesign() throws {
        let cb = try read("design: {weight: pw, strata: st, cluster: psu, replicates: {type: bootstrap, count: 80, seed: 7}}\n").codebook
        #expect(cb.design?.replicates == ReplicateConversionSpec(type: .bootstrap, count: 80, seed: 7))
        #expect(cb.design?.replicateWeights == nil)
    }

    @Test("a design with replicates is written back as it was read")
    func roundTrip() throws {
        for yaml in ["design:\n  weight: pw\n  replicates: {pattern: 'fay*', type: fay, fay-rho: 0.3}\n",
                     "design: {weight: pw, strata: st, cluster: psu, replicates: {type: jkn, mse: true}}\n"] {
            let cb = try read(yaml).codebook
            let written = try CodebookYAMLEmitter(variables: []).yaml(cb)
            #expect(try read(written).codebook.design == cb.design, "\(written)")
        }
    }

    @Test("mistakes name the line and the fix", arguments: [
        ("design: {replicates: rw}\n", "line 1: the design's `replicates:` holds"),
        ("design: {replicates: {pattern: 'rw*'}}\n", "the design's `replicates:` names no `type`"),
        ("design: {replicates: {pattern: 'rw*', type: jackknife}}\n", "`type: jackknife` is not a replicate type; write one of jk1, jkn"),
        ("design: {replicates: {pattern: 'rw*', type: jk1, count: 5}}\n", "`count` applies to replicates made from the design"),
        ("design: {replicates: {type: jk1, scale: 0.5}}\n", "`scale` describes replicate weights in the data"),
        ("design: {replicates: {pattern: 'rw*', type: jkn, rscales: [a]}}\n", "`rscales` holds 'a', which is not a number"),
        ("design: {replicates: {pattern: 'rw*', type: fay, fay-rho: half}}\n", "`fay-rho: half` is not a number"),
        ("design: {replicates: {pattern: 'rw*', type: jk1, mse: maybe}}\n", "`mse: maybe` is not true or false"),
        ("design: {replicates: {patern: 'rw*', type: jk1}}\n", "unknown key 'patern' in the design's replicates; did you mean 'pattern'?"),
    ])
    func mistakes(_ yaml: String, _ expected: String) {
        #expect(message(yaml)?.contains(expected) == true, "\(message(yaml) ?? "no error")")
    }
}
