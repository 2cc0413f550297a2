import ArgumentParser
import Foundation

/// The rscales of replicate weights: comma-separated numbers, e.g. `0.5,0.5,0.667`.
struct ReplicateScales: ExpressibleByArgument {
    let values: [Double]

    init?(argument: String) {
        let parsed = argument.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !parsed.isEmpty, parsed.allSatisfy({ $0 != nil }) else { return nil }
        values = parsed.map { $0! }
    }
}
