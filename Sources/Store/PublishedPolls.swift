import Foundation
import Polls
import SurveyIO

/// The published polls every poll database starts from (``yaml``):
/// Demoscope's polls on the war in Ukraine with their age groups, the Central Asia Barometer's
/// pooled 2017–2019 toplines (PONARS Eurasia Policy Memo 658), the EDB Integration Barometer
/// 2014–2017, KSE/Gradus April 2022, Gallup 2014 and openDemocracy 2020 — every number from the
/// source named with it. The store adds them in its `v4-published-polls` migration.
public enum PublishedPolls {
    /// The shipped polls, read and checked.
    /// - Throws: when a shipped poll fails its checks (a bug, caught by the tests).
    public static func all() throws -> [Poll] {
        try PollsYAML.read(string: yaml, name: "published polls")
    }
}
