import Foundation

/// What differs between the SQL the store sends to SQLite and to PostgreSQL.
enum StoreDialect: String, Sendable {
    case sqlite
    case postgres

    /// The table that records the migrations applied, one row per migration name. SQLite keeps
    /// GRDB's table, which stores made before PostgreSQL support already have.
    var migrationsTable: String {
        switch self {
        case .sqlite: "grdb_migrations"
        case .postgres: "barometer_migrations"
        }
    }

    /// A column that orders rows of a table as they were inserted.
    var insertionOrder: String {
        switch self {
        case .sqlite: "rowid"
        case .postgres: "seq"
        }
    }

    /// `sql` with its `?` placeholders as this dialect numbers them: unchanged for SQLite, `$1`,
    /// `$2`, … for PostgreSQL. Question marks inside quoted strings or identifiers are left alone.
    func placeholders(_ sql: String) -> String {
        guard self == .postgres else { return sql }
        var out = ""
        out.reserveCapacity(sql.utf8.count + 8)
        var number = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                out.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                out.append(character)
            } else if character == "?" {
                number += 1
                out += "$\(number)"
            } else {
                out.append(character)
            }
        }
        return out
    }
}
