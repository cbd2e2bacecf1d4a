import ExtractionPipeline
import GraphModel
import Testing

// Meetings reported by what people did ("met", "held talks with", "a visit to"), on sentences written for these
// tests. Expectations are worked out from the sentences.

@Suite("Encounter meetings")
struct EncounterMeetingTests {
    @Test func metWithMakesOneMeetingWithBothSides() throws {
        let g = try extract("""
            date 2024-10-09
            German Chancellor Karl Brandt met Saturday with Kenyan President Daniel Mwangi in Nairobi.
            """)
        #expect(g.meetings.count == 1, "\(g.dump)")
        let meeting = try #require(g.meetings.first)
        #expect(meeting.label == "Brandt – Mwangi meeting", "\(g.dump)")
        #expect(g.hasEdge("Karl Brandt", meeting.label, .participant), "\(g.dump)")
        #expect(g.hasEdge("Daniel Mwangi", meeting.label, .participant), "\(g.dump)")
    }

    @Test func heldTalksWithAndTheirTalksAreOneMeeting() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt held talks with Daniel Mwangi on trade.
            Following their talks, the two men spoke to reporters.
            """)
        #expect(g.meetings.count == 1, "\(g.dump)")
        let meeting = try #require(g.meetings.first)
        #expect(meeting.label == "Brandt – Mwangi talks", "\(g.dump)")
        #expect(g.hasEdge("Karl Brandt", meeting.label, .participant))
        #expect(g.hasEdge("Daniel Mwangi", meeting.label, .participant))
    }

    @Test func visitWithTalksIsOneEventHeldInThePlace() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt's two-day visit to Kenya began on Monday.
            Karl Brandt held talks with Daniel Mwangi.
            """)
        #expect(g.meetings.count == 1, "\(g.dump)")
        let meeting = try #require(g.meetings.first)
        #expect(g.hasEdge(meeting.label, "Kenya", .heldIn), "\(g.dump)")
        #expect(g.hasEdge("Karl Brandt", meeting.label, .participant))
        #expect(g.hasEdge("Daniel Mwangi", meeting.label, .participant))
    }

    @Test func proposedOrRefusedMeetingsMakeNoNode() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt will meet with Daniel Mwangi next month.
            Daniel Mwangi refused to meet Karl Brandt.
            Karl Brandt said there would be no talks with Daniel Mwangi.
            """)
        #expect(g.meetings.isEmpty, "\(g.dump)")
    }

    @Test func passingTalksWithoutSidesMakeNoNode() throws {
        let g = try extract("""
            date 2024-10-09
            Besides holding talks with Daniel Mwangi and Joseph Otieno, officials toured the port.
            Talks on the budget continued for a week.
            """)
        #expect(g.meetings.isEmpty, "\(g.dump)")
    }

    @Test func aPlaceAfterMetIsNoPartner() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt and Daniel Mwangi have met at the United Nations to discuss trade.
            """)
        let meeting = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.meetings.count == 1)
        #expect(g.hasEdge("Karl Brandt", meeting.label, .participant), "\(g.dump)")
        #expect(g.hasEdge("Daniel Mwangi", meeting.label, .participant), "\(g.dump)")
        #expect(!g.hasEdge("United Nations", meeting.label, .participant), "\(g.dump)")
    }

    @Test func someoneOfACountryIsNotTheCountry() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt also met Saturday with Kenya's foreign minister.
            """)
        #expect(g.meetings.isEmpty, "\(g.dump)")
        #expect(g.node("Kenya").map { g.edges("Kenya", $0.label, .participant).isEmpty } ?? true)
    }

    @Test func twoMeetingsWithDifferentPartnersStayApart() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt met Daniel Mwangi on Monday.
            On Tuesday, Karl Brandt met with Joseph Otieno.
            """)
        #expect(g.meetings.count == 2, "\(g.dump)")
        #expect(g.hasEdge("Daniel Mwangi", "Brandt – Mwangi meeting", .participant), "\(g.dump)")
        #expect(g.hasEdge("Joseph Otieno", "Brandt – Otieno meeting", .participant), "\(g.dump)")
        #expect(!g.hasEdge("Joseph Otieno", "Brandt – Mwangi meeting", .participant))
    }
}
