import Recognition
import Resolution

/// The first line of a partial result: what the file is, which version of the format, and every setting that
/// changed the summaries in it.
///
/// A partial result is the map side of an exact map/reduce: `extract --partial` writes the `DocumentSummary` of
/// each document of a shard, `merge` feeds the summaries of many shards, merged by document id, into one
/// `CorpusStage`, exactly as `extract` over all documents at once would. Summaries depend on how documents
/// were analysed (tagger, rules, alias tables), so those settings travel with them and two partials made with
/// different ones are never merged. The settings that act only in the corpus stage (`--no-co-mentions`,
/// filters, which files to write) are not recorded: they are given to `merge`. See Docs/partial-results.md.
public struct PartialHeader: Codable, Hashable, Sendable {
    /// Always `entity-graph-partial`: how `merge` tells a partial from a GraphML file.
    public var format: String
    /// The layout of the lines; bumped whenever a reader of the old layout would misread the new one.
    public var version: Int
    /// The program and version that wrote the summaries (`entity-graph 0.1.0`). The shipped gazetteers, tagger
    /// model and alias table come with the program, so summaries from two versions need not agree.
    public var producer: String
    public var analysis: AnalysisSettings

    public static let formatName = "entity-graph-partial"
    public static let currentVersion = 1

    public init(producer: String, analysis: AnalysisSettings) {
        self.format = Self.formatName
        self.version = Self.currentVersion
        self.producer = producer
        self.analysis = analysis
    }

    /// The first setting in which two headers differ, in words, or nil when they agree.
    public func difference(from other: PartialHeader) -> String? {
        if producer != other.producer { return "producer '\(producer)' against '\(other.producer)'" }
        return analysis.difference(from: other.analysis)
    }
}

/// The settings of per-document analysis: whatever changes a `DocumentSummary`.
public struct AnalysisSettings: Codable, Hashable, Sendable {
    /// Whether the statistical tagger proposed names (`--no-tagger` turns it off).
    public var tagger: Bool
    /// Whether the rules proposed names beside the tagger (`--tagger-only` turns them off).
    public var rules: Bool
    /// The alias tables added to the shipped one (`--aliases`), in the order they were added. Their text is kept,
    /// not their path: the corpus stage needs the table too (its "never" pairs), and a cluster node that merges
    /// need not have the file.
    public var aliases: [AliasFile]

    public struct AliasFile: Codable, Hashable, Sendable {
        /// The name the table goes by in the merge log (the path given to `--aliases`).
        public var source: String
        public var text: String

        public init(source: String, text: String) {
            self.source = source
            self.text = text
        }
    }

    public init(tagger: Bool = true, rules: Bool = true, aliases: [AliasFile] = []) {
        self.tagger = tagger
        self.rules = rules
        self.aliases = aliases
    }

    /// The shipped alias table with the added ones: the one table both analysis and corpus stage use.
    public func aliasTable() throws -> AliasTable {
        var table = try ShippedData.aliasTable()
        for file in aliases { try table.add(contentsOf: file.text, source: file.source) }
        return table
    }

    /// The extraction options these settings give, with the corpus stage's own choice of co-mentions.
    public func extractionOptions(includeCoMentions: Bool) -> ExtractionOptions {
        ExtractionOptions(includeCoMentions: includeCoMentions, recognizerRules: rules)
    }

    public func difference(from other: AnalysisSettings) -> String? {
        func onOff(_ flag: Bool) -> String { flag ? "on" : "off" }
        if tagger != other.tagger { return "tagger \(onOff(tagger)) against \(onOff(other.tagger)) (--no-tagger)" }
        if rules != other.rules { return "rules \(onOff(rules)) against \(onOff(other.rules)) (--tagger-only)" }
        if aliases != other.aliases {
            func names(_ files: [AliasFile]) -> String {
                files.isEmpty ? "none" : files.map { "'\($0.source)'" }.joined(separator: ", ")
            }
            return aliases.map(\.source) == other.aliases.map(\.source)
                ? "alias tables with the same names but different contents (--aliases \(names(aliases)))"
                : "alias tables \(names(aliases)) against \(names(other.aliases)) (--aliases)"
        }
        return nil
    }
}
