import Foundation

/// Writes files so that a failure leaves nothing half-written: the content goes to a temporary
/// file in the destination's folder, which is renamed over the destination only once complete
/// (`rename(2)` replaces a file atomically on one file system). A failed write removes the
/// temporary file and leaves any earlier file at the destination as it was.
public enum AtomicFile {
    /// Writes a file at `path` through `body`, which receives the temporary path to create.
    /// - Throws: ``ReadError`` (`unwritable`) naming the file, or whatever `body` throws.
    static func write(to path: String, _ body: (_ temporaryPath: String) throws(ReadError) -> Void) throws(ReadError) {
        let temporary = try prepare(path)
        do {
            try body(temporary)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        try commit(temporary, to: path)
    }

    /// Writes `data` at `path`.
    public static func write(_ data: Data, to path: String) throws(ReadError) {
        try write(to: path) { temporary throws(ReadError) in
            do {
                try data.write(to: URL(fileURLWithPath: temporary))
            } catch {
                throw ReadError(.unwritable, "Cannot write '\(path)': \(error.localizedDescription); check the free space and that you may write to the folder.")
            }
        }
    }

    /// A temporary path beside `path`, after checking that its folder exists and `path` is no folder.
    static func prepare(_ path: String) throws(ReadError) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReadError(.unwritable, "Cannot write '\(path)': the folder '\(folder)' does not exist; create it first or choose another path.")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ReadError(.unwritable, "Cannot write '\(path)': it is a folder; give a file name inside it.")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw ReadError(.unwritable, "Cannot write '\(path)': permission denied in '\(folder)'; choose a folder you may write to.")
        }
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
    }

    /// Renames the finished temporary file over `path`.
    static func commit(_ temporary: String, to path: String) throws(ReadError) {
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw ReadError(.unwritable, "Cannot write '\(path)': \(reason); check that you may replace the file.")
        }
    }
}
