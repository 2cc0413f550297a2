import Foundation
import Hummingbird
import NIOCore
import SurveyCore
import SurveyIO
import Store
import Translations

/// An error the server reports: an HTTP status and one sentence that names the thing, the
/// value and the fix. API routes send it as `{"error": {"status": 404, "message": "…"}}`,
/// explorer pages as an HTML page.
public struct APIError: Error, Sendable, Equatable {
    public let status: HTTPResponse.Status
    /// The sentence, in English (the API's language).
    public let message: String
    /// The sentence as an explorer page says it in the page's language: a phrase of the
    /// catalog and its arguments; nil when only the English sentence exists.
    public let phrase: Phrase?
    public let arguments: [String]

    public init(_ status: HTTPResponse.Status, _ message: String, phrase: Phrase? = nil, arguments: [String] = []) {
        self.status = status
        self.message = message
        self.phrase = phrase
        self.arguments = arguments
    }

    /// The API error for any error a handler throws.
    static func from(_ error: any Error) -> APIError {
        switch error {
        case let e as APIError:
            return e
        case let e as SurveyError:
            // The sentence in the words of a URL (`ci-method=wald`), never a command to run.
            let message = e.message(for: .query)
            switch e.kind {
            case .unknownVariable: return APIError(.notFound, message)
            case .notPublic: return APIError(.forbidden, message, phrase: .refusedNotPublic, arguments: [e.value ?? ""])
            case .smallGroups: return APIError(.forbidden, message, phrase: .refusedSmallGroups, arguments: [e.value ?? ""])
            default: return APIError(.unprocessableContent, message)
            }
        case let e as StoreError:
            switch e.kind {
            case .notFound: return APIError(.notFound, e.message)
            case .alreadyExists: return APIError(.conflict, e.message)
            case .invalidInput: return APIError(.unprocessableContent, e.message)
            case .corrupt, .unsupportedVersion, .database: return APIError(.internalServerError, e.message)
            }
        case let e as ReadError:
            return APIError(.unprocessableContent, e.message)
        case let e as HTTPError:
            return APIError(e.status, e.body ?? "The request cannot be served (\(e.status.code)).")
        case is NIOTooManyBytesError:
            return APIError(.contentTooLarge, "The request body is larger than the server accepts; send a smaller analysis request (a few kilobytes of JSON) or a smaller file.")
        case is DecodingError:
            return APIError(.badRequest, "The request body is not a valid analysis request: \(Self.describe(error)); send JSON as in /api/v1/openapi.json.")
        default:
            return APIError(.internalServerError, "The server failed to answer (\(type(of: error))); please report this.")
        }
    }

    private static func describe(_ error: any Error) -> String {
        guard let e = error as? DecodingError else { return "\(error)" }
        switch e {
        case .keyNotFound(let key, _): return "the key '\(key.stringValue)' is missing"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            let path = c.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? c.debugDescription : "'\(path)': \(c.debugDescription)"
        @unknown default: return "\(e)"
        }
    }

    /// `{"error": {"status": …, "message": …}}`.
    var json: String {
        let body = ["error": ["status": AnyJSON.int(Int(status.code)), "message": AnyJSON.string(message)]]
        return AnyJSON.object(body.mapValues { .object($0) }).text
    }
}

/// A tiny JSON writer for the server's own small documents (errors, listings).
indirect enum AnyJSON: Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([AnyJSON])
    case object([String: AnyJSON])
    /// Keys in the given order.
    case ordered([(String, AnyJSON)])

    var text: String {
        switch self {
        case .string(let s): return Self.quote(s)
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite ? String(d) : "null"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let a): return "[" + a.map(\.text).joined(separator: ",") + "]"
        case .object(let o): return "{" + o.keys.sorted().map { Self.quote($0) + ":" + o[$0]!.text }.joined(separator: ",") + "}"
        case .ordered(let o): return "{" + o.map { Self.quote($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"   // safe inside <script> and HTML
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
