/// The respondents of one demo wave as columns of codes (the codebook's codes), filled in
/// stages: the sample and its design, the weights, then covariates and answers.
struct DemoRespondents {
    // Sample and design.
    var region: [Int] = []
    var settlement: [Int] = []
    var stratum: [Int] = []
    /// Settlement (PSU) identifier; empty in telephone waves.
    var psu: [Int] = []
    var sex: [Int] = []
    var age: [Int] = []
    /// 1 (18–29) … 5 (60+).
    var ageGroup: [Int] = []
    var designWeight: [Double] = []
    var weight: [Double] = []

    // Covariates.
    var ethnicity: [Int] = []
    /// 1 Kazakh, 2 Russian.
    var language: [Int] = []
    var education: [Int] = []
    /// 1 yes, 2 no.
    var russianMedia: [Int] = []

    /// Answer codes per attitude variable (system-missing: nil).
    var answers: [String: [Int]] = [:]
    var reasons: [[String?]] = [[], []]

    var count: Int { region.count }

    /// Whether respondent i's region lies in the Russian-speaking north (incl. Karaganda).
    func zone(_ i: Int) -> DemoRegion.Zone { DemoRegion.all[region[i] - 1].zone }
}
