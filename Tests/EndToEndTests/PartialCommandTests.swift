import Foundation
import Testing

/// The sharded run as a user (or `Scripts/spark-extract`) does it: `list` the corpus once, `extract --files-from
/// SHARD --partial` each shard, `merge` the partials; every file written is byte for byte that of one `extract`.
@Suite("Sharded extraction from the command line")
struct PartialCommandTests {
    static let inputs = [Harness.path("seeds"), Harness.path("Tests/Fixtures/battery")]
    static let written = ["out.graphml", "out.dot", "mentions.jsonl", "merges.tsv"]

    static func outputs(in dir: ScratchDirectory) -> [String] {
        ["-o", dir.file("out.graphml"), "-o", dir.file("out.dot"), "--mentions", dir.file("mentions.jsonl"),
         "--merge-log", dir.file("merges.tsv")]
    }

    /// Lists the inputs and deals the lines into `count` shard lists, round robin (so shards interleave in id order).
    static func shardLists(_ count: Int, in dir: ScratchDirectory) throws -> [String] {
        let list = try Harness.entityGraph(["list"] + inputs)
        #expect(list.status == 0, "\(list.stderr)")
        let lines = list.stdoutText.split(separator: "\n")
        #expect(lines.count > 20)
        return try (0..<count).map { s in
            let path = dir.file("shard-\(s).jsonl")
            let mine = lines.enumerated().filter { $0.offset % count == s }.map { $0.element + "\n" }.joined()
            try mine.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    @Test func shardsMergedInAnyOrderWriteTheFilesOfOneExtract() throws {
        let one = try ScratchDirectory(), sharded = try ScratchDirectory(), tree = try ScratchDirectory()
        let reference = try Harness.entityGraph(["extract"] + Self.inputs + Self.outputs(in: one), timeout: 300)
        #expect(reference.status == 1, "the battery's disguised binary fails; the rest is written: \(reference.stderr)")

        let lists = try Self.shardLists(3, in: sharded)
        var partials: [String] = []
        var errors = ""
        for list in lists {
            let partial = list.replacingOccurrences(of: ".jsonl", with: ".partial")
            let run = try Harness.entityGraph(["extract", "--files-from", list, "--partial", partial], timeout: 300)
            #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
            errors += run.stderr
            partials.append(partial)
        }
        #expect(errors.contains("15_binary_disguised"), "a shard reports its unreadable document: \(errors)")

        let merge = try Harness.entityGraph(["merge"] + partials.reversed() + Self.outputs(in: sharded), timeout: 300)
        #expect(merge.status == 0, "\(merge.stderr)")
        // A tree: two shards into one partial, then that with the third.
        let pair = tree.file("pair.partial")
        let first = try Harness.entityGraph(["merge", partials[2], partials[0], "--partial", pair])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try Harness.entityGraph(["merge", partials[1], pair] + Self.outputs(in: tree), timeout: 300)
        #expect(second.status == 0, "\(second.stderr)")

        for name in Self.written {
            let expected = try Data(contentsOf: URL(fileURLWithPath: one.file(name)))
            #expect(!expected.isEmpty, "\(name) is empty")
            #expect(try Data(contentsOf: URL(fileURLWithPath: sharded.file(name))) == expected, "\(name): shards differ")
            #expect(try Data(contentsOf: URL(fileURLWithPath: tree.file(name))) == expected, "\(name): tree differs")
        }
    }

    /// A shard named by its own files would give clashing file names other ids than the whole corpus gives them:
    /// the list carries the ids decided once over every input.
    @Test func listedIdsAreThoseOfTheWholeCorpus() throws {
        let dir = try ScratchDirectory()
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: dir.file(folder), withIntermediateDirectories: true)
            try "Angela Merkel visited Paris on Monday.".write(toFile: dir.file("\(folder)/x.txt"), atomically: true,
                                                              encoding: .utf8)
        }
        let list = try Harness.entityGraph(["list", dir.url.path])
        #expect(list.status == 0, "\(list.stderr)")
        let ids = try list.stdoutText.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])["id"]
        }
        #expect(ids == ["a/x", "b/x"])
    }

    @Test func mismatchedInputsAreRefusedWithTheirNames() throws {
        let dir = try ScratchDirectory()
        let seeds = Harness.path("seeds")
        let tagged = dir.file("tagged.partial"), untagged = dir.file("untagged.partial")
        #expect(try Harness.entityGraph(["extract", seeds, "--partial", tagged]).status == 0)
        #expect(try Harness.entityGraph(["extract", seeds, "--no-tagger", "--partial", untagged]).status == 0)

        let twice = try Harness.entityGraph(["merge", tagged, tagged, "-o", dir.file("a.graphml")])
        #expect(twice.status == 2 && twice.stderr.contains("is in both"), "\(twice.stderr)")
        let settings = try Harness.entityGraph(["merge", tagged, untagged, "-o", dir.file("b.graphml")])
        #expect(settings.status == 2 && settings.stderr.contains("different settings") && settings.stderr.contains("tagger"),
                "\(settings.stderr)")
        #expect(try Harness.entityGraph(["extract", seeds, "-o", dir.file("g.graphml")]).status == 0)
        let mixed = try Harness.entityGraph(["merge", tagged, dir.file("g.graphml"), "-o", dir.file("c.graphml")])
        #expect(mixed.status == 2 && mixed.stderr.contains("g.graphml"), "\(mixed.stderr)")
        let graphOnly = try Harness.entityGraph(["merge", dir.file("g.graphml"), "--mentions", dir.file("m.jsonl"),
                                                 "-o", dir.file("d.graphml")])
        #expect(graphOnly.status == 2 && graphOnly.stderr.contains("partial results"), "\(graphOnly.stderr)")

        let bytes = try Data(contentsOf: URL(fileURLWithPath: tagged))
        let cut = dir.file("cut.partial")
        try bytes.prefix(bytes.count - 10).write(to: URL(fileURLWithPath: cut))
        let truncated = try Harness.entityGraph(["merge", cut, "-o", dir.file("e.graphml")])
        #expect(truncated.status == 2 && truncated.stderr.contains("truncated") && truncated.stderr.contains("cut.partial"),
                "\(truncated.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("e.graphml")), "no output from a failed merge")

        let both = try Harness.entityGraph(["extract", seeds, "--files-from", dir.file("x.jsonl"), "--partial", dir.file("f.partial")])
        #expect(both.status == 2 && both.stderr.contains("--files-from"), "\(both.stderr)")
    }
}
