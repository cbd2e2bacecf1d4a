import Foundation
import Testing
import GraphExport

@Suite struct AtomicFileTests {
    @Test func writesANewFileAndLeavesNoTemporaryFile() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("graph.graphml")
        try AtomicFile.write(Array("hello".utf8), to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("hello".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["graph.graphml"])
    }

    @Test func replacesAnExistingFile() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(Array("old contents, longer".utf8), "graph.dot")
        try AtomicFile.write(Array("new".utf8), to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("new".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["graph.dot"])
    }

    @Test func writesAnEmptyFile() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("empty.csv")
        try AtomicFile.write([], to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    }

    @Test func failureNamesThePathAndLeavesWhatWasThere() throws {
        let dir = try TemporaryDirectory()
        // A non-empty directory cannot be replaced by a file: rename fails after the data was written.
        let target = dir.file("taken")
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        _ = try dir.write(Array("keep".utf8), "taken/inside.txt")
        let error = #expect(throws: AtomicFileError.self) { try AtomicFile.write(Array("x".utf8), to: target) }
        #expect(error?.path == target)
        #expect(error?.description.contains(target) == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file("taken/inside.txt"))) == Data("keep".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["taken"])
    }

    @Test func missingDirectoryIsATypedError() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("no/such/dir/out.graphml")
        let error = #expect(throws: AtomicFileError.self) { try AtomicFile.write([1, 2, 3], to: path) }
        #expect(error?.path == path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).isEmpty)
    }
}
