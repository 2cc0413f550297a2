/// Told by a reader how far it has got: bytes of the file read so far and the file's size.
///
/// Readers call it from the thread that loads, a few hundred times per file at most, and last
/// with `bytesRead == totalBytes`. The command line draws a progress bar with it
/// (`ProgressReporter`); a library caller may pass `nil`.
public typealias ReadProgress = (_ bytesRead: Int, _ totalBytes: Int) -> Void
