import GraphModel
import Recognition
import Testing
import TextAnalysis

/// Encounter cues are single lower-case words proposed as meetings; the relation stage decides.
@Suite("Encounter cues")
struct EncounterCueTests {
    let lexicon = smallLexicon()

    func cues(_ text: String) -> [String] {
        recognize(text, lexicon: lexicon).filter { $0.meeting?.isEncounter == true }.map(\.text)
    }

    @Test func reportedMeetingWordsAreCues() {
        #expect(cues("Jean Dupont met Saturday with officials.") == ["met"])
        #expect(cues("Jean Dupont held talks with officials during a visit.") == ["talks", "visit"])
    }

    @Test func proposedOrRefusedMeetingsAreNoCues() {
        #expect(cues("Jean Dupont will meet officials.").isEmpty)
        #expect(cues("Jean Dupont refused to meet officials.").isEmpty)
        #expect(cues("Jean Dupont said there would be no talks.").isEmpty)
        #expect(cues("Jean Dupont plans to visit officials.").isEmpty)
    }

    @Test func aCueNeverSwallowsAName() {
        let mentions = recognize("Jean Dupont met Saturday with officials in Nairobi.", lexicon: lexicon)
        let cue = mentions.first { $0.meeting?.isEncounter == true }
        #expect(cue?.tokens.count == 1)
        #expect(mentions.contains { $0.text == "Jean Dupont" && $0.type == .person })
        #expect(mentions.contains { $0.text == "Nairobi" && $0.type == .location })
    }
}
