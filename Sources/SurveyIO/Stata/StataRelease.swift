/// The layout of one `.dta` release: the widths of its fixed fields, as Stata's `help dta`
/// describes formats 113 to 119 and as older releases (102 to 111) were documented by Stata
/// Corp. in the technical notes of their manuals.
///
/// | release | Stata | notes |
/// | --- | --- | --- |
/// | 102, 103 | 1, 2 | 16-bit observation count in 102 |
/// | 104, 105 | 3, 4 | 32-byte labels; 105 adds the time stamp and expansion fields |
/// | 108 | 6 | 81-byte labels, variable-length value labels |
/// | 110, 111 | 7 | 33-byte names; 111 introduces the 251–255 type codes |
/// | 113 | 8, 9 | extended missing values `.a`–`.z` |
/// | 114, 115 | 10–12 | 49-byte display formats |
/// | 117 | 13 | tagged sections, `strL` |
/// | 118 | 14–19 | UTF-8, 129-byte names, 64-bit observation count |
/// | 119 | 15–19 (MP) | more than 32,767 variables |
struct StataRelease: Sendable, Equatable {
    let number: Int

    static let known: Set<Int> = [102, 103, 104, 105, 108, 110, 111, 113, 114, 115, 117, 118, 119]

    init?(_ number: Int) {
        guard StataRelease.known.contains(number) else { return nil }
        self.number = number
    }

    /// The releases ``StataWriter`` writes.
    static let release118 = StataRelease(number: 118)
    static let release119 = StataRelease(number: 119)

    private init(number: Int) { self.number = number }

    /// Releases 117 and later wrap each section in XML-like tags.
    var isTagged: Bool { number >= 117 }
    /// Releases 118 and later store text as UTF-8.
    var isUnicode: Bool { number >= 118 }
    /// Release 113 introduced `.a`–`.z` and narrowed the range of valid integers.
    var hasExtendedMissing: Bool { number >= 113 }

    /// Bytes of a variable name (and of a value-label name and a characteristic name).
    var nameLength: Int { number >= 118 ? 129 : number >= 110 ? 33 : 9 }
    /// Bytes of a value-label set name in the value-label section.
    var valueLabelNameLength: Int { nameLength }
    /// Bytes of a display format.
    var formatLength: Int { number >= 118 ? 57 : number >= 114 ? 49 : number >= 105 ? 12 : 7 }
    /// Bytes of a variable label.
    var variableLabelLength: Int { number >= 118 ? 321 : number >= 108 ? 81 : 32 }
    /// Bytes of the data label in releases before 117 (later releases give its length).
    var fixedDataLabelLength: Int { number >= 108 ? 81 : 32 }
    /// Bytes of the time stamp in releases 105 to 115.
    var fixedTimestampLength: Int { number >= 105 ? 18 : 0 }
    /// Bytes of one sort-list entry.
    var sortEntryLength: Int { number >= 119 ? 4 : 2 }
    /// Bytes of the variable count in the header.
    var variableCountLength: Int { number >= 119 ? 4 : 2 }
    /// Bytes of the observation count in the header.
    var observationCountLength: Int { number >= 118 ? 8 : number >= 103 ? 4 : 2 }
    /// Bytes of the data label's length in the header of a tagged file.
    var dataLabelLengthLength: Int { number >= 118 ? 2 : 1 }
    /// Bytes of the length of an expansion field (105 to 115).
    var expansionLengthLength: Int { number >= 110 ? 4 : 2 }
    /// The width of `v` in a `strL` reference (v, o) of the data section; `o` takes the rest of 8.
    var strLVariableWidth: Int { number >= 119 ? 3 : number == 118 ? 2 : 4 }
    /// Value labels before 108 are fixed 8-byte texts for 16-bit codes.
    var hasFixedValueLabels: Bool { number < 108 }
}
