import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG document parsed with Foundation's XMLParser into a flat list of elements, for tests:
/// a parse error is kept, not thrown, so that tests can assert there is none.
final class SVGTree: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        var depth: Int

        func number(_ name: String) -> Double { Double(attributes[name] ?? "") ?? .nan }
        var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
    }

    private(set) var elements: [Element] = []
    private(set) var parseError: String?
    private var open: [Int] = []

    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() {
            parseError = parser.parserError.map { "\($0)" } ?? "unknown parse error"
        }
    }

    var root: Element? { elements.first }

    /// Elements whose class list contains `name`.
    func elements(class name: String) -> [Element] { elements.filter { $0.classes.contains(name) } }

    func elements(named name: String) -> [Element] { elements.filter { $0.name == name } }

    /// Texts of all `<text>` elements.
    var texts: [String] { elements(named: "text").map(\.text) }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: elementName, attributes: attributes, text: "", depth: open.count))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        _ = open.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        // Text belongs to the innermost element; a <title> child's text stays with the title.
        if let i = open.last { elements[i].text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if self.parseError == nil { self.parseError = "\(parseError)" }
    }
}
