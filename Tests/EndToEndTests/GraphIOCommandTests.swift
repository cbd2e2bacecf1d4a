import Foundation
import Testing

/// `entity-graph convert` and `merge` as a user runs them: every format, byte-identical round trips,
/// order-independent merges, and the exit codes (0 ok; 2 usage, unreadable or malformed input, output not written).
struct GraphIOCommandTests {
    /// Two separate `extract` runs, one document each, written as GraphML.
    static func twoRuns(in dir: GraphIO.Scratch) throws -> (String, String) {
        let monday = try dir.write(GraphIO.mondayText, to: "monday.txt")
        let tuesday = try dir.write(GraphIO.tuesdayText, to: "tuesday.txt")
        for (input, output) in [(monday, "monday.graphml"), (tuesday, "tuesday.graphml")] {
            let run = try GraphIO.run(["extract", input, "-o", dir.file(output)])
            #expect(run.status == 0, "\(run.stderr)")
        }
        return (dir.file("monday.graphml"), dir.file("tuesday.graphml"))
    }

    @Test func convertWritesEveryFormatAndGraphMLComesBackIdentical() throws {
        let dir = try GraphIO.Scratch()
        let (monday, _) = try Self.twoRuns(in: dir)
        let outputs = ["c.graphml", "c.dot", "c.gv", "c.gexf", "c.json", "c.csv"]
        let run = try GraphIO.run(["convert", monday] + outputs.flatMap { ["-o", dir.file($0)] })
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try dir.bytes("c.graphml") == Array(Data(contentsOf: URL(fileURLWithPath: monday))))
        for name in ["c.dot", "c.gv", "c.gexf", "c.json", "c.nodes.csv", "c.edges.csv"] {
            #expect(try !dir.bytes(name).isEmpty, "\(name) missing")
        }
        // The same formats straight from extract are the same bytes.
        let direct = try GraphIO.run(["extract", dir.file("monday.txt"), "-o", dir.file("d.dot"), "-o", dir.file("d.gexf"),
                                      "-o", dir.file("d.json")])
        #expect(direct.status == 0, "\(direct.stderr)")
        for format in ["dot", "gexf", "json"] {
            #expect(try dir.bytes("c.\(format)") == dir.bytes("d.\(format)"), "\(format) differs from extract's")
        }
    }

    @Test func mergeOfTwoRunsIsIndependentOfArgumentOrderAndEqualsMergeOfOne() throws {
        let dir = try GraphIO.Scratch()
        let (monday, tuesday) = try Self.twoRuns(in: dir)
        let ab = try GraphIO.run(["merge", monday, tuesday, "-o", dir.file("ab.graphml")])
        let ba = try GraphIO.run(["merge", tuesday, monday, "-o", dir.file("ba.graphml")])
        #expect(ab.status == 0 && ba.status == 0, "\(ab.stderr)\(ba.stderr)")
        #expect(try dir.bytes("ab.graphml") == dir.bytes("ba.graphml"))

        let single = try GraphIO.run(["merge", monday, "-o", dir.file("m.graphml")])
        #expect(single.status == 0, "\(single.stderr)")
        #expect(try dir.bytes("m.graphml") == Array(Data(contentsOf: URL(fileURLWithPath: monday))))

        let text = String(decoding: try dir.bytes("ab.graphml"), as: UTF8.self)
        #expect(text.contains("<data key=\"node_documents\">monday|tuesday</data>"))
    }

    @Test func malformedInputExitsTwoNamingFileAndLine() throws {
        let dir = try GraphIO.Scratch()
        let broken = try dir.write("<graphml>\n<graph>\n<node id=\"a\">\n</graph>\n", to: "broken.graphml")
        let convert = try GraphIO.run(["convert", broken, "-o", dir.file("out.dot")])
        #expect(convert.status == 2)
        #expect(convert.stderr.contains("\(broken):4: not well-formed XML"), "\(convert.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("out.dot")))

        let (monday, _) = try Self.twoRuns(in: dir)
        let merge = try GraphIO.run(["merge", monday, broken, dir.file("missing.graphml"), "-o", dir.file("m.graphml")])
        #expect(merge.status == 2)
        #expect(merge.stderr.contains("\(broken):4:"), "\(merge.stderr)")
        #expect(merge.stderr.contains("missing.graphml: cannot read the file"), "\(merge.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("m.graphml")))
    }

    /// libxml2 prints encoding errors through its unstructured handler; the user sees only our one line.
    @Test func undecodableInputGivesOneErrorLine() throws {
        let dir = try GraphIO.Scratch()
        let path = dir.file("ucs4.graphml")
        try Data([0, 0, 0, 0x3C, 0, 0, 0, 0x61, 0, 0, 0, 0x3E, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0x61])
            .write(to: URL(fileURLWithPath: path))
        let run = try GraphIO.run(["convert", path, "-o", dir.file("u.json")])
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("error: \(path):1: not well-formed XML: the bytes cannot be decoded"), "\(run.stderr)")
    }

    @Test func unknownTypesNeedLenient() throws {
        let dir = try GraphIO.Scratch()
        let file = try dir.write("""
            <graphml><key id="t" for="node" attr.name="type"/>
            <graph><node id="a"><data key="t">planet</data></node></graph></graphml>
            """, to: "planet.graphml")
        let strict = try GraphIO.run(["convert", file, "-o", dir.file("p.json")])
        #expect(strict.status == 2 && strict.stderr.contains("\(file):2: node 'a' has type 'planet'"), "\(strict.stderr)")
        let lenient = try GraphIO.run(["convert", file, "--lenient", "-o", dir.file("p.json")])
        #expect(lenient.status == 0, "\(lenient.stderr)")
    }

    @Test func usageErrorsAndUnwritableOutputsExitTwo() throws {
        let dir = try GraphIO.Scratch()
        let (monday, _) = try Self.twoRuns(in: dir)
        let cases: [[String]] = [
            ["convert", monday],                                   // nothing to write
            ["convert", monday, "-o", dir.file("x.png")],          // unknown format
            ["convert", "-o", dir.file("x.dot")],                  // no input
            ["merge", "-o", dir.file("x.dot")],                    // no input
            ["merge", monday],                                     // nothing to write
            ["convert", monday, "-o", dir.file("no/such/dir/x.dot")],  // output not written
            ["merge", monday, "-o", dir.file("no/such/dir/x.dot")],
        ]
        for arguments in cases {
            let run = try GraphIO.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.status) \(run.stderr)")
            #expect(!run.stderr.isEmpty, "\(arguments)")
        }
    }
}
