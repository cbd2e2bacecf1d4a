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
        #expect(meeting.date == "2024-10-05")   // the Saturday before Wednesday 9 October 2024
    }

    @Test func whoMetWhomIsAnInteractionBetweenTheSidesOnly() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt and Ana Ruiz held talks Tuesday with Daniel Mwangi and Omar Haddad in Nairobi.
            """)
        for (a, b) in [("Karl Brandt", "Daniel Mwangi"), ("Karl Brandt", "Omar Haddad"),
                       ("Ana Ruiz", "Daniel Mwangi"), ("Ana Ruiz", "Omar Haddad")] {
            #expect(g.edgesBetween(a, b).contains { $0.kind == .interaction && $0.label == "talks" }, "\(a) – \(b)\n\(g.dump)")
        }
        // The two on one side talked with the other side, not with each other.
        #expect(!g.edgesBetween("Karl Brandt", "Ana Ruiz").contains { $0.kind == .interaction }, "\(g.dump)")
        #expect(!g.edgesBetween("Daniel Mwangi", "Omar Haddad").contains { $0.kind == .interaction }, "\(g.dump)")
    }

    @Test func metTwiceWithIsOneInteraction() throws {
        let g = try extract("Karl Brandt has met twice with the ailing former Kenyan leader Daniel Mwangi.")
        let interactions = g.edgesBetween("Karl Brandt", "Daniel Mwangi").filter { $0.kind == .interaction }
        #expect(interactions.count == 1, "\(g.dump)")
        #expect(interactions.first?.label == "meet")
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
        // A meeting with someone the text does not name: Brandt took part, Kenya did not.
        let meeting = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.meetings.count == 1)
        #expect(g.hasEdge("Karl Brandt", meeting.label, .participant), "\(g.dump)")
        #expect(!g.hasEdge("Kenya", meeting.label, .participant), "\(g.dump)")
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

@Suite("Encounter meetings: places and described partners")
struct EncounterPlaceTests {
    @Test func placeBetweenMetAndWithIsHeldIn() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt met in Nairobi with Daniel Mwangi.
            """)
        let meeting = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.meetings.count == 1)
        #expect(g.hasEdge(meeting.label, "Nairobi", .heldIn), "\(g.dump)")
        #expect(g.hasEdge("Daniel Mwangi", meeting.label, .participant), "\(g.dump)")
    }

    @Test func inAPlaceForTalksIsHeldIn() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt was in Kenya for landmark talks with Kenyan President Daniel Mwangi.
            """)
        let meeting = try #require(g.meetings.first, "\(g.dump)")
        #expect(meeting.label == "Brandt – Mwangi talks", "\(g.dump)")
        #expect(g.hasEdge(meeting.label, "Kenya", .heldIn), "\(g.dump)")
    }

    @Test func metDuringAVisitIsHeldWhereTheVisitWent() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt and Joseph Otieno looked on as Daniel Mwangi met with Paul Kamau during a short visit to Nairobi.
            """)
        #expect(g.meetings.count == 1, "\(g.dump)")
        let meeting = try #require(g.meetings.first)
        // The meeting is part of the visit, named after the visitor, with both as participants.
        #expect(meeting.label == "Mwangi visit to Nairobi", "\(g.dump)")
        #expect(g.hasEdge("Paul Kamau", meeting.label, .participant), "\(g.dump)")
        #expect(g.hasEdge(meeting.label, "Nairobi", .heldIn), "\(g.dump)")
        #expect(!g.hasEdge("Karl Brandt", meeting.label, .participant), "\(g.dump)")
    }

    @Test func someoneOfAnOrganisationIsADescribedPartner() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt met Saturday with a senior European Union official.
            """)
        let meeting = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.meetings.count == 1)
        #expect(g.hasEdge("Karl Brandt", meeting.label, .participant), "\(g.dump)")
        // The official is not the organisation.
        #expect(!g.hasEdge("European Union", meeting.label, .participant), "\(g.dump)")
    }

    @Test func aPartnerWithoutAnOrganisationMakesNoMeeting() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt met with reporters on Saturday.
            """)
        #expect(g.meetings.isEmpty, "\(g.dump)")
    }

    @Test func theirTalksIsTheLastMeetingNamedBeforeIt() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt met Daniel Mwangi on Monday.
            Karl Brandt also held talks with Joseph Otieno.
            Following their talks, Otieno left for Mombasa.
            """)
        #expect(g.meetings.count == 2, "\(g.dump)")
        #expect(g.node("Brandt – Otieno talks") != nil, "\(g.dump)")
        #expect(g.node("Brandt – Mwangi meeting") != nil, "\(g.dump)")
    }
}

@Suite("Meeting participants listed and owners with members")
struct MeetingListTests {
    @Test func everyoneListedWithTheSubjectAttends() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt, Kenyan President Daniel Mwangi and Joseph Otieno will be among the leaders attending the NATO summit on Saturday.
            """)
        let summit = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.meetings.count == 1)
        for name in ["Karl Brandt", "Daniel Mwangi", "Joseph Otieno"] {
            #expect(g.hasEdge(name, summit.label, .participant), "\(name)\n\(g.dump)")
        }
    }

    @Test func aListBrokenByAClauseStopsThere() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt said Daniel Mwangi attended the NATO summit on Saturday.
            """)
        let summit = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.hasEdge("Daniel Mwangi", summit.label, .participant), "\(g.dump)")
        #expect(!g.hasEdge("Karl Brandt", summit.label, .participant), "\(g.dump)")
    }

    @Test func listedSubjectsOfMetAreAllSides() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt, Daniel Mwangi and Joseph Otieno met in Nairobi on Monday.
            """)
        let meeting = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.meetings.count == 1)
        for name in ["Karl Brandt", "Daniel Mwangi", "Joseph Otieno"] {
            #expect(g.hasEdge(name, meeting.label, .participant), "\(name)\n\(g.dump)")
        }
    }

    @Test func ownerWithItsMembersNamesTheConference() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt will be in Geneva for a World Bank donors' conference on Kenya.
            """)
        let conference = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.meetings.count == 1)
        #expect(conference.label.contains("World Bank"), "\(g.dump)")
        #expect(g.node("World Bank")?.type == .organisation, "\(g.dump)")
        #expect(g.hasEdge(conference.label, "Geneva", .heldIn), "\(g.dump)")
    }

    @Test func aPossessiveThatIsNotWhoMeetsNamesNoOwner() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt praised the World Bank reporters' conference coverage.
            """)
        #expect(!g.meetings.contains { $0.label.contains("World Bank") }, "\(g.dump)")
    }
}

