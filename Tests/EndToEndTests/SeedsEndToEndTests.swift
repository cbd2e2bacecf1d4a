import Foundation
import Testing

/// Every output format of one run, by file name inside the scratch directory.
private let outputNames = ["out.graphml", "out.dot", "out.gexf", "out.json", "out.csv", "out.html"]
/// What the run writes: `.csv` becomes two tables.
private let writtenNames = ["out.graphml", "out.dot", "out.gexf", "out.json", "out.nodes.csv", "out.edges.csv", "out.html",
                            "mentions.jsonl", "merges.tsv"]

private var seeds: String { Harness.path("Tests/Fixtures/seeds") }

/// Runs `extract` on the seed copies into `dir`, to every format plus the mentions file and merge log.
private func extractSeeds(into dir: ScratchDirectory) throws -> Harness.Result {
    var arguments = ["extract", seeds]
    for name in outputNames { arguments += ["-o", dir.file(name)] }
    arguments += ["--mentions", dir.file("mentions.jsonl"), "--merge-log", dir.file("merges.tsv")]
    return try Harness.entityGraph(arguments)
}

@Suite("End to end on the seeds")
struct SeedsEndToEndTests {
    @Test func binaryIsBuilt() throws {
        _ = try Harness.requireBinary()
    }

    @Test func exportsEveryFormat() throws {
        let dir = try ScratchDirectory()
        let result = try extractSeeds(into: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(!result.timedOut)
        // Standard error is not a terminal here: no progress and no summary, and the seeds give no warning.
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        for name in writtenNames {
            #expect(dir.exists(name), "\(name) was not written")
            #expect(((try? dir.bytes(name)) ?? []).count > 0, "\(name) is empty")
        }
        // Only the promised files, no temporary leftovers.
        let listing = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
        #expect(listing == writtenNames.sorted())
    }

    @Test func graphMLPassesTheSchema() throws {
        let dir = try ScratchDirectory()
        let run = try extractSeeds(into: dir)
        try #require(run.status == 0, "\(run.stderr)")
        let check = try Harness.validateGraphML(dir.file("out.graphml"))
        #expect(check.status == 0, "xmllint: \(check.stderr)")
    }

    @Test(arguments: ["dot", "sfdp"])
    func dotRendersWithoutWarnings(layout: String) throws {
        let dir = try ScratchDirectory()
        let run = try extractSeeds(into: dir)
        try #require(run.status == 0, "\(run.stderr)")
        let render = try Harness.run(layout, ["-Tsvg", dir.file("out.dot"), "-o", dir.file("out.svg")])
        #expect(render.status == 0, "\(layout): \(render.stderr)")
        #expect(render.stderr.isEmpty, "\(layout) wrote to stderr: \(render.stderr)")
        #expect(((try? dir.bytes("out.svg")) ?? []).count > 0)
    }

    @Test func networkxAgreesWithTheJSONAndCSVCounts() throws {
        let dir = try ScratchDirectory()
        let run = try extractSeeds(into: dir)
        try #require(run.status == 0, "\(run.stderr)")
        let script = """
            import csv, json, sys
            import networkx as nx
            g = nx.read_graphml(sys.argv[1])
            d = json.load(open(sys.argv[2], encoding="utf-8"))["elements"]
            with open(sys.argv[3], encoding="utf-8", newline="") as f: csv_nodes = list(csv.DictReader(f))
            with open(sys.argv[4], encoding="utf-8", newline="") as f: csv_edges = list(csv.DictReader(f))
            print(g.number_of_nodes(), g.number_of_edges(), len(d["nodes"]), len(d["edges"]), len(csv_nodes), len(csv_edges))
            gl = sorted(str(a.get("label")) for _, a in g.nodes(data=True))
            jl = sorted(str(n["data"].get("label")) for n in d["nodes"])
            print("labels-equal" if gl == jl else "labels-differ")
            """
        let result = try Harness.python(script, [dir.file("out.graphml"), dir.file("out.json"),
                                                 dir.file("out.nodes.csv"), dir.file("out.edges.csv")])
        try #require(result.status == 0, "python: \(result.stderr)")
        let lines = result.stdoutText.split(separator: "\n")
        let counts = lines.first.map { $0.split(separator: " ").compactMap { Int($0) } } ?? []
        try #require(counts.count == 6, "\(result.stdoutText)")
        #expect(counts[0] > 10 && counts[1] > 10, "the seeds give a real graph: \(counts)")
        #expect(counts[0] == counts[2], "nodes: networkx \(counts[0]) vs JSON \(counts[2])")
        #expect(counts[1] == counts[3], "edges: networkx \(counts[1]) vs JSON \(counts[3])")
        #expect(counts[2] == counts[4], "nodes: JSON \(counts[2]) vs CSV \(counts[4])")
        #expect(counts[3] == counts[5], "edges: JSON \(counts[3]) vs CSV \(counts[5])")
        #expect(lines.last == "labels-equal")
    }

    @Test func twoRunsGiveIdenticalBytes() throws {
        let first = try ScratchDirectory()
        let second = try ScratchDirectory()
        let a = try extractSeeds(into: first)
        let b = try extractSeeds(into: second)
        try #require(a.status == 0 && b.status == 0, "\(a.stderr)\n\(b.stderr)")
        for name in writtenNames {
            // The paths inside the files never name the scratch directory, so the bytes can be compared.
            #expect(try first.bytes(name) == second.bytes(name), "\(name) differs between two runs")
        }
    }

    @Test func inputOrderDoesNotChangeTheBytes() throws {
        let seeds = Harness.path("Tests/Fixtures/seeds")
        let files = try FileManager.default.contentsOfDirectory(atPath: seeds).filter { $0.hasSuffix(".txt") }.sorted()
        try #require(files.count >= 2)
        let dir = try ScratchDirectory()
        var outputs: [[UInt8]] = []
        for (order, name) in [(files, "forward"), (Array(files.reversed()), "backward")] {
            let result = try Harness.entityGraph(["extract"] + order.map { seeds + "/" + $0 }
                                                 + ["-o", dir.file(name + ".graphml"), "-o", dir.file(name + ".dot")])
            try #require(result.status == 0, "\(result.stderr)")
            outputs.append(try dir.bytes(name + ".graphml") + dir.bytes(name + ".dot"))
        }
        #expect(outputs[0] == outputs[1], "the documents' order changed the output")
    }

    @Test func mentionOffsetsSliceTheDecodedText() throws {
        let dir = try ScratchDirectory()
        let run = try extractSeeds(into: dir)
        try #require(run.status == 0, "\(run.stderr)")
        // An independent reading of the fixtures in Python: decode, normalise line ends, drop the date header,
        // then slice by code points (= Unicode scalars).
        let script = """
            import json, os, re, sys
            seeds, mentions, graph = sys.argv[1], sys.argv[2], sys.argv[3]
            texts = {}
            for name in os.listdir(seeds):
                if not name.endswith(".txt"): continue
                t = open(os.path.join(seeds, name), "rb").read().decode("utf-8-sig")
                t = t.replace("\\r\\n", "\\n").replace("\\r", "\\n")
                m = re.match(r"\\s*date[ \\t]+[0-9-]+(?:\\s+|$)", t)
                if m: t = t[m.end():]
                texts[name[:-4]] = t
            count = bad = 0
            spans = {}
            for line in open(mentions, encoding="utf-8"):
                r = json.loads(line)
                count += 1
                if r["type"] != "meeting":
                    spans.setdefault(r["document"], []).append((r["start"], r["end"]))
                t = texts[r["document"]]
                piece = t[r["start"]:r["end"]]
                if not (0 <= r["start"] < r["end"] <= len(t)) or piece != r["text"]:
                    bad += 1
                    print("BAD", r, repr(piece))
            nodes = json.load(open(graph, encoding="utf-8"))["elements"]["nodes"]
            ids = {n["data"]["id"] for n in nodes}
            unknown = sum(1 for line in open(mentions, encoding="utf-8") if json.loads(line)["node"] not in ids)
            total = sum(n["data"].get("mentions", 0) for n in nodes)
            overlapping = 0
            for doc_spans in spans.values():
                doc_spans.sort()
                overlapping += sum(1 for a, b in zip(doc_spans, doc_spans[1:]) if b[0] < a[1])
            print("checked", count, "bad", bad, "unknown", unknown, "total", total, "overlapping", overlapping)
            """
        let result = try Harness.python(script, [seeds, dir.file("mentions.jsonl"), dir.file("out.json")])
        try #require(result.status == 0, "python: \(result.stderr)")
        let summary = String(result.stdoutText.split(separator: "\n").last ?? "")
        let fields = summary.split(separator: " ")
        try #require(fields.count == 10, "\(result.stdoutText)")
        let checked = Int(fields[1]) ?? 0
        #expect(checked > 50, "\(summary)")
        #expect(fields[3] == "0", "mentions whose offsets do not slice their text:\n\(result.stdoutText)")
        #expect(fields[5] == "0", "mentions pointing at unknown nodes: \(summary)")
        // The file is the flat list of names: descriptions and names inside names count for their nodes but
        // are not listed, so no two listed names overlap.
        #expect((Int(fields[7]) ?? 0) >= checked, "every listed mention counts for its node: \(summary)")
        #expect(fields[9] == "0", "listed mentions that overlap: \(summary)")
    }

    @Test func mergeLogHasAHeaderAndTheAcronym() throws {
        let dir = try ScratchDirectory()
        let run = try extractSeeds(into: dir)
        try #require(run.status == 0, "\(run.stderr)")
        let log = String(decoding: try dir.bytes("merges.tsv"), as: UTF8.self)
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.first == "node\tname\tdocument\treason")
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 4 })
        let cis = lines.filter { $0.split(separator: "\t").dropFirst().first == "CIS" }
        #expect(cis.contains { $0.contains("acronym") && $0.contains("Commonwealth of Independent States") },
                "no acronym merge for CIS in:\n\(log)")
        #expect(log.hasSuffix("\n"))
    }
}

