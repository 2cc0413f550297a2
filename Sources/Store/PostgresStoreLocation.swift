import Foundation
import PostgresNIO

/// A PostgreSQL database given as `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`, with the
/// optional query parameters `schema=NAME` (the tables live in that schema, created when
/// missing), `sslmode=disable|prefer|require` (default `disable`) and `pool=N` (at most N
/// connections, default 4). User, password and names may be percent-encoded.
public struct PostgresStoreLocation: Sendable, Equatable, CustomStringConvertible {
    /// The server's host name or address.
    public var host: String
    /// The server's port (5432 unless the URL gives one).
    public var port: Int
    /// The PostgreSQL role to connect as.
    public var user: String
    /// The role's password, or nil where the server trusts the connection.
    public var password: String?
    /// The database that holds the store's tables.
    public var database: String
    /// The schema the store's tables live in; nil for the user's `search_path` (normally `public`).
    public var schema: String?
    /// Whether the connection uses TLS: `disable`, `prefer` or `require`.
    public var sslMode: String
    /// The most connections one store opens at once.
    public var maximumConnections: Int

    /// A database given part by part; see the type's description for the defaults.
    public init(host: String, port: Int = 5432, user: String, password: String? = nil, database: String, schema: String? = nil,
                sslMode: String = "disable", maximumConnections: Int = 4) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.schema = schema
        self.sslMode = sslMode
        self.maximumConnections = maximumConnections
    }

    /// Reads a `postgres://` URL.
    /// - Parameter option: how the surface names the setting, for the error (`--store`).
    /// - Throws: ``StoreError`` (`invalidInput`) naming what is missing or wrong.
    public init(url text: String, option: String = "--store") throws(StoreError) {
        let shown = Self.hidingPassword(text)
        func bad(_ what: String) -> StoreError {
            StoreError(.invalidInput, "The PostgreSQL URL '\(shown)' \(what); give \(option) as postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.")
        }
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw bad("does not parse")
        }
        guard let host = url.host, !host.isEmpty else { throw bad("names no host") }
        guard let user = url.user.flatMap({ $0.removingPercentEncoding }), !user.isEmpty else { throw bad("names no user") }
        let database = String(url.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/"), let decoded = database.removingPercentEncoding else { throw bad("names no database") }
        var location = PostgresStoreLocation(host: host, port: url.port ?? 5432, user: user,
                                             password: url.password.flatMap { $0.removingPercentEncoding }, database: decoded)
        for item in url.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "schema":
                guard !value.isEmpty, value.utf8.count <= 63 else { throw bad("has an empty or overlong schema") }
                location.schema = value
            case "sslmode":
                guard ["disable", "prefer", "require"].contains(value) else { throw bad("has sslmode '\(value)', which is not disable, prefer or require") }
                location.sslMode = value
            case "pool":
                guard let size = Int(value), (1...64).contains(size) else { throw bad("has pool '\(value)', which is not a number from 1 to 64") }
                location.maximumConnections = size
            default:
                throw bad("has the unknown parameter '\(item.name)' (known: schema, sslmode, pool)")
            }
        }
        self = location
    }

    /// The URL without its password.
    public var description: String {
        var text = "postgres://\(user)@\(host):\(port)/\(database)"
        if let schema { text += "?schema=\(schema)" }
        return text
    }

    /// `name` as a quoted SQL identifier.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    func tls() throws -> PostgresConnection.Configuration.TLS {
        switch sslMode {
        case "require": .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case "prefer": .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        default: .disable
        }
    }

    private static func hidingPassword(_ text: String) -> String {
        guard var url = URLComponents(string: text), url.password != nil else { return text }
        url.password = "***"
        return url.string ?? text
    }
}
