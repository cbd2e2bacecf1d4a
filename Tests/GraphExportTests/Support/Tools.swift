import Foundation

/// External tools the tests shell out to. A missing tool is a test failure, never a skip: the project's
/// test script installs them, and a silently skipped validation would pass a broken exporter.
enum Tools {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    struct Missing: Error, CustomStringConvertible {
        var tool: String
        var description: String {
            "'\(tool)' is not installed; install it (apt-get install -y libxml2-utils graphviz python3; "
                + "pip install networkx igraph) or run the project's test script, which does"
        }
    }

    /// The package root (the directory holding Package.swift), found from this file's location.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    static func path(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }

    /// Runs `tool` found on PATH. stdout/stderr go through files, so large outputs cannot deadlock a pipe.
    static func run(_ tool: String, _ arguments: [String], stdin: [UInt8]? = nil) throws -> Result {
        let scratch = try TemporaryDirectory()
        let outURL = scratch.url.appendingPathComponent("stdout")
        let errURL = scratch.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        if let stdin {
            let inURL = scratch.url.appendingPathComponent("stdin")
            try Data(stdin).write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        let result = Result(status: process.terminationStatus,
                            stdout: [UInt8](try Data(contentsOf: outURL)),
                            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
        if result.status == 127 && result.stderr.contains("No such file") { throw Missing(tool: tool) }
        return result
    }

    /// `python3 -c script args…`; fails like a missing tool when a module (networkx, igraph) is absent.
    static func python(_ script: String, _ arguments: [String]) throws -> Result {
        let result = try run("python3", ["-c", script] + arguments)
        if result.stderr.contains("ModuleNotFoundError") { throw Missing(tool: result.stderr) }
        return result
    }
}

/// A fresh directory under the system temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("GraphExportTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
