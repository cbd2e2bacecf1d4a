#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written; the original file, if any, is untouched.
public struct AtomicFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file that was to be written.
    public var path: String
    /// What failed, with the system's explanation.
    public var reason: String

    public var description: String { "cannot write '\(path)': \(reason)" }
}

/// Writing a whole file or nothing.
///
/// A reader (or a crash, or a full disk) must never see half an export: the bytes go to a temporary
/// file in the same directory (so the final `rename` stays on one file system and is atomic), are
/// flushed to disk with `fsync`, and only then replace the target. On any failure the temporary file
/// is removed and the previous file, if there was one, is left exactly as it was.
/// The new file gets the default permissions (0666 less the umask), not those of the file it replaces;
/// a symbolic link at `path` is replaced by the file, not followed.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(AtomicFileError) {
        let file = try AtomicFileWriter(path: path)
        try file.write(bytes)
        try file.commit()
    }
}

/// The same policy for a file written in pieces (a partial result streamed one document at a time): the bytes go
/// to the hidden temporary file as they come, and only `commit()` puts the file in place. A writer dropped
/// before `commit()` (an error, a stopped run) removes its temporary file. A class because it owns an open file.
public final class AtomicFileWriter {
    public let path: String
    private let directory: String
    private let temporary: String
    private var fd: Int32

    public init(path: String) throws(AtomicFileError) {
        self.path = path
        let directory = Self.directory(of: path)
        let name = String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        guard !name.isEmpty, name != ".", name != ".." else {
            throw AtomicFileError(path: path, reason: "the path names a directory, not a file")
        }
        var generator = SystemRandomNumberGenerator()
        var fd: Int32 = -1
        var temporary = ""
        // A fresh, hidden name; O_EXCL makes sure an existing file is never reused. Mode 0666 lets
        // the umask decide the permissions, like any newly created file.
        for _ in 0..<16 {
            temporary = directory + "." + name + ".tmp-" + String(generator.next() as UInt64, radix: 36)
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else {
            throw AtomicFileError(path: path, reason: "cannot create a temporary file in '\(directory.isEmpty ? "." : directory)': \(Self.systemError())")
        }
        self.directory = directory
        self.temporary = temporary
        self.fd = fd
    }

    deinit {
        if fd >= 0 {
            close(fd)
            unlink(temporary)
        }
    }

    /// Appends bytes to the temporary file.
    public func write(_ bytes: [UInt8]) throws(AtomicFileError) {
        precondition(fd >= 0, "write after commit")
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                Self.systemWrite(fd, raw.baseAddress! + written, raw.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw fail("writing the temporary file")
            }
            written += result
        }
    }

    /// Flushes the file to disk and renames it over `path`.
    public func commit() throws(AtomicFileError) {
        precondition(fd >= 0, "commit twice")
        guard fsync(fd) == 0 else { throw fail("fsync") }
        let closing = close(fd)
        fd = -1
        guard closing == 0 else {
            let error = AtomicFileError(path: path, reason: "closing the temporary file failed: \(Self.systemError())")
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = AtomicFileError(path: path, reason: "replacing the file failed: \(Self.systemError())")
            unlink(temporary)
            throw error
        }
        // Make the rename itself durable. Best effort: the file is complete either way, and some file
        // systems refuse fsync on a directory.
        let directoryFD = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            _ = fsync(directoryFD)
            close(directoryFD)
        }
    }

    /// The error of a failed step; the temporary file is removed.
    private func fail(_ step: String) -> AtomicFileError {
        let error = AtomicFileError(path: path, reason: "\(step) failed: \(Self.systemError())")
        close(fd)
        fd = -1
        unlink(temporary)
        return error
    }

    private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }

    /// The directory part including its trailing `/`, or "" for a bare file name.
    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
