import ArgumentParser
import Foundation
import SurveyCore
import SurveyIO

/// The `barometer` command line as a library: parse, run, and hand back what would be printed.
public enum BarometerCLI {
    /// Runs the command line `arguments` (without the program name) and returns the exit
    /// status and the text for standard output and standard error.
    ///
    /// - A ``SurveyError``, ``ReadError`` or ``WriteError`` prints `error: <message>` on standard error, status 1.
    /// - Usage errors print ArgumentParser's message and usage on standard error with its exit
    ///   code (64 for a bad flag); `--help` and `--version` print on standard output, status 0.
    ///
    /// Nothing is drawn while files load; the executable's ``main()`` shows a progress bar.
    public static func run(_ arguments: [String]) -> (status: Int32, stdout: String, stderr: String) {
        run(arguments, progress: .silent)
    }

    static func run(_ arguments: [String], progress: ProgressReporter) -> (status: Int32, stdout: String, stderr: String) {
        var output = CommandOutput()
        let status = execute(arguments, into: &output, progress: progress)
        return (status, output.standardOutput, output.standardError)
    }

    /// The entry point of the `barometer` executable: runs the process's arguments (with a
    /// progress bar on standard error when it is a terminal), prints, and exits with the status.
    public static func main() {
        let result = run(Array(CommandLine.arguments.dropFirst()), progress: .standardError())
        FileHandle.standardOutput.write(Data(result.stdout.utf8))
        FileHandle.standardError.write(Data(result.stderr.utf8))
        exit(result.status)
    }

    /// The ``AnalysisRequest`` that `arguments` describe, without reading a file or running it.
    /// - Throws: the parse or validation error, as ``run(_:)`` would report it.
    public static func request(for arguments: [String]) throws -> AnalysisRequest {
        let command = try Barometer.parseAsRoot(arguments)
        guard let analysis = command as? any AnalysisCommand else {
            throw ValidationError("The command line names no analysis; use estimate or crosstab.")
        }
        return try analysis.makeRequest(arguments: arguments)
    }

    static func execute(_ arguments: [String], into output: inout CommandOutput, progress: ProgressReporter) -> Int32 {
        do {
            var command = try Barometer.parseAsRoot(arguments)
            if let verb = command as? any BarometerVerb {
                try verb.execute(arguments: arguments, into: &output, progress: progress)
            } else {
                try command.run()
            }
            return ExitCode.success.rawValue
        } catch let error as SurveyError {
            output.writeError("error: \(error.message)\n")
            return ExitCode.failure.rawValue
        } catch let error as ReadError {
            output.writeError("error: \(error.message)\n")
            return ExitCode.failure.rawValue
        } catch let error as WriteError {
            output.writeError("error: \(error.message)\n")
            return ExitCode.failure.rawValue
        } catch {
            let code = Barometer.exitCode(for: error)
            let message = Barometer.fullMessage(for: error)
            if !message.isEmpty {
                if code.isSuccess { output.write(message + "\n") } else { output.writeError(message + "\n") }
            }
            return code.rawValue
        }
    }
}
