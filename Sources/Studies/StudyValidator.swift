import SurveyCore

/// Checks a study against its data: every concept's variable exists in every wave that asks
/// it and every code in the data is mapped (errors), fieldwork periods that overlap and
/// events outside the study's span (warnings).
public enum StudyValidator {
    /// Warnings that do not stop an analysis.
    public static func warnings(_ study: Study) -> [String] {
        var out: [String] = []
        let ordered = study.waves.sorted { StudyDate.fractionalYear($0.fieldworkStart) < StudyDate.fractionalYear($1.fieldworkStart) }
        for (a, b) in zip(ordered, ordered.dropFirst())
        where StudyDate.fractionalYear(b.fieldworkStart) <= StudyDate.fractionalYear(a.fieldworkEnd) {
            out.append("The fieldwork of waves '\(a.id)' (\(a.fieldworkStart) to \(a.fieldworkEnd)) and '\(b.id)' (\(b.fieldworkStart) to \(b.fieldworkEnd)) overlaps; check the dates, or read changes between them with care.")
        }
        if ordered.map(\.id) != study.waves.map(\.id) {
            out.append("The waves are not listed in the order of their fieldwork; trends follow the order of study.yaml.")
        }
        for concept in study.concepts where concept.mappings.isEmpty {
            out.append("Concept '\(concept.id)' is asked in no wave.")
        }
        return out
    }

    /// Checks every concept of `study` against the data of `wave`.
    /// - Throws: ``SurveyError`` naming the concept, wave, variable and code.
    public static func check(_ study: Study, wave: StudyWave, dataset: Dataset) throws(SurveyError) {
        for concept in study.concepts {
            guard let mapping = concept.mapping(wave: wave.id) else { continue }
            let recoder = try ConceptRecoder(concept: concept, collapse: [])
            _ = try recoder.columns(of: dataset, mapping: mapping, missing: .include)
        }
        do {
            _ = try SurveyDesign(wave.design, dataset: dataset)
        } catch {
            throw error.prefixed("Wave '\(wave.id)': ")
        }
    }
}
