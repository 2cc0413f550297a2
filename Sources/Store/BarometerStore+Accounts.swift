import Foundation

extension BarometerStore {
    /// The fewest characters a password may have.
    public static let minimumPasswordLength = 8
    /// What every API token starts with, so that one is recognisable in a leaked log.
    public static let tokenPrefix = "brm_"

    // MARK: Accounts

    /// Creates an account whose password is kept only as a salted PBKDF2-HMAC-SHA256 hash.
    /// - Throws: ``StoreError``: `invalidInput` for a bad user name or a password shorter than
    ///   ``minimumPasswordLength``; `alreadyExists` when the name is taken (ignoring case).
    @discardableResult
    public func createAccount(username: String, password: String, role: AccountRole, at date: Date = Date()) throws(StoreError) -> Account {
        try StoreNames.checkUsername(username)
        try Self.checkPassword(password, username: username)
        let hash = PasswordHasher.hash(password, iterations: passwordIterations)
        let taken = StoreError(.alreadyExists, "An account named '\(username)' already exists; choose another user name.")
        let row: StoreRow
        do {
            row = try write("creating account '\(username)'") { db in
                if try db.exists("SELECT 1 FROM account WHERE lower(username) = lower(?)", [username]) { throw taken }
                // Read back, so that the time has the precision it is stored with (milliseconds).
                return try db.queryOne(
                    "INSERT INTO account (username, passwordHash, role, createdAt) VALUES (?, ?, ?, ?) RETURNING id, username, role, createdAt",
                    [username, hash, role.rawValue, date])!
            }
        } catch let error where isUniqueViolation(error) {
            throw taken
        }
        return try account(row)
    }

    /// Every account, by user name.
    public func accounts() throws(StoreError) -> [Account] {
        let rows = try readStatement("listing accounts") { db in
            try db.query("SELECT id, username, role, createdAt FROM account ORDER BY lower(username), username")
        }
        var result: [Account] = []
        for row in rows { result.append(try account(row)) }
        return result
    }

    /// The account `username` when `password` is its password; nil when it is not, or when
    /// there is no such account (which takes as long, so that timing does not tell which).
    public func verifyPassword(username: String, password: String) throws(StoreError) -> Account? {
        let row = try readStatement("reading account '\(username)'") { db in
            try db.queryOne("SELECT id, username, role, createdAt, passwordHash FROM account WHERE lower(username) = lower(?)", [username])
        }
        guard let row else {
            _ = PasswordHasher.verify(password, against: Self.decoyHash(iterations: passwordIterations))
            return nil
        }
        let stored: String = try decode(row, "passwordHash")
        guard PasswordHasher.verify(password, against: stored) else { return nil }
        return try account(row)
    }

    /// Sets a new password for `username` and ends the account's explorer sessions.
    /// - Throws: ``StoreError``: `notFound` for no such account, `invalidInput` for a short password.
    public func setPassword(username: String, password: String) throws(StoreError) {
        try Self.checkPassword(password, username: username)
        let hash = PasswordHasher.hash(password, iterations: passwordIterations)
        let changed = try write("setting the password of '\(username)'") { db in
            let changed = try db.execute("UPDATE account SET passwordHash = ? WHERE lower(username) = lower(?)", [hash, username])
            try db.execute("DELETE FROM staffSession WHERE accountId IN (SELECT id FROM account WHERE lower(username) = lower(?))", [username])
            return changed
        }
        guard changed > 0 else { throw Self.noAccount(username) }
    }

    /// Removes account `username` and its API tokens.
    /// - Throws: ``StoreError`` (`notFound`) when there is no such account.
    public func deleteAccount(username: String) throws(StoreError) {
        let deleted = try write("deleting account '\(username)'") { db in
            try db.execute("DELETE FROM account WHERE lower(username) = lower(?)", [username])
        }
        guard deleted > 0 else { throw Self.noAccount(username) }
    }

    // MARK: API tokens

    /// A new API token for `username`: `brm_` and 43 characters (256 random bits). It is
    /// returned this once; the store keeps only its SHA-256.
    /// - Throws: ``StoreError`` (`notFound`) when there is no such account.
    public func createToken(username: String, name: String? = nil, at date: Date = Date()) throws(StoreError) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let token = Self.tokenPrefix + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let hash = Self.sha256(token)
        try write("creating a token for '\(username)'") { db in
            guard let accountId = try db.value(Int64.self, "SELECT id FROM account WHERE lower(username) = lower(?)", [username]) else {
                throw Self.noAccount(username)
            }
            try db.execute(
                "INSERT INTO apiToken (accountId, tokenSHA256, name, createdAt) VALUES (?, ?, ?, ?)",
                [accountId, hash, name, date])
        }
        return token
    }

    /// The account that `token` belongs to, recording `date` as the token's last use; nil for
    /// an unknown or revoked token.
    ///
    /// Tokens are looked up by their SHA-256: the lookup's timing can reveal only a digest of
    /// a 256-bit random secret, never the secret.
    public func authenticate(token: String, at date: Date = Date()) throws(StoreError) -> Account? {
        guard token.hasPrefix(Self.tokenPrefix), token.utf8.count <= 128 else { return nil }
        let hash = Self.sha256(token)
        let row = try write("checking an API token") { db -> StoreRow? in
            guard let row = try db.queryOne("""
                SELECT t.id AS tokenId, a.id, a.username, a.role, a.createdAt
                FROM apiToken t JOIN account a ON a.id = t.accountId WHERE t.tokenSHA256 = ?
                """, [hash])
            else { return nil }
            try db.execute("UPDATE apiToken SET lastUsedAt = ? WHERE id = ?", [date, try row.decode(Int64.self, "tokenId")])
            return row
        }
        return try row.map { row throws(StoreError) in try account(row) }
    }

    /// Revokes `token`.
    /// - Throws: ``StoreError`` (`notFound`) when the store has no such token.
    public func revokeToken(_ token: String) throws(StoreError) {
        let hash = Self.sha256(token)
        let deleted = try write("revoking an API token") { db in
            try db.execute("DELETE FROM apiToken WHERE tokenSHA256 = ?", [hash])
        }
        guard deleted > 0 else {
            throw StoreError(.notFound, "No such API token in the store (it was revoked or never issued); list an account's tokens or create a new one.")
        }
    }

    // MARK: Helpers

    private func account(_ row: StoreRow) throws(StoreError) -> Account {
        let roleName: String = try decode(row, "role")
        guard let role = AccountRole(rawValue: roleName) else {
            throw StoreError(.corrupt, "The store has an account with unknown role '\(roleName)'; set it to admin or editor.")
        }
        return Account(id: try decode(row, "id"), username: try decode(row, "username"), role: role, createdAt: try decode(row, "createdAt"))
    }

    private static func checkPassword(_ password: String, username: String) throws(StoreError) {
        guard password.count >= minimumPasswordLength else {
            throw StoreError(.invalidInput, "The password for '\(username)' has \(password.count) characters; choose one of at least \(minimumPasswordLength).")
        }
    }

    private static func noAccount(_ username: String) -> StoreError {
        StoreError(.notFound, "No account named '\(username)' in the store; create it first, or check the spelling.")
    }

    /// A hash to verify against when the account does not exist, costing what a real one does.
    private static func decoyHash(iterations: Int) -> String {
        let zeros = { (n: Int) in Data(count: n).base64EncodedString() }
        return "\(PasswordHasher.scheme)$\(iterations)$\(zeros(PasswordHasher.saltSize))$\(zeros(PasswordHasher.keySize))"
    }
}
