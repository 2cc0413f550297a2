import Foundation
@testable import Store
import Testing

@Suite("the SQL dialects")
struct StoreDialectTests {
    @Test("PostgreSQL numbers the placeholders, leaving question marks in quotes alone; SQLite keeps them")
    func placeholders() {
        let sql = "SELECT '?' AS q, \"a?b\" FROM t WHERE x = ? AND y IN (?, ?) AND z = 'it''s ?'"
        #expect(StoreDialect.postgres.placeholders(sql) == "SELECT '?' AS q, \"a?b\" FROM t WHERE x = $1 AND y IN ($2, $3) AND z = 'it''s ?'")
        #expect(StoreDialect.sqlite.placeholders(sql) == sql)
    }

    @Test("values read back as the Swift types asked for, whichever database stored them")
    func values() throws {
        let row = StoreRow([("createdAt", .text("2024-03-15 12:00:00.000")), ("simulated", .integer(1)), ("flag", .bool(false)),
                            ("waveCount", .integer(2)), ("mode", .null)])
        #expect(try row.decode(Date.self, "createdat") == Date(timeIntervalSince1970: 1_710_504_000))
        #expect(try row.decode(Bool.self, "simulated") && !(try row.decode(Bool.self, "flag")))
        #expect(try row.decode(Int.self, "WAVECOUNT") == 2)
        #expect(try row.decode(String?.self, "mode") == nil)
        #expect(throws: StoreRowDecodingError.self) { try row.decode(String.self, "mode") }
        #expect(throws: StoreRowDecodingError.self) { try row.decode(Int.self, "missing") }
        #expect(StoreValue.truncatedToMilliseconds(Date(timeIntervalSince1970: 1.2345678)) == Date(timeIntervalSince1970: 1.234))
    }
}
