import GraphExport
import GraphModel

/// libFuzzer entry point for the GraphML reader (built by Scripts/fuzz, never by a normal build; main.swift hands it to libFuzzer's driver).
///
/// Checks more than "no crash": whatever the reader accepts must export in every format, and the GraphML it
/// writes must read back and write again to the same bytes (the reader's round-trip promise).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGraphMLReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for lenient in [false, true] {
        guard let graph = try? GraphMLReader(lenient: lenient).read(bytes, file: "fuzz.graphml") else { continue }
        precondition(graph.validate().isEmpty, "the reader returned a graph with dangling edges")
        for format in [ExportFormat.dot, .gexf, .json] { _ = try? export(graph, as: format) }
        _ = try? exportFiles(graph, to: "fuzz.csv")
        guard let written = try? export(graph, as: .graphml) else { continue }
        let again: EntityGraph
        do {
            again = try GraphMLReader().read(written, file: "rewritten.graphml")
        } catch {
            preconditionFailure("our own GraphML does not read back: \(error)")
        }
        precondition((try? export(again, as: .graphml)) == written, "GraphML round trip changed the bytes")
    }
    return 0
}
