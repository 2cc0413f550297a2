import Foundation
@testable import SurveyCore
import Testing

/// Quantiles: the probabilities of a request, the rows they make and the errors of bad input.
/// (Their numbers are checked against R in ConformanceTests.)
@Suite("Quantiles")
struct QuantileTests {
    @Test("the rows of a quantile carry the probability as their level, in the order asked")
    func rowsPerProbability() throws {
        let request = AnalysisRequest(design: design(), measures: [.quantiles("age", probabilities: [0.5, 0.1])], by: ["region"])
        let result = try AnalysisEngine.run(request, on: try smallSample())
        #expect(result.rows.map(\.level) == ["0.5", "0.1", "0.5", "0.1"])
        #expect(result.rows.allSatisfy { $0.statistic == .quantile && $0.ci?.method == .woodruff })
        // Every quantile is one of the domain's values.
        let north = (0..<6).map { Double(18 + 5 * $0) }, south = (6..<12).map { Double(18 + 5 * $0) }
        for row in result.rows {
            let values = row.domain.entries.first?.value == "North" ? north : south
            #expect(values.contains(try #require(row.estimate)))
        }
    }

    @Test("a measure without probabilities gets the quartiles")
    func defaultProbabilities() throws {
        let result = try AnalysisEngine.run(
            AnalysisRequest(design: design(), measures: [Measure(.quantile, "age")]), on: try smallSample())
        #expect(result.rows.map(\.level) == ["0.25", "0.5", "0.75"])
    }

    @Test("the math rule: the smallest value whose cumulative weight share reaches p, with R's quirks")
    func mathRule() {
        var domain = QuantileEstimator.SortedDomain()
        domain.values = [1, 2, 3, 4]
        domain.cumulativeWeights = [1, 2, 3, 4]
        domain.total = 4
        #expect(domain.quantile(0.5) == 2)   // exactly half at 2
        #expect(domain.quantile(0.51) == 3)
        #expect(domain.quantile(0.3) == 2)
        #expect(domain.quantile(0.999) == 4)
        // Below the first value's share R's qrule_math gives the second value.
        #expect(domain.quantile(0.1) == 2)
    }

    @Test("probabilities from every surface go through the one table")
    func probabilitiesParameter() throws {
        let request = try RequestParameters(pairs: [("quantile", "age,score"), ("probabilities", "0.1, 0.9")], surface: .query).request()
        #expect(request.measures == [.quantiles("age", probabilities: [0.1, 0.9]), .quantiles("score", probabilities: [0.1, 0.9])])
    }

    @Test("a probability outside (0, 1) is refused naming the parameter and value",
          arguments: ["0", "1", "50", "-0.2", "half"])
    func probabilityOutOfRange(_ text: String) {
        #expect {
            _ = try RequestParameters(pairs: [("quantile", "age"), ("probabilities", text)], surface: .commandLine).request()
        } throws: { error in
            guard let error = error as? SurveyError else { return false }
            return error.field == .probabilities && error.message.contains("--probabilities \(text)")
                && error.message.contains("strictly between 0 and 1")
        }
        let error = failure(AnalysisRequest(design: design(), measures: [.quantiles("age", probabilities: [Double(text) ?? 2])]),
                            on: try! smallSample())
        #expect(error?.field == .probabilities)
        #expect(error?.message.contains("not strictly between 0 and 1") == true)
    }

    @Test("probabilities without a quantile are refused")
    func probabilitiesWithoutQuantile() {
        #expect {
            _ = try RequestParameters(pairs: [("mean", "age"), ("probabilities", "0.5")], surface: .commandLine).request()
        } throws: { error in
            (error as? SurveyError)?.message.contains("add --quantile VARIABLE") == true
        }
    }

    @Test("a quantile of a categorical variable is refused naming the variable")
    func nonNumericVariable() throws {
        let error = failure(AnalysisRequest(design: design(), measures: [Measure(.quantile, "answer")]), on: try smallSample())
        #expect(error?.kind == .invalidVariable)
        #expect(error?.field == .quantile)
        #expect(error?.message.contains("'answer'") == true)
        #expect(error?.message.contains("has no quantile") == true)
    }

    @Test("an empty domain is refused by the filter, not estimated")
    func emptyDomain() throws {
        let error = failure(AnalysisRequest(design: design(), measures: [Measure(.quantile, "age")], filter: "age > 500"),
                            on: try smallSample())
        #expect(error?.kind == .emptyDomain)
        #expect(error?.message.contains("age > 500") == true)
    }

    @Test("a domain whose values are all missing has no quantile row and a warning")
    func domainWithoutValues() throws {
        let values = (0..<12).map { $0 < 6 ? Double.nan : Double($0) }
        var columns = try smallSample().columns
        columns.append(.numeric("late", values))
        let result = try AnalysisEngine.run(
            AnalysisRequest(design: design(), measures: [.quantiles("late", probabilities: [0.5])], by: ["region"]),
            on: try Dataset(columns: columns))
        #expect(result.rows.map { $0.domain.entries.first?.value } == ["South"])
        #expect(result.warnings.contains { $0.contains("No respondent has a value of 'late' in region = North") })
    }

    @Test("quantiles take no interval method")
    func noIntervalMethod() throws {
        let error = failure(AnalysisRequest(design: design(), measures: [Measure(.quantile, "age")],
                                            options: AnalysisOptions(ciMethod: .logit)), on: try smallSample())
        #expect(error?.field == .ciMethod)
        #expect(error?.message.contains("'age' is a quantile") == true)
    }

    @Test("a measure's probabilities survive JSON")
    func codable() throws {
        let measure = Measure.quantiles("age", probabilities: [0.1, 0.5])
        let data = try JSONEncoder().encode(measure)
        #expect(try JSONDecoder().decode(Measure.self, from: data) == measure)
    }
}
