import Foundation

extension BarometerStore {
    /// What every session secret starts with, so that one is recognisable in a leaked log.
    public static let sessionPrefix = "brs_"
    /// A session ends after this long without a request (two hours).
    public static let sessionIdleLimit: TimeInterval = 2 * 60 * 60
    /// A session ends this long after signing in, however busy (twelve hours).
    public static let sessionAbsoluteLimit: TimeInterval = 12 * 60 * 60
    /// Failed sign-ins for one user name within ``signInFailureWindow`` that lock it.
    public static let signInFailureLimit = 5
    /// The window the failures are counted in, and how long the lock then lasts (15 minutes).
    public static let signInFailureWindow: TimeInterval = 15 * 60

    // MARK: Sign-in

    /// Checks `password` for `username` and opens a session when it is right; records a failure
    /// when it is not, and refuses without checking while the name is locked.
    ///
    /// Failures are recorded by user name whether or not such an account exists, and an unknown
    /// name costs a password hash like a known one, so neither the answer nor its timing tells
    /// whether an account exists.
    public func signIn(username: String, password: String, at date: Date = Date()) throws(StoreError) -> StaffSignIn {
        let key = username.lowercased()
        guard username.utf8.count <= 200, password.utf8.count <= 1024 else { return .refused }
        let lock = try readStatement("reading the sign-in failures of '\(username)'") { db in
            try db.queryOne("SELECT lockedUntil FROM signInFailure WHERE username = ?", [key])
        }
        if let lock, let until = try decode(lock, "lockedUntil") as Date?, until > date {
            return .locked(until: until)
        }
        guard let account = try verifyPassword(username: username, password: password) else {
            return try recordFailure(key, at: date)
        }
        try write("clearing the sign-in failures of '\(username)'") { db in
            try db.execute("DELETE FROM signInFailure WHERE username = ?", [key])
        }
        return .signedIn(account, session: try createSession(accountId: account.id, at: date))
    }

    /// The account whose session `secret` is, recording `date` as its last use; nil for a
    /// secret the store did not issue, a session signed out, or one past its idle or absolute
    /// limit (which is deleted).
    public func session(_ secret: String, at date: Date = Date()) throws(StoreError) -> Account? {
        guard secret.hasPrefix(Self.sessionPrefix), secret.utf8.count <= 128 else { return nil }
        let hash = Self.sha256(secret)
        let row = try write("checking a staff session") { db -> StoreRow? in
            guard let row = try db.queryOne("""
                SELECT s.id AS sessionId, s.createdAt AS sessionCreatedAt, s.lastSeenAt, a.id, a.username, a.role, a.createdAt
                FROM staffSession s JOIN account a ON a.id = s.accountId WHERE s.sessionSHA256 = ?
                """, [hash])
            else { return nil }
            let id = try row.decode(Int64.self, "sessionId")
            let created = try row.decode(Date.self, "sessionCreatedAt"), seen = try row.decode(Date.self, "lastSeenAt")
            guard date.timeIntervalSince(seen) < Self.sessionIdleLimit, date.timeIntervalSince(created) < Self.sessionAbsoluteLimit else {
                try db.execute("DELETE FROM staffSession WHERE id = ?", [id])
                return nil
            }
            try db.execute("UPDATE staffSession SET lastSeenAt = ? WHERE id = ?", [date, id])
            return row
        }
        return try row.map { row throws(StoreError) in
            Account(id: try decode(row, "id"), username: try decode(row, "username"),
                    role: AccountRole(rawValue: try decode(row, "role")) ?? .editor, createdAt: try decode(row, "createdAt"))
        }
    }

    /// Ends the session `secret` on every server sharing the store; ending one that is already
    /// gone is not an error.
    public func endSession(_ secret: String) throws(StoreError) {
        let hash = Self.sha256(secret)
        try write("ending a staff session") { db in
            _ = try db.execute("DELETE FROM staffSession WHERE sessionSHA256 = ?", [hash])
        }
    }

    // MARK: Helpers

    private func createSession(accountId: Int64, at date: Date) throws(StoreError) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let secret = Self.sessionPrefix + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let hash = Self.sha256(secret)
        try write("opening a staff session") { db in
            // Sessions past their absolute limit go as new ones come.
            try db.execute("DELETE FROM staffSession WHERE createdAt < ?", [date.addingTimeInterval(-Self.sessionAbsoluteLimit)])
            try db.execute("INSERT INTO staffSession (accountId, sessionSHA256, createdAt, lastSeenAt) VALUES (?, ?, ?, ?)",
                           [accountId, hash, date, date])
        }
        return secret
    }

    private func recordFailure(_ key: String, at date: Date) throws(StoreError) -> StaffSignIn {
        try write("recording a failed sign-in") { db -> StaffSignIn in
            // Windows that closed without a lock, and locks that ended, are forgotten.
            try db.execute("DELETE FROM signInFailure WHERE firstFailureAt <= ? AND (lockedUntil IS NULL OR lockedUntil <= ?)",
                           [date.addingTimeInterval(-Self.signInFailureWindow), date])
            let row = try db.queryOne("SELECT failures, firstFailureAt FROM signInFailure WHERE username = ?", [key])
            var failures = 1, first = date
            if let row, date.timeIntervalSince(try row.decode(Date.self, "firstFailureAt")) < Self.signInFailureWindow {
                failures = Int(try row.decode(Int64.self, "failures")) + 1
                first = try row.decode(Date.self, "firstFailureAt")
            }
            let until: Date? = failures >= Self.signInFailureLimit ? date.addingTimeInterval(Self.signInFailureWindow) : nil
            if row == nil {
                try db.execute("INSERT INTO signInFailure (username, failures, firstFailureAt, lockedUntil) VALUES (?, ?, ?, ?)",
                               [key, Int64(failures), first, until])
            } else {
                try db.execute("UPDATE signInFailure SET failures = ?, firstFailureAt = ?, lockedUntil = ? WHERE username = ?",
                               [Int64(until == nil ? failures : 0), until == nil ? first : date, until, key])
            }
            return until.map { .locked(until: $0) } ?? .refused
        }
    }
}
