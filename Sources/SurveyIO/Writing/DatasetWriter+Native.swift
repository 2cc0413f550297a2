import Foundation
import SurveyCore

extension DatasetWriter {
    /// Writes an SPSS or Stata file at `temporaryPath` (renamed to `path` by the caller once
    /// complete; `path` is for messages).
    ///
    /// The one place that names the SPSS and Stata writers.
    static func writeNative(_ dataset: Dataset, as format: NativeFormat, to temporaryPath: String, named path: String) throws(ReadError) {
        switch format {
        case .sav, .zsav:
            do {
                try SPSSWriter.write(dataset, to: temporaryPath, compression: format == .sav ? .bytecode : .zlib)
            } catch {
                throw ReadError(.unwritable, error.message.replacingOccurrences(of: temporaryPath, with: path))
            }
        case .dta:
            do {
                try StataWriter.write(dataset, to: temporaryPath)
            } catch {
                throw ReadError(.unwritable, error.message.replacingOccurrences(of: temporaryPath, with: path))
            }
        }
    }
}
