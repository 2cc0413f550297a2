import Translations

/// The words around a chart, already in the reader's language: a title, an optional subtitle,
/// a source line and notes. Any Unicode text is fine (Cyrillic, Kazakh ә ғ қ ң ө ұ ү һ і); it is
/// escaped for XML when drawn and wrapped to the chart's width.
public struct ChartText: Sendable, Equatable {
    /// The catalog's words in ``language``.
    var words: Translator { Translator(tag: language) }

    /// The headline, e.g. "Opinion of Russia, 2017–2024".
    public var title: String
    /// A line under the title, e.g. the question as asked.
    public var subtitle: String?
    /// Where the numbers come from, e.g. "Source: Central Asia Barometer (simulated data),
    /// n = 24,112; 95% confidence intervals".
    public var source: String?
    /// Further lines under the source (wording changes, definitions), one paragraph each.
    public var notes: [String]
    /// The accessible description (`<desc>`); nil lets the chart describe its data in a sentence
    /// or two (what is shown, the range of waves, the latest values).
    public var description: String?
    /// The reader's language (BCP 47), in which the chart describes its data when
    /// `description` is nil (words from the ``Translations`` catalog).
    public var language: String

    public init(
        title: String, subtitle: String? = nil, source: String? = nil, notes: [String] = [], description: String? = nil,
        language: String = "en"
    ) {
        self.language = language
        self.title = title
        self.subtitle = subtitle
        self.source = source
        self.notes = notes
        self.description = description
    }
}
