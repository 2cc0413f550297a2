import Foundation
import ZIPFoundation

/// An .xlsx package opened for ``XLSXReader``: its parts by name, the workbook's sheets found
/// through the package's relationships (ECMA-376 Part 2), each part's XML parsed defensively.
struct XLSXArchive {
    /// A sheet of the workbook: its name and the path of its part in the archive.
    struct Sheet {
        var name: String
        var path: String
    }

    /// A relationship of a part (`Relationship` in a `.rels` part): its id, type and target.
    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    /// The largest part read, uncompressed: a workbook's XML beyond this is refused rather than
    /// exhausting memory (a "ZIP bomb").
    static let largestPart = 1 << 30

    static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    static let sharedStringsType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"

    let name: String
    private let archive: Archive
    /// The entries by path without case (part names are compared without case).
    private let entries: [String: Entry]
    /// The workbook part's path.
    private let workbookPath: String

    /// Opens the package in `data`; `name` is the file, for messages.
    /// - Throws: ``ReadError`` when the data is not a ZIP archive or holds no workbook.
    init(data: Data, name: String) throws(ReadError) {
        self.name = name
        let notWorkbook = ReadError(.unsupportedFormat, "Cannot read '\(name)': it is not an XLSX workbook (not a readable ZIP archive); save it from the spreadsheet program as an Excel workbook (.xlsx), or as CSV.")
        guard data.count >= 4, data.prefix(2) == Data("PK".utf8) else { throw notWorkbook }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw notWorkbook
        }
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            entries[Self.normalized(entry.path)] = entry
        }
        self.entries = entries
        // The workbook part is the package's officeDocument; xl/workbook.xml by convention.
        var workbook = "xl/workbook.xml"
        if entries[Self.normalized("_rels/.rels")] != nil {
            let relationships = try XLSXArchive.relationships(in: "_rels/.rels", archive: archive, entries: entries, name: name)
            if let target = relationships.first(where: { $0.type == Self.officeDocument })?.target {
                workbook = Self.resolve(target, from: "")
            }
        }
        guard entries[Self.normalized(workbook)] != nil else {
            throw ReadError(.malformed, "Cannot read '\(name)': the archive holds no workbook (\(workbook)), so it is not an XLSX file; save it from the spreadsheet program as an Excel workbook (.xlsx).")
        }
        workbookPath = workbook
    }

    /// The sheets of the workbook, in the order of their tabs.
    func sheets() throws(ReadError) -> [Sheet] {
        let listed = try XMLPart.elements(named: "sheet", in: part(workbookPath), part: workbookPath, file: name)
        let relationships = try workbookRelationships()
        var sheets: [Sheet] = []
        for (index, attributes) in listed.enumerated() {
            let sheetName = attributes["name"] ?? "Sheet \(index + 1)"
            // The r:id attribute, whatever prefix the file gives its namespace.
            let id = attributes["id"]
            let target = relationships.first { $0.id == id }?.target
            let path = target.map { Self.resolve($0, from: Self.folder(of: workbookPath)) } ?? "xl/worksheets/sheet\(index + 1).xml"
            sheets.append(Sheet(name: sheetName, path: path))
        }
        return sheets
    }

    /// The shared-string table, empty when the workbook has none.
    func sharedStrings() throws(ReadError) -> [String] {
        let target = try workbookRelationships().first { $0.type == Self.sharedStringsType }?.target
        let path = target.map { Self.resolve($0, from: Self.folder(of: workbookPath)) } ?? "xl/sharedStrings.xml"
        guard entries[Self.normalized(path)] != nil else { return [] }
        return try XLSXSharedStringsParser.strings(in: part(path), part: path, file: name)
    }

    /// The cells of `sheet` as rows of text (see ``XLSXReader``).
    func cells(of sheet: Sheet, strings: [String]) throws(ReadError) -> [[String]] {
        guard entries[Self.normalized(sheet.path)] != nil else {
            throw ReadError(.malformed, "Cannot read '\(name)': the sheet '\(sheet.name)' has no part \(sheet.path) in the archive; open the workbook in a spreadsheet program and save it again.")
        }
        return try XLSXWorksheetParser.rows(in: part(sheet.path), part: sheet.path, sheet: sheet.name, strings: strings, file: name)
    }

    /// The uncompressed bytes of the part at `path`.
    func part(_ path: String) throws(ReadError) -> Data {
        try Self.part(path, archive: archive, entries: entries, name: name)
    }

    private func workbookRelationships() throws(ReadError) -> [Relationship] {
        let path = Self.folder(of: workbookPath) + "_rels/" + (workbookPath.split(separator: "/").last.map(String.init) ?? "workbook.xml") + ".rels"
        guard entries[Self.normalized(path)] != nil else { return [] }
        return try Self.relationships(in: path, archive: archive, entries: entries, name: name)
    }

    private static func relationships(in path: String, archive: Archive, entries: [String: Entry], name: String) throws(ReadError) -> [Relationship] {
        let data = try part(path, archive: archive, entries: entries, name: name)
        return try XMLPart.elements(named: "Relationship", in: data, part: path, file: name).map {
            Relationship(id: $0["Id"] ?? "", type: $0["Type"] ?? "", target: $0["Target"] ?? "")
        }
    }

    private static func part(_ path: String, archive: Archive, entries: [String: Entry], name: String) throws(ReadError) -> Data {
        guard let entry = entries[normalized(path)] else {
            throw ReadError(.malformed, "Cannot read '\(name)': the archive has no part \(path); open the workbook in a spreadsheet program and save it again.")
        }
        guard entry.uncompressedSize <= UInt64(largestPart) else {
            throw ReadError(.malformed, "Cannot read '\(name)': its part \(path) would be larger than \(largestPart >> 20) MB uncompressed; save the sheet as CSV instead.")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= largestPart else { throw ReadError(.malformed, "") }
                data.append(chunk)
            }
        } catch {
            throw ReadError(.malformed, "Cannot read '\(name)': its part \(path) cannot be unpacked (the archive is damaged); open the workbook in a spreadsheet program and save it again.")
        }
        return data
    }

    /// A part name as stored: without a leading "/", lower-cased for comparison.
    private static func normalized(_ path: String) -> String {
        String(path.drop { $0 == "/" }).lowercased()
    }

    /// The folder of a part (`xl/` for `xl/workbook.xml`), with its trailing "/".
    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// A relationship's target as a path in the archive: absolute ("/xl/worksheets/sheet1.xml")
    /// or relative to `folder`, with "." and ".." resolved.
    static func resolve(_ target: String, from folder: String) -> String {
        let full = target.hasPrefix("/") ? String(target.dropFirst()) : folder + target
        var parts: [Substring] = []
        for piece in full.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }
}
