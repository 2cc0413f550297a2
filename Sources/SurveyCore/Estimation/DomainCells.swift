/// The cells of one request: every (deepest variance-stage unit, domain) combination that
/// holds respondents, with the cell of every respondent. Built once per request; every
/// measure accumulates its weighted sums into these cells in one pass over its columns.
struct DomainCells: Sendable {
    let pairs: PairIndex
    let domainCount: Int
    /// The first-stage PSU of every cell, for domain degrees of freedom.
    let psuOfCell: [Int32]

    init(design: SurveyDesign, variance: TaylorVariance, domains: DomainIndex) {
        pairs = PairIndex(
            first: variance.deepestUnitOfRow, second: domains.domainOfRow,
            firstCount: variance.deepestUnitCount, secondCount: domains.count)
        domainCount = domains.count
        var psu = [Int32](repeating: 0, count: pairs.count)
        let cellOfRow = pairs.pairOfElement
        let psuOfRow = design.primary.unitOfRow
        for i in 0..<design.rowCount where cellOfRow[i] >= 0 { psu[Int(cellOfRow[i])] = psuOfRow[i] }
        psuOfCell = psu
    }

    var count: Int { pairs.count }
    var cellOfRow: [Int32] { pairs.pairOfElement }
    var unitOfCell: [Int32] { pairs.firstOfPair }
    var domainOfCell: [Int32] { pairs.secondOfPair }

    /// Design degrees of freedom of every domain among the cells where `hasRespondents` is
    /// true: PSUs − strata that hold them (R's `degf()` of the subset design).
    func degreesOfFreedom(design: SurveyDesign, hasRespondents: (Int) -> Bool) -> [Int] {
        let primary = design.primary
        var psus: [Int32] = []
        var doms: [Int32] = []
        for c in 0..<count where hasRespondents(c) {
            psus.append(psuOfCell[c])
            doms.append(domainOfCell[c])
        }
        let psuPairs = PairIndex(first: psus, second: doms, firstCount: primary.unitCount, secondCount: domainCount)
        let strata = psuPairs.firstOfPair.map { primary.stratumOfUnit[Int($0)] }
        let strataPairs = PairIndex(first: strata, second: psuPairs.secondOfPair, firstCount: primary.strataCount, secondCount: domainCount)
        var df = [Int](repeating: 0, count: domainCount)
        for d in psuPairs.secondOfPair { df[Int(d)] += 1 }
        for d in strataPairs.secondOfPair { df[Int(d)] -= 1 }
        return df
    }
}
