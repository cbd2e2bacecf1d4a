import GraphModel
import Recognition
import Resolution

extension RelationExtractor {
    /// A call cue ("telephonically discussed") becomes a call between the two sides the clause's interaction
    /// names, dated like the sentence; a cue whose clause names no two sides is dropped, so no nameless
    /// "telephone call" node appears.
    func finishCalls(_ facts: inout [Int: MeetingFacts], resolution: inout DocumentResolution,
                     relations: inout [LocalRelation], mentions: [Mention]) {
        for call in facts.keys.sorted() where facts[call]!.isCall {
            let sentences = Set(resolution.entities[call].mentions.map { mentions[$0].sentence })
            let exchanges = relations.filter { $0.kind == .interaction && sentences.contains($0.sentence) }
            var sides: [Int] = []
            for exchange in exchanges {
                for side in [exchange.source, exchange.target] where !sides.contains(side) { sides.append(side) }
            }
            guard sides.count == 2, let sentence = exchanges.first?.sentence else {
                resolution.drop(call)
                relations.removeAll { $0.source == call || $0.target == call }
                facts[call] = nil
                continue
            }
            // People by surname, as headlines write it: "Putin – Rahmon phone call".
            let names = sides.map { side -> String in
                let entity = resolution.entities[side]
                return entity.type == .person ? String(entity.name.split(separator: " ").last ?? Substring(entity.name)) : entity.name
            }.sorted()
            var fact = facts[call]!
            let cue = resolution.entities[call].surfaces.first?.lowercased() ?? ""
            let noun = cue.contains("video") ? "video call" : "phone call"
            // The date is the node's `date` attribute; the label stays a name a reader would use.
            fact.label = "\(names[0]) – \(names[1]) \(noun)"
            facts[call] = fact
            resolution.entities[call].name = fact.label
            for side in sides {
                relations.append(LocalRelation(source: side, target: call, kind: .participant, sentence: sentence))
            }
        }
    }
}
