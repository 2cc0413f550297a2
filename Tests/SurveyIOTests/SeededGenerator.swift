import SurveyCore

/// The seeded generator of the randomized tests: SurveyCore's ``SplitMix64``, so that random
/// data sets are the same in every run and a failure names a case that can be made again.
typealias SeededGenerator = SplitMix64
