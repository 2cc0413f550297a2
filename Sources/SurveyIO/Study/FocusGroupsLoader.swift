import Foundation
import Studies
import TextCoding

/// Reads the focus groups of a report section (``Studies/ReportFocusGroups``): finds the
/// transcripts (wildcards in the last path component matched in name order), reads them with
/// ``TranscriptReader``, reads the frame with ``CodeFrameYAML`` and codes the turns. Every
/// problem is one sentence naming the report file, the line of the `focus-groups:` entry, the
/// file and the fix.
public enum FocusGroupsLoader {
    /// The transcripts of `spec` coded with its frame.
    /// - Parameters:
    ///   - base: the folder of the report file, which the paths are relative to.
    ///   - report: the report file's name, for messages.
    /// - Throws: ``ReadError`` when a transcript or the frame does not exist or cannot be read,
    ///   a wildcard matches no file, or the transcripts hold no turn.
    public static func coding(_ spec: ReportFocusGroups, base: String, report: String) throws(ReadError) -> TranscriptCoding {
        func failure(_ problem: String) -> ReadError {
            ReadError(.malformed, "Cannot read report '\(report)'\(spec.line.map { ", line \($0)" } ?? ""): \(problem).")
        }
        /// A ReadError of a file the entry names, as the clause of one sentence.
        func clause(_ error: ReadError) -> String {
            var text = error.message
            if text.hasSuffix(".") { text.removeLast() }
            return text.prefix(1).lowercased() + text.dropFirst()
        }
        var turns: [TranscriptTurn] = []
        for path in try files(spec.transcripts, base: base, failure: failure) {
            do throws(ReadError) {
                turns += try TranscriptReader.turns(inFile: path, language: { spec.language(ofGroup: $0) })
            } catch where error.kind == .notFound {
                throw failure("the focus groups' transcript '\(path)' does not exist; check the path, which is relative to the report file")
            } catch {
                throw failure("the focus groups' transcript '\(path)' cannot be read (\(clause(error)))")
            }
        }
        guard !turns.isEmpty else {
            throw failure("the focus groups' transcripts \(spec.transcripts.joined(separator: ", ")) hold no turns; write one turn per line or per CSV row")
        }
        let framePath = resolve(spec.frame, base: base)
        let frame: CodeFrame
        do throws(ReadError) {
            frame = try CodeFrameYAML.read(path: framePath)
        } catch where error.kind == .notFound {
            throw failure("the focus groups' frame '\(framePath)' does not exist; check the path, which is relative to the report file")
        } catch {
            throw failure("the focus groups' frame '\(framePath)' cannot be used (\(clause(error)))")
        }
        do throws(CodeFrameError) {
            return try TranscriptCoding(turns, frame: frame, quotations: spec.quotations, moderators: spec.moderators)
        } catch {
            throw failure("the focus groups' frame '\(framePath)' cannot code the transcripts (\(error.problem)); fix its rules")
        }
    }

    /// `path` relative to `base` unless absolute.
    static func resolve(_ path: String, base: String) -> String {
        path.hasPrefix("/") ? path : ((base.isEmpty ? "." : base) as NSString).appendingPathComponent(path)
    }

    /// The files `patterns` name: each resolved against `base`; one whose last component holds
    /// `*` or `?` stands for the files of its folder whose names match, in name order.
    static func files(_ patterns: [String], base: String, failure: (String) -> ReadError) throws(ReadError) -> [String] {
        var files: [String] = []
        for pattern in patterns {
            let path = resolve(pattern, base: base)
            let name = (path as NSString).lastPathComponent
            guard name.contains("*") || name.contains("?") else {
                files.append(path)
                continue
            }
            let folder = (path as NSString).deletingLastPathComponent
            let listed = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
            let matched = listed.filter { file in
                var isDirectory: ObjCBool = false
                let full = (folder as NSString).appendingPathComponent(file)
                return matches(Array(file), Array(name)) && FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) && !isDirectory.boolValue
            }.sorted()
            guard !matched.isEmpty else {
                throw failure("the focus groups' transcripts '\(pattern)' match no file in '\(folder)'; check the folder and the name, which are relative to the report file")
            }
            files += matched.map { (folder as NSString).appendingPathComponent($0) }
        }
        return files
    }

    /// Whether `name` matches the wildcard `pattern` (`*` any characters, `?` one); a name that
    /// starts with a dot is matched only by a pattern that does.
    static func matches(_ name: [Character], _ pattern: [Character]) -> Bool {
        if name.first == ".", pattern.first != "." { return false }
        // Classic two-pointer wildcard match, backtracking to the last `*`.
        var n = 0, p = 0, star: Int?, resume = 0
        while n < name.count {
            if p < pattern.count, pattern[p] == "*" {
                star = p
                resume = n
                p += 1
            } else if p < pattern.count, pattern[p] == "?" || pattern[p] == name[n] {
                n += 1
                p += 1
            } else if let s = star {
                p = s + 1
                resume += 1
                n = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