@Suite("End to end exit codes")
struct ExitCodeTests {
    @Test func missingInputIsAUsageError() throws {
        let dir = try ScratchDirectory()
        let missing = dir.file("no-such-article.txt")
        let result = try Harness.entityGraph(["extract", missing, "-o", dir.file("out.graphml")])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("no-such-article.txt"), "the message names the file: \(result.stderr)")
        #expect(!dir.exists("out.graphml"))
    }

    @Test func binaryFileAmongGoodOnes() throws {
        let dir = try ScratchDirectory()
        let good = try dir.write(Array("date 2024-10-09\nFrench Foreign Minister Jean Dupont arrived in Nairobi on Monday.\n".utf8),
                                 "in/good.txt")
        // A PNG signature and NULs: binary, whatever the extension says.
        let binary = try dir.write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
                                       + [UInt8](repeating: 0, count: 64), "in/picture.txt")
        let result = try Harness.entityGraph(["extract", good, binary, "-o", dir.file("out.graphml"),
                                              "--mentions", dir.file("mentions.jsonl")])
        #expect(result.status == 1, "\(result.stderr)")
        let errorLines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errorLines.count == 1, "\(result.stderr)")
        #expect(errorLines.first?.contains("picture.txt") == true, "the error names the binary file: \(result.stderr)")
        #expect(errorLines.first?.contains("good.txt") == false)
        // The good document is still exported.
        let graphml = String(decoding: (try? dir.bytes("out.graphml")) ?? [], as: UTF8.self)
        #expect(graphml.contains("Jean Dupont"), "the good document is missing from the export")
        let mentions = String(decoding: (try? dir.bytes("mentions.jsonl")) ?? [], as: UTF8.self)
        #expect(mentions.contains("\"document\":\"good\""))
        #expect(!mentions.contains("picture"))
        let check = try Harness.validateGraphML(dir.file("out.graphml"))
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func versionIsPrinted() throws {
        let result = try Harness.entityGraph(["--version"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+\n/) != nil, "\(result.stdoutText)")
    }

    /// Nothing to write is a mistake worth a clear message, not a silent extraction whose result is thrown away.
    @Test func extractWithoutOutputsIsAUsageError() throws {
        let result = try Harness.entityGraph(["extract", seeds])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("nothing to write: give at least one -o FILE"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func unknownOutputExtensionIsAUsageError() throws {
        let dir = try ScratchDirectory()
        let result = try Harness.entityGraph(["extract", seeds, "-o", dir.file("out.xlsx")])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(!result.stderr.isEmpty)
        #expect(!dir.exists("out.xlsx"))
    }

    @Test func existingOutputIsUntouchedOnUsageError() throws {
        let dir = try ScratchDirectory()
        let original = Array("<previous run's graph/>\n".utf8)
        let kept = try dir.write(original, "out.graphml")
        let keptDot = try dir.write(original, "out.dot")
        // A bad extension among good outputs: nothing at all is written.
        let badExtension = try Harness.entityGraph(["extract", seeds, "-o", kept, "-o", dir.file("out.xyz")])
        #expect(badExtension.status == 2, "\(badExtension.stderr)")
        #expect(try dir.bytes("out.graphml") == original)
        // A missing input: nothing is written either.
        let missingInput = try Harness.entityGraph(["extract", dir.file("absent.txt"), "-o", kept, "-o", keptDot])
        #expect(missingInput.status == 2, "\(missingInput.stderr)")
        #expect(try dir.bytes("out.graphml") == original)
        #expect(try dir.bytes("out.dot") == original)
        // No temporary files are left beside them.
        let listing = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
        #expect(listing == ["out.dot", "out.graphml"])
    }
}

/// Every file of the hostile battery, to every format: either clean exports (GraphML by its XSD, GEXF by its
/// RelaxNG schema, DOT by `dot` with an empty stderr, JSON by a strict parser, CSV by Python's reader, and the
/// same node and edge counts in all of them) or exit 1 with an error naming the file; never a crash, another
/// exit code, a hang or a partial file.
@Suite("End to end on the battery")
struct BatteryEndToEndTests {
    static let files: [String] = {
        let directory = Harness.path("Tests/Fixtures/battery")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted()
    }()

    /// Reads every format back with Python's strict parsers and compares node and edge counts.
    static let countScript = """
        import csv, json, sys, xml.etree.ElementTree as ET
        from html.parser import HTMLParser
        d = sys.argv[1]
        def reject(value): raise ValueError("non-finite number " + value)
        with open(d + "/out.json", encoding="utf-8") as f:
            text = f.read()
        assert not text.startswith("\\ufeff"), "BOM in JSON"
        j = json.loads(text, parse_constant=reject)["elements"]
        ids = {n["data"]["id"] for n in j["nodes"]}
        assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in j["edges"]), "dangling JSON edge"
        g = ET.parse(d + "/out.graphml").getroot()
        ns = "{http://graphml.graphdrawing.org/xmlns}"
        gml = (len(g.findall(f".//{ns}node")), len(g.findall(f".//{ns}edge")))
        x = ET.parse(d + "/out.gexf").getroot()
        nx = "{http://gexf.net/1.3}"
        gexf = (len(x.findall(f".//{nx}node")), len(x.findall(f".//{nx}edge")))
        with open(d + "/out.nodes.csv", newline="", encoding="utf-8") as f:
            nodes = list(csv.reader(f))
        with open(d + "/out.edges.csv", newline="", encoding="utf-8") as f:
            edges = list(csv.reader(f))
        assert len({len(r) for r in nodes}) == 1 and len({len(r) for r in edges}) == 1, "ragged CSV"
        class Scripts(HTMLParser):  # ends a script at `</script` as browsers do
            def __init__(self):
                super().__init__()
                self.found, self.open = [], False
            def handle_starttag(self, tag, attrs):
                if tag == "script": self.found.append(""); self.open = True
            def handle_data(self, data):
                if self.open: self.found[-1] += data
            def handle_endtag(self, tag):
                if tag == "script": self.open = False
        page = Scripts()
        page.feed(open(d + "/out.html", encoding="utf-8").read())
        scripts = page.found
        assert len(scripts) == 3, "HTML: %d script elements" % len(scripts)
        h = json.loads(scripts[0], parse_constant=reject)
        assert h == json.loads(text), "HTML: the embedded graph differs from the JSON export"
        counts = {"json": (len(j["nodes"]), len(j["edges"])), "graphml": gml, "gexf": gexf,
                  "csv": (len(nodes) - 1, len(edges) - 1), "html": (len(h["elements"]["nodes"]), len(h["elements"]["edges"]))}
        assert len(set(counts.values())) == 1, counts
        print(counts["json"])
        """

    @Test func batteryIsThere() {
        #expect(Self.files.count >= 20, "Tests/Fixtures/battery holds \(Self.files.count) .txt files")
    }

    @Test(arguments: files)
    func exportsOrRefuses(file: String) throws {
        let dir = try ScratchDirectory()
        let input = Harness.path("Tests/Fixtures/battery/" + file)
        let result = try Harness.entityGraph(["extract", input, "-o", dir.file("out.graphml"), "-o", dir.file("out.dot"),
                                              "-o", dir.file("out.gexf"), "-o", dir.file("out.json"), "-o", dir.file("out.csv"),
                                              "-o", dir.file("out.html")],
                                             timeout: 120)
        // A guard against hangs, not a speed test (debug build, tests in parallel on a small machine): speed is
        // measured by Scripts/bench-extract.
        #expect(!result.timedOut, "\(file): still running after 120 s")
        switch result.status {
        case 0:
            let xml = try Harness.validateGraphML(dir.file("out.graphml"))
            #expect(xml.status == 0, "\(file): xmllint: \(xml.stderr)")
            let dot = try Harness.run("dot", ["-Tsvg", dir.file("out.dot"), "-o", dir.file("out.svg")])
            #expect(dot.status == 0, "\(file): dot exit \(dot.status)")
            #expect(dot.stderr.isEmpty, "\(file): dot wrote to stderr: \(dot.stderr)")
            let gexf = try Harness.run("xmllint", ["--noout", "--nonet", "--relaxng",
                                                   Harness.path("schemas/gexf/1.3/gexf.rng"), dir.file("out.gexf")])
            #expect(gexf.status == 0, "\(file): GEXF does not validate: \(gexf.stderr)")
            let counts = try Harness.python(Self.countScript, [dir.url.path])
            #expect(counts.status == 0, "\(file): \(counts.stdoutText) \(counts.stderr)")
        case 1:
            let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
            #expect(!errors.isEmpty && errors.allSatisfy { $0.contains(file) },
                    "\(file): exit 1 without an error line naming the file: \(result.stderr)")
        default:
            Issue.record("\(file): exit status \(result.status) (crash or usage error); stderr: \(result.stderr)")
        }
    }
}
