import Foundation

/// What a reader may do with the pages of a file it reads through a memory mapping: give back
/// those it has finished with, so that a large file's bytes do not stay in memory beside the
/// columns made from them. Reading a page again maps it again from the file (the page cache),
/// so giving one back never changes what is read.
struct MappedPages: Sendable {
    /// Whether the bytes are a mapping of a file. Bytes in an ordinary buffer must be kept
    /// (giving their pages back would zero them), so nothing is released then.
    let isMapped: Bool

    /// Bytes in an ordinary buffer.
    static let unmapped = MappedPages(isMapped: false)

    /// Releases the whole pages inside `range` of the mapping that starts at `base`.
    func release(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) {
        guard isMapped, !range.isEmpty else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let address = Int(bitPattern: base)
        let first = (address + range.lowerBound + page - 1) / page * page
        let last = (address + range.upperBound) / page * page
        guard last > first, let start = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(start, last - first, MADV_DONTNEED)
    }
}
