import Foundation

/// Opens files for the readers, turning every failure into a ``ReadError``.
enum FileContents {
    /// Fails unless `path` names a regular file that can be read.
    static func check(path: String) throws(ReadError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(.notFound, "File '\(path)' not found; check the path.")
        }
        if isDirectory.boolValue {
            throw ReadError(.unreadable, "Cannot read '\(path)': it is a directory, not a data file; give the path of a file inside it.")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ReadError(.unreadable, "Cannot read '\(path)': permission denied; check that your account may read the file.")
        }
    }

    /// The bytes of the file at `path`, mapped into memory when possible.
    static func read(path: String) throws(ReadError) -> Data {
        try check(path: path)
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw ReadError(.unreadable, "Cannot read '\(path)': \(error.localizedDescription); check that the file is readable.")
        }
    }
}
