import ArgumentParser
import Reports
import Foundation
import SurveyCore
import TextCoding
import Weighting

// The vocabulary's enums are read from the command line by their raw values; ArgumentParser
// lists the values in help and in the message for a bad one.

extension LonelyPSUPolicy: ExpressibleByArgument {}
/// Only the design-based methods: `bootstrap` is the reliability of coders' own, not one to ask for.
extension CIMethod: ExpressibleByArgument {
    public init?(argument: String) {
        guard let method = CIMethod(rawValue: argument), CIMethod.designBased.contains(method) else { return nil }
        self = method
    }

    public static var allValueStrings: [String] { designBased.map(\.rawValue) }
}
extension ReliabilityMetric: ExpressibleByArgument {}
extension MissingPolicy: ExpressibleByArgument {}
extension PercentBase: ExpressibleByArgument {}
extension IndependenceTest: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension WeightingMethod: ExpressibleByArgument {}
extension ReplicateType: ExpressibleByArgument {}

/// `LO,HI`, e.g. `0.3,3`; `inf` and `-inf` for no limit.
extension WeightLimits: ExpressibleByArgument {
    public init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        func value(_ text: String) -> Double? {
            switch text {
            case "inf", "+inf": return .infinity
            case "-inf": return -.infinity
            default: return Double(text)
            }
        }
        guard parts.count == 2, let lower = value(parts[0]), let upper = value(parts[1]), lower < upper else { return nil }
        self.init(lower: lower, upper: upper)
    }
}
