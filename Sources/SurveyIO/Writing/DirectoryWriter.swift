import Foundation

/// Writes a set of files as one folder, whole or not at all: everything goes into a temporary
/// folder beside the target, which then replaces the target (an earlier version is removed
/// only after the new one is in place).
public enum DirectoryWriter {
    /// Writes `files` (paths relative to `directory`, with `/` for subfolders) into `directory`.
    /// - Throws: ``ReadError`` (`unwritable`) naming the folder and the fix.
    public static func write(_ files: [(path: String, contents: Data)], to directory: String) throws(ReadError) {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: directory).standardized
        let parent = target.deletingLastPathComponent()
        let temporary = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(UUID().uuidString)")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: temporary, withIntermediateDirectories: true)
            for file in files {
                guard !file.path.hasPrefix("/"), !file.path.split(separator: "/").contains("..") else {
                    throw ReadError(.unwritable, "Cannot write '\(file.path)' outside the folder '\(directory)'; this is a bug, please report it.")
                }
                let url = temporary.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: url)
            }
            var old: URL? = nil
            if manager.fileExists(atPath: target.path) {
                old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(UUID().uuidString)")
                try manager.moveItem(at: target, to: old!)
            }
            try manager.moveItem(at: temporary, to: target)
            if let old { try? manager.removeItem(at: old) }
        } catch let error as ReadError {
            try? manager.removeItem(at: temporary)
            throw error
        } catch {
            try? manager.removeItem(at: temporary)
            throw ReadError(.unwritable, "Cannot write the folder '\(directory)': \(error.localizedDescription); check that its parent exists and is writable.")
        }
    }
}
