import Foundation

/// A clock the test moves by hand, for a server under test (`now:`).
final class SettableClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time = Date(timeIntervalSince1970: 1_780_000_000)

    /// The time the server reads; tests set it forward.
    var now: Date {
        get { lock.withLock { time } }
        set { lock.withLock { time = newValue } }
    }
}
