import Crypto
import Foundation
@testable import Store
import Testing

@Suite("accounts and API tokens")
struct StoreAccountsTests {
    // Few iterations (1,000): the tests check the logic, not the cost.

    @Test("PBKDF2-HMAC-SHA256 gives the published test vectors")
    func pbkdf2Vectors() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        let password = Array("password".utf8), salt = Array("salt".utf8)
        #expect(hex(PasswordHasher.pbkdf2(password: password, salt: salt, iterations: 1, keySize: 32))
            == "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b")
        #expect(hex(PasswordHasher.pbkdf2(password: password, salt: salt, iterations: 2, keySize: 32))
            == "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43")
        #expect(hex(PasswordHasher.pbkdf2(password: password, salt: salt, iterations: 4096, keySize: 32))
            == "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a")
        // Two output blocks.
        #expect(hex(PasswordHasher.pbkdf2(password: Array("passwordPASSWORDpassword".utf8),
                                          salt: Array("saltSALTsaltSALTsaltSALTsaltSALTsalt".utf8), iterations: 4096, keySize: 40))
            == "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9")
        // A key longer than the HMAC block is hashed first; one iteration is plain HMAC.
        let long = [UInt8](repeating: 0x61, count: 100)
        let mac = HMAC<Crypto.SHA256>.authenticationCode(for: salt + [0, 0, 0, 1], using: SymmetricKey(data: long))
        #expect(PasswordHasher.pbkdf2(password: long, salt: salt, iterations: 1, keySize: 32) == Array(mac))
    }

    @Test("a hash verifies its password only, carries its iterations, and a malformed hash verifies nothing")
    func hashes() {
        let stored = PasswordHasher.hash("correct horse", iterations: 1_000)
        #expect(stored.hasPrefix("pbkdf2-sha256$1000$"))
        #expect(PasswordHasher.verify("correct horse", against: stored))
        #expect(!PasswordHasher.verify("correct horsE", against: stored))
        #expect(PasswordHasher.hash("correct horse", iterations: 1_000) != stored, "a fresh salt each time")
        for bad in ["", "correct horse", "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$99999999999$AAAA$AAAA", "md5$1$x$y",
                    "pbkdf2-sha256$1000$!!$AAAA", "pbkdf2-sha256$1000$AAAA$"] {
            #expect(!PasswordHasher.verify("correct horse", against: bad), "\(bad)")
        }
    }

    @Test("the right password gives the account, a wrong one or an unknown user gives nil", arguments: StoreBackend.all)
    func passwords(backend: StoreBackend) throws {
        let store = try backend.open(passwordIterations: 1_000)
        defer { backend.dispose(store) }
        let created = try store.createAccount(username: "aigerim", password: "Алматы-2024", role: .admin, at: StoreFixture.now)
        #expect(try store.verifyPassword(username: "aigerim", password: "Алматы-2024") == created)
        #expect(try store.verifyPassword(username: "aigerim", password: "алматы-2024") == nil)
        #expect(try store.verifyPassword(username: "nobody", password: "Алматы-2024") == nil)
        try store.setPassword(username: "aigerim", password: "new password")
        #expect(try store.verifyPassword(username: "aigerim", password: "Алматы-2024") == nil)
        #expect(try store.verifyPassword(username: "aigerim", password: "new password")?.role == .admin)
        let stored = try store.read("testing") { db in try db.value(String.self, "SELECT passwordHash FROM account") }
        #expect(stored?.hasPrefix("pbkdf2-sha256$1000$") == true)
        #expect(stored?.contains("new password") == false)
    }

    @Test("user names are unique ignoring case; bad names and short passwords are refused", arguments: StoreBackend.all)
    func accountRules(backend: StoreBackend) throws {
        let store = try backend.open(passwordIterations: 1_000)
        defer { backend.dispose(store) }
        try store.createAccount(username: "Aigerim", password: "long enough", role: .editor)
        let taken = #expect(throws: StoreError.self) { try store.createAccount(username: "aigerim", password: "long enough", role: .admin) }
        #expect(taken?.kind == .alreadyExists)
        let short = #expect(throws: StoreError.self) { try store.createAccount(username: "bolat", password: "short", role: .admin) }
        #expect(short?.message == "The password for 'bolat' has 5 characters; choose one of at least 8.")
        for name in ["", "a b", "Айгерим", String(repeating: "x", count: 65)] {
            #expect(throws: StoreError.self) { try store.createAccount(username: name, password: "long enough", role: .admin) }
        }
        #expect(try store.accounts().map(\.username) == ["Aigerim"])
        try store.deleteAccount(username: "Aigerim")
        #expect(throws: StoreError.self) { try store.deleteAccount(username: "Aigerim") }
    }

    @Test("a token authenticates its account, is stored only as a hash, records its last use and can be revoked", arguments: StoreBackend.all)
    func tokens(backend: StoreBackend) throws {
        let store = try backend.open(passwordIterations: 1_000)
        defer { backend.dispose(store) }
        let account = try store.createAccount(username: "bolat", password: "long enough", role: .editor)
        let token = try store.createToken(username: "bolat", name: "laptop", at: StoreFixture.now)
        #expect(token.hasPrefix("brm_") && token.count == 47)
        #expect(try store.createToken(username: "bolat") != token)

        let later = StoreFixture.now.addingTimeInterval(3_600)
        #expect(try store.authenticate(token: token, at: later) == account)
        #expect(try store.authenticate(token: token + "x") == nil)
        #expect(try store.authenticate(token: "not a token") == nil)

        let rows = try store.read("testing") { db in try db.query("SELECT * FROM apiToken") }
        let dump = rows.map(\.description).joined()
        #expect(!dump.contains(token) && !dump.contains(String(token.dropFirst(4))), "the plain token is not stored")
        #expect(rows.contains { (try? $0.decode(String.self, "tokenSHA256")) == BarometerStore.sha256(token) })
        let lastUsed = try store.read("testing") { db in
            try db.value(Date.self, "SELECT lastUsedAt FROM apiToken WHERE name = 'laptop'")
        }
        #expect(lastUsed == later)

        try store.revokeToken(token)
        #expect(try store.authenticate(token: token) == nil)
        #expect(throws: StoreError.self) { try store.revokeToken(token) }
        #expect(throws: StoreError.self) { try store.createToken(username: "nobody") }
    }

    @Test("deleting an account deletes its tokens", arguments: StoreBackend.all)
    func cascade(backend: StoreBackend) throws {
        let store = try backend.open(passwordIterations: 1_000)
        defer { backend.dispose(store) }
        try store.createAccount(username: "bolat", password: "long enough", role: .editor)
        let token = try store.createToken(username: "bolat")
        try store.deleteAccount(username: "bolat")
        #expect(try store.authenticate(token: token) == nil)
        #expect(try store.read("testing") { db in try db.value(Int.self, "SELECT COUNT(*) FROM apiToken") } == 0)
    }
}
