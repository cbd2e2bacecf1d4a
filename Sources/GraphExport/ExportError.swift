/// Why an export could not be produced. Each message names what to fix.
public enum ExportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The output path's extension names no format this module writes.
    case unknownFormat(path: String)
    /// The graph breaks an `EntityGraph` invariant (an edge endpoint that does not exist).
    case invalidGraph(problems: [String])
    /// A number the format cannot carry: a non-finite weight, or an integer beyond the declared type.
    case valueOutOfRange(element: String, attribute: String, value: String)
    /// The format is written as several files (CSV: a node table and an edge table).
    case severalFiles(format: ExportFormat)
    /// libxml2's writer refused an operation (out of memory or a misuse of the writer).
    case xmlWriter(operation: String)
    /// A file the package ships (the HTML page's script or style) is missing from the installation.
    case missingResource(name: String)

    public var description: String {
        switch self {
        case .unknownFormat(let path):
            "cannot tell the export format of '\(path)': use one of the extensions "
                + ExportFormat.knownExtensions.map { ".\($0)" }.joined(separator: ", ")
        case .invalidGraph(let problems):
            "the graph is inconsistent and was not exported: " + problems.joined(separator: "; ")
        case .valueOutOfRange(let element, let attribute, let value):
            "\(element): \(attribute) = \(value) cannot be written as a finite number of its declared type"
        case .severalFiles(let format):
            "\(format.rawValue) is written as several files; export it with exportFiles(_:to:)"
        case .xmlWriter(let operation):
            "libxml2 failed while writing XML (\(operation)); this is a bug or the machine is out of memory"
        case .missingResource(let name):
            "the shipped resource '\(name)' is missing from the installation (it belongs beside the entity-graph "
                + "binary in EntityGraph_GraphExport.resources); rebuild the package"
        }
    }
}

/// Why an export streamed into a file failed: producing it, or writing the file. The file is not in place
/// either way (`AtomicFileWriter` removes its temporary file).
public enum ExportWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    case export(ExportError)
    case file(AtomicFileError)

    public var description: String {
        switch self {
        case .export(let error): error.description
        case .file(let error): error.description
        }
    }
}
