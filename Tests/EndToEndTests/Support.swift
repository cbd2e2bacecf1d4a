import Foundation
import Testing

/// Runs the built `entity-graph` binary and the external checkers. A missing binary or tool is a test failure,
/// never a skip: the test script builds the package and installs the tools first.
enum Harness {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
        var timedOut: Bool
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
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

    static var binary: String { path(".build/debug/entity-graph") }

    /// The binary, or a failure that says how to build it.
    static func requireBinary() throws -> String {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw Missing(description: "the entity-graph binary is missing at \(binary); run `swift build` first "
                          + "(Scripts/test does)")
        }
        return binary
    }

    /// Runs an executable (absolute path, or a tool name looked up on PATH through /usr/bin/env), killing it after
    /// `timeout` seconds. stdout and stderr go through files so large outputs cannot block on a pipe.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 60,
                    directory: URL? = nil) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        if executable.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                process.terminate()
                process.waitUntilExit()
                break
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.waitUntilExit()
        let result = Result(status: process.terminationStatus, stdout: [UInt8](try Data(contentsOf: outURL)),
                            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self), timedOut: timedOut)
        if !executable.hasPrefix("/"), result.status == 127, result.stderr.contains("No such file") {
            throw Missing(description: "'\(executable)' is not installed; install it (apt-get install -y libxml2-utils "
                          + "graphviz python3; pip install networkx) or run Scripts/test, which does")
        }
        return result
    }

    /// `entity-graph ARGS…`.
    static func entityGraph(_ arguments: [String], timeout: TimeInterval = 60) throws -> Result {
        try run(try requireBinary(), arguments, timeout: timeout)
    }

    /// `python3 -c script args…`; a missing module (networkx) fails like a missing tool.
    static func python(_ script: String, _ arguments: [String]) throws -> Result {
        let result = try run("python3", ["-c", script] + arguments)
        if result.stderr.contains("ModuleNotFoundError") {
            throw Missing(description: "python3 module missing: \(result.stderr); pip install networkx")
        }
        return result
    }

    /// xmllint against the GraphML XSD shipped in schemas/.
    static func validateGraphML(_ file: String) throws -> Result {
        try run("xmllint", ["--noout", "--nonet", "--schema", path("schemas/graphml/graphml.xsd"), file])
    }
}

/// A fresh directory under the system temporary directory, removed when the value is released.
final class ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("EndToEndTests-\(UUID().uuidString)",
                                                                            isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: file(name)))) }

    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = file(name)
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: file(name)) }
}
