import Foundation

/// What a reader may do with the pages of a file it reads through a memory mapping: give back
/// those it has finished with, so that a large file's bytes do not stay in memory beside the
/// columns made from them. Reading a page again maps it again from the file (the page cache),
/// so giving one back never changes what is read.
struct MappedPages: Sendable {
    /// Whether the bytes are a mapping of a file. Bytes in an ordinary buffer must be kept
    /// (giving their pages back would zero them), so nothing is released then.
    let isMapped: Bool

    /// Whether the mapping was made without its page tables filled in (`MAP_POPULATE`), so
    /// that a reader fills them for each part it reads (``populate(_:_:)``), on every core at
    /// once, rather than the mapping filling them all on one before any reading starts.
    let isUnpopulated: Bool

    init(isMapped: Bool, isUnpopulated: Bool = false) {
        self.isMapped = isMapped
        self.isUnpopulated = isUnpopulated
    }

    /// Bytes in an ordinary buffer.
    static let unmapped = MappedPages(isMapped: false)

    /// Fills in the page tables for the pages of `range` of an unpopulated mapping that starts
    /// at `base` (`MADV_POPULATE_READ`: one call maps them all, where touching them would take a
    /// page fault for every few). Without it, or where it fails, the pages are mapped as they
    /// are touched: the bytes read are the same either way.
    func populate(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) {
        #if os(Linux)
        guard isMapped, isUnpopulated, let (start, length) = Self.pages(base, range, whole: false) else { return }
        _ = madvise(start, length, MADV_POPULATE_READ)
        #endif
    }

    /// Releases the whole pages inside `range` of the mapping that starts at `base`.
    func release(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) {
        guard isMapped, let (start, length) = Self.pages(base, range, whole: true) else { return }
        _ = madvise(start, length, MADV_DONTNEED)
    }

    /// The pages of `range` from `base`: only those wholly inside it (`whole`), or all that it
    /// touches.
    static func pages(_ base: UnsafePointer<UInt8>, _ range: Range<Int>, whole: Bool) -> (UnsafeMutableRawPointer, Int)? {
        guard !range.isEmpty else { return nil }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let address = Int(bitPattern: base)
        let first = (address + range.lowerBound + (whole ? page - 1 : 0)) / page * page
        let last = (address + range.upperBound + (whole ? 0 : page - 1)) / page * page
        guard last > first, let start = UnsafeMutableRawPointer(bitPattern: first) else { return nil }
        return (start, last - first)
    }
}
