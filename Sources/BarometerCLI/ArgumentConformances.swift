import ArgumentParser
import Reports
import SurveyCore

// The vocabulary's enums are read from the command line by their raw values; ArgumentParser
// lists the values in help and in the message for a bad one.

extension LonelyPSUPolicy: ExpressibleByArgument {}
extension CIMethod: ExpressibleByArgument {}
extension PercentBase: ExpressibleByArgument {}
extension IndependenceTest: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
