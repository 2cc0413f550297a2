import Foundation
@testable import Store
import Testing

@Suite("staff sessions and sign-in lockout")
struct StoreSessionsTests {
    @Test("signing in opens a session stored only as a hash; it ends on sign-out, when idle and at its absolute limit", arguments: StoreBackend.all)
    func sessions(backend: StoreBackend) throws {
        let store = try backend.open(passwordIterations: 1_000)
        defer { backend.dispose(store) }
        let account = try store.createAccount(username: "aigerim", password: "long enough", role: .editor)
        let now = StoreFixture.now
        guard case .signedIn(let signedIn, let secret) = try store.signIn(username: "AIGERIM", password: "long enough", at: now) else {
            Issue.record("the right password signs in"); return
        }
        #expect(signedIn == account && secret.hasPrefix(BarometerStore.sessionPrefix) && secret.count == 47)
        #expect(try store.session(secret, at: now.addingTimeInterval(60)) == account)
        #expect(try store.session("brs_forged", at: now) == nil, "a value the store did not issue is nobody")
        let dump = try store.read("testing") { db in try db.query("SELECT * FROM staffSession") }.map(\.description).joined()
        #expect(!dump.contains(secret) && !dump.contains(String(secret.dropFirst(4))) && dump.contains(BarometerStore.sha256(secret)))

        try store.endSession(secret)
        #expect(try store.session(secret, at: now.addingTimeInterval(120)) == nil)
        try store.endSession(secret)

        guard case .signedIn(_, let idle) = try store.signIn(username: "aigerim", password: "long enough", at: now) else { return }
        #expect(try store.session(idle, at: now.addingTimeInterval(BarometerStore.sessionIdleLimit + 1)) == nil)
        guard case .signedIn(_, let busy) = try store.signIn(username: "aigerim", password: "long enough", at: now) else { return }
        var time = now
        while time.timeIntervalSince(now) < BarometerStore.sessionAbsoluteLimit - 3_600 {
            time = time.addingTimeInterval(3_600)
            #expect(try store.session(busy, at: time) == account)
        }
        #expect(try store.session(busy, at: now.addingTimeInterval(BarometerStore.sessionAbsoluteLimit)) == nil)

        guard case .signedIn(_, let before) = try store.signIn(username: "aigerim", password: "long enough", at: now) else { return }
        try store.setPassword(username: "aigerim", password: "another long one")
        #expect(try store.session(before, at: now) == nil, "a new password ends the account's sessions")
    }

    @Test("five failures in 15 minutes lock a name for 15 minutes, known or not, and a success clears the count", arguments: StoreBackend.all)
    func lockout(backend: StoreBackend) throws {
        let store = try backend.open(passwordIterations: 1_000)
        defer { backend.dispose(store) }
        try store.createAccount(username: "dana", password: "long enough", role: .editor)
        let now = StoreFixture.now
        for name in ["dana", "nobody"] {
            for i in 1...4 { #expect(try store.signIn(username: name, password: "wrong one", at: now.addingTimeInterval(Double(i))) == .refused) }
            let until = now.addingTimeInterval(5 + BarometerStore.signInFailureWindow)
            #expect(try store.signIn(username: name, password: "wrong one", at: now.addingTimeInterval(5)) == .locked(until: until))
        }
        #expect(try store.signIn(username: "Dana", password: "long enough", at: now.addingTimeInterval(60)) == .locked(until: now.addingTimeInterval(5 + 900)),
                "the right password does not open a locked name")
        guard case .signedIn = try store.signIn(username: "dana", password: "long enough", at: now.addingTimeInterval(906)) else {
            Issue.record("the lock ends after 15 minutes"); return
        }
        // Failures spread wider than the window never lock.
        for i in 0..<8 {
            #expect(try store.signIn(username: "dana", password: "wrong one", at: now.addingTimeInterval(1_000 + Double(i) * 300)) == .refused)
        }
    }

    @Test("a lockout holds on every store sharing the database", arguments: StoreBackend.all)
    func sharedLockout(backend: StoreBackend) throws {
        let location = try backend.freshLocation()
        let first = try BarometerStore(location: location, passwordIterations: 1_000)
        let second = try BarometerStore(location: location, passwordIterations: 1_000)
        defer { backend.dispose(first) }
        try first.createAccount(username: "erlan", password: "long enough", role: .editor)
        let now = StoreFixture.now
        for i in 0..<5 { _ = try (i.isMultiple(of: 2) ? first : second).signIn(username: "erlan", password: "wrong", at: now.addingTimeInterval(Double(i))) }
        if case .locked = try second.signIn(username: "erlan", password: "long enough", at: now.addingTimeInterval(10)) {} else {
            Issue.record("the other store sees the lock")
        }
    }
}
