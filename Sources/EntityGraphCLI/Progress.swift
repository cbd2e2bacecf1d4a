import Foundation

/// Progress of a long run on standard error: documents done / total, MB/s and time left, on one line that is
/// rewritten in place. Only when standard error is a terminal (a log file or a pipe gets warnings and errors,
/// nothing else) and never more than four times a second, so a fast run of small documents costs nothing.
struct Progress {
    let total: Int
    let totalBytes: Int
    let enabled: Bool
    private let start = Date()
    private var lastShown = Date.distantPast
    private var shown = false

    init(total: Int, totalBytes: Int, quiet: Bool) {
        self.total = total
        self.totalBytes = totalBytes
        self.enabled = Self.isShown(quiet: quiet)
    }

    /// Whether a run with `quiet` shows the line: so a caller can skip gathering what only the line uses.
    static func isShown(quiet: Bool) -> Bool { !quiet && isatty(STDERR_FILENO) == 1 }

    mutating func update(done: Int, bytes: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastShown) >= 0.25 || done == total else { return }
        lastShown = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(bytes) / elapsed
        var line = "\(done)/\(total) documents, \(String(format: "%.1f", rate / 1_000_000)) MB/s"
        if bytes > 0, totalBytes > bytes {
            line += ", \(Self.duration(Double(totalBytes - bytes) / rate)) left"
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        shown = true
    }

    /// Clears the progress line, so what follows starts on a clean line.
    mutating func finish() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600) h \(s % 3600 / 60) min" : s >= 60 ? "\(s / 60) min \(s % 60) s" : "\(s) s"
    }
}
