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

    /// The bytes of the file at `path`, read straight into an array: for readers that work on
    /// `[UInt8]`, this saves the copy (and the second buffer) of going through `Data`.
    static func bytes(path: String) throws(ReadError) -> [UInt8] {
        try check(path: path)
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw unreadable(path, errno: errno) }
        defer { close(descriptor) }
        var status = stat()
        let expected = fstat(descriptor, &status) == 0 ? max(Int(status.st_size), 0) : 0
        var failure: Int32 = 0
        // The size the file has now; it may turn out shorter, or have grown (read on below).
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = 0
            while count < expected {
                let got = readSome(descriptor, buffer.baseAddress! + count, expected - count)
                if got > 0 {
                    count += got
                } else if got == 0 {
                    break
                } else if errno != EINTR {
                    failure = errno
                    break
                }
            }
        }
        if failure == 0 && bytes.count == expected {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let got = chunk.withUnsafeMutableBytes { readSome(descriptor, $0.baseAddress!, $0.count) }
                if got > 0 {
                    bytes.append(contentsOf: chunk[0..<got])
                } else if got == 0 {
                    break
                } else if errno != EINTR {
                    failure = errno
                    break
                }
            }
        }
        guard failure == 0 else { throw unreadable(path, errno: failure) }
        return bytes
    }

    /// POSIX `read`, which a static method named `read` would otherwise hide.
    private static func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #elseif canImport(Musl)
        Musl.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    private static func unreadable(_ path: String, errno code: Int32) -> ReadError {
        let reason = String(cString: strerror(code))
        return ReadError(.unreadable, "Cannot read '\(path)': \(reason); check that the file is readable.")
    }

    /// Calls `body` with the bytes of the file at `path`, mapped into memory (read-only, the
    /// pages taken straight from the page cache, without the copy and the zeroed pages of a
    /// read into a buffer); a file that cannot be mapped (a pipe, an empty file) is read.
    ///
    /// With `populate`, the page tables are filled in before `body` runs (`MAP_POPULATE`);
    /// without, `body` fills them itself as it goes (``MappedPages/populate(_:_:)``).
    static func withMappedBytes<R>(
        path: String, populate: Bool = true, _ body: (UnsafeBufferPointer<UInt8>, MappedPages) throws(ReadError) -> R
    ) throws(ReadError) -> R {
        try check(path: path)
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw unreadable(path, errno: errno) }
        var status = stat()
        let size = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : 0
        #if os(Linux)
        let flags = populate ? MAP_PRIVATE | MAP_POPULATE : MAP_PRIVATE
        #else
        let flags = MAP_PRIVATE
        #endif
        let mapped = size > 0 ? mmap(nil, size, PROT_READ, flags, descriptor, 0) : MAP_FAILED
        close(descriptor)
        guard let mapped, mapped != MAP_FAILED else {
            let bytes = try self.bytes(path: path)
            return try bytes.withUnsafeBufferPointer { buffer throws(ReadError) in try body(buffer, .unmapped) }
        }
        defer { munmap(mapped, size) }
        return try body(UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size), MappedPages(isMapped: true, isUnpopulated: !populate))
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
