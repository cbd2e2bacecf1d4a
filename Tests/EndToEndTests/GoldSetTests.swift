import Foundation
import Testing

/// The gold development set (Tests/Gold) is scored by an external script, so nothing else notices when an edit
/// leaves it inconsistent: a relation pointing at a removed entity, a document id without its article, a typo in a
/// kind. score_graph.py would silently count such a relation as missed (or crash on a missing id); these checks
/// make the mistake visible where it is made.
@Suite("Gold development set is well-formed")
struct GoldSetTests {
    private static let entityTypes: Set<String> = ["person", "organisation", "country", "location", "meeting"]
    private static let relationKinds: Set<String> = ["role", "member_of", "participant", "held_in", "located_in",
                                                     "interaction"]

    private struct Gold {
        var documents: Set<String>
        var entities: [[String: Any]]
        var relations: [[String: Any]]
        var merge: [String: Any]
    }

    private static func load() throws -> Gold {
        let data = try Data(contentsOf: URL(fileURLWithPath: Harness.path("Tests/Gold/gold.json")))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let documents = try #require(root["documents"] as? [String: Any])
        return Gold(documents: Set(documents.keys),
                    entities: try #require(root["entities"] as? [[String: Any]]),
                    relations: try #require(root["relations"] as? [[String: Any]]),
                    merge: root["merge"] as? [String: Any] ?? [:])
    }

    @Test func everyDocumentHasItsArticleAndEveryArticleIsADocument() throws {
        let gold = try Self.load()
        let folder = Harness.path("Tests/Gold/articles")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }
        let articles = Set(files.map { String($0.dropLast(4)) })
        let orphans = gold.documents.subtracting(articles).sorted(), unannotated = articles.subtracting(gold.documents).sorted()
        #expect(gold.documents == articles, "documents without articles: \(orphans); articles without gold: \(unannotated)")
        #expect(gold.documents.count >= 40)
    }

    @Test func entitiesHaveUniqueIdsKnownTypesAndKnownDocuments() throws {
        let gold = try Self.load()
        var seen: Set<String> = []
        for entity in gold.entities {
            let id = try #require(entity["id"] as? String)
            #expect(seen.insert(id).inserted, "duplicate entity id \(id)")
            #expect(Self.entityTypes.contains(entity["type"] as? String ?? ""), "\(id): unknown type \(entity["type"] ?? "none")")
            #expect(!(entity["name"] as? String ?? "").isEmpty, "\(id): no name")
            #expect(entity["aliases"] is [String], "\(id): aliases must be a list of strings")
            let docs = entity["docs"] as? [String] ?? []
            #expect(!docs.isEmpty, "\(id): no documents")
            for doc in docs { #expect(gold.documents.contains(doc), "\(id): unknown document \(doc)") }
        }
    }

    @Test func relationsJoinEntitiesOfTheirOwnDocuments() throws {
        let gold = try Self.load()
        var docsOf: [String: Set<String>] = [:]
        for entity in gold.entities {
            if let id = entity["id"] as? String { docsOf[id] = Set(entity["docs"] as? [String] ?? []) }
        }
        for relation in gold.relations {
            let head = relation["head"] as? String ?? "", tail = relation["tail"] as? String ?? ""
            let kind = relation["kind"] as? String ?? ""
            let name = "\(head) -\(kind)-> \(tail)"
            #expect(Self.relationKinds.contains(kind), "\(name): unknown kind")
            let docs = relation["docs"] as? [String] ?? []
            #expect(!docs.isEmpty, "\(name): no documents")
            for end in [head, tail] {
                guard let entityDocs = docsOf[end] else {
                    Issue.record("\(name): \(end) is not an entity")
                    continue
                }
                for doc in docs {
                    #expect(entityDocs.contains(doc), "\(name): \(end) is not in \(doc)")
                }
            }
        }
    }

    @Test func mergeChecksNameEntitiesInTheirDocuments() throws {
        let gold = try Self.load()
        var docsOf: [String: Set<String>] = [:]
        for entity in gold.entities {
            if let id = entity["id"] as? String { docsOf[id] = Set(entity["docs"] as? [String] ?? []) }
        }
        for same in gold.merge["same"] as? [[String]] ?? [] {
            let id = try #require(same.first)
            let entityDocs = try #require(docsOf[id], "merge.same: \(id) is not an entity")
            #expect(same.count >= 3, "merge.same: \(id) needs at least two documents")
            for doc in same.dropFirst() { #expect(entityDocs.contains(doc), "merge.same: \(id) is not in \(doc)") }
        }
        for pair in gold.merge["distinct"] as? [[String]] ?? [] {
            #expect(pair.count == 2, "merge.distinct: \(pair) is not a pair")
            for id in pair { #expect(docsOf[id] != nil, "merge.distinct: \(id) is not an entity") }
        }
    }
}
