import Foundation
import DocumentReading
import ExtractionPipeline
import GraphModel

/// Helpers for the convert/merge tests. Names carry a `GraphIO` prefix: other suites share this target.
enum GraphIO {
    /// The package root (the directory holding Package.swift), found from this file's location.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The `entity-graph` binary built beside the test bundle (`swift build --build-tests` builds both).
    static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for directory in [beside, beside.deletingLastPathComponent(), packageRoot.appendingPathComponent(".build/debug")] {
            let candidate = directory.appendingPathComponent("entity-graph").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/entity-graph").path
    }

    struct Run {
        var status: Int32
        var stderr: String
    }

    /// Runs `entity-graph` with `arguments`; stderr through a file, so a long message cannot block a pipe.
    static func run(_ arguments: [String]) throws -> Run {
        let directory = try Scratch()
        let errURL = directory.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// A temporary directory removed when the value goes away.
    final class Scratch {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("GraphIO-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func file(_ name: String) -> String { url.appendingPathComponent(name).path }
        func write(_ text: String, to name: String) throws -> String {
            try Data(text.utf8).write(to: url.appendingPathComponent(name))
            return file(name)
        }
        func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: url.appendingPathComponent(name))) }
    }

    /// The graph `extract` makes of the documents, as a separate run would.
    static func extract(_ documents: [(id: String, text: String)]) throws -> EntityGraph {
        let extractor = Extractor(lexicon: try ShippedData.lexicon(), aliases: try ShippedData.aliasTable())
        return extractor.extract(documents.map { Document(id: $0.id, path: $0.id + ".txt", text: $0.text) }).graph
    }

    static let mondayText = """
        Russian Foreign Minister Sergey Lavrov met a Taliban delegation in Moscow on Wednesday. \
        Lavrov said Russia would host further talks.
        """
    static let tuesdayText = """
        Pakistan and Russia called on the Taliban to form an inclusive government. \
        Russia and China will send envoys to Kabul.
        """
}
