/// Choices that change how a format is written, for `export(_:as:options:)` and `exportFiles(_:to:options:)`.
///
/// One value for every format, so a caller (the CLI) builds it once from its flags and every output gets the
/// options that concern it: `yed` only changes `.graphml`, `dot` only `.dot`/`.gv`. The defaults are the
/// plain, maximally portable outputs, so existing calls without options keep their bytes.
public struct ExportOptions: Sendable, Hashable {
    /// GraphML for yEd: yFiles node and edge graphics beside the normal data (see `GraphMLWriter.Options.yed`).
    public var yed: Bool
    /// Options of the DOT writer (legend, label lengths, large-graph threshold).
    public var dot: DOTWriter.Options
    /// Threads for the formats that write their elements in parallel pieces (GraphML, GEXF); never changes a byte.
    public var jobs: Int

    public init(yed: Bool = false, dot: DOTWriter.Options = DOTWriter.Options(), jobs: Int = 1) {
        self.yed = yed
        self.dot = dot
        self.jobs = jobs
    }
}
