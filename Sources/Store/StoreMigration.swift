import Foundation

/// One named step of the store's schema, written for each dialect.
struct StoreMigration: Sendable {
    /// The name recorded once the step is applied (`v1`, `v2-wave-weighting`, …).
    let name: String
    let sqlite: @Sendable (any StoreSession) throws -> Void
    let postgres: @Sendable (any StoreSession) throws -> Void

    func apply(_ db: any StoreSession) throws {
        switch db.dialect {
        case .sqlite: try sqlite(db)
        case .postgres: try postgres(db)
        }
    }
}
