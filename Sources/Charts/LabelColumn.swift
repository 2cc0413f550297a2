/// The width of a column of labels (bar labels at the left, line labels at the right) and the
/// lines of each label: as narrow as the widest label, at most `preferred` of the content width
/// when the labels fit there in `maxLines` lines without breaking a word, else widened step by
/// step up to `widest`, where a label may take one line more; only beyond that are words broken
/// or labels cut with an ellipsis.
enum LabelColumn {
    static func fit(_ labels: [String], metrics: TextMetrics, fontSize: Double, contentWidth: Double,
                    preferred: Double, widest: Double, maxLines: Int = 2) -> (width: Double, lines: [[String]]) {
        let natural = labels.map { metrics.width(of: $0, fontSize: fontSize) }.max() ?? 0
        let low = contentWidth * preferred, high = max(contentWidth * widest, low)
        if natural <= low { return (natural, labels.map { [$0] }) }
        let longestWord = labels.flatMap { $0.split(separator: " ") }.map { metrics.width(of: String($0), fontSize: fontSize) }.max() ?? 0
        var width = max(low, min(longestWord, high))
        while width < high {
            if labels.allSatisfy({ metrics.wrap($0, maxWidth: width, fontSize: fontSize).count <= maxLines }) { break }
            width += 4
        }
        width = min(width, high, natural)
        let fits = labels.allSatisfy { metrics.wrap($0, maxWidth: max(width, 20), fontSize: fontSize).count <= maxLines }
        let lines = fits ? maxLines : maxLines + 1
        return (width, labels.map { metrics.wrap($0, maxWidth: max(width, 20), fontSize: fontSize, maxLines: lines) })
    }
}
