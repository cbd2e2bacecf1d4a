import Foundation
import GraphModel
import Resolution

/// The JSON shapes of a partial result's lines (format version 1), and their conversion from and to
/// `DocumentSummary`. Docs/partial-results.md describes the same fields for readers in other languages.
///
/// One summary line holds one document exactly as the corpus stage consumes it. What the summary repeats is
/// written once: the document id and date (every sighting and evidence of a document carries them), and each
/// evidence sentence (in a table the relations point into; a sentence naming n entities supports about n²/2
/// co-mentions, and would otherwise be written n²/2 times).
enum PartialLines {
    struct Summary: Codable {
        var id: String
        var date: String?
        /// `DocumentSummary.textBytes`.
        var bytes: Int
        var entities: [Entity]
        var evidence: [EvidenceSentence]
        var relations: [Relation]
        var mentions: [Mention]
    }

    struct Entity: Codable {
        var type: String
        var name: String
        /// `EntitySighting.surfaces`: the spellings the document resolver joined.
        var sightingSurfaces: [String]
        var identity: String?
        var alias: AliasGroup?
        var meetingSeries: String?
        var meetingDate: String?
        var meetingOrdinal: Int?
        var meetingPlaces: [String]?
        /// `DocumentSummary.Entity.mentionCount` and `.surfaces`.
        var mentions: Int
        var surfaces: [String]
        var meeting: Meeting?
        /// (name, reason) pairs.
        var merges: [[String]]
    }

    struct AliasGroup: Codable {
        var canonical: String
        var type: String
        var source: String
    }

    struct Meeting: Codable {
        var date: String?
        var format: String?
        var ordinal: Int?
        var series: String?
    }

    struct EvidenceSentence: Codable {
        var start: Int
        var end: Int
        var text: String
    }

    struct Relation: Codable {
        var source: Int
        /// Exactly one of `target` (an entity of the document) and `key` (a corpus key) is set.
        var target: Int?
        var key: String?
        var kind: String
        var label: String
        var eventClass: String?
        /// Index into the evidence table.
        var evidence: Int
        var sentences: [Int32]
    }

    struct Mention: Codable {
        var entity: Int
        var start: Int
        var end: Int
        var text: String
        var type: String
    }

    /// The last line: how many documents the file holds, so a file cut short at a line end is still found out.
    struct End: Codable {
        var end: String
        var documents: Int
        static let marker = "entity-graph-partial-end"
    }

    /// The part of the header every version shares: read first, so a newer file gets a version error rather
    /// than a decoding error.
    struct Preamble: Codable {
        var format: String?
        var version: Int?
    }
}

extension PartialLines.Summary {
    init(_ summary: DocumentSummary) throws(PartialError) {
        func refuse(_ reason: String) -> PartialError { .notRepresentable(id: summary.id, reason: reason) }
        var evidence: [PartialLines.EvidenceSentence] = []
        var evidenceIndex: [Evidence: Int] = [:]
        var relations: [PartialLines.Relation] = []
        relations.reserveCapacity(summary.relations.count)
        for relation in summary.relations {
            let found = relation.evidence
            guard found.document == summary.id, found.date == summary.date else {
                throw refuse("evidence from another document or date ('\(found.document)')")
            }
            let index: Int
            if let known = evidenceIndex[found] {
                index = known
            } else {
                index = evidence.count
                evidenceIndex[found] = index
                evidence.append(.init(start: found.start, end: found.end, text: found.sentence))
            }
            var target: Int?, key: String?
            switch relation.target {
            case let .entity(t): target = t
            case let .key(k): key = k
            }
            relations.append(.init(source: relation.source, target: target, key: key, kind: relation.kind.rawValue,
                                   label: relation.label, eventClass: relation.eventClass, evidence: index,
                                   sentences: relation.sentences))
        }
        var entities: [PartialLines.Entity] = []
        entities.reserveCapacity(summary.entities.count)
        for entity in summary.entities {
            let sighting = entity.sighting
            guard sighting.document == summary.id else { throw refuse("a sighting of document '\(sighting.document)'") }
            entities.append(.init(
                type: sighting.type.rawValue, name: sighting.name, sightingSurfaces: sighting.surfaces,
                identity: sighting.identity,
                alias: sighting.aliasGroup.map { .init(canonical: $0.canonical, type: $0.type.rawValue, source: $0.source) },
                meetingSeries: sighting.meetingSeries, meetingDate: sighting.meetingDate,
                meetingOrdinal: sighting.meetingOrdinal,
                meetingPlaces: sighting.meetingPlaces.isEmpty ? nil : sighting.meetingPlaces,
                mentions: entity.mentionCount, surfaces: entity.surfaces,
                meeting: entity.meeting.map { .init(date: $0.date, format: $0.format, ordinal: $0.ordinal, series: $0.series) },
                merges: entity.merges.map { [$0.name, $0.reason] }))
        }
        self.init(id: summary.id, date: summary.date, bytes: summary.textBytes, entities: entities,
                  evidence: evidence, relations: relations,
                  mentions: summary.mentions.map {
                      .init(entity: $0.entity, start: $0.start, end: $0.end, text: $0.text, type: $0.type.rawValue)
                  })
    }

