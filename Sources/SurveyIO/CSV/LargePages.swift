import Foundation

/// Asks the kernel to back a large new buffer with transparent huge pages (2 MiB on x86-64)
/// where it can. A CSV file's columns are new memory written once, front to back: with 4 KiB
/// pages their first touch costs a page fault per 4 KiB, and on the 1,000,000 × 50 file (400 MB
/// of columns) those faults took about a third of the read's CPU, most of it the faults' own
/// overhead rather than zeroing the pages. NumPy advises its large arrays the same way.
///
/// Only the whole 2 MiB blocks inside the buffer are advised. The advice changes which pages
/// back the memory, never its contents (new pages read as zeros either way), and costs nothing
/// where transparent huge pages are off or on other systems. Where the kernel must compact
/// memory to find a huge page (`defrag` set to `madvise`, the default), a fault can wait for
/// it: on this project's machine that did not show at 1,000,000 or 10,000,000 rows.
enum LargePages {
    /// Buffers smaller than this are left alone: they hold at most one whole block.
    static let minimumBytes = 4 << 20

    /// A huge page on x86-64 and arm64 with 4 KiB pages.
    static let blockSize = 2 << 20

    /// Advises the whole 2 MiB blocks of the `bytes` bytes at `start`.
    static func advise(_ start: UnsafeMutableRawPointer, bytes: Int) {
        #if os(Linux)
        guard let blocks = wholeBlocks(address: UInt(bitPattern: start), bytes: bytes),
              let first = UnsafeMutableRawPointer(bitPattern: blocks.lowerBound) else { return }
        _ = madvise(first, Int(blocks.upperBound - blocks.lowerBound), MADV_HUGEPAGE)
        #endif
    }

    /// Advises the whole 2 MiB blocks of `buffer`'s memory (an array's storage being made).
    static func advise<Element>(_ buffer: UnsafeMutableBufferPointer<Element>) {
        guard let base = buffer.baseAddress else { return }
        advise(UnsafeMutableRawPointer(base), bytes: buffer.count * MemoryLayout<Element>.stride)
    }

    /// The addresses of the whole blocks inside `bytes` bytes from `address`, or `nil` when the
    /// buffer is below ``minimumBytes`` or holds no whole block.
    static func wholeBlocks(address: UInt, bytes: Int) -> Range<UInt>? {
        guard bytes >= minimumBytes else { return nil }
        let size = UInt(blockSize)
        let first = (address + size - 1) & ~(size - 1)
        let last = (address + UInt(bytes)) & ~(size - 1)
        return last > first ? first..<last : nil
    }
}
