#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read, in the system's words.
struct FileReadError: Error {
    var reason: String
}

/// Bytes in one allocation that never moves while they are read: what libxml2 parses from lazily. A class
/// because it owns the memory (freed with the last reference); nothing changes it after it is filled.
final class StableBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count: Int
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        self.base = .allocate(capacity: self.capacity)
        self.count = 0
    }

    convenience init(copying bytes: [UInt8]) {
        self.init(capacity: bytes.count)
        bytes.withUnsafeBufferPointer { source in
            if let start = source.baseAddress { base.initialize(from: start, count: source.count) }
        }
        count = bytes.count
    }

    deinit { base.deallocate() }

    /// Free room at `base + count`, growing (doubling, at least 64 KiB) only when there is none; used only
    /// while the buffer is being filled.
    fileprivate func room() -> Int {
        if count < capacity { return capacity - count }
        let grown = capacity + max(capacity, 1 << 16)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = grown
        return capacity - count
    }

    fileprivate func didAppend(_ extra: Int) { count += extra }
}

/// Reading a whole file with plain POSIX calls, as `AtomicFile` writes one: GraphExport stays free of
/// Foundation, and a directory or unreadable file gives the system's own explanation.
enum FileBytes {
    static func read(_ path: String) throws(FileReadError) -> [UInt8] {
        let stable = try readStable(path)
        return Array(UnsafeBufferPointer(start: stable.base, count: stable.count))
    }

    /// The file read straight into one allocation of its size (as `fstat` gives it; a file that grows while
    /// being read, or has no size, such as a pipe, is still read to its end), so a large file is neither
    /// copied nor reallocated on the way to the parser.
    static func readStable(_ path: String) throws(FileReadError) -> StableBytes {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileReadError(reason: Self.systemError()) }
        defer { close(fd) }
        var status = stat()
        let size = fstat(fd, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : 0
        // One byte more than the size, so the read that finds the end needs no reallocation.
        let bytes = StableBytes(capacity: size + 1)
        while true {
            let room = min(bytes.room(), 1 << 24)
            #if canImport(Glibc)
            let count = Glibc.read(fd, bytes.base + bytes.count, room)
            #else
            let count = Darwin.read(fd, bytes.base + bytes.count, room)
            #endif
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError(reason: Self.systemError())
            }
            if count == 0 { return bytes }
            bytes.didAppend(count)
        }
    }

    private static func systemError() -> String { String(cString: strerror(errno)) }
}
