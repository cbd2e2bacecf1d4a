import GraphModel

/// The bytes of `graph` in `format`, for every format that is one file.
/// `.csv` is two tables and throws `ExportError.severalFiles`; use `exportFiles(_:to:)` for it.
/// `options` only affect the formats they name (`yed` → GraphML, `dot` → DOT).
public func export(_ graph: EntityGraph, as format: ExportFormat,
                   options: ExportOptions = ExportOptions()) throws(ExportError) -> [UInt8] {
    switch format {
    case .graphml: try GraphMLWriter(options: .init(yed: options.yed, jobs: options.jobs)).write(graph)
    case .dot: try DOTWriter(options: options.dot).write(graph)
    case .gexf: try GEXFWriter(jobs: options.jobs).write(graph)
    case .json: try JSONWriter().write(graph)
    case .html: try HTMLWriter().write(graph)
    case .csv: throw .severalFiles(format: .csv)
    }
}

/// One output file: where it goes and what it holds.
public struct ExportedFile: Hashable, Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Every file an export to `path` consists of, format chosen by the extension: one file, or for `.csv`
/// the node and edge tables beside it (`out.csv` → `out.nodes.csv`, `out.edges.csv`).
/// All bytes are produced before anything is written, so an export error leaves the disk untouched;
/// write each file with `AtomicFile.write`. `options` as for `export(_:as:options:)`.
public func exportFiles(_ graph: EntityGraph, to path: String,
                        options: ExportOptions = ExportOptions()) throws(ExportError) -> [ExportedFile] {
    let format = try ExportFormat(path: path)
    switch format {
    case .csv:
        let paths = CSVWriter.tablePaths(for: path)
        let writer = CSVWriter()
        return [ExportedFile(path: paths.nodes, bytes: try writer.nodes(graph)),
                ExportedFile(path: paths.edges, bytes: try writer.edges(graph))]
    default:
        return [ExportedFile(path: path, bytes: try export(graph, as: format, options: options))]
    }
}

/// Writes every file of an export to `path` (the files `exportFiles(_:to:options:)` gives), each whole or not
/// at all through `AtomicFileWriter`. GraphML and GEXF stream into the temporary file as they are made, so
/// the largest exports are never held whole in memory beside the graph; the other formats are made in memory
/// and then written. The first failure stops the export; a file already committed (the CSV node table when
/// the edge table fails) stays, as with `exportFiles` and `AtomicFile.write`.
public func writeExport(_ graph: EntityGraph, to path: String,
                        options: ExportOptions = ExportOptions()) throws(ExportWriteError) {
    let format: ExportFormat
    do {
        format = try ExportFormat(path: path)
    } catch {
        throw .export(error)
    }
    switch format {
    case .graphml, .gexf:
        // Values first: a graph that cannot be exported fails as before, whatever the state of the disk.
        do { try graph.checkedValuesForExport() } catch { throw .export(error) }
        let file: AtomicFileWriter
        do { file = try AtomicFileWriter(path: path) } catch { throw .file(error) }
        if format == .graphml {
            try GraphMLWriter(options: .init(yed: options.yed, jobs: options.jobs)).write(graph, to: file)
        } else {
            try GEXFWriter(jobs: options.jobs).write(graph, to: file)
        }
        do { try file.commit() } catch { throw .file(error) }
    default:
        let files: [ExportedFile]
        do { files = try exportFiles(graph, to: path, options: options) } catch { throw .export(error) }
        for file in files {
            do { try AtomicFile.write(file.bytes, to: file.path) } catch { throw .file(error) }
        }
    }
}

extension XMLTextWriter {
    /// An XML export streamed into `file` (not committed) as it is made, so a large graph's export is never held
    /// whole in memory: every value is checked before the first byte, as the in-memory writers check them
    /// before returning any, then `body` writes the document. The one streaming policy of GraphML and GEXF.
    static func stream(_ graph: EntityGraph, to file: AtomicFileWriter,
                       _ body: (XMLTextWriter) throws(ExportError) -> Void) throws(ExportWriteError) {
        do {
            try graph.checkedValuesForExport()
        } catch {
            throw .export(error)
        }
        let xml: XMLTextWriter
        do {
            xml = try XMLTextWriter(streamingTo: file)
            try body(xml)
        } catch {
            throw .export(error)
        }
        try xml.finishStreaming()
    }
}
