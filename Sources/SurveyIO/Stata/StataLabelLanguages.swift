/// Stata's label languages (`label language`), mapped to the BCP 47 tags of ``LocalizedText``.
///
/// A data set with several label languages stores the labels of the current language in the
/// usual places and those of each other language `L` in characteristics: `_dta[_lang_list]`
/// lists the languages, `_dta[_lang_c]` names the current one, `var[_lang_v_L]` holds the
/// variable label of `var` in `L`, `var[_lang_l_L]` the name of its value-label set in `L`, and
/// `_dta[_lang_v_L]` the data label in `L`.
///
/// Language names become tags: a name that already looks like a tag (`en`, `ru`, `kk_Cyrl`,
/// with `_` for `-`) is used as it is; common English names (`english`, `russian`, …) become
/// their two-letter codes; `default` (Stata's name when no language was set) becomes `en`
/// unless English is also present; other names are kept in lower case. Without
/// `_dta[_lang_list]` every label is English (`en`), as ``LocalizedText`` assumes.
struct StataLabelLanguages: Sendable, Equatable {
    /// The Stata name of the current language.
    let current: String
    /// The Stata names of the other languages, in the file's order.
    let others: [String]
    private let tags: [String: String]

    /// The languages declared by the `_dta` characteristics `chars`.
    init(dataCharacteristics chars: [String: String]) {
        let list = (chars["_lang_list"] ?? "").split(separator: " ").map(String.init)
        guard !list.isEmpty else {
            current = "default"
            others = []
            tags = ["default": "en"]
            return
        }
        let current = chars["_lang_c"].flatMap { $0.isEmpty ? nil : $0 } ?? list[0]
        self.current = current
        others = list.filter { $0 != current }
        let all = [current] + others
        let hasEnglish = all.contains { StataLabelLanguages.tag(for: $0) == "en" }
        var tags: [String: String] = [:]
        for name in all {
            tags[name] = name == "default" && !hasEnglish ? "en" : StataLabelLanguages.tag(for: name)
        }
        self.tags = tags
    }

    /// The tag of a language of this file.
    func tag(_ name: String) -> String { tags[name] ?? StataLabelLanguages.tag(for: name) }

    /// The tag for a Stata language name.
    static func tag(for name: String) -> String {
        let lower = name.lowercased()
        if let code = names[lower] { return code }
        let parts = name.split(separator: "_", omittingEmptySubsequences: false)
        if let first = parts.first, (2 ... 3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
           parts.dropFirst().allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }) {
            return ([first.lowercased()] + parts.dropFirst().map(String.init)).joined(separator: "-")
        }
        return lower
    }

    /// The Stata language name for a tag: `-` becomes `_` (Stata names hold letters, digits, `_`).
    static func stataName(for tag: String) -> String {
        String(tag.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    }

    private static let names: [String: String] = [
        "english": "en", "russian": "ru", "kazakh": "kk", "spanish": "es", "espanol": "es", "español": "es",
        "portuguese": "pt", "portugues": "pt", "português": "pt", "french": "fr", "francais": "fr", "français": "fr",
        "german": "de", "deutsch": "de", "italian": "it", "georgian": "ka", "armenian": "hy", "azerbaijani": "az",
        "ukrainian": "uk", "belarusian": "be", "kyrgyz": "ky", "uzbek": "uz", "tajik": "tg", "turkmen": "tk",
        "turkish": "tr", "arabic": "ar", "chinese": "zh", "japanese": "ja", "korean": "ko", "polish": "pl",
        "dutch": "nl", "romanian": "ro", "hungarian": "hu", "czech": "cs", "greek": "el", "hebrew": "he",
        "persian": "fa", "hindi": "hi", "mongolian": "mn", "swahili": "sw", "swedish": "sv", "finnish": "fi",
    ]
}
