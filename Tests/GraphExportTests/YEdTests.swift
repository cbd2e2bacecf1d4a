import Foundation
import Testing
import GraphModel
@testable import GraphExport

/// The yEd GraphML flavour (`--yed`): yFiles graphics beside the normal data, valid against the lax schema,
/// still read by networkx and the shared checker, and never an HTML label from data.
@Suite struct YEdTests {
    static let yed = GraphMLWriter(options: .init(yed: true))
    static let laxSchema = Tools.path("schemas/graphml/graphml+lax-extensions.xsd")
    static let strictSchema = Tools.path("schemas/graphml/graphml.xsd")

    static func validate(_ bytes: [UInt8], schema: String) throws -> Tools.Result {
        let dir = try TemporaryDirectory()
        let path = try dir.write(bytes, "graph.graphml")
        return try Tools.run("xmllint", ["--noout", "--nonet", "--schema", schema, path])
    }

    /// Per node and edge, what yEd draws and what the normal data say, read with ElementTree.
    struct Drawn: Decodable {
        struct Node: Decodable {
            var yLabel: String?
            var fill: String?
            var shape: String?
            var label: String?
            var type: String?
        }

        struct Edge: Decodable {
            var yLabel: String?
            var color: String?
            var line: String?
            var arrow: String?
            var label: String?
            var kind: String?
        }

        var nodes: [Node]
        var edges: [Edge]
    }

