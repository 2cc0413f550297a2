import Foundation
import Testing
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An .xlsx file opened for tests: its parts by path, each checked to be well-formed XML, and
/// the texts of its shared strings and cells read back with Foundation's XML parser.
struct XLSXPackage {
    let parts: [String: Data]

    init(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        self.parts = parts
    }

    func text(_ path: String) -> String {
        String(decoding: parts[path] ?? Data(), as: UTF8.self)
    }

    /// Whether every part parses as XML.
    var isWellFormed: Bool {
        parts.values.allSatisfy { XMLParser(data: $0).parse() }
    }

    /// The shared strings, in order.
    var sharedStrings: [String] {
        XMLElementTexts(part: parts["xl/sharedStrings.xml"] ?? Data(), element: "t").texts
    }

    /// The sheet names of the workbook, in order.
    var sheetNames: [String] {
        XMLElementTexts(part: parts["xl/workbook.xml"] ?? Data(), element: "sheet", attribute: "name").texts
    }

    /// The cells of sheet `number` (from 1) by reference ("B2"): shared strings resolved, numbers
    /// as the text of their `<v>`.
    func cells(sheet number: Int) -> [String: String] {
        let reader = XMLCellReader(part: parts["xl/worksheets/sheet\(number).xml"] ?? Data())
        let strings = sharedStrings
        return reader.cells.mapValues { cell in
            cell.isShared ? strings[Int(cell.value)!] : cell.value
        }
    }
}

/// The texts of one element (or one attribute of it) throughout an XML part.
private final class XMLElementTexts: NSObject, XMLParserDelegate {
    let element: String
    let attribute: String?
    private(set) var texts: [String] = []
    private var current: String?

    init(part: Data, element: String, attribute: String? = nil) {
        self.element = element
        self.attribute = attribute
        super.init()
        let parser = XMLParser(data: part)
        parser.delegate = self
        _ = parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard name == element else { return }
        if let attribute { texts.append(attributes[attribute] ?? "") } else { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current? += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == element, let text = current {
            texts.append(text)
            current = nil
        }
    }
}

/// The cells of a worksheet part: reference → (value text, whether it is a shared string).
private final class XMLCellReader: NSObject, XMLParserDelegate {
    struct Cell { var value: String; var isShared: Bool }
    private(set) var cells: [String: Cell] = [:]
    private var reference: String?
    private var isShared = false
    private var value: String?

    init(part: Data) {
        super.init()
        let parser = XMLParser(data: part)
        parser.delegate = self
        _ = parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "c" {
            reference = attributes["r"]
            isShared = attributes["t"] == "s"
        } else if name == "v" {
            value = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        value? += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "v", let reference, let text = value {
            cells[reference] = Cell(value: text, isShared: isShared)
            value = nil
        }
    }
}
