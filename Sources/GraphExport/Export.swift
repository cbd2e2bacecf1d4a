import GraphModel

/// The bytes of `graph` in `format`: the single entry point the CLI needs besides `AtomicFile`.
public func export(_ graph: EntityGraph, as format: ExportFormat) throws(ExportError) -> [UInt8] {
    switch format {
    case .graphml: try GraphMLWriter().write(graph)
    case .dot: try DOTWriter().write(graph)
    case .gexf: try GEXFWriter().write(graph)
    case .json: try JSONWriter().write(graph)
    }
}
