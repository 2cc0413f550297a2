import Foundation

/// What an attempt to sign in to the explorer came to.
public enum StaffSignIn: Sendable, Equatable {
    /// The password was right: `session` is the new session's secret, for the cookie only.
    case signedIn(Account, session: String)
    /// The user name or the password is wrong (which one is not said).
    case refused
    /// Too many failures for this user name: no password is checked until `until`.
    case locked(until: Date)
}
