import ArgumentParser

/// The file format of the sheets `barometer code export` writes: CSV, or an XLSX workbook per
/// coder (frozen header, wrapped answers, and with a frame a sheet of its codes offered in the
/// codes column).
enum CoderSheetFormat: String, CaseIterable, ExpressibleByArgument {
    case csv, xlsx

    /// The extension of a sheet's file name, without the dot.
    var fileExtension: String { rawValue }
}
