import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parsing one XML part of an .xlsx package with Foundation's `XMLParser`, for ``XLSXReader``.
///
/// Names are compared by their local part: `x:c` and `c` are the same element, `r:id` and `id`
/// the same attribute, whatever prefixes the program that saved the file chose. External
/// entities are never resolved.
enum XMLPart {
    /// Runs `delegate` over `data`.
    /// - Throws: ``ReadError`` (`malformed`) naming the file and the part when the XML is not
    ///   well-formed, or the delegate's own error when it stopped the parse.
    static func parse(_ data: Data, with delegate: any XMLPartDelegate, part: String, file: String) throws(ReadError) {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let finished = parser.parse()
        if let failure = delegate.failure { throw failure }
        // On Linux `parse()` returns true after errors it recovered from (a mismatched end tag,
        // content after the root): the parser's error says so.
        guard finished, parser.parserError == nil else {
            let line = parser.lineNumber > 0 ? " (line \(parser.lineNumber))" : ""
            throw ReadError(.malformed, "Cannot read '\(file)': its part \(part) is not well-formed XML\(line); open the workbook in a spreadsheet program and save it again.")
        }
    }

    /// The attributes (by local name) of every element named `element`, in document order.
    static func elements(named element: String, in data: Data, part: String, file: String) throws(ReadError) -> [[String: String]] {
        let collector = XMLAttributeCollector(element: element)
        try parse(data, with: collector, part: part, file: file)
        return collector.found
    }

    /// `name` without its namespace prefix.
    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// `attributes` keyed by local name (the first of two that share one).
    static func localAttributes(_ attributes: [String: String]) -> [String: String] {
        var local: [String: String] = [:]
        for key in attributes.keys.sorted() where local[localName(key)] == nil {
            local[localName(key)] = attributes[key]
        }
        return local
    }
}
