import DocumentReading
import Foundation

let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

func fixture(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: fixturesDirectory.appendingPathComponent(path)))
}

func decode(_ bytes: [UInt8], path: String = "in.txt") throws(DocumentReadError) -> ReadDocument {
    try DocumentReader.decode(bytes, id: "in", path: path)
}

func decode(_ text: String, path: String = "in.txt") throws(DocumentReadError) -> ReadDocument {
    try decode(Array(text.utf8), path: path)
}

/// The text of the title, if any.
func title(of document: Document) -> String? {
    document.titleRange.map { String(decoding: Array(document.text.utf8)[$0], as: UTF8.self) }
}

/// A scratch directory tree, removed when the test is done.
struct TemporaryTree {
    let root: String

    init(files: [String: String]) throws {
        root = NSTemporaryDirectory() + "entitygraph-reader-" + UUID().uuidString
        for (path, content) in files {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
