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
        case 3: _ = try CSVReader.read(data: data, name: "fuzz.csv")
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
