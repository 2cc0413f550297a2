import Foundation
import SurveyCore
import SurveyIO

/// libFuzzer entry point: the first byte picks a reader, the rest is the file. Every input must
/// end in a Dataset or a ReadError; a crash, trap, leak or hang is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReaders(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let selector = start[0] % 5
    let data = Data(bytes: start + 1, count: count - 1)
    do {
        switch selector {
        case 0: _ = try SPSSReader.read(data: data, name: "fuzz.sav")
        case 1: _ = try SPSSPortableReader.read(data: data, name: "fuzz.por")
        case 2: _ = try StataReader.read(data: data, name: "fuzz.dta")
        case 3: try readCSVBothWays(Array(data))
        default:
            if let text = String(data: data, encoding: .utf8) {
                _ = try? FilterExpression(parsing: text)
                _ = try? CodebookYAML.read(string: text, name: "fuzz.yaml")
            }
        }
    } catch {
        // A clear ReadError is the expected outcome for malformed input.
    }
    return 0
}

/// Reads the CSV in one pass and split in three and in seven stretches; any difference in the
/// dataset or in the error is a bug, so it traps.
private func readCSVBothWays(_ bytes: [UInt8]) throws {
    let onePass = Result { () throws(ReadError) in try CSVReader.read(bytes: bytes, name: "fuzz.csv", stretches: 1) }
    for stretches in [3, 7] {
        let split = Result { () throws(ReadError) in try CSVReader.read(bytes: bytes, name: "fuzz.csv", stretches: stretches) }
        switch (onePass, split) {
        case (.success(let a), .success(let b)) where a.isIdentical(to: b): continue
        case (.failure(let a), .failure(let b)) where a.message == b.message: continue
        default: fatalError("the CSV reader in \(stretches) stretches disagrees with one pass")
        }
    }
    _ = try onePass.get()
}

/// libFuzzer's driver (from the fuzzer runtime linked by -sanitize=fuzzer).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point under this name; hand control to libFuzzer.
@_cdecl("BarometerFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { fuzzReaders($0, $1) }
}
