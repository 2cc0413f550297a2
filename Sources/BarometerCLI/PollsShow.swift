import ArgumentParser
import Foundation
import Polls
import Reports
import Store

/// `barometer polls show ID [--data DIR]`: every fact of one stored poll.
struct PollsShow: BarometerVerb {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one stored poll with every fact that makes it checkable.",
        discussion: """
            Example:
              barometer polls show 3f1c0a9b2e4d
            """)

    @Argument(help: ArgumentHelp("The poll's id (from `barometer polls list`).", valueName: "id"))
    var id: String

    @OptionGroup var storeOptions: StoreOptions

    func execute(arguments: [String], into sink: inout CommandOutput, progress: ProgressReporter) throws {
        let p = try storeOptions.open().poll(id: id).poll
        var facts: [[String]] = [["pollster", p.pollster], ["fieldwork", "\(p.fieldStart) to \(p.fieldEnd)"], ["sample size", p.sampleSize.map(String.init) ?? PollTable.unpublished],
                                 ["question", p.question]]
        for (name, value) in [("sponsor", p.sponsor), ("paid by", p.paidBy), ("mode", p.mode), ("population", p.population),
                              ("margin of error", p.marginOfError.map { "±\(String(format: "%g", $0)) points" }), ("weighting", p.weighting),
                              ("design effect", p.designEffect.map { String(format: "%g", $0) }), ("source", p.source), ("url", p.url), ("notes", p.notes)] {
            if let value { facts.append([name, value]) }
        }
        for language in ["en", "ru", "kk"] { if let t = p.title?[language] { facts.append(["title (\(language))", t]) } }
        for language in ["en", "ru", "kk"] { if let w = p.wording[language] { facts.append(["wording (\(language))", w]) } }
        sink.write(PlainTable.render(headers: ["", "poll \(id)"], rows: facts))
        sink.write(PlainTable.render(headers: ["answer", "share (%)"], rows: p.answers.map { [$0.answer, String(format: "%g", $0.share)] }, rightAligned: [1]))
    }
}
