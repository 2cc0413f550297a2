import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects the attributes of every element of one local name (a workbook's `sheet`, a
/// relationships part's `Relationship`), keyed by their local names.
final class XMLAttributeCollector: NSObject, XMLPartDelegate {
    var failure: ReadError?
    let element: String
    private(set) var found: [[String: String]] = []

    init(element: String) {
        self.element = element
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard XMLPart.localName(elementName) == element else { return }
        found.append(XMLPart.localAttributes(attributes))
    }
}
