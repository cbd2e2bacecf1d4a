import Foundation
import Testing

/// `--jobs` changes how many documents are analysed at once, never the output: every file written with one
/// job is byte for byte the one written with several, on the seeds and the whole hostile battery together.
@Suite("Parallel extraction")
struct ParallelDeterminismTests {
    static let outputs = ["out.graphml", "out.dot", "out.gexf", "out.json", "out.csv"]
    static let written = ["out.graphml", "out.dot", "out.gexf", "out.json", "out.nodes.csv", "out.edges.csv",
                          "mentions.jsonl", "merges.tsv"]

    func run(jobs: Int, in dir: ScratchDirectory) throws -> Harness.Result {
        let arguments = ["extract", Harness.path("seeds"), Harness.path("Tests/Fixtures/battery"), "--jobs", "\(jobs)"]
            + Self.outputs.flatMap { ["-o", dir.file($0)] }
            + ["--mentions", dir.file("mentions.jsonl"), "--merge-log", dir.file("merges.tsv")]
        return try Harness.entityGraph(arguments, timeout: 300)
    }

    @Test func oneJobAndSeveralWriteTheSameBytes() throws {
        let one = try ScratchDirectory(), several = try ScratchDirectory()
        let a = try run(jobs: 1, in: one)
        let b = try run(jobs: 4, in: several)
        // The battery's disguised binary file fails to read (exit 1); everything else is written.
        #expect(a.status == 1 && b.status == 1, "\(a.stderr)\n\(b.stderr)")
        #expect(a.stderr == b.stderr, "warnings and errors come in document order whatever the jobs")
        for name in Self.written {
            let first = try Data(contentsOf: URL(fileURLWithPath: one.file(name)))
            let second = try Data(contentsOf: URL(fileURLWithPath: several.file(name)))
            #expect(!first.isEmpty, "\(name) is empty")
            #expect(first == second, "\(name) differs between --jobs 1 and --jobs 4")
        }
    }

    /// Standard error is not a terminal here: no progress line and no closing summary, only warnings and errors.
    @Test func noProgressWhenStderrIsNotATerminal() throws {
        let dir = try ScratchDirectory()
        let result = try run(jobs: 2, in: dir)
        let lines = result.stderr.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("warning: ") || $0.hasPrefix("error: ") }, "\(result.stderr)")
        #expect(!result.stderr.contains("\r"))
    }

    @Test func jobsMustBePositive() throws {
        let dir = try ScratchDirectory()
        let result = try Harness.entityGraph(["extract", Harness.path("seeds"), "--jobs", "0", "-o", dir.file("x.graphml")])
        #expect(result.status == 2 && result.stderr.contains("--jobs"), "\(result.stderr)")
    }
}
