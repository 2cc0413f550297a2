import Foundation

/// What an account may do. Admins manage accounts and studies; editors import and publish.
public enum AccountRole: String, Sendable, Codable, CaseIterable {
    case admin, editor
}

/// A person who may sign in to the server or use its API (never the password or tokens).
public struct Account: Sendable, Equatable {
    /// The account's row id (stable, never reused while the account exists).
    public var id: Int64
    /// Unique ignoring case.
    public var username: String
    public var role: AccountRole
    public var createdAt: Date

    public init(id: Int64, username: String, role: AccountRole, createdAt: Date) {
        self.id = id
        self.username = username
        self.role = role
        self.createdAt = createdAt
    }
}
