@testable import SurveyIO
import Foundation
import Testing

/// The advice that backs a CSV file's columns with huge pages: which blocks it covers, and that
/// it changes nothing a reader sees.
@Suite("Large pages")
struct LargePagesTests {
    private let block = UInt(LargePages.blockSize)

    @Test("The 2 MiB blocks inside a buffer of 2 MiB or more are advised, and one at either end that reaches past it by less than a page")
    func blocks() {
        let page = UInt(LargePages.pageSize)
        // On block boundaries: every block.
        #expect(LargePages.blocks(address: 8 * block, bytes: 4 * Int(block)) == (8 * block)..<(12 * block))
        // A page or more off a boundary: the blocks wholly inside, not the partial ones.
        #expect(LargePages.blocks(address: 8 * block + page, bytes: 4 * Int(block)) == (9 * block)..<(12 * block))
        #expect(LargePages.blocks(address: 8 * block + page, bytes: 3 * Int(block)) == (9 * block)..<(11 * block))
        // Less than a page past either end (an array's headers before it, the rest of its last
        // page after it): those blocks too.
        #expect(LargePages.blocks(address: 8 * block + 48, bytes: 4 * Int(block) - 4_080 - 48) == (8 * block)..<(12 * block))
        #expect(LargePages.blocks(address: 8 * block + 1, bytes: 2 * Int(block)) == (8 * block)..<(10 * block))
        #expect(LargePages.blocks(address: 8 * block + page, bytes: 2 * Int(block) - Int(page)) == (9 * block)..<(10 * block))
        // A page or more short of a block at both ends: none.
        #expect(LargePages.blocks(address: 8 * block + page, bytes: 2 * Int(block) - 2 * Int(page)) == nil)
        // Too small.
        #expect(LargePages.blocks(address: 8 * block, bytes: LargePages.minimumBytes - 1) == nil)
    }

    @Test("A large array's capacity makes its allocation whole 2 MiB blocks less a page; a small one's is as asked")
    func capacity() {
        for (count, stride) in [(1_000_000, 8), (1_000_000, 4), (262_144, 8), (10_000_000, 8), (3_333_333, 4)] {
            let capacity = LargePages.capacity(atLeast: count, stride: stride)
            let allocation = LargePages.arrayHeaderBytes + capacity * stride
            #expect(capacity >= count)
            #expect((allocation + LargePages.pageSize) % LargePages.blockSize == 0, "\(count) × \(stride)")
            #expect((allocation + LargePages.pageSize) / LargePages.blockSize == (count * stride + LargePages.arrayHeaderBytes + LargePages.pageSize + LargePages.blockSize - 1) / LargePages.blockSize)
        }
        #expect(LargePages.capacity(atLeast: 1_000, stride: 8) == 1_000)
        #expect(LargePages.capacity(atLeast: LargePages.minimumBytes / 8 - 1, stride: 8) == LargePages.minimumBytes / 8 - 1)
    }

    @Test("The partial blocks at either end are collapsed only for the stretch whose rows reach them")
    func edgeBlocks() {
        let size = Int(block)
        // An array 48 bytes into a block, ending 4,080 bytes before one: both ends are partial.
        let address = 8 * block + 48, bytes = 4 * size - 48 - 4_080
        #expect(LargePages.edgeBlocks(address: address, bytes: bytes, touching: 0..<100) == [8 * block])
        #expect(LargePages.edgeBlocks(address: address, bytes: bytes, touching: size..<(2 * size)) == [])
        #expect(LargePages.edgeBlocks(address: address, bytes: bytes, touching: (bytes - 10)..<bytes) == [11 * block])
        #expect(LargePages.edgeBlocks(address: address, bytes: bytes, touching: 0..<bytes) == [8 * block, 11 * block])
        // Aligned at both ends: nothing partial.
        #expect(LargePages.edgeBlocks(address: 8 * block, bytes: 2 * size, touching: 0..<(2 * size)) == [])
        // Too small, or nothing touched.
        #expect(LargePages.edgeBlocks(address: address, bytes: LargePages.minimumBytes - 1, touching: 0..<100) == [])
        #expect(LargePages.edgeBlocks(address: address, bytes: bytes, touching: 5..<5) == [])
    }

    @Test("An array whose first block is collapsed after its first values reads as it was written")
    func collapsedMemory() {
        let count = LargePages.capacity(atLeast: 3 * LargePages.minimumBytes / MemoryLayout<Double>.stride + 17, stride: MemoryLayout<Double>.stride)
        let numbers = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            LargePages.advise(buffer)
            let raw = UnsafeMutableRawPointer(buffer.baseAddress!), bytes = count * MemoryLayout<Double>.stride
            for i in 0..<1_000 { buffer[i] = Double(i) * 0.25 }
            LargePages.collapseEdges(raw, bytes: bytes, touching: 0..<bytes)
            for i in 1_000..<count { buffer[i] = Double(i) * 0.25 }
            initialized = count
        }
        #expect(numbers.enumerated().allSatisfy { $0.element == Double($0.offset) * 0.25 })
    }

    @Test("An advised array reads as it was written")
    func advisedMemory() throws {
        let count = 3 * LargePages.minimumBytes / MemoryLayout<Double>.stride + 17
        let numbers = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            LargePages.advise(buffer)
            for i in 0..<count { buffer[i] = Double(i) * 0.5 }
            initialized = count
        }
        #expect(numbers.count == count)
        #expect(numbers.enumerated().allSatisfy { $0.element == Double($0.offset) * 0.5 })
    }

    @Test("An empty array made to be appended to has the room asked for, and appending that many values never moves it")
    func emptyArrayKeepsItsRoom() {
        for count in [0, 1_000, LargePages.minimumBytes / 8 + 5, 1_000_000] {
            var numbers = LargePages.emptyArray(reserving: count, of: Double.self)
            #expect(numbers.isEmpty)
            #expect(numbers.capacity >= count)
            let start = numbers.withUnsafeBufferPointer { $0.baseAddress }
            for i in 0..<count { numbers.append(Double(i) * 0.75) }
            #expect(numbers.withUnsafeBufferPointer { $0.baseAddress } == start, "\(count) values moved the storage")
            #expect(numbers.enumerated().allSatisfy { $0.element == Double($0.offset) * 0.75 })
        }
    }
}
