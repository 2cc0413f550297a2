import SurveyCore

extension DatasetWriter {
    /// Writes an SPSS or Stata file at `temporaryPath` (renamed to `path` by the caller once
    /// complete; `path` is for messages).
    ///
    /// WIRING POINT for the SPSS and Stata writers, the only place that names them: replace each
    /// `throw` by the writer's call, e.g.
    /// `try SPSSWriter.write(dataset, to: temporaryPath, compressed: format == .zsav)` and
    /// `try StataWriter.write(dataset, to: temporaryPath)`, converting their errors to
    /// ``ReadError`` if they throw another type.
    static func writeNative(_ dataset: Dataset, as format: NativeFormat, to temporaryPath: String, named path: String) throws(ReadError) {
        switch format {
        case .sav, .zsav:
            throw ReadError(.unsupportedFormat, "Cannot write '\(path)': this build of Barometer cannot write SPSS files yet; write .csv (labels go to its .codebook.yaml) instead.")
        case .dta:
            throw ReadError(.unsupportedFormat, "Cannot write '\(path)': this build of Barometer cannot write Stata files yet; write .csv (labels go to its .codebook.yaml) instead.")
        }
    }
}
