@testable import SurveyIO
import Foundation
import Testing

/// The pages a reader maps (``MappedPages/populate(_:_:)``) and gives back
/// (``MappedPages/release(_:_:)``): which pages a range covers, and that neither changes the
/// bytes read.
@Suite("Mapped pages")
struct MappedPagesTests {
    private let page = Int(sysconf(Int32(_SC_PAGESIZE)))

    @Test("A range maps every page it touches, and gives back only the pages wholly inside it")
    func pageRanges() throws {
        // A made-up address on a page boundary: only the arithmetic is tested here.
        let base = try #require(UnsafePointer<UInt8>(bitPattern: 64 * page))
        let touched = try #require(MappedPages.pages(base, 10..<(page + 5), whole: false))
        #expect(Int(bitPattern: touched.0) == 64 * page)
        #expect(touched.1 == 2 * page)
        // No whole page lies inside 10..<page+5.
        #expect(MappedPages.pages(base, 10..<(page + 5), whole: true) == nil)
        let inside = try #require(MappedPages.pages(base, 10..<(3 * page + 5), whole: true))
        #expect(Int(bitPattern: inside.0) == 65 * page)
        #expect(inside.1 == 2 * page)
        #expect(MappedPages.pages(base, 7..<7, whole: false) == nil)
    }

    @Test("A file mapped without its pages, then mapped part by part and given back, reads as its bytes")
    func unpopulatedMapping() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID().uuidString).bin").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var rng = SeededGenerator(seed: 0x9A6E)
        let bytes = (0..<(5 * page + 123)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let read: [UInt8] = try FileContents.withMappedBytes(path: path, populate: false) { mapped, pages in
            #expect(pages.isMapped && pages.isUnpopulated)
            let base = mapped.baseAddress!
            pages.populate(base, (page + 7)..<(3 * page))
            let first = Array(mapped)
            pages.release(base, 0..<mapped.count)
            #expect(Array(mapped) == first)
            return first
        }
        #expect(read == bytes)
    }
}
