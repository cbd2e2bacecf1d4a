import ArgumentParser
import GraphExport
import GraphModel

/// Reading the GraphML inputs of `convert` and `merge`, with the CLI's error reporting.
enum GraphInput {
    /// Every file read, in argument order. Each unreadable file is reported on stderr as `FILE:LINE: message`;
    /// if any failed, the command exits with 2 after all were tried, so one run shows every broken input.
    static func read(_ paths: [String], lenient: Bool) throws -> [EntityGraph] {
        let reader = GraphMLReader(lenient: lenient)
        var graphs: [EntityGraph] = []
        var failed = false
        for path in paths {
            do {
                graphs.append(try reader.read(contentsOf: path))
            } catch {
                printError("error: \(error.description)")
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
        return graphs
    }
}