    static let drawnScript = #"""
import json, sys, xml.etree.ElementTree as ET
G = "{http://graphml.graphdrawing.org/xmlns}"; Y = "{http://www.yworks.com/xml/graphml}"
root = ET.parse(sys.argv[1]).getroot()
def data(el, key):
    d = el.find(f"{G}data[@key='{key}']")
    return None if d is None else d.text
def attr(el, path, name):
    e = el.find(path)
    return None if e is None else e.get(name)
def text(el, path):
    e = el.find(path)
    return None if e is None else e.text
nodes = [{"yLabel": text(n, f".//{Y}NodeLabel"), "fill": attr(n, f".//{Y}Fill", "color"),
          "shape": attr(n, f".//{Y}Shape", "type"), "label": data(n, "node_label"), "type": data(n, "node_type")}
         for n in root.iter(f"{G}node")]
edges = [{"yLabel": text(e, f".//{Y}EdgeLabel"), "color": attr(e, f".//{Y}LineStyle", "color"),
          "line": attr(e, f".//{Y}LineStyle", "type"), "arrow": attr(e, f".//{Y}Arrows", "target"),
          "label": data(e, "edge_label"), "kind": data(e, "edge_kind")}
         for e in root.iter(f"{G}edge")]
print(json.dumps({"nodes": nodes, "edges": edges}))
"""#

    static func drawn(_ bytes: [UInt8]) throws -> Drawn {
        let dir = try TemporaryDirectory()
        let path = try dir.write(bytes, "graph.graphml")
        let result = try Tools.python(drawnScript, [path])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Drawn.self, from: Data(result.stdout))
    }

    @Test(arguments: [("sample", TestGraphs.sample()), ("nasty", TestGraphs.nasty()), ("empty", EntityGraph())])
    func validatesAgainstTheLaxSchema(_ name: String, _ graph: EntityGraph) throws {
        let result = try Self.validate(try Self.yed.write(graph), schema: Self.laxSchema)
        #expect(result.status == 0, "\(name): \(result.stderr)")
    }

    /// Why the flavour is opt-in: the official schema refuses yFiles elements inside `<data>`.
    @Test func theStrictSchemaRejectsIt() throws {
        let result = try Self.validate(try Self.yed.write(TestGraphs.sample()), schema: Self.strictSchema)
        #expect(result.status != 0)
    }

    @Test func declaresTheNamespaceAndGraphicsKeys() throws {
        let text = String(decoding: try Self.yed.write(TestGraphs.sample()), as: UTF8.self)
        #expect(text.contains("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:y=\"http://www.yworks.com/xml/graphml\">"))
        #expect(text.contains("<key for=\"node\" id=\"node_graphics\" yfiles.type=\"nodegraphics\"/>"))
        #expect(text.contains("<key for=\"edge\" id=\"edge_graphics\" yfiles.type=\"edgegraphics\"/>"))
        // Every normal key stays.
        for column in Attributes.node {
            #expect(text.contains("<key id=\"node_\(column.name)\" for=\"node\" attr.name=\"\(column.name)\""))
        }
        for column in Attributes.edge {
            #expect(text.contains("<key id=\"edge_\(column.name)\" for=\"edge\" attr.name=\"\(column.name)\""))
        }
        // The graphics come before the data of each element (networkx's yEd label must be overwritten).
        #expect(text.contains("<node id=\"n0\">\n      <data key=\"node_graphics\">\n        <y:ShapeNode>"))
        #expect(text.contains("<edge id=\"e0\" source=\"n0\" target=\"n2\">\n      <data key=\"edge_graphics\">\n        <y:PolyLineEdge>"))
    }

    @Test func shapesColoursAndLinesFollowThePalette() throws {
        let graph = TestGraphs.sample()
        let drawn = try Self.drawn(try Self.yed.write(graph))
        #expect(drawn.nodes.count == graph.nodes.count && drawn.edges.count == graph.edges.count)
        for (node, seen) in zip(graph.nodes, drawn.nodes) {
            #expect(seen.yLabel == node.label)
            #expect(seen.fill == Palette.fill(for: node.type).hex)
            #expect(seen.shape == Palette.shape(for: node.type).yed)
            // The DOT drawing uses the same palette entry.
            #expect(DOTWriter.style(for: node.type).fill == seen.fill)
        }
        #expect(drawn.nodes.map(\.shape) == ["ellipse", "ellipse", "roundrectangle", "roundrectangle", "hexagon",
                                             "trapezoid", "octagon"])
        for (edge, seen) in zip(graph.edges, drawn.edges) {
            #expect(seen.color == Palette.stroke(for: edge.kind).hex)
            #expect(seen.arrow == (edge.kind == .coMention ? "none" : "standard"))
            let labelled = edge.kind == .role || edge.kind == .interaction
            #expect(seen.yLabel == (labelled ? edge.label : nil), "\(edge.kind)")
        }
        #expect(drawn.edges.map(\.line) == ["line", "line", "line", "line", "dashed", "dotted", "dotted"])
    }

    @Test func labelsThatLookLikeHTMLGetAnInvisibleGuard() throws {
        let names = ["<html><b>Bold</b> Media", "<HTML>upper", "  <html>indented", "<b>Bold</b> Media", "a<html>", "Plain"]
        let graph = EntityGraph(nodes: names.map { GraphNode(label: $0, type: .organisation) })
        let drawn = try Self.drawn(try Self.yed.write(graph))
        let guardMark = String(Character(YEdGraphics.htmlGuard))
        #expect(drawn.nodes.map(\.yLabel) == [guardMark + names[0], guardMark + names[1], guardMark + names[2],
                                               guardMark + names[3], names[4], names[5]])
        // The data keep the exact text.
        #expect(drawn.nodes.map(\.label) == names)
        #expect(drawn.nodes.allSatisfy { !($0.yLabel ?? "").lowercased().hasPrefix("<html>") })
        #expect(YEdGraphics.guardedAgainstHTML("\u{200C}") == "\u{200C}")
        #expect(YEdGraphics.guardedAgainstHTML("") == "")
    }

    @Test func longLabelsAreCutOnlyInTheDrawing() throws {
        let graph = TestGraphs.nasty()
        let drawn = try Self.drawn(try Self.yed.write(graph))
        let long = try #require(drawn.nodes.first { ($0.label ?? "").count > 1000 })
        #expect(long.yLabel?.count == YEdGraphics.maxLabelCharacters && long.yLabel?.hasSuffix("…") == true)
        #expect(long.label == TextPolicy.clean(graph.nodes.first { $0.label.count > 1000 }!.label))
    }

    /// networkx reads yEd files and copies the yEd label into `label`; the exact data must win.
    @Test(arguments: [("sample", TestGraphs.sample()), ("nasty", TestGraphs.nasty())])
    func networkxReadsLabelsAndTypes(_ name: String, _ graph: EntityGraph) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(try Self.yed.write(graph), "graph.graphml")
        let script = """
            import json, sys, networkx as nx
            G = nx.read_graphml(sys.argv[1])
            print(json.dumps({"nodes": [[d.get("label"), d.get("type"), d.get("mentions")] for _, d in G.nodes(data=True)],
                              "edges": [[d.get("kind"), d.get("label"), d.get("weight")] for *_, d in G.edges(data=True)]}))
            """
        let result = try Tools.python(script, [path])
        #expect(result.status == 0, "\(name): \(result.stderr)")
        struct Read: Decodable {
            var nodes: [[Value]]
            var edges: [[Value]]
        }
        enum Value: Decodable, Equatable {
            case string(String), number(Double), null
            init(from decoder: Decoder) throws {
                let c = try decoder.singleValueContainer()
                if c.decodeNil() { self = .null } else if let d = try? c.decode(Double.self) { self = .number(d) }
                else { self = .string(try c.decode(String.self)) }
            }
        }
        let read = try JSONDecoder().decode(Read.self, from: Data(result.stdout))
        #expect(read.nodes == graph.nodes.map { [.string(TextPolicy.clean($0.label)), .string($0.type.rawValue),
                                                  .number(Double($0.mentions))] })
        #expect(read.edges.count == graph.edges.count)
        for (seen, edge) in zip(read.edges, graph.edges) {
            #expect(seen[0] == .string(edge.kind.rawValue))
            #expect(seen[1] == (edge.label.isEmpty ? .null : .string(TextPolicy.clean(edge.label))))
            #expect(seen[2] == .number(edge.weight))
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: SharedKit.checkerPath), "../shared/conformance is absent"))
    func passesTheConformanceCheckerInYEdMode() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(try export(ConformanceTests.fixtureGraph(), as: .graphml, options: .init(yed: true)),
                                 "nasty.graphml")
        let result = try Tools.run("python3", [SharedKit.checkerPath, "--fixture", SharedKit.fixturePath,
                                               "--graphml", path, "--yed", "--control", "strip"])
        #expect(result.status == 0, "\(result.stdoutText)\n\(result.stderr)")
        #expect(result.stdoutText.contains(" 0 failed"), "\(result.stdoutText)")
        #expect(result.stdoutText.contains("graphml+lax-extensions.xsd"))
    }

    @Test func optionsOnlyChangeTheFormatsTheyName() throws {
        let graph = TestGraphs.sample()
        // Defaults are the plain exports, byte for byte.
        #expect(try export(graph, as: .graphml) == GraphMLWriter().write(graph))
        #expect(!String(decoding: try export(graph, as: .graphml), as: UTF8.self).contains("yworks"))
        #expect(try export(graph, as: .dot) == DOTWriter().write(graph))
        // yed touches GraphML only; dot options reach the DOT writer.
        let options = ExportOptions(yed: true, dot: .init(legend: false))
        #expect(try export(graph, as: .graphml, options: options) == Self.yed.write(graph))
        #expect(try export(graph, as: .gexf, options: options) == GEXFWriter().write(graph))
        #expect(try export(graph, as: .dot, options: options) == DOTWriter(options: .init(legend: false)).write(graph))
        let files = try exportFiles(graph, to: "/tmp/out.graphml", options: options)
        #expect(files.map(\.path) == ["/tmp/out.graphml"])
        #expect(try files[0].bytes == Self.yed.write(graph))
    }

    @Test func isDeterministic() throws {
        #expect(try Self.yed.write(TestGraphs.nasty()) == Self.yed.write(TestGraphs.nasty()))
    }
}
