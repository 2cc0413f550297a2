/// The file's bytes, shared read-only by the threads that read its stretches.
struct SharedBytes: @unchecked Sendable {
    let p: UnsafePointer<UInt8>
    let count: Int
}
