/// An aligned plain-text table for a terminal (the layout of every table Barometer prints),
/// for listings that are not results: headers, then rows; columns left-aligned unless listed
/// in `rightAligned`.
public enum PlainTable {
    public static func render(headers: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let table = ReportTable(title: "", columns: headers.enumerated().map {
            ReportTable.Column(header: $0.element, alignment: rightAligned.contains($0.offset) ? .right : .left)
        }, rows: rows)
        return String(TableRenderer.draw(table).drop(while: { $0 != "\n" }).dropFirst()) + "\n"
    }
}
