@testable import SurveyIO
import Foundation
import Testing

/// The advice that backs a CSV file's columns with huge pages: which blocks it covers, and that
/// it changes nothing a reader sees.
@Suite("Large pages")
struct LargePagesTests {
    private let block = UInt(LargePages.blockSize)

    @Test("Only the whole 2 MiB blocks inside a buffer of 4 MiB or more are advised")
    func wholeBlocks() {
        // On a block boundary: every block.
        #expect(LargePages.wholeBlocks(address: 8 * block, bytes: 4 * Int(block)) == (8 * block)..<(12 * block))
        // Off a boundary: the blocks wholly inside, none of the partial ones at either end.
        #expect(LargePages.wholeBlocks(address: 8 * block + 4096, bytes: 4 * Int(block)) == (9 * block)..<(12 * block))
        #expect(LargePages.wholeBlocks(address: 8 * block + 4096, bytes: 3 * Int(block)) == (9 * block)..<(11 * block))
        // Too small, or no whole block.
        #expect(LargePages.wholeBlocks(address: 8 * block, bytes: LargePages.minimumBytes - 1) == nil)
        #expect(LargePages.wholeBlocks(address: 8 * block + 1, bytes: LargePages.minimumBytes) == (9 * block)..<(10 * block))
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
}
