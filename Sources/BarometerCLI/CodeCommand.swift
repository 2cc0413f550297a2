import ArgumentParser

/// `barometer code`: open-ended answers: code frames, coding by people and by a classifier, and
/// the reliability of coders.
struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Open-ended answers: code frames, coding (by coders and assisted), and the reliability of coders.",
        subcommands: [CodeFrameCommand.self, CodeExport.self, CodeImport.self, CodeSuggestCommand.self, CodeApply.self, CodeTranscripts.self, CodeReliability.self])
}
