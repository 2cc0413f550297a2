import Studies
import SurveyCore

extension PreparedWave {
    /// An estimate of the memory the wave holds, in bytes, for the bounded wave cache: its
    /// columns (8 bytes a number, 4 a category code, the text of text columns and of levels)
    /// and its design (weights, the unit of every respondent at each stage, replicate weights).
    /// Array headers and the codebook are left out; they are small beside the columns.
    var approximateBytes: Int {
        var bytes = 0
        for column in dataset.columns {
            switch column.values {
            case .numeric(let values): bytes += values.count * 8
            case .categorical(let codes, let levels): bytes += codes.count * 4 + levels.reduce(0) { $0 + 16 + $1.utf8.count }
            case .text(let texts): bytes += texts.reduce(0) { $0 + 16 + ($1?.utf8.count ?? 0) }
            }
        }
        bytes += design.rowCount * 8
        for stage in design.stages { bytes += stage.unitOfRow.count * 4 + stage.stratumOfUnit.count * 4 }
        if let replicates = design.replicates { bytes += replicates.values.count * 8 }
        return bytes
    }
}
