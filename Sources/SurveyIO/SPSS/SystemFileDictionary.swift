/// The records of an SPSS system file before its data, as raw bytes and numbers, parsed but
/// not yet decoded to text (the encoding is known only once the extension records are read).
///
/// Layout and record types follow PSPP, *System File Format*: the file header record, variable
/// records (type 2), value label records (types 3 and 4), the document record (type 6),
/// extension records (type 7) and the dictionary termination record (type 999).
struct SystemFileDictionary {
    /// One variable record that is not the continuation of a long string.
    struct VariableRecord {
        /// 1-based position among all variable records, continuations included.
        var dictionaryIndex: Int
        /// 0-based index of the variable's first 8-byte unit in a case.
        var slot: Int
        /// 0 for numeric, the width in bytes (1 to 255) for a string.
        var width: Int
        /// 8-byte units the variable takes in a case (1 plus its continuation records).
        var slotCount: Int
        var name: [UInt8]
        var label: [UInt8]?
        /// `n_missing_values`: 0 to 3 discrete values, -2 a range, -3 a range plus a value.
        var missingCount: Int
        /// The raw 8-byte missing values (numbers in the file's byte order, or text).
        var missingValues: [[UInt8]]
        var print: SPSSFormat
        var write: SPSSFormat
    }

    /// A value label record (type 3) with the variables its type-4 record applies it to.
    struct ValueLabelSet {
        var labels: [(value: [UInt8], label: [UInt8])]
        var dictionaryIndexes: [Int]
    }

    /// An extension record (type 7) kept for later decoding.
    struct Extension {
        var subtype: Int
        var size: Int
        var count: Int
        var data: [UInt8]
    }

    var productName: [UInt8] = []
    var bigEndian = false
    /// 0 none, 1 bytecode, 2 zlib.
    var compression = 0
    /// 1-based dictionary index of the weight variable, 0 when unweighted.
    var weightIndex = 0
    /// Cases the header declares; -1 when unknown.
    var caseCount = -1
    var bias = 100.0
    var fileLabel: [UInt8] = []
    var variables: [VariableRecord] = []
    /// Variable records including continuations: the number of 8-byte units in a case.
    var slotCount = 0
    var valueLabelSets: [ValueLabelSet] = []
    var documents: [[UInt8]] = []
    var extensions: [Extension] = []
    /// Where the data record begins.
    var dataOffset = 0

    /// The first extension record of `subtype`, if any.
    func extensionRecord(_ subtype: Int) -> Extension? { extensions.first { $0.subtype == subtype } }

    /// All extension records of `subtype`, in file order.
    func extensionRecords(_ subtype: Int) -> [Extension] { extensions.filter { $0.subtype == subtype } }

    /// The variable record with a given 1-based dictionary index.
    func variable(atDictionaryIndex index: Int) -> VariableRecord? {
        // Records are in index order, so a binary search finds it.
        var low = 0, high = variables.count
        while low < high {
            let mid = (low + high) / 2
            if variables[mid].dictionaryIndex < index { low = mid + 1 } else { high = mid }
        }
        return low < variables.count && variables[low].dictionaryIndex == index ? variables[low] : nil
    }

    // MARK: - Parsing

    /// Size of the file header record.
    static let headerSize = 176

    /// A cursor over the whole file.
    typealias FileCursor = ByteCursor<UnsafeRawBufferPointer>

