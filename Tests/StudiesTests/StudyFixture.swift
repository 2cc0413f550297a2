import Foundation
import Studies
import SurveyCore
import SurveyIO

/// The three-wave test study in Fixtures/study.
enum StudyFixture {
    static let folderPath = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/study").path

    static func folder() throws -> StudyFolder { try StudyFolder(path: folderPath) }

    static func trend(_ request: TrendRequest) throws -> AnalysisResult {
        let folder = try folder()
        return try TrendAnalysis.run(request, study: folder.study) { try folder.waveData($0) }
    }
}
