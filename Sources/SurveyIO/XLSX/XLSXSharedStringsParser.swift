import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads `xl/sharedStrings.xml`: one text per `<si>` item, plain (`<t>`) or rich text (the `<t>`
/// of each `<r>` run, joined), phonetic guides (`<rPh>`) left out and `_xHHHH_` escapes decoded.
final class XLSXSharedStringsParser: NSObject, XMLPartDelegate {
    var failure: ReadError?
    private(set) var strings: [String] = []
    private var item: String?
    private var inText = false
    private var phoneticDepth = 0

    /// The texts of the table in `data`, in order.
    static func strings(in data: Data, part: String, file: String) throws(ReadError) -> [String] {
        let parser = XLSXSharedStringsParser()
        try XMLPart.parse(data, with: parser, part: part, file: file)
        return parser.strings
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch XMLPart.localName(elementName) {
        case "si": item = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = item != nil && phoneticDepth == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch XMLPart.localName(elementName) {
        case "si":
            strings.append(XMLText.unescapedSpreadsheet(item ?? ""))
            item = nil
            inText = false
        case "rPh": phoneticDepth = max(0, phoneticDepth - 1)
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { item? += string }
    }

    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        if inText { item? += whitespaceString }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if inText { item? += String(decoding: CDATABlock, as: UTF8.self) }
    }
}
