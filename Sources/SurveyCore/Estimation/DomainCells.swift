/// The cells of one request: every (deepest variance-stage unit, domain) combination that
/// holds respondents, with the cell of every respondent. Built once per request; every
/// measure accumulates its weighted sums into these cells in one pass over its columns.
struct DomainCells: Sendable {
    /// The cell of every respondent (−1 outside every domain); empty for cells made by
    /// ``merged(into:domainOf:)``, which are filled from other cells' sums, not from respondents.
    let cellOfRow: [Int32]
    let unitOfCell: [Int32]
    let domainOfCell: [Int32]
    let domainCount: Int
    /// The first-stage PSU of every cell, for domain degrees of freedom.
    let psuOfCell: [Int32]

    init(design: SurveyDesign, variance: TaylorVariance, domains: DomainIndex) {
        let units = variance.deepestUnitCount
        // Domains that hold whole units (everyone in one domain; or, say, regions when PSUs lie
        // in regions), with every respondent in a domain: the cells are the units themselves.
        let domainOfUnit = domains.coversEveryRow
            ? [Int32](repeating: 0, count: units)
            : Self.domainOfEveryUnit(unitOfRow: variance.deepestUnitOfRow, unitCount: units, domainOfRow: domains.domainOfRow)
        if let domainOfUnit {
            cellOfRow = variance.deepestUnitOfRow
            unitOfCell = (0..<Int32(units)).map { $0 }
            domainOfCell = domainOfUnit
            domainCount = domains.count
            psuOfCell = variance.psuOfDeepUnit
            return
        }
        let pairs = PairIndex(
            first: variance.deepestUnitOfRow, second: domains.domainOfRow,
            firstCount: variance.deepestUnitCount, secondCount: domains.count)
        let psuOfUnit = variance.psuOfDeepUnit
        cellOfRow = pairs.pairOfElement
        unitOfCell = pairs.firstOfPair
        domainOfCell = pairs.secondOfPair
        domainCount = domains.count
        psuOfCell = pairs.firstOfPair.map { psuOfUnit[Int($0)] }
    }

    /// The domain of every unit when each unit's respondents all lie in one domain and every
    /// respondent lies in a domain; nil otherwise. One pass, split across cores.
    private static func domainOfEveryUnit(unitOfRow: [Int32], unitCount: Int, domainOfRow: [Int32]) -> [Int32]? {
        let unset: Int32 = -1, mixed: Int32 = -2
        let partials = unitOfRow.withUnsafeBufferPointer { units in
            domainOfRow.withUnsafeBufferPointer { domains in
                RowChunks.map(RowChunks.ranges(unitOfRow.count, accumulatorLength: unitCount)) { range -> [Int32] in
                    var consistent = true
                    let domainOfUnit = [Int32](unsafeUninitializedCapacity: unitCount) { table, count in
                        table.initialize(repeating: unset)
                        count = unitCount
                        for i in range {
                            let u = Int(units[i]), d = domains[i]
                            let seen = table[u]
                            if d < 0 || (seen != unset && seen != d) { consistent = false; return }
                            table[u] = d
                        }
                    }
                    return consistent ? domainOfUnit : [mixed]
                }
            }
        }
        guard var merged = partials.first, merged != [mixed] else { return nil }
        for partial in partials.dropFirst() {
            guard partial != [mixed] else { return nil }
            for u in 0..<unitCount where partial[u] != unset {
                if merged[u] == unset { merged[u] = partial[u] } else if merged[u] != partial[u] { return nil }
            }
        }
        return merged
    }

    private init(unitOfCell: [Int32], domainOfCell: [Int32], domainCount: Int, psuOfCell: [Int32]) {
        cellOfRow = []
        self.unitOfCell = unitOfCell
        self.domainOfCell = domainOfCell
        self.domainCount = domainCount
        self.psuOfCell = psuOfCell
    }

    var count: Int { unitOfCell.count }

    /// The cells of coarser domains: every domain d becomes `domainOf[d]` (of `domainCount`),
    /// so that cells of one unit in domains that merge become one cell. Returns those cells and
    /// the merged cell of every cell of `self`.
    func merged(into domainCount: Int, domainOf: [Int32]) -> (cells: DomainCells, cellOf: [Int32]) {
        let pairs = PairIndex(first: unitOfCell, second: domainOfCell.map { domainOf[Int($0)] },
                              firstCount: (unitOfCell.max().map { Int($0) } ?? -1) + 1, secondCount: domainCount)
        var psu = [Int32](repeating: 0, count: pairs.count)
        for c in 0..<count where pairs.pairOfElement[c] >= 0 { psu[Int(pairs.pairOfElement[c])] = psuOfCell[c] }
        let cells = DomainCells(unitOfCell: pairs.firstOfPair, domainOfCell: pairs.secondOfPair, domainCount: domainCount,
                                psuOfCell: psu)
        return (cells, pairs.pairOfElement)
    }

    /// Design degrees of freedom of every domain among the cells where `hasRespondents` is
    /// true: PSUs − strata that hold them (R's `degf()` of the subset design).
    func degreesOfFreedom(design: SurveyDesign, hasRespondents: (Int) -> Bool) -> [Int] {
        if let replicates = design.replicates, !cellOfRow.isEmpty {
            // R's degf() of the design subset to the domain: the rank of its replicate weights − 1.
            return (0..<domainCount).map { d in
                replicates.degreesOfFreedom { i in
                    let c = Int(cellOfRow[i])
                    return c >= 0 && domainOfCell[c] == d && hasRespondents(c)
                }
            }
        }
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
