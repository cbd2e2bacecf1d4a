import DocumentReading
import Foundation
import Testing

@Suite struct CollectTests {
    @Test func directoriesAreSearchedRecursivelyInPathOrder() throws {
        let tree = try TemporaryTree(files: [
            "in/c.txt": "c", "in/b/x.txt": "bx", "in/a/x.txt": "ax", "in/b/sub/z.txt": "z", "in/notes.md": "no",
            "in/.hidden/h.txt": "hidden", "in/a.txt/y.txt": "in a directory named like a file",
        ])
        defer { tree.remove() }
        let sources = try DocumentReader().collect([tree.path("in")])
        #expect(sources.map(\.path) == ["a.txt/y.txt", "a/x.txt", "b/sub/z.txt", "b/x.txt", "c.txt"].map { tree.path("in/" + $0) })
        // Both `x.txt` clash, so both use their path below the input directory; the others keep their names.
        #expect(sources.map(\.id) == ["y", "a/x", "z", "b/x", "c"])
    }

    @Test func symbolicLinkCyclesAreListedOnce() throws {
        let tree = try TemporaryTree(files: ["in/a.txt": "a", "in/sub/b.txt": "b"])
        defer { tree.remove() }
        try FileManager.default.createSymbolicLink(atPath: tree.path("in/sub/loop"), withDestinationPath: tree.path("in"))
        let sources = try DocumentReader().collect([tree.path("in") + "/"])
        #expect(sources.map(\.path) == [tree.path("in/a.txt"), tree.path("in/sub/b.txt")])
        #expect(sources.map(\.id) == ["a", "b"])
    }

    @Test func clashesAcrossInputsFallBackToThePathGiven() throws {
        let tree = try TemporaryTree(files: ["one/report.txt": "1", "two/report.txt": "2", "two/other.TXT": "3"])
        defer { tree.remove() }
        let sources = try DocumentReader().collect([tree.path("one"), tree.path("two/report.txt"), tree.path("two/other.TXT")])
        #expect(sources.map(\.id) == [tree.path("one/report"), tree.path("two/report"), "other"])
        // The same file twice is read once; standard input keeps its own name.
        let again = try DocumentReader().collect([tree.path("one/report.txt"), tree.path("one/report.txt"), "-"])
        #expect(again == [DocumentSource(path: tree.path("one/report.txt"), id: "report"), DocumentSource(path: "-", id: "stdin")])
        #expect(again.last?.isStandardInput == true)
    }

    @Test func missingPathsAndEmptyDirectoriesAreErrors() throws {
        let tree = try TemporaryTree(files: ["empty/readme.md": "x"])
        defer { tree.remove() }
        #expect(throws: DocumentReadError.missing(path: tree.path("nope.txt"))) {
            try DocumentReader().collect([tree.path("empty/readme.md"), tree.path("nope.txt")])
        }
        #expect(throws: DocumentReadError.noTextFiles(directory: tree.path("empty"))) {
            try DocumentReader().collect([tree.path("empty")])
        }
    }

    @Test func readDecodesFilesAndReportsProblemsAsValues() throws {
        let tree = try TemporaryTree(files: ["a.txt": "date 2021-10-08\nKabul.", "dir/b.txt": "b"])
        defer { tree.remove() }
        let reader = DocumentReader()
        let read = try reader.read(DocumentSource(path: tree.path("a.txt"), id: "a")).get()
        #expect(read.document == Document(id: "a", path: tree.path("a.txt"), text: "Kabul.",
                                          date: CalendarDate(year: 2021, month: 10, day: 8)))
        #expect(throws: DocumentReadError.missing(path: tree.path("gone.txt"))) {
            try reader.read(DocumentSource(path: tree.path("gone.txt"), id: "gone")).get()
        }
        #expect(throws: DocumentReadError.unreadable(path: tree.path("dir"), reason: "is a directory")) {
            try reader.read(DocumentSource(path: tree.path("dir"), id: "dir")).get()
        }
    }
}
