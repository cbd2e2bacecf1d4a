import Foundation
import Testing
import GraphModel
@testable import GraphExport

@Suite struct CSVWriterTests {
    @Test func gephiHeadersAndCRLFRecords() throws {
        let nodes = String(decoding: try CSVWriter().nodes(TestGraphs.sample()), as: UTF8.self)
        let edges = String(decoding: try CSVWriter().edges(TestGraphs.sample()), as: UTF8.self)
        #expect(nodes.hasPrefix("Id,Label,Type,Aliases,Mentions,Documents,Date,Format,Ordinal,Series,First Seen,Last Seen,Identity\r\n"))
        #expect(nodes.contains("\r\nn0,Sergey Lavrov,person,Lavrov,3,000|001,,,,,2021-10-20,2021-10-21,\r\n"))
        #expect(edges.hasPrefix("Id,Source,Target,Type,Kind,Label,Relation,Weight,Documents,Evidence,Evidence Document,"
            + "Evidence Start,Evidence End,Date,First Seen,Last Seen,Event Class\r\n"))
        #expect(edges.contains("\r\ne0,n0,n2,Directed,role,foreign minister,foreign minister,2.0,000,Foreign Minister Sergey Lavrov said…,000,0,36,2021-10-20,,,\r\n"))
        #expect(nodes.hasSuffix("\r\n") && edges.hasSuffix("\r\n"))
    }

    @Test func quotingFollowsRFC4180() {
        #expect(CSVWriter.record(["a", "b,c", "say \"hi\"", "x\ny", ""]) == "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\",\r\n")
    }

    @Test func formulaCellsAreDefusedButNumbersAreNot() throws {
        #expect(CSVWriter.defused("=HYPERLINK(1)") == "'=HYPERLINK(1)")
        #expect(CSVWriter.defused("+SUM") == "'+SUM" && CSVWriter.defused("-1.5") == "'-1.5")
        #expect(CSVWriter.defused("@Mention") == "'@Mention" && CSVWriter.defused("\tx") == "'\tx")
        #expect(CSVWriter.defused("a=b") == "a=b")
        var graph = TestGraphs.sample()
        graph.edges[0].weight = -3
        graph.edges[0].label = "-minister"
        let edges = String(decoding: try CSVWriter().edges(graph), as: UTF8.self)
        #expect(edges.contains(",'-minister,-3.0,"))
    }

    @Test func longCellsAreCutToWhatASpreadsheetHolds() throws {
        let name = String(repeating: "Very ", count: 10_000) + "Long"
        let graph = EntityGraph(nodes: [GraphNode(label: name, type: .organisation), GraphNode(label: "=x", type: .person)])
        let rows = String(decoding: try CSVWriter().nodes(graph), as: UTF8.self).split(separator: "\r\n")
        let label = String(rows[1].split(separator: ",")[1])
        #expect(label.utf16.count <= 32_767 && label.hasSuffix("…") && name.hasPrefix(label.dropLast()))
        #expect(rows[2].hasPrefix("n1,'=x,person,"))
    }

    @Test func emptyGraphIsHeadersOnly() throws {
        #expect(String(decoding: try CSVWriter().nodes(EntityGraph()), as: UTF8.self).split(separator: "\r\n").count == 1)
        #expect(String(decoding: try CSVWriter().edges(EntityGraph()), as: UTF8.self).split(separator: "\r\n").count == 1)
    }

    @Test(arguments: [("out.csv", "out.nodes.csv", "out.edges.csv"), ("dir/g.CSV", "dir/g.nodes.csv", "dir/g.edges.csv"),
                      ("a.b/c", "a.b/c.nodes.csv", "a.b/c.edges.csv")])
    func tablePaths(_ path: String, _ nodes: String, _ edges: String) {
        #expect(CSVWriter.tablePaths(for: path) == (nodes, edges))
    }

    @Test func exportFilesWritesBothTablesAndExportRefusesCSV() throws {
        let files = try exportFiles(TestGraphs.sample(), to: "x/out.csv")
        #expect(files.map(\.path) == ["x/out.nodes.csv", "x/out.edges.csv"])
        #expect(throws: ExportError.severalFiles(format: .csv)) { try export(TestGraphs.sample(), as: .csv) }
        #expect(try exportFiles(TestGraphs.sample(), to: "g.gv").map(\.path) == ["g.gv"])
        #expect(throws: ExportError.unknownFormat(path: "g.txt")) { try exportFiles(TestGraphs.sample(), to: "g.txt") }
    }

    /// Python's csv module reads rectangular tables whose labels are the policy-clean names.
    @Test func pythonReadsTheTables() throws {
        let graph = TestGraphs.nasty()
        let dir = try TemporaryDirectory()
        let nodes = try dir.write(try CSVWriter().nodes(graph), "g.nodes.csv")
        let edges = try dir.write(try CSVWriter().edges(graph), "g.edges.csv")
        let script = """
            import csv, io, json, sys
            out = []
            for path in sys.argv[1:]:
                rows = list(csv.reader(io.open(path, encoding="utf-8", newline=""), strict=True))
                assert len({len(r) for r in rows}) == 1, "not rectangular"
                out.append([r[rows[0].index("Label")] for r in rows[1:]])
            print(json.dumps(out))
            """
        let result = try Tools.python(script, [nodes, edges])
        #expect(result.status == 0, "\(result.stderr)")
        let read = try JSONDecoder().decode([[String]].self, from: Data(result.stdout))
        #expect(read[0].map { Array($0.unicodeScalars) }
                == graph.nodes.map { Array(CSVWriter.defused(TextPolicy.clean($0.label)).unicodeScalars) })
        #expect(read[1].count == graph.edges.count)
    }
}
