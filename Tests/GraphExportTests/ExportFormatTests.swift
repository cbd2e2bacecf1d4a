import Testing
import GraphExport

@Suite struct ExportFormatTests {
    @Test(arguments: [
        ("out.graphml", ExportFormat.graphml), ("Exports/seeds.GraphML", .graphml), ("a.b/graph.dot", .dot),
        ("graph.gv", .dot), ("/tmp/x.GV", .dot), ("g.gexf", .gexf), ("g.JSON", .json), ("t.csv", .csv), ("page.html", .html),
        ("Exports/seeds.HTM", .html),
    ])
    func extensionNamesTheFormat(_ path: String, _ format: ExportFormat) throws {
        #expect(try ExportFormat(path: path) == format)
    }

    @Test(arguments: ["out.xml", "out", "dir.graphml/out", ".graphml", "out.", ""])
    func unknownExtensionIsATypedErrorNamingThePath(_ path: String) {
        #expect(throws: ExportError.unknownFormat(path: path)) { try ExportFormat(path: path) }
        #expect(ExportError.unknownFormat(path: path).description.contains("'\(path)'"))
    }
}