@Suite("Encounter subjects written elsewhere in the sentence")
struct EncounterSubjectTests {
    @Test func frontedTalksTakeTheSubjectAfterTheComma() throws {
        let g = try extract("""
            date 2024-10-09
            Besides holding talks with Kenyan President Daniel Mwangi and Joseph Otieno, Mr. Brandt opened a school.
            """)
        let meeting = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.meetings.count == 1)
        for name in ["Brandt", "Daniel Mwangi", "Joseph Otieno"] {
            #expect(g.nodes.contains { $0.label.hasSuffix(name) && g.hasEdge($0.label, meeting.label, .participant) }, "\(name)\n\(g.dump)")
        }
    }

    @Test func frontedTalksWhoseSubjectIsNotAPersonMakeNoMeeting() throws {
        let g = try extract("""
            date 2024-10-09
            Besides holding talks with Daniel Mwangi, the delegation visited a school.
            """)
        #expect(g.meetings.isEmpty, "\(g.dump)")
    }

    @Test func pronounSubjectIsTheSentencesOnePerson() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt arrived on Tuesday in Nairobi, where he met Kenyan President Daniel Mwangi.
            """)
        let meeting = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.hasEdge("Karl Brandt", meeting.label, .participant), "\(g.dump)")
        #expect(g.hasEdge("Daniel Mwangi", meeting.label, .participant), "\(g.dump)")
        #expect(g.hasEdge(meeting.label, "Nairobi", .heldIn), "\(g.dump)")
    }

    @Test func pronounWithTwoPeopleBeforeItStaysUnresolved() throws {
        let g = try extract("""
            date 2024-10-09
            Karl Brandt thanked Joseph Otieno in Nairobi, where he met Daniel Mwangi.
            """)
        #expect(g.meetings.isEmpty, "\(g.dump)")
    }
}

@Suite("Meeting places described before their name")
struct MeetingPlaceDescriptionTests {
    @Test func resortOfPlaceIsHeldIn() throws {
        let g = try extract("""
            date 2024-10-09
            Leaders will attend the NATO summit in the Kenyan resort of Mombasa on Friday.
            """)
        let summit = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.hasEdge(summit.label, "Mombasa", .heldIn), "\(g.dump)")
    }

    @Test func capitalCommaPlaceIsHeldIn() throws {
        let g = try extract("""
            date 2024-10-09
            Leaders will attend the NATO summit in the Kenyan capital, Nairobi, on Friday.
            """)
        let summit = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.hasEdge(summit.label, "Nairobi", .heldIn), "\(g.dump)")
    }

    @Test func aPlaceOfOriginIsNotWhereTheMeetingWas() throws {
        let g = try extract("""
            date 2024-10-09
            Leaders praised the NATO summit and the people of Mombasa.
            """)
        let summit = try #require(g.meetings.first, "\(g.dump)")
        #expect(!g.hasEdge(summit.label, "Mombasa", .heldIn), "\(g.dump)")
    }

    @Test func reportingVerbsSayWhoSpokeToWhom() throws {
        let g = try extract("""
            President Tom Baker has told Indian Prime Minister Arun Mehta that he hopes the deal will pass.
            Secretary of State Jane Holt has told Venezuela's President Luis Mora that she is concerned.
            President Luis Mora recently criticized President Tom Baker.
            Mr. Baker told Chinese university students in Beijing that trade would grow.
            """)
        #expect(g.hasEdge("Tom Baker", "Arun Mehta", .interaction, label: "tell"), "\(g.dump)")
        #expect(g.hasEdge("Jane Holt", "Luis Mora", .interaction, label: "tell"), "the country qualifies the office of the one told: \(g.dump)")
        #expect(g.edges("Jane Holt", "Venezuela", .interaction).isEmpty, "\(g.dump)")
        #expect(g.hasEdge("Luis Mora", "Tom Baker", .interaction, label: "criticise"), "\(g.dump)")
        // A nationality describing the people told is not its country.
        #expect(g.edges("Tom Baker", "China", .interaction).isEmpty, "\(g.dump)")
    }
}
