/// What every chart shares: the document (`<svg>` with `viewBox`, `role="img"`, `<title>`,
/// `<desc>`, font and background), the title and subtitle at the top, the source and notes at
/// the bottom, and the text colours. Charts lay out their plots between ``headerHeight`` and
/// the footer.
struct ChartFrame {
    let style: ChartStyle
    let text: ChartText
    let width: Double
    let padding: Double
    let ink: Ink
    let fontSize: Double
    let metrics: TextMetrics

    private let titleLines: [String]
    private let subtitleLines: [String]
    private let footerLines: [String]

    var titleSize: Double { fontSize * 1.5 }
    var subtitleSize: Double { fontSize + 1 }
    var footerSize: Double { max(8, fontSize - 1) }
    var contentWidth: Double { width - 2 * padding }

    init(style: ChartStyle, text: ChartText) {
        self.style = style
        self.text = text
        self.width = style.resolvedWidth
        self.padding = 16
        self.ink = Ink(background: style.backgroundColor)
        self.fontSize = style.resolvedFontSize
        self.metrics = style.metrics
        let contentWidth = width - 2 * padding
        // Long lines of large text keep 6% in reserve for fonts wider than planned.
        titleLines = text.title.isEmpty ? [] :
            metrics.wrap(text.title, maxWidth: contentWidth * 0.94, fontSize: fontSize * 1.5, bold: true, maxLines: 4)
        subtitleLines = (text.subtitle ?? "").isEmpty ? [] :
            metrics.wrap(text.subtitle!, maxWidth: contentWidth * 0.94, fontSize: fontSize + 1, maxLines: 4)
        var footer: [String] = []
        for paragraph in [text.source].compactMap({ $0 }) + text.notes where !paragraph.isEmpty {
            footer += metrics.wrap(paragraph, maxWidth: contentWidth, fontSize: max(8, fontSize - 1), maxLines: 6)
        }
        footerLines = footer
    }

    /// Height of title and subtitle with the padding above and the gap below.
    var headerHeight: Double {
        var h = padding
        h += Double(titleLines.count) * titleSize * 1.25
        if !subtitleLines.isEmpty { h += 4 + Double(subtitleLines.count) * subtitleSize * 1.3 }
        return h + 12
    }

    /// Height of source and notes with the gap above and the padding below.
    var footerHeight: Double {
        footerLines.isEmpty ? padding : 14 + Double(footerLines.count) * footerSize * 1.35 + padding - 4
    }

    func drawHeader(_ svg: inout SVGWriter) {
        var y = padding
        for line in titleLines {
            y += titleSize * 1.25
            svg.element("text", [("class", "chart-title"), ("x", n(padding)), ("y", n(y - titleSize * 0.3)),
                                 ("font-size", n(titleSize)), ("font-weight", "700"), ("fill", ink.text)], text: line)
        }
        if !subtitleLines.isEmpty { y += 4 }
        for line in subtitleLines {
            y += subtitleSize * 1.3
            svg.element("text", [("class", "chart-subtitle"), ("x", n(padding)), ("y", n(y - subtitleSize * 0.35)),
                                 ("font-size", n(subtitleSize)), ("fill", ink.secondary)], text: line)
        }
    }

    /// Draws source and notes in a footer that ends at `height`.
    func drawFooter(_ svg: inout SVGWriter, height: Double) {
        guard !footerLines.isEmpty else { return }
        var y = height - footerHeight + 14
        for line in footerLines {
            y += footerSize * 1.35
            svg.element("text", [("class", "chart-source"), ("x", n(padding)), ("y", n(y - footerSize * 0.35)),
                                 ("font-size", n(footerSize)), ("fill", ink.secondary)], text: line)
        }
    }

    /// The complete document around `body`.
    func document(height: Double, description: String, body: SVGWriter) -> String {
        let h = height.isFinite ? max(height, 60) : 400
        let id = Self.sanitizedID(style.idPrefix)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(h))\" "
        out += "viewBox=\"0 0 \(n(width)) \(n(h))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
        out += "font-family=\"\(SVGWriter.escape(style.fontFamily))\" font-size=\"\(n(fontSize))\">\n"
        out += "  <title id=\"\(id)-title\">\(SVGWriter.escape(text.title))</title>\n"
        out += "  <desc id=\"\(id)-desc\">\(SVGWriter.escape(text.description ?? description))</desc>\n"
        out += "  <rect class=\"background\" x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(h))\" fill=\"\(SVGWriter.escape(ink.background))\"/>\n"
        out += body.markup
        out += "</svg>\n"
        return out
    }

    /// `text` as an XML name: letters, digits, '-', '_', '.', starting with a letter.
    static func sanitizedID(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            let ok = ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "_" || s == "."
            if ok { out.unicodeScalars.append(s) }
        }
        if let first = out.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) { return out }
        return "chart" + out
    }

    /// A placeholder in an empty plot area.
    func drawNoData(_ svg: inout SVGWriter, x: Double, y: Double, label: String = "No data") {
        svg.element("text", [("class", "no-data"), ("x", n(x)), ("y", n(y)), ("text-anchor", "middle"),
                             ("font-size", n(fontSize)), ("fill", ink.secondary)], text: label)
    }
}

/// Text and line colours that contrast with the background.
struct Ink {
    let background: String
    /// Titles and labels (≥ 12:1 on white).
    let text: String
    /// Subtitles, ticks, source (≥ 7:1 on white).
    let secondary: String
    /// Gridlines.
    let grid: String
    /// Axis lines and the zero line.
    let axis: String
    let backgroundColor: RGBColor

    init(background: RGBColor) {
        self.backgroundColor = background
        self.background = background.hex
        if background.luminance > 0.4 {
            text = "#1a1a1a"; secondary = "#595959"; grid = "#e3e3e3"; axis = "#6e6e6e"
        } else {
            text = "#f2f2f2"; secondary = "#c4c4c4"; grid = "#444444"; axis = "#9e9e9e"
        }
    }

    /// `color` darkened (or lightened on dark backgrounds) until it is readable text: 4.5:1.
    func readable(_ color: String) -> String {
        let c = RGBColor(hex: color) ?? RGBColor(r: 0.35, g: 0.35, b: 0.35)
        if backgroundColor.luminance > 0.4 { return c.darkened(toContrast: 4.5, against: backgroundColor).hex }
        var t = 0.0
        var l = c
        while t < 1, l.contrast(with: backgroundColor) < 4.5 { t += 0.02; l = c.mixed(with: .white, t) }
        return l.hex
    }
}