    /// The summary, after checking every index and name the corpus stage will rely on (it indexes arrays with
    /// them, so a damaged file must be refused here, not crash there). Throws the reason in words.
    func summary(aliasGroups: inout AliasGroupCache) throws(PartialLines.Invalid) -> DocumentSummary {
        func nodeType(_ raw: String) throws(PartialLines.Invalid) -> NodeType {
            guard let type = NodeType(rawValue: raw) else { throw .init("unknown node type '\(raw)'") }
            return type
        }
        var summaryEntities: [DocumentSummary.Entity] = []
        summaryEntities.reserveCapacity(entities.count)
        for entity in entities {
            var group: AliasTable.Group?
            if let alias = entity.alias {
                group = aliasGroups.group(canonical: alias.canonical, type: try nodeType(alias.type), source: alias.source)
            }
            var merges: [(name: String, reason: String)] = []
            for pair in entity.merges {
                guard pair.count == 2 else { throw .init("a merge is not a [name, reason] pair") }
                merges.append((pair[0], pair[1]))
            }
            summaryEntities.append(DocumentSummary.Entity(
                sighting: EntitySighting(document: id, type: try nodeType(entity.type), name: entity.name,
                                         surfaces: entity.sightingSurfaces, identity: entity.identity,
                                         aliasGroup: group, meetingSeries: entity.meetingSeries,
                                         meetingDate: entity.meetingDate, meetingOrdinal: entity.meetingOrdinal,
                                         meetingPlaces: entity.meetingPlaces ?? []),
                mentionCount: entity.mentions, surfaces: entity.surfaces,
                meeting: entity.meeting.map { .init(date: $0.date, format: $0.format, ordinal: $0.ordinal, series: $0.series) },
                merges: merges))
        }
        let count = entities.count
        let sentences = evidence.map { Evidence(document: id, sentence: $0.text, start: $0.start, end: $0.end, date: date) }
        var summaryRelations: [DocumentSummary.Relation] = []
        summaryRelations.reserveCapacity(relations.count)
        for relation in relations {
            guard (0..<count).contains(relation.source) else { throw .init("relation source \(relation.source) is not an entity") }
            let target: DocumentSummary.Endpoint
            switch (relation.target, relation.key) {
            case let (t?, nil):
                guard (0..<count).contains(t) else { throw .init("relation target \(t) is not an entity") }
                target = .entity(t)
            case let (nil, k?): target = .key(k)
            default: throw .init("a relation needs exactly one of 'target' and 'key'")
            }
            guard let kind = EdgeKind(rawValue: relation.kind) else { throw .init("unknown edge kind '\(relation.kind)'") }
            guard sentences.indices.contains(relation.evidence) else {
                throw .init("relation evidence \(relation.evidence) is not in the evidence table")
            }
            summaryRelations.append(.init(source: relation.source, target: target, kind: kind, label: relation.label,
                                          eventClass: relation.eventClass, evidence: sentences[relation.evidence],
                                          sentences: relation.sentences))
        }
        var spans: [DocumentSummary.MentionSpan] = []
        spans.reserveCapacity(mentions.count)
        for mention in mentions {
            guard (0..<count).contains(mention.entity) else { throw .init("mention of entity \(mention.entity), which is not one") }
            spans.append(.init(entity: mention.entity, start: mention.start, end: mention.end, text: mention.text,
                               type: try nodeType(mention.type)))
        }
        return DocumentSummary(id: id, date: date, textBytes: bytes, entities: summaryEntities,
                               relations: summaryRelations, mentions: spans)
    }
}

extension PartialLines {
    /// Why a line's content cannot be a summary.
    struct Invalid: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }
}

/// Alias groups read back from their three fields. `AliasTable.Group` has no public initialiser (only a table
/// makes groups), but its fields are public: one group made by a one-line table is the template every read
/// group is copied from. Equal fields make equal groups, which is all the corpus stage compares.
struct AliasGroupCache {
    private var template: AliasTable.Group?
    private var known: [AliasTable.Group: AliasTable.Group] = [:]

    mutating func group(canonical: String, type: NodeType, source: String) -> AliasTable.Group {
        var group = template ?? Self.makeTemplate()
        template = group
        group.canonical = canonical
        group.type = type
        group.source = source
        // Reuse one value per group, so a corpus of sightings shares the strings.
        if let shared = known[group] { return shared }
        known[group] = group
        return group
    }

    private static func makeTemplate() -> AliasTable.Group {
        var table = AliasTable()
        try? table.add(contentsOf: "same\tx\tperson\ty", source: "")
        guard let group = table.group(for: "y") else { preconditionFailure("a one-line alias table makes its group") }
        return group
    }
}
