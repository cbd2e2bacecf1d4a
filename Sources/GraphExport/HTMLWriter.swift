import Foundation  // Bundle.module only: the page's script, style and markup are package resources
import GraphModel

/// Writes an `EntityGraph` as one self-contained interactive HTML page: a force layout drawn on a canvas,
/// search over names and aliases, filters by type, kind, weight and date, and the evidence behind each edge.
///
/// The page needs no network when viewed: its script, style and markup (`Resources/graph-page.*`, written for
/// this project, no third-party code) are inlined, fonts are the browser's own, and a Content-Security-Policy
/// forbids every fetch. The graph is embedded as the exact bytes of the JSON export (same attributes, same
/// escaping) in a `<script type="application/json">` data block, with `<`, `>` and `&` spelled `\u003C`,
/// `\u003E`, `\u0026`: those characters can only occur inside JSON strings, so the JSON means the same, and no
/// document text can close the element (`</script>`) or switch the HTML parser into its comment-like script
/// states (`<!--`). U+2028/2029 are already escaped by `JSONWriter.string`. The page shows every text with
/// `textContent`, never as markup. No text from the graph appears anywhere else in the HTML.
///
/// Deterministic: the same graph gives the same bytes (the layout runs in the browser, from a fixed start).
public struct HTMLWriter: Sendable {
    public init() {}

    /// The page as UTF-8 bytes (no BOM).
    public func write(_ graph: EntityGraph) throws(ExportError) -> [UInt8] {
        let assets = try PageAssets.bundled()
        let data = Self.scriptSafe(try JSONWriter().write(graph))
        let palette = Self.scriptSafe(Array(Self.paletteJSON().utf8))

        var out: [UInt8] = []
        out.reserveCapacity(data.count + assets.script.utf8.count + assets.style.utf8.count + 4096)
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        add("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="EntityGraph">
            <title>EntityGraph: \(graph.nodes.count) nodes, \(graph.edges.count) edges</title>
            <style>

            """)
        add(assets.style)
        add("</style>\n</head>\n<body>\n")
        add(assets.markup)
        add("<script type=\"application/json\" id=\"graph-data\">\n")
        out += data
        add("</script>\n<script type=\"application/json\" id=\"graph-palette\">\n")
        out += palette
        add("\n</script>\n<script>\n")
        add(assets.script)
        add("</script>\n</body>\n</html>\n")
        return out
    }

    /// No fetch of any kind (images, fonts, frames, connections); only the inline script and style run.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"

    /// JSON bytes that can sit inside a `<script>` element: `<` `>` `&` become JSON `\u` escapes, and a raw
    /// U+2028/U+2029 (which `JSONWriter.string` never emits, but this function does not rely on it) too.
    /// Valid only for JSON text, where these characters occur inside strings alone.
    static func scriptSafe(_ json: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(json.count + json.count / 32)
        var index = 0
        while index < json.count {
            let byte = json[index]
            switch byte {
            case UInt8(ascii: "<"): out += Array(#"\u003C"#.utf8)
            case UInt8(ascii: ">"): out += Array(#"\u003E"#.utf8)
            case UInt8(ascii: "&"): out += Array(#"\u0026"#.utf8)
            case 0xE2 where index + 2 < json.count && json[index + 1] == 0x80
                && (json[index + 2] == 0xA8 || json[index + 2] == 0xA9):
                out += Array((json[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                index += 2
            default: out.append(byte)
            }
            index += 1
        }
        return out
    }

    /// The DOT/GEXF palette for the page, so a type or kind looks the same in the browser as in Graphviz and
    /// Gephi: `{"types": {"person": {"fill", "shape"}}, "kinds": {"role": {"stroke", "pattern", "width",
    /// "directed", "labelled"}}}` in the model's canonical order.
    static func paletteJSON() -> String {
        let types = NodeType.allCases.map { type in
            JSONWriter.string(type.rawValue) + ": {\"fill\": " + JSONWriter.string(Palette.fill(for: type).hex)
                + ", \"shape\": " + JSONWriter.string(Palette.shape(for: type).dot) + "}"
        }
        let kinds = EdgeKind.allCases.map { kind in
            let line = Palette.line(for: kind)
            return JSONWriter.string(kind.rawValue) + ": {\"stroke\": " + JSONWriter.string(Palette.stroke(for: kind).hex)
                + ", \"pattern\": " + JSONWriter.string(String(describing: line.pattern))
                + ", \"width\": " + line.width.description
                + ", \"directed\": " + String(line.directed) + ", \"labelled\": " + String(line.labelled) + "}"
        }
        return "{\"types\": {" + types.joined(separator: ", ") + "},\n \"kinds\": {" + kinds.joined(separator: ", ") + "}}"
    }
}

/// The page's script, style and body markup, read once from the package's resources.
struct PageAssets: Sendable {
    var script: String
    var style: String
    var markup: String

    static let names = (script: "graph-page.js", style: "graph-page.css", markup: "graph-page.html")

    /// Loaded on first use and kept: every HTML export of a run inlines the same files.
    private static let loaded: Result<PageAssets, ExportError> = {
        func read(_ name: String) -> Result<String, ExportError> {
            let dot = name.lastIndex(of: ".")!
            let url = Bundle.module.url(forResource: String(name[..<dot]), withExtension: String(name[name.index(after: dot)...]),
                                        subdirectory: "Resources")
            guard let url, let bytes = try? FileBytes.read(url.path) else { return .failure(.missingResource(name: name)) }
            return .success(String(decoding: bytes, as: UTF8.self))
        }
        return Result { () throws(ExportError) in
            PageAssets(script: try read(names.script).get(), style: try read(names.style).get(),
                       markup: try read(names.markup).get())
        }
    }()

    static func bundled() throws(ExportError) -> PageAssets { try loaded.get() }
}
