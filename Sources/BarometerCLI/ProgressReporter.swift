import Foundation
import SurveyIO

/// A progress bar on standard error while a file loads, drawn only when standard error is a
/// terminal, so that pipes, logs and tests see nothing:
///
/// ```
/// Reading wave12.csv  ████████████░░░░░░░░░░░░░░░░░░  41%
/// ```
///
/// The bar is redrawn in place (`\r`) only when the whole percentage changes, and erased when
/// loading ends, so the command's own output starts on a clean line. Files smaller than
/// ``minimumBytes`` load too fast to need one.
final class ProgressReporter {
    /// Where the bar is drawn; `nil` when no bar is wanted.
    private let write: ((String) -> Void)?
    /// Files smaller than this get no bar.
    let minimumBytes: Int
    /// Cells of the bar.
    let width = 30
    private var label = ""
    private var shownPercent = -1

    /// A reporter that draws with `write`, or draws nothing when `write` is `nil`.
    init(minimumBytes: Int = 4 << 20, write: ((String) -> Void)?) {
        self.minimumBytes = minimumBytes
        self.write = write
    }

    /// A reporter drawing on the process's standard error when it is a terminal, else silent.
    static func standardError() -> ProgressReporter {
        guard isatty(STDERR_FILENO) == 1 else { return ProgressReporter(write: nil) }
        return ProgressReporter { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// A reporter that never draws.
    static var silent: ProgressReporter { ProgressReporter(write: nil) }

    /// Whether this reporter draws at all.
    var isEnabled: Bool { write != nil }

    /// The handler to give a reader, or `nil` when nothing is drawn (so readers skip the calls).
    func handler(reading file: String) -> ReadProgress? {
        guard isEnabled else { return nil }
        label = "Reading " + (file as NSString).lastPathComponent
        shownPercent = -1
        return { [self] read, total in update(bytesRead: read, totalBytes: total) }
    }

    /// Redraws the bar when the percentage has changed.
    func update(bytesRead: Int, totalBytes: Int) {
        guard let write, totalBytes >= minimumBytes, totalBytes > 0 else { return }
        let fraction = min(1, max(0, Double(bytesRead) / Double(totalBytes)))
        let percent = Int(fraction * 100)
        guard percent != shownPercent else { return }
        shownPercent = percent
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        write("\r\(label)  \(bar)  \(percent < 10 ? "  " : percent < 100 ? " " : "")\(percent)%")
    }

    /// Erases the bar if one was drawn.
    func finish() {
        guard let write, shownPercent >= 0 else { return }
        write("\r\u{1B}[2K")
        shownPercent = -1
    }
}
