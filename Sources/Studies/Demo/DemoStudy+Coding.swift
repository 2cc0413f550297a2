import SurveyCore
import TextCoding

extension DemoStudy {
    /// The open-ended columns of the demo, in order.
    public static let reasonColumns = ["russia_reason1", "russia_reason2"]

    /// The study with its open-ended reasons coded by `frame` as any user would code them: the
    /// frame's rules, then the classifier trained on what the rules coded (``AnswerCoder``),
    /// never the generator's own categories. Every wave gains `russia_reason1_code`,
    /// `russia_reason2_code`, a 0/1 column per code (`russia_reason_domestic`, …) and the two
    /// multiple-response sets.
    /// - Throws: ``TextCoding/CodeFrameError`` for a frame whose rules do not compile;
    ///   ``SurveyCore/SurveyError`` when a wave has the columns already.
    public func coded(by frame: CodeFrame) throws -> DemoStudy {
        let coder = AnswerCoder(frame: frame)
        let label = LocalizedText([
            "en": "Reasons for a favourable opinion of Russia (coded)",
            "ru": "Причины хорошего отношения к России (закодировано)",
            "kk": "Ресейге жақсы көзқарастың себептері (кодталған)",
        ])
        let coded = try datasets.map { dataset in
            let codes = try Self.reasonColumns.map { name in
                let column = try dataset.column(name)
                return try coder.code((0..<dataset.rowCount).map { row in column.text(at: row).map { OpenAnswer($0) } }).map { $0?.codes }
            }
            return try CodedColumns(questions: Self.reasonColumns, codes: codes, frame: frame, prefix: "russia_reason", label: label)
                .adding(to: dataset)
        }
        return DemoStudy(seed: seed, study: study, datasets: coded, targets: targets)
    }
}
