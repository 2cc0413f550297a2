import Foundation
import Studies
import SurveyCore
import SurveyIO

/// The three-wave test study in Fixtures/study.
enum StudyFixture {
    static let folderPath = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/study").path

    static func folder() throws -> StudyFolder { try StudyFolder(path: folderPath) }

    static func trend(_ request: AnalysisRequest) throws -> AnalysisResult {
        let folder = try folder()
        return try folder.run(request)
    }
}
