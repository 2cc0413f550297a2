import Foundation

/// Whether two paths name the same file: the same device and inode when both exist (hard
/// links, `./a.csv` and `a.csv`, a symbolic link and its target), else the same absolute path
/// once links in the folder are resolved.
enum FileIdentity {
    static func same(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        if stat(a, &x) == 0, stat(b, &y) == 0 {
            return x.st_dev == y.st_dev && x.st_ino == y.st_ino
        }
        return canonical(a) == canonical(b)
    }

    private static func canonical(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = url.deletingLastPathComponent().resolvingSymlinksInPath()
        return folder.appendingPathComponent(url.lastPathComponent).path
    }
}
