import Studies
import SurveyCore
import SurveyIO
import Testing

/// `barometer demo` writes every wave as SPSS; the files must hold the data and the codebook
/// (in its default language, English) that the readers then give back.
@Suite("Demo study: waves as SPSS files")
struct DemoSPSSTests {
    @Test("every wave writes as SPSS and reads back with its values, labels, missing codes and weight")
    func roundTrip() throws {
        for (wave, data) in zip(DemoFixture.study.waves, DemoFixture.demo.datasets) {
            let bytes = try SPSSWriter.encode(data, name: wave.file)
            let back = try SPSSReader.read(bytes: bytes, name: wave.file)
            #expect(back.variableNames == data.variableNames)
            #expect(back.rowCount == data.rowCount)
            #expect(back.codebook.design?.weights == "weight")
            #expect(back.codebook.fileLabel?.text(in: "en")?.contains("simulated data") == true)
            for column in data.columns {
                let read = try back.column(column.name)
                switch (column.values, read.values) {
                case (.numeric(let a), .numeric(let b)):
                    #expect(a == b, "\(wave.id) \(column.name)")
                case (.text(let a), .text(let b)):
                    #expect(zip(a, b).allSatisfy { ($0 ?? "") == ($1 ?? "") }, "\(wave.id) \(column.name)")
                case (.text(let a), .categorical(let codes, let levels)):
                    #expect(zip(a, codes).allSatisfy { ($0 ?? "") == ($1 < 0 ? "" : levels[Int($1)]) }, "\(wave.id) \(column.name)")
                default:
                    Issue.record("\(wave.id) \(column.name): \(column.typeName) read back as \(read.typeName)")
                }
                let meta = data.metadata(column.name), readMeta = back.metadata(column.name)
                #expect(readMeta.label.text(in: "en") == meta.label.text(in: "en"), "\(column.name)")
                #expect(readMeta.missingCodes == meta.missingCodes, "\(column.name)")
                #expect(readMeta.valueLabels.map(\.code) == meta.valueLabels.map(\.code), "\(column.name)")
                #expect(readMeta.valueLabels.map { $0.label.text(in: "en") } == meta.valueLabels.map { $0.label.text(in: "en") })
            }
        }
    }
}