    /// Parses everything up to and including the dictionary termination record. What it keeps
    /// is copied out of `bytes`, which need only be valid during the call.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(SPSSFormatError) -> SystemFileDictionary {
        var dictionary = SystemFileDictionary()
        var cursor = try dictionary.parseHeader(bytes)
        try dictionary.parseRecords(&cursor)
        dictionary.dataOffset = cursor.offset
        return dictionary
    }

    private mutating func parseHeader(_ bytes: UnsafeRawBufferPointer) throws(SPSSFormatError) -> FileCursor {
        try Self.checkMagic(bytes)
        guard bytes.count >= Self.headerSize else { throw .truncated("the file header", at: bytes.count) }
        let layoutLittle = ByteCursor.uint32(bytes, at: 64, bigEndian: false)
        let layoutBig = ByteCursor.uint32(bytes, at: 64, bigEndian: true)
        if layoutLittle == 2 || layoutLittle == 3 {
            bigEndian = false
        } else if layoutBig == 2 || layoutBig == 3 {
            bigEndian = true
        } else {
            throw .damaged("its header has the layout code \(Int32(bitPattern: layoutLittle)) where SPSS writes 2 or 3")
        }
        var cursor = ByteCursor(bytes, offset: 4, bigEndian: bigEndian)
        productName = try cursor.bytes(60, "the file header")
        _ = try cursor.int32("the file header")  // layout code
        _ = try cursor.int32("the file header")  // nominal case size: unreliable, not used
        compression = try cursor.int("the file header")
        weightIndex = try cursor.int("the file header")
        caseCount = try cursor.int("the file header")
        bias = try cursor.double("the file header")
        try cursor.skip(17, "the file header")  // creation date and time
        fileLabel = try cursor.bytes(64, "the file header")
        try cursor.skip(3, "the file header")

        let zlibMagic = bytes[3] == UInt8(ascii: "3")
        guard (0...2).contains(compression) else {
            throw .damaged("its header gives the compression code \(compression), which is none of 0 (none), 1 (bytecode) or 2 (zlib)")
        }
        guard zlibMagic == (compression == 2) else {
            throw .damaged("its header says \(zlibMagic ? "$FL3 (zlib)" : "$FL2") but gives the compression code \(compression)")
        }
        if caseCount < -1 { caseCount = -1 }
        return cursor
    }

    /// Refuses files that are not system files, naming what they are when that is known.
    private static func checkMagic(_ bytes: UnsafeRawBufferPointer) throws(SPSSFormatError) {
        func starts(_ text: String, at offset: Int = 0) -> Bool {
            let pattern = Array(text.utf8)
            return bytes.count >= offset + pattern.count && bytes[offset..<(offset + pattern.count)].elementsEqual(pattern)
        }
        if starts("ENCRYPTED", at: 8) {
            throw SPSSFormatError(.unsupportedFormat, "the file is encrypted with a password; decrypt it in SPSS (open it with its password, then File > Save As without encryption) and read the saved copy")
        }
        if starts("$FL2") || starts("$FL3") { return }
        if bytes.count >= 4, bytes[0..<4].elementsEqual([0x5B, 0xC6, 0xD3, 0xF2]) {
            throw SPSSFormatError(.unsupportedFormat, "it is an EBCDIC system file from a mainframe, which Barometer does not read; save it again as a .sav file on a PC")
        }
        if bytes.count < 4 {
            throw SPSSFormatError(.malformed, "the file is only \(bytes.count) bytes long, too short to be an SPSS system file; copy it again from its source")
        }
        if bytes.count >= 8, bytes[0..<8].elementsEqual([2, 0, 0, 0, 0, 0, 0, 0]) {
            throw SPSSFormatError(.unsupportedFormat, "it is an SPSS/PC+ system file from the 1980s, which Barometer does not read; open it in SPSS or PSPP and save it as a .sav file")
        }
        if starts("ASCII SPSS PORT FILE", at: 40) || starts("SPSS PORT FILE", at: 6) {
            throw SPSSFormatError(.unsupportedFormat, "it is an SPSS portable file, not a system file; give it the extension .por")
        }
        throw SPSSFormatError(.unsupportedFormat, "it does not start with '$FL2' or '$FL3', so it is not an SPSS system file (.sav or .zsav); check that the file is the one you meant")
    }

    private mutating func parseRecords(_ cursor: inout FileCursor) throws(SPSSFormatError) {
        var dictionaryIndex = 0
        while true {
            let recordOffset = cursor.offset
            let type = try cursor.int32("the dictionary (it has no dictionary termination record)")
            switch type {
            case 2:
                try parseVariable(&cursor, dictionaryIndex: &dictionaryIndex)
            case 3:
                try parseValueLabels(&cursor)
            case 4:
                throw .damaged("a value label variables record at byte \(recordOffset) follows no value label record")
            case 6:
                let lines = try cursor.int("the document record")
                guard lines >= 0, lines <= cursor.remaining / 80 else {
                    throw .damaged("the document record at byte \(recordOffset) claims \(lines) lines of 80 bytes, more than the file holds")
                }
                for _ in 0..<lines { documents.append(try cursor.bytes(80, "the document record")) }
            case 7:
                try parseExtension(&cursor, at: recordOffset)
            case 999:
                _ = try cursor.int32("the dictionary termination record")
                completeLastString(&dictionaryIndex)
                slotCount = dictionaryIndex
                return
            default:
                throw .damaged("byte \(recordOffset) holds the record type \(type), which is not an SPSS record type")
            }
        }
    }

    /// Some writers (a PHP library among them) leave out the continuation records of long
    /// strings; readers such as ReadStat then number the variables as if they were there, and
    /// so does this one.
    private mutating func completeLastString(_ dictionaryIndex: inout Int) {
        guard let last = variables.last, last.width > 0 else { return }
        let needed = (last.width + 7) / 8
        if last.slotCount < needed {
            dictionaryIndex += needed - last.slotCount
            variables[variables.count - 1].slotCount = needed
        }
    }

    private mutating func parseVariable(_ cursor: inout FileCursor, dictionaryIndex next: inout Int) throws(SPSSFormatError) {
        let dictionaryIndex = next + 1
        let what = "variable record \(dictionaryIndex)"
        let width = try cursor.int(what)
        let hasLabel = try cursor.int(what)
        let missingCount = try cursor.int(what)
        let print = SPSSFormat(packed: try cursor.uint32(what))
        let write = SPSSFormat(packed: try cursor.uint32(what))
        let name = try cursor.bytes(8, what)
        var label: [UInt8]?
        if hasLabel != 0 {
            let length = try cursor.int(what)
            guard length >= 0, length <= cursor.remaining else {
                throw .damaged("variable record \(dictionaryIndex) claims a label of \(length) bytes, more than the file holds")
            }
            label = try cursor.bytes(length, what)
            try cursor.skip((4 - length % 4) % 4, what)
        }
        guard [-3, -2, 0, 1, 2, 3].contains(missingCount) else {
            throw .damaged("variable record \(dictionaryIndex) claims \(missingCount) missing values, where SPSS allows -3 to 3")
        }
        var missing: [[UInt8]] = []
        for _ in 0..<abs(missingCount) { missing.append(try cursor.bytes(8, what)) }

        switch width {
        case -1:
            // Continuation of the long string before it.
            guard let last = variables.last, last.width > 0,
                  last.slotCount < (last.width + 7) / 8, last.slot + last.slotCount == dictionaryIndex - 1 else {
                throw .damaged("variable record \(dictionaryIndex) continues a long string, but no string variable needs it")
            }
            variables[variables.count - 1].slotCount += 1
            next = dictionaryIndex
        case 0...255:
            completeLastString(&next)
            variables.append(VariableRecord(
                dictionaryIndex: next + 1, slot: next, width: width, slotCount: 1,
                name: name, label: label, missingCount: missingCount, missingValues: missing,
                print: print, write: write))
            next += 1
        default:
            throw .damaged("variable record \(dictionaryIndex) has the type \(width), where SPSS writes 0 (numeric), a string width from 1 to 255, or -1")
        }
    }

    private mutating func parseValueLabels(_ cursor: inout FileCursor) throws(SPSSFormatError) {
        let start = cursor.offset - 4
        let count = try cursor.int("a value label record")
        // Each label takes at least 16 bytes.
        guard count >= 0, count <= cursor.remaining / 16 else {
            throw .damaged("the value label record at byte \(start) claims \(count) labels, more than the file holds")
        }
        var labels: [(value: [UInt8], label: [UInt8])] = []
        labels.reserveCapacity(count)
        for _ in 0..<count {
            let value = try cursor.bytes(8, "a value label record")
            let length = Int(try cursor.byte("a value label record"))
            let label = try cursor.bytes(length, "a value label record")
            try cursor.skip((8 - (length + 1) % 8) % 8, "a value label record")
            labels.append((value, label))
        }
        let type = try cursor.int32("a value label record")
        guard type == 4 else {
            throw .damaged("the value label record at byte \(start) is not followed by its value label variables record")
        }
        let variableCount = try cursor.int("a value label variables record")
        guard variableCount >= 0, variableCount <= cursor.remaining / 4 else {
            throw .damaged("the value label variables record after byte \(start) claims \(variableCount) variables, more than the file holds")
        }
        var indexes: [Int] = []
        indexes.reserveCapacity(variableCount)
        for _ in 0..<variableCount { indexes.append(try cursor.int("a value label variables record")) }
        valueLabelSets.append(ValueLabelSet(labels: labels, dictionaryIndexes: indexes))
    }

    private mutating func parseExtension(_ cursor: inout FileCursor, at start: Int) throws(SPSSFormatError) {
        let subtype = try cursor.int("an extension record")
        let size = try cursor.int("an extension record")
        let count = try cursor.int("an extension record")
        let (total, overflow) = size.multipliedReportingOverflow(by: count)
        guard size >= 0, count >= 0, !overflow, total <= cursor.remaining else {
            throw .damaged("the extension record (subtype \(subtype)) at byte \(start) claims \(count) items of \(size) bytes, more than the file holds")
        }
        let data = try cursor.bytes(total, "an extension record")
        extensions.append(Extension(subtype: subtype, size: size, count: count, data: data))
    }
}
