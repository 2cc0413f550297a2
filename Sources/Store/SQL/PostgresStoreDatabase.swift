import Foundation
import PostgresNIO

/// The store's PostgreSQL database through PostgresNIO, for several servers sharing one archive.
///
/// Calls block the calling thread until PostgreSQL answers; the connections run on an event loop
/// of their own, so a caller never waits on the loop it runs on. A small pool keeps at most
/// ``PostgresStoreLocation/maximumConnections`` connections and makes further callers wait for a
/// free one. Every connection's `search_path` is the location's schema when it names one.
final class PostgresStoreDatabase: StoreDatabase {
    let location: PostgresStoreLocation
    var name: String { location.description }
    var dialect: StoreDialect { .postgres }
    private let group: MultiThreadedEventLoopGroup
    private let pool: Pool
    private let logger: Logger

    init(_ location: PostgresStoreLocation) {
        self.location = location
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var logger = Logger(label: "barometer.store.postgres")
        logger.logLevel = .error
        self.logger = logger
        pool = Pool(limit: location.maximumConnections)
    }

    deinit {
        close()
    }

    func write<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        try transaction("BEGIN", body)
    }

    func read<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    func readStatement<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        let connection = try pool.take(connect: connect)
        do {
            let result = try body(Session(connection: connection, logger: logger))
            pool.give(connection)
            return result
        } catch {
            pool.give(connection)
            throw error
        }
    }

    private func transaction<T>(_ begin: String, _ body: (any StoreSession) throws -> T) throws -> T {
        let connection = try pool.take(connect: connect)
        let session = Session(connection: connection, logger: logger)
        do {
            try session.execute(begin)
            let result = try body(session)
            try session.execute("COMMIT")
            pool.give(connection)
            return result
        } catch {
            if (try? session.execute("ROLLBACK")) != nil {
                pool.give(connection)
            } else {
                pool.discard(connection)
            }
            throw error
        }
    }

    /// A new connection, its `search_path` set to the location's schema.
    private func connect() throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: try location.tls())
        configuration.options.connectTimeout = .seconds(10)
        let connection = try PostgresConnection.connect(
            on: group.next(), configuration: configuration, id: pool.nextID(), logger: logger).wait()
        if let schema = location.schema {
            do {
                try Session(connection: connection, logger: logger).execute("SET search_path TO \(PostgresStoreLocation.quoted(schema))")
            } catch {
                try? connection.close().wait()
                throw error
            }
        }
        return connection
    }

    func describe(_ error: any Error) -> StoreDatabaseFailure {
        guard let error = error as? PSQLError else {
            return StoreDatabaseFailure(kind: .other, reason: "\(error)")
        }
        if error.code == .server, let info = error.serverInfo {
            let kind: StoreDatabaseFailure.Kind = info[.sqlState] == "23505" ? .uniqueViolation : .other
            return StoreDatabaseFailure(kind: kind, reason: info[.message] ?? "\(error)")
        }
        if error.code == .connectionError || error.code == .serverClosedConnection {
            return StoreDatabaseFailure(kind: .unreachable, reason: Self.connectionReason(error))
        }
        return StoreDatabaseFailure(kind: .other, reason: error.underlying.map { "\($0)" } ?? "\(error.code)")
    }

    /// Why a connection failed, in a few words (`connection refused`, `unknown host`).
    private static func connectionReason(_ error: PSQLError) -> String {
        let text = error.underlying.map { "\($0)" } ?? "\(error.code)"
        if error.code == .serverClosedConnection { return "the server closed the connection" }
        if text.contains("Connection refused") { return "connection refused" }
        if text.contains("UnknownHost") || text.contains("Name or service not known") { return "unknown host" }
        if text.contains("timeout") || text.contains("timed out") { return "no answer in time" }
        return text
    }

    func close() {
        guard let idle = pool.drain() else { return }
        for connection in idle {
            Self.closeLater(connection)
        }
        group.shutdownGracefully { _ in }
    }

    /// Closes `connection` without waiting, keeping it alive until it is closed (PostgresNIO
    /// requires a connection to be closed before it goes).
    fileprivate static func closeLater(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// One connection inside a transaction.
    struct Session: StoreSession {
        let connection: PostgresConnection
        let logger: Logger
        var dialect: StoreDialect { .postgres }

        func execute(_ sql: String, _ arguments: [any StoreValueConvertible]) throws -> Int {
            try run(sql, arguments).metadata.rows ?? 0
        }

        func query(_ sql: String, _ arguments: [any StoreValueConvertible]) throws -> [StoreRow] {
            try run(sql, arguments).rows.map { row in
                StoreRow(try row.map { cell in (cell.columnName, try Self.value(cell)) })
            }
        }

        private func run(_ sql: String, _ arguments: [any StoreValueConvertible]) throws -> PostgresQueryResult {
            var binds = PostgresBindings(capacity: arguments.count)
            for argument in arguments {
                switch argument.storeValue {
                case .null: binds.appendNull()
                case .integer(let number): binds.append(number)
                case .real(let number): binds.append(number)
                case .text(let text): binds.append(text)
                case .blob(let bytes): binds.append(ByteBuffer(bytes: bytes))
                case .bool(let flag): binds.append(flag)
                case .date(let date): binds.append(StoreValue.truncatedToMilliseconds(date))
                }
            }
            let query = PostgresQuery(unsafeSQL: StoreDialect.postgres.placeholders(sql), binds: binds)
            return try connection.query(query, logger: logger).wait()
        }

        private static func value(_ cell: PostgresCell) throws -> StoreValue {
            guard cell.bytes != nil else { return .null }
            switch cell.dataType {
            case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
            case .float4, .float8: return .real(try cell.decode(Double.self))
            case .bool: return .bool(try cell.decode(Bool.self))
            case .bytea: return .blob(Data(buffer: try cell.decode(ByteBuffer.self)))
            case .timestamptz, .timestamp: return .date(try cell.decode(Date.self))
            default: return .text(try cell.decode(String.self))
            }
        }
    }

    /// At most `limit` open connections; a caller waits for a free one.
    private final class Pool: @unchecked Sendable {
        private let lock = NSLock()
        private let slots: DispatchSemaphore
        private var idle: [PostgresConnection] = []
        private var lastID = 0
        private var closed = false

        init(limit: Int) {
            slots = DispatchSemaphore(value: max(1, limit))
        }

        func nextID() -> Int {
            lock.withLock {
                lastID += 1
                return lastID
            }
        }

        /// An idle connection, or a new one from `connect`; the caller gives it back or discards it.
        func take(connect: () throws -> PostgresConnection) throws -> PostgresConnection {
            slots.wait()
            let reused: PostgresConnection? = lock.withLock {
                while let connection = idle.popLast() {
                    if !connection.isClosed { return connection }
                }
                return nil
            }
            if let reused { return reused }
            do {
                return try connect()
            } catch {
                slots.signal()
                throw error
            }
        }

        func give(_ connection: PostgresConnection) {
            let keep = lock.withLock {
                guard !closed, !connection.isClosed else { return false }
                idle.append(connection)
                return true
            }
            if !keep { PostgresStoreDatabase.closeLater(connection) }
            slots.signal()
        }

        func discard(_ connection: PostgresConnection) {
            PostgresStoreDatabase.closeLater(connection)
            slots.signal()
        }

        /// The idle connections, once: nil when the pool was drained before.
        func drain() -> [PostgresConnection]? {
            lock.withLock {
                guard !closed else { return nil }
                closed = true
                defer { idle.removeAll() }
                return idle
            }
        }
    }
}
