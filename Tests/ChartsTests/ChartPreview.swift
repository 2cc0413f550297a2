import Foundation
import Testing

/// Writes every sample chart to /tmp/barometer-charts/*.svg for looking at (convert with
/// `rsvg-convert -o x.png x.svg`). Runs only when BAROMETER_CHART_PREVIEW is set:
///
///     BAROMETER_CHART_PREVIEW=1 swift test --filter ChartPreview
@Suite struct ChartPreview {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BAROMETER_CHART_PREVIEW"] != nil))
    func writeSampleCharts() throws {
        let directory = URL(fileURLWithPath: "/tmp/barometer-charts", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, svg) in SampleCharts.all {
            try svg.write(to: directory.appendingPathComponent(name + ".svg"), atomically: true, encoding: .utf8)
        }
    }
}
