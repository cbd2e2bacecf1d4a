import DocumentReading
import GraphModel
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
/// Per document: text analysis → recognition → resolution inside the document → relations. Then across
/// documents: corpus resolution gives every document entity a key, and the graph builder gathers mentions and
/// relations by key. The result does not depend on the order of the documents.
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

    public func extract(_ documents: [Document]) -> Extraction {
        let analyses = documents.sorted { $0.id < $1.id }.map(analyze)
        return build(analyses)
    }

    public func build(_ analyses: [DocumentAnalysis]) -> Extraction {
        // Corpus resolution over every live entity of every document.
        var sightings: [EntitySighting] = []
        var owners: [(analysis: Int, entity: Int)] = []
        for (a, analysis) in analyses.enumerated() {
            for (e, entity) in analysis.resolution.entities.enumerated() where !entity.mentions.isEmpty {
                let facts = analysis.relations.meetings[e]
                sightings.append(EntitySighting(
                    document: analysis.document.id, type: entity.type, name: entity.name, surfaces: entity.surfaces,
                    identity: entity.identity, aliasGroup: entity.aliasGroup, meetingSeries: facts?.series,
                    meetingDate: facts?.date?.iso, meetingOrdinal: facts?.ordinal,
                    meetingPlaces: facts.map { Array($0.places) } ?? []))
                owners.append((a, e))
            }
        }
        let (keys, corpusLog) = CorpusResolver(aliases: aliases).keys(for: sightings)
        var keyOf: [[Int: String]] = Array(repeating: [:], count: analyses.count)
        for (i, owner) in owners.enumerated() { keyOf[owner.analysis][owner.entity] = keys[i] }

        var builder = GraphBuilder()
        var merges = corpusLog
        let labels = chooseLabels(sightings: sightings, keys: keys)
        for (i, sighting) in sightings.enumerated() {
            builder.addEntity(key: keys[i], label: labels[keys[i]] ?? sighting.name, type: sighting.type)
        }
        var locatedIn: [Int: [(city: String, country: String, sentence: Int)]] = [:]
        for (a, analysis) in analyses.enumerated() {
            let document = analysis.document
            let date = document.date?.iso
            for (m, mention) in analysis.mentions.enumerated() {
                let entity = analysis.resolution.entityOfMention[m]
                guard entity >= 0, let key = keyOf[a][entity] else { continue }
                builder.addMention(key: key, surface: mention.text, document: document.id, date: date)
                if let country = mention.countryIdentity {
                    locatedIn[a, default: []].append((key, country, mention.sentence))
                }
            }
            for reference in analysis.relations.references {
                guard let key = keyOf[a][reference.entity] else { continue }
                builder.addMention(key: key, surface: reference.text, document: document.id, date: date)
                merges.append(MergeRecord(node: key, name: reference.text, document: document.id,
                                          reason: "holds this office in the document (joined '\(analysis.resolution.entities[reference.entity].name)')"))
            }
            for (e, entity) in analysis.resolution.entities.enumerated() where !entity.mentions.isEmpty {
                guard let key = keyOf[a][e] else { continue }
                for merge in entity.merges {
                    merges.append(MergeRecord(node: key, name: merge.name, document: document.id,
                                              reason: "\(merge.reason) (joined '\(merge.into)')"))
                }
                if let facts = analysis.relations.meetings[e] {
                    builder.setMeeting(.init(date: facts.date?.iso, format: facts.format, ordinal: facts.ordinal,
                                             series: facts.series), for: key)
                }
            }
        }
        // Typed relations first, so co-mentions can be limited to pairs nothing else links.
        var coMentions: [(String, String, Evidence)] = []
        for (a, analysis) in analyses.enumerated() {
            let scalars = ScalarIndex(bytes: analysis.text.bytes)
            // One Evidence per sentence: a sentence naming n entities supports about n²/2 co-mentions.
            var evidenceOf: [Int: Evidence] = [:]
            func evidence(_ sentence: Int) -> Evidence {
                if let known = evidenceOf[sentence] { return known }
                let made = self.evidence(analysis, sentence: sentence, scalars: scalars)
                evidenceOf[sentence] = made
                return made
            }
            for relation in analysis.relations.relations {
                guard let source = keyOf[a][relation.source], let target = keyOf[a][relation.target] else { continue }
                let support = evidence(relation.sentence)
                if relation.kind == .coMention {
                    coMentions.append(source < target ? (source, target, support) : (target, source, support))
                } else {
                    builder.addRelation(from: source, to: target, kind: relation.kind, label: relation.label, evidence: support,
                                        eventClass: relation.eventClass)
                }
            }
            for link in locatedIn[a] ?? [] {
                builder.addRelation(from: link.city, to: link.country, kind: .locatedIn, label: "",
                                    evidence: evidence(link.sentence))
            }
        }
        if options.includeCoMentions {
            let typed = Set(EdgeKind.allCases).subtracting([.coMention])
            for (a, b, evidence) in coMentions where !builder.hasRelation(a, b, kinds: typed) {
                builder.addRelation(from: a, to: b, kind: .coMention, evidence: evidence)
            }
        }
        let (graph, indexByKey) = builder.build()
        let records = mentionRecords(analyses, keyOf: keyOf, indexByKey: indexByKey)
        // Merge records name nodes by identity (the resolution key): the writer names them by the id they have in
        // the graph it writes, which may be filtered.
        return Extraction(graph: graph, mentions: records, merges: Array(Set(merges)).sorted())
    }

    func evidence(_ analysis: DocumentAnalysis, sentence index: Int, scalars: ScalarIndex) -> Evidence {
        let sentence = analysis.text.sentences[index]
        return Evidence(document: analysis.document.id,
                        sentence: analysis.text.string(from: sentence.start, to: sentence.end),
                        start: scalars.scalarOffset(ofByte: sentence.start),
                        end: scalars.scalarOffset(ofByte: sentence.end),
                        date: analysis.document.date?.iso)
    }

    /// The display name of each node: the gazetteer's or alias table's name, else the fullest spelling seen
    /// (most words, then most characters, then alphabetical for determinism).
    func chooseLabels(sightings: [EntitySighting], keys: [String]) -> [String: String] {
        var labels: [String: String] = [:]
        for (i, sighting) in sightings.enumerated() {
            let candidate = sighting.aliasGroup?.canonical ?? sighting.name
            guard let current = labels[keys[i]] else { labels[keys[i]] = candidate; continue }
            if sighting.identity != nil || sighting.aliasGroup != nil { continue }
            let a = (candidate.split(separator: " ").count, candidate.count)
            let b = (current.split(separator: " ").count, current.count)
            if a > b || (a == b && candidate < current) { labels[keys[i]] = candidate }
        }
        return labels
    }

    func mentionRecords(_ analyses: [DocumentAnalysis], keyOf: [[Int: String]], indexByKey: [String: Int]) -> [MentionRecord] {
        var records: [MentionRecord] = []
        for (a, analysis) in analyses.enumerated() {
            let scalars = ScalarIndex(bytes: analysis.text.bytes)
            for m in Mention.listedNames(analysis.mentions) {
                let mention = analysis.mentions[m]
                let entity = analysis.resolution.entityOfMention[m]
                guard entity >= 0, let key = keyOf[a][entity], let index = indexByKey[key] else { continue }
                let first = analysis.text.tokens[mention.tokens.lowerBound]
                let last = analysis.text.tokens[mention.tokens.upperBound - 1]
                records.append(MentionRecord(
                    document: analysis.document.id, start: scalars.scalarOffset(ofByte: first.start),
                    end: scalars.scalarOffset(ofByte: last.end), text: mention.text, type: mention.type,
                    node: EntityGraph.nodeID(index)))
            }
            // Phrases that refer to an office holder ("the Taliban's foreign minister") count for the holder's
            // node and are in the merge log; the file lists names only.
        }
        return records.sorted { ($0.document, $0.start, $0.end, $0.node) < ($1.document, $1.start, $1.end, $1.node) }
    }
}
