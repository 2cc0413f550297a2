/// Differences between the groups of the one breakdown of a request, in one sample
/// (`--differences`, `--reference LEVEL`): one ``ResultRow`` per pair of groups with statistic
/// ``Statistic/difference`` (see ``GroupDifference``).
public struct DifferencesSpec: Sendable, Equatable, Codable {
    /// The group every other group is compared with (a value label of the breakdown); nil for
    /// every pair of groups, each earlier group minus each later one.
    public var reference: String?

    public init(reference: String? = nil) {
        self.reference = reference
    }
}
