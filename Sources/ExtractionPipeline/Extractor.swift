import DocumentReading
import GraphModel
import ParallelWork
import Recognition
import RelationExtraction
import Resolution
import TextAnalysis

/// Options that shape the graph, whatever the output format.
public struct ExtractionOptions: Sendable {
    /// Same-sentence co-occurrence edges; analysts often want only the typed ones.
    public var includeCoMentions = true
    /// Whether the rules propose mentions beside the tagger (see `MentionArbiter`); off only for measuring the
    /// tagger alone.
    public var recognizerRules = true

    public init(includeCoMentions: Bool = true, recognizerRules: Bool = true) {
        self.includeCoMentions = includeCoMentions
        self.recognizerRules = recognizerRules
    }
}

/// One entity mention as exported to the mentions file.
public struct MentionRecord: Hashable, Sendable {
    public var document: String
    /// Unicode scalar offsets into the decoded, LF-normalised document text; `end` is exclusive.
    public var start: Int
    public var end: Int
    public var text: String
    public var type: NodeType
    /// The id of the node the mention became (`n3`).
    public var node: String
}

/// The result of a run: the graph, every mention with its node, and why names were merged (`MergeRecord.node`
/// holds the node's identity, `GraphNode.identity`).
public struct Extraction: Sendable {
    public var graph: EntityGraph
    public var mentions: [MentionRecord]
    public var merges: [MergeRecord]
}

/// Runs the stages over documents and builds one graph.
///
/// Per document (on any thread): text analysis → recognition → resolution inside the document → relations,
/// reduced to a `DocumentSummary`. Then across documents, in document order: the `CorpusStage` gives every
/// document entity a corpus key and the graph builder gathers mentions and relations by key. The result does
/// not depend on the order of the documents nor on the number of threads.
public struct Extractor<L: Lexicon>: Sendable {
    public let lexicon: L
    public let aliases: AliasTable
    public let tagger: EntityTagger?
    public let options: ExtractionOptions

    public init(lexicon: L, aliases: AliasTable, tagger: EntityTagger? = nil, options: ExtractionOptions = ExtractionOptions()) {
        self.lexicon = lexicon
        self.aliases = aliases
        self.tagger = tagger
        self.options = options
    }

    public func analyze(_ document: Document) -> DocumentAnalysis {
        let text = AnalyzedText(text: document.text, titleRange: document.titleRange)
        let mentions = RuleRecognizer(lexicon: lexicon, tagger: tagger, proposesRules: options.recognizerRules).recognize(text)
        var resolution = DocumentResolver(aliases: aliases).resolve(mentions, in: text)
        let relations = RelationExtractor(lexicon: lexicon).extract(text: text, mentions: mentions,
                                                                     resolution: &resolution, documentDate: document.date)
        return DocumentAnalysis(document: document, text: text, mentions: mentions, resolution: resolution,
                                relations: relations)
    }

    /// The document reduced to what the corpus stage needs; its text and tokens are dropped.
    /// The entities' corpus keys are computed here, on the worker's thread, rather than by the corpus stage.
    public func summarize(_ document: Document, keepMentions: Bool = true) -> DocumentSummary {
        var summary = DocumentSummary(analyze(document), keepMentions: keepMentions)
        summary.computeKeys(with: CorpusResolver(aliases: aliases))
        return summary
    }

    /// An empty corpus stage with this extractor's alias table and options.
    public func corpusStage(keepMentions: Bool = true, keepMerges: Bool = true) -> CorpusStage {
        CorpusStage(aliases: aliases, options: options, keepMentions: keepMentions, keepMerges: keepMerges)
    }

    /// Documents are summarised `jobs` at a time, in batches, and fed to the corpus stage in id order.
    public func extract(_ documents: [Document], jobs: Int = 1) -> Extraction {
        let sorted = documents.sorted { $0.id < $1.id }
        var stage = corpusStage()
        ParallelMap.forEachBatch(sorted, batchSize: Self.batchSize(jobs: jobs), jobs: jobs, { summarize($0) },
                                 consume: { _, summaries in summaries.forEach { stage.add($0) } })
        return stage.finish()
    }

    /// Documents in flight at once: enough per thread that uneven lengths even out, few enough that the texts
    /// and summaries of a batch stay small beside the graph.
    public static func batchSize(jobs: Int) -> Int { 32 * max(jobs, 1) }
}
