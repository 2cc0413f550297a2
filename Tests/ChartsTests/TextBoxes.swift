@testable import Charts

/// Estimated boxes of the `<text>` elements of a chart, from their position, anchor, size and
/// weight, measured with the charts' own TextMetrics.
struct TextBox {
    var text: String
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double

    func overlaps(_ other: TextBox) -> Bool {
        left < other.right - 0.5 && other.left < right - 0.5 && top < other.bottom - 0.5 && other.top < bottom - 0.5
    }

    static func boxes(_ tree: SVGTree, metrics: TextMetrics = TextMetrics()) -> [TextBox] {
        let rootSize = tree.root?.number("font-size") ?? 12
        return tree.elements(named: "text").map { e in
            let size = e.number("font-size").isNaN ? rootSize : e.number("font-size")
            let bold = e.attributes["font-weight"] == "700"
            let w = metrics.width(of: e.text, fontSize: size, bold: bold)
            let x = e.number("x"), y = e.number("y")
            let left: Double
            switch e.attributes["text-anchor"] {
            case "middle": left = x - w / 2
            case "end": left = x - w
            default: left = x
            }
            return TextBox(text: e.text, left: left, right: left + w, top: y - size * 0.75, bottom: y + size * 0.22)
        }
    }
}
