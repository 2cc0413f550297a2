/// How one variable is stored in the data section of a `.dta` file.
enum StataStorageType: Sendable, Equatable {
    case byte, int, long, float, double
    /// A fixed-width string of 1 to 2045 bytes (`str1` … `str2045`).
    case str(Int)
    /// A long string stored in the strL section, referenced from the data by (v, o).
    case strL

    /// Bytes per value in the data section.
    var width: Int {
        switch self {
        case .byte: 1
        case .int: 2
        case .long, .float: 4
        case .double, .strL: 8
        case .str(let n): n
        }
    }

    var isString: Bool {
        switch self {
        case .str, .strL: true
        default: false
        }
    }

    var name: String {
        switch self {
        case .byte: "byte"
        case .int: "int"
        case .long: "long"
        case .float: "float"
        case .double: "double"
        case .str(let n): "str\(n)"
        case .strL: "strL"
        }
    }

    /// The type a type code stands for in `release`, or `nil` for an unknown code.
    ///
    /// - 117 and later: 1–2045 `str#`, 32768 `strL`, 65526 double, 65527 float, 65528 long,
    ///   65529 int, 65530 byte.
    /// - 111 to 115: 1–244 `str#`, 251 byte, 252 int, 253 long, 254 float, 255 double.
    /// - before 111: the letters `b`, `i`, `l`, `f`, `d`, and 127 + n for `str`n.
    init?(code: Int, release: StataRelease) {
        if release.isTagged {
            switch code {
            case 1 ... 2045: self = .str(code)
            case 32768: self = .strL
            case 65526: self = .double
            case 65527: self = .float
            case 65528: self = .long
            case 65529: self = .int
            case 65530: self = .byte
            default: return nil
            }
        } else if release.number >= 111 {
            switch code {
            case 1 ... 244: self = .str(code)
            case 251: self = .byte
            case 252: self = .int
            case 253: self = .long
            case 254: self = .float
            case 255: self = .double
            default: return nil
            }
        } else {
            switch code {
            case 98: self = .byte
            case 105: self = .int
            case 108: self = .long
            case 102: self = .float
            case 100: self = .double
            case 128 ... 255: self = .str(code - 127)
            default: return nil
            }
        }
    }

    /// The type code written in release 118 and 119 files.
    var taggedCode: UInt16 {
        switch self {
        case .str(let n): UInt16(clamping: n)
        case .strL: 32768
        case .double: 65526
        case .float: 65527
        case .long: 65528
        case .int: 65529
        case .byte: 65530
        }
    }
}
