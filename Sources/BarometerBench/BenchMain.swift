import Foundation

/// `barometer-bench`: times the engine on deterministic survey data of any size (see
/// BENCHMARKS.md and `barometer-bench --help`). Never a unit test: timings belong here.
@main
struct BenchMain {
    static func main() {
        do {
            let options = try BenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
            if options.help {
                print(BenchOptions.usage)
                return
            }
            try BenchSession(options: options).run()
        } catch {
            FileHandle.standardError.write(Data("barometer-bench: error: \(error)\n".utf8))
            exit(1)
        }
    }
}
