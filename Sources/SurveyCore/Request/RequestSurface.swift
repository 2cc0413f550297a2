/// Where a request was written: each surface spells the same parameter its own way, and an
/// error's fix is worded in the words of the surface the user typed it on.
public enum RequestSurface: String, Sendable, CaseIterable {
    /// Flags of the `barometer` command line: `--ci-method wald`.
    case commandLine
    /// Parameters of a URL query (API and explorer): `ci-method=wald`.
    case query
    /// Keys of an analysis in `report.yaml`: `ci-method: wald`.
    case reportSpec
}
