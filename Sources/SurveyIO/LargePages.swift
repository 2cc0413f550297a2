import Foundation

/// Asks the kernel to back a large new buffer with transparent huge pages (2 MiB on x86-64)
/// where it can, for the columns the CSV, Stata and SPSS readers make. A CSV file's columns are
/// new memory written once, front to back: with 4 KiB pages their first touch costs a page
/// fault per 4 KiB, and on the 1,000,000 × 50 file (400 MB
/// of columns) those faults took about a third of the read's CPU, most of it the faults' own
/// overhead rather than zeroing the pages. NumPy advises its large arrays the same way.
///
/// The advice changes which pages back the memory, never its contents (new pages read as zeros
/// either way), and costs nothing where transparent huge pages are off or on other systems.
/// Where the kernel must compact memory to find a huge page (`defrag` set to `madvise`, the
/// default), a fault can wait for it: on this project's machine that did not show at 1,000,000
/// or 10,000,000 rows.
///
/// A huge page needs a whole aligned 2 MiB block of one mapping. The blocks wholly inside a
/// buffer are advised, and so is a block at either end that reaches past the buffer by less than
/// a page: that sliver lies in a page the buffer shares, so it is mapped, in the same mapping.
/// ``capacity(atLeast:stride:)`` sizes a buffer so that such ends are what it gets.
enum LargePages {
    /// Buffers smaller than this are left alone: a huge page would be mostly unused.
    static let minimumBytes = 2 << 20

    /// A huge page on x86-64 and arm64 with 4 KiB pages.
    static let blockSize = 2 << 20

    /// The smallest page: an advised block may reach this far past a buffer's ends.
    static let pageSize = 4096

    /// Bytes before an array's first element in its allocation: Swift's object header (16
    /// bytes) and the array's count and capacity (16).
    static let arrayHeaderBytes = 32

    /// Advises the 2 MiB blocks of the `bytes` bytes at `start` (``blocks(address:bytes:)``).
    static func advise(_ start: UnsafeMutableRawPointer, bytes: Int) {
        #if os(Linux)
        guard let blocks = blocks(address: UInt(bitPattern: start), bytes: bytes),
              let first = UnsafeMutableRawPointer(bitPattern: blocks.lowerBound) else { return }
        _ = madvise(first, Int(blocks.upperBound - blocks.lowerBound), MADV_HUGEPAGE)
        #endif
    }

    /// Advises the 2 MiB blocks of `buffer`'s memory (an array's storage being made).
    static func advise<Element>(_ buffer: UnsafeMutableBufferPointer<Element>) {
        guard let base = buffer.baseAddress else { return }
        advise(UnsafeMutableRawPointer(base), bytes: buffer.count * MemoryLayout<Element>.stride)
    }

    /// A new, empty array with room for at least `capacity` elements
    /// (``capacity(atLeast:stride:)``), to be filled by appending: its storage is advised
    /// (``advise(_:)``) before anything touches it.
    ///
    /// The blocks at its ends, which the allocation's headers have already touched, stay small
    /// pages: making them huge pages at once (``collapseEdges(_:bytes:touching:)``) made a new
    /// process's first read of a 1,000,000 × 50 `.sav` file take 1.0 s instead of 0.24 s.
    static func emptyArray<Element>(reserving capacity: Int, of _: Element.Type = Element.self) -> [Element] {
        let room = self.capacity(atLeast: Swift.max(capacity, 1), stride: MemoryLayout<Element>.stride)
        return [Element](unsafeUninitializedCapacity: room) { buffer, count in
            count = 0
            advise(buffer)
        }
    }

    /// `madvise`'s request to make a range's blocks huge pages now, copying what they hold
    /// (Linux 6.1 on; the constant is missing from glibc's headers).
    private static let collapse: Int32 = 25

    /// Makes huge pages now of the blocks at either end of the `bytes` bytes at `start` that
    /// reach past them (partial blocks) and that `range` (offsets from `start`) touches
    /// (``edgeBlocks(address:bytes:touching:)``).
    ///
    /// The allocation writes a header just before an array, so the first block already has a
    /// small page when the array is advised and can no longer be a huge page when touched: each
    /// of its 512 small pages would fault in on its own. The block at the far end may share its
    /// pages with the next allocation's header in the same way. A collapse (`MADV_COLLAPSE`)
    /// turns such a block into one huge page, its contents kept, the other allocations' bytes in
    /// it included; where the block is not wholly mapped, or on other systems, nothing happens.
    static func collapseEdges(_ start: UnsafeMutableRawPointer, bytes: Int, touching range: Range<Int>) {
        #if os(Linux)
        for block in edgeBlocks(address: UInt(bitPattern: start), bytes: bytes, touching: range) {
            guard let pointer = UnsafeMutableRawPointer(bitPattern: block) else { continue }
            _ = madvise(pointer, blockSize, collapse)
        }
        #endif
    }

    /// The addresses of the partial blocks at either end of the `bytes` bytes at `address` that
    /// `range` (offsets from `address`) touches, each once; none below ``minimumBytes``.
    static func edgeBlocks(address: UInt, bytes: Int, touching range: Range<Int>) -> [UInt] {
        guard bytes >= minimumBytes, !range.isEmpty else { return [] }
        let size = UInt(blockSize)
        let end = address + UInt(bytes)
        let touched = (address + UInt(range.lowerBound))..<(address + UInt(range.upperBound))
        var edges: [UInt] = []
        if address & (size - 1) != 0 { edges.append(address & ~(size - 1)) }
        if end & (size - 1) != 0, (end - 1) & ~(size - 1) != edges.first { edges.append((end - 1) & ~(size - 1)) }
        return edges.filter { touched.overlaps($0..<($0 + size)) }
    }

    /// The addresses of the blocks to advise for `bytes` bytes from `address`: those wholly
    /// inside, and one at either end that reaches past the buffer by less than a page; `nil`
    /// when the buffer is below ``minimumBytes`` or there is no such block.
    static func blocks(address: UInt, bytes: Int) -> Range<UInt>? {
        guard bytes >= minimumBytes else { return nil }
        let size = UInt(blockSize), page = UInt(pageSize)
        let end = address + UInt(bytes)
        let below = address & ~(size - 1), above = (end + size - 1) & ~(size - 1)
        let first = address - below < page ? below : below + size
        let last = above - end < page ? above : above - size
        return last > first ? first..<last : nil
    }

    /// A capacity of at least `count` elements of `stride` bytes for a new array of
    /// ``minimumBytes`` or more, chosen so that the allocation is a whole number of 2 MiB
    /// blocks less a page: glibc then maps it as exactly that many blocks (while its threshold
    /// for `mmap` is below the size), and recent Linux (6.18 here) aligns such a mapping to a
    /// block, so that every block of the array can be a huge page (its first and last reach
    /// past it only by the headers before it and the page's rest after it). Elsewhere it only
    /// costs the unused room, less than a block of address space, never written.
    static func capacity(atLeast count: Int, stride: Int) -> Int {
        let bytes = count * stride
        guard bytes >= minimumBytes, stride > 0 else { return count }
        let blocks = (bytes + arrayHeaderBytes + pageSize + blockSize - 1) / blockSize
        return Swift.max(count, (blocks * blockSize - pageSize - arrayHeaderBytes) / stride)
    }
}
