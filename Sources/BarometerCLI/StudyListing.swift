import Studies
import SurveyCore

/// The `--list` of `barometer trend`: the study's waves and concepts, for choosing what to ask.
struct StudyListing {
    let study: Study
    let language: String

    var text: String {
        var lines = [study.title.text(in: language) ?? "Study"]
        if study.simulated { lines.append("(simulated data)") }
        lines.append("")
        lines.append("Waves:")
        for w in study.waves {
            lines.append("  \(w.id)  \(w.label.text(in: language) ?? "")  \(w.fieldworkStart) to \(w.fieldworkEnd)\(w.mode.map { ", \($0)" } ?? "")")
        }
        lines.append("")
        lines.append("Concepts:")
        for c in study.concepts {
            let asked = c.mappings.count == study.waves.count ? "all waves" : "\(c.mappings.count) wave\(c.mappings.count == 1 ? "" : "s")"
            lines.append("  \(c.id)  \(c.title.text(in: language) ?? "") (\(asked); levels: \(c.levels.map(\.id).joined(separator: ", ")))")
        }
        if !study.events.isEmpty {
            lines.append("")
            lines.append("Events:")
            for e in study.events { lines.append("  \(e.date)  \(e.label.text(in: language) ?? "")") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
