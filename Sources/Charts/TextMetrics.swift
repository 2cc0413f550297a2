/// Estimated widths of text in a typical sans-serif font, for laying out charts without a
/// browser: wrapping titles and labels, truncating as a last resort, and sizing margins so that
/// nothing overflows the drawing.
///
/// Widths are the advance widths of Arial/Helvetica (from the metric-compatible Liberation Sans)
/// for Latin, Latin-1, Latin Extended-A, Cyrillic (with Kazakh letters ә ғ қ ң ө ұ ү һ і),
/// digits and punctuation, multiplied by ``scale`` (and bold text by ``boldScale`` as well).
/// The defaults (6% wider, bold 5% more) cover Helvetica Neue, Roboto and Segoe UI, and leave
/// room for wider fallbacks. Other scripts take ``defaultAdvance`` (wide East Asian characters
/// a full em); combining marks and format characters take no width. Kerning is ignored, which
/// errs on the wide side.
///
/// Cost: O(n) in the number of Unicode scalars.
public struct TextMetrics: Sendable, Equatable {
    /// Widths are multiplied by this factor (1 = exactly Arial).
    public var scale: Double
    /// Bold widths are multiplied by this factor too: bold faces differ more between fonts.
    public var boldScale: Double
    /// Advance width, in ems, of a character outside the tables.
    public var defaultAdvance: Double

    public init(scale: Double = 1.06, boldScale: Double = 1.05, defaultAdvance: Double = 0.6) {
        self.scale = scale.isFinite && scale > 0 ? scale : 1
        self.boldScale = boldScale.isFinite && boldScale > 0 ? boldScale : 1
        self.defaultAdvance = defaultAdvance.isFinite && defaultAdvance > 0 ? defaultAdvance : 0.6
    }

    /// Advance width of one scalar in ems, before ``scale``.
    func advance(_ scalar: Unicode.Scalar, bold: Bool) -> Double {
        let v = scalar.value
        for block in Self.blocks where v >= block.first && v < block.first + UInt32(block.regular.count) {
            let i = Int(v - block.first)
            let w = bold ? block.bold[i] : block.regular[i]
            if w > 0 { return Double(w) / 1000 }
            break
        }
        switch v {
        case 0x0300...0x036F, 0x200B...0x200F, 0x2060...0x2064, 0xFE00...0xFE0F, 0xFEFF: return 0
        case 0x2212, 0x00D7: return 0.584
        case 0x2116: return bold ? 1.115 : 1.073
        case 0x2190...0x2193: return 1
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0x1F300...0x1FAFF:
            return 1
        default:
            if v < 0x20 { return 0 }
            return defaultAdvance
        }
    }

    /// Width of `text` in user units (pixels) at `fontSize`.
    public func width(of text: String, fontSize: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += advance(scalar, bold: bold) }
        return ems * fontSize * scale * (bold ? boldScale : 1)
    }

    /// `text` broken into lines no wider than `maxWidth`: at spaces (and after explicit line
    /// breaks), a word longer than a line broken between characters, and when more than
    /// `maxLines` lines would be needed, the last line truncated with an ellipsis.
    ///
    /// Always returns at least one line (an empty string for empty input).
    public func wrap(
        _ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false, maxLines: Int = .max
    ) -> [String] {
        let limit = max(0, maxLines)
        guard limit > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrapParagraph(String(paragraph), maxWidth: maxWidth, fontSize: fontSize, bold: bold)
        }
        if lines.isEmpty { lines = [""] }
        if lines.count > limit {
            let rest = lines[(limit - 1)...].joined(separator: " ")
            lines = Array(lines[..<(limit - 1)])
            lines.append(truncate(rest, maxWidth: maxWidth, fontSize: fontSize, bold: bold, forceEllipsis: true))
        }
        return lines
    }

    /// `text` unchanged if it fits in `maxWidth`, else cut at a character and ended with "…".
    public func truncate(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false) -> String {
        truncate(text, maxWidth: maxWidth, fontSize: fontSize, bold: bold, forceEllipsis: false)
    }

    func truncate(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool, forceEllipsis: Bool) -> String {
        if !forceEllipsis, width(of: text, fontSize: fontSize, bold: bold) <= maxWidth + 1e-9 { return text }
        let ellipsis = "…"
        var budget = maxWidth - width(of: ellipsis, fontSize: fontSize, bold: bold)
        var kept = ""
        for ch in text {
            let w = width(of: String(ch), fontSize: fontSize, bold: bold)
            if w > budget { break }
            budget -= w
            kept.append(ch)
        }
        while let last = kept.last, last == " " { kept.removeLast() }
        return kept + ellipsis
    }

    private func wrapParagraph(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool) -> [String] {
        var words: [String] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            // "24 112": a space between digit groups does not break.
            if let previous = words.last, previous.last?.isNumber == true, Self.isDigitGroup(word) {
                words[words.count - 1] += " " + word
            } else {
                words.append(word)
            }
        }
        guard !words.isEmpty else { return [""] }
        let space = width(of: " ", fontSize: fontSize, bold: bold)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0.0
        for word in words {
            let w = width(of: word, fontSize: fontSize, bold: bold)
            if line.isEmpty {
                if w <= maxWidth + 1e-9 {
                    line = word
                    lineWidth = w
                } else {
                    let pieces = breakWord(word, maxWidth: maxWidth, fontSize: fontSize, bold: bold)
                    lines += pieces.dropLast()
                    line = pieces.last ?? ""
                    lineWidth = width(of: line, fontSize: fontSize, bold: bold)
                }
            } else if lineWidth + space + w <= maxWidth + 1e-9 {
                line += " " + word
                lineWidth += space + w
            } else {
                lines.append(line)
                if w <= maxWidth + 1e-9 {
                    line = word
                    lineWidth = w
                } else {
                    let pieces = breakWord(word, maxWidth: maxWidth, fontSize: fontSize, bold: bold)
                    lines += pieces.dropLast()
                    line = pieces.last ?? ""
                    lineWidth = width(of: line, fontSize: fontSize, bold: bold)
                }
            }
        }
        lines.append(line)
        return lines
    }

    /// Three digits, then nothing or something that is not a digit ("112", "112;").
    private static func isDigitGroup(_ word: String) -> Bool {
        let chars = Array(word)
        guard chars.count >= 3, chars[0..<3].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return chars.count == 3 || !chars[3].isNumber
    }

    /// A word wider than a line, in pieces that each fit (at least one character per piece).
    private func breakWord(_ word: String, maxWidth: Double, fontSize: Double, bold: Bool) -> [String] {
        var pieces: [String] = []
        var piece = ""
        var pieceWidth = 0.0
        for ch in word {
            let w = width(of: String(ch), fontSize: fontSize, bold: bold)
            if !piece.isEmpty, pieceWidth + w > maxWidth {
                pieces.append(piece)
                piece = ""
                pieceWidth = 0
            }
            piece.append(ch)
            pieceWidth += w
        }
        if !piece.isEmpty { pieces.append(piece) }
        return pieces
    }
}
