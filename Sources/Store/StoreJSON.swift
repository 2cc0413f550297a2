import Foundation

/// The JSON of the store's columns: sorted keys (the same value gives the same text), and
/// NaN and infinities written as the strings `"NaN"`, `"Infinity"`, `"-Infinity"` so that a
/// codebook's string value labels (whose numeric code is NaN) and a result's undefined
/// statistics survive the round trip.
enum StoreJSON {
    static func encode<T: Encodable>(_ value: T, _ what: String) throws(StoreError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw StoreError(.invalidInput, "Cannot store \(what) as JSON: \(error); this is a bug, please report it.")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String, _ what: String) throws(StoreError) -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError(.corrupt, "The stored \(what) is not valid JSON of its kind (\(error)); re-import or re-save it.")
        }
    }
}
