import ExtractionPipeline
import GraphModel
import Testing

// Meetings in everyday news shapes that name their sides loosely: calls whose partner follows the cue or was
// named in the sentence before, talks someone came to a place for, gatherings with listed guests, counted
// series of talks, and offices written alone ("the general"). Sentences and names are written for these tests.

@Suite("Calls read from their clause")
struct CallSideTests {
    @Test func theOneCalledFollowsTheCue() throws {
        let g = try extract("""
            date 2024-10-09
            The palace says President Karl Brandt has reaffirmed strong ties, in a phone call he made to Kenya's President Daniel Mwangi.
            """)
        let call = try #require(g.node("Brandt – Mwangi phone call"), "\(g.dump)")
        #expect(call.type == .meeting)
        #expect(g.hasEdge("Karl Brandt", call.label, .participant), "\(g.dump)")
        #expect(g.hasEdge("Daniel Mwangi", call.label, .participant), "\(g.dump)")
        #expect(g.hasEdge("Karl Brandt", "Daniel Mwangi", .interaction, label: "call"), "\(g.dump)")
    }

    @Test func aCallToSomeoneUnnamedIsNoCall() throws {
        let g = try extract("""
            date 2024-10-09
            President Karl Brandt said in a phone call to reporters that Daniel Mwangi would resign.
            """)
        #expect(g.meetings.isEmpty, "\(g.dump)")
    }

    @Test func aCallWithOneSideTakesThePartnerOfTheSentenceBefore() throws {
        let g = try extract("""
            date 2024-10-09
            President Karl Brandt has told Kenyan President Daniel Mwangi that he backs the deal.
            Despite the support expressed by Mr. Brandt during Thursday's phone conversation, the deal is stalled.
            """)
        let call = try #require(g.node("Brandt – Mwangi phone call"), "\(g.dump)")
        #expect(g.hasEdge("Daniel Mwangi", call.label, .participant), "\(g.dump)")
        // The sentence before already says who spoke to whom: no second interaction for the same exchange.
        #expect(!g.hasEdge("Karl Brandt", "Daniel Mwangi", .interaction, label: "call"), "\(g.dump)")
    }

    @Test func aCallWithOneSideAndTwoPartnersBeforeIsNoCall() throws {
        let g = try extract("""
            date 2024-10-09
            President Karl Brandt has told Daniel Mwangi and Joseph Otieno that he backs the deal.
            Despite the support expressed by Mr. Brandt during Thursday's phone conversation, the deal is stalled.
            """)
        #expect(g.meetings.isEmpty, "\(g.dump)")
    }
}

@Suite("Talks, gatherings and counted series")
struct DescribedEverydayMeetingTests {
    @Test func inAPlaceForTalksWithoutAPartnerIsAMeetingThere() throws {
        let g = try extract("""
            date 2024-10-09
            Kenyan President Daniel Mwangi is in Mombasa for talks aimed at preserving the ceasefire.
            """)
        let meeting = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.meetings.count == 1)
        #expect(g.hasEdge("Daniel Mwangi", meeting.label, .participant), "\(g.dump)")
        #expect(g.hasEdge(meeting.label, "Mombasa", .heldIn), "\(g.dump)")
    }

    @Test func talksWithoutAStayMakeNoMeeting() throws {
        let g = try extract("""
            date 2024-10-09
            Kenyan President Daniel Mwangi said in Mombasa that talks would help.
            """)
        #expect(g.meetings.isEmpty, "\(g.dump)")
    }

    @Test func aGatheringInAPlaceHasEveryoneListed() throws {
        let g = try extract("""
            date 2024-10-09
            Kenya's ex-president Daniel Mwangi, former Ugandan president Joseph Okello, and former Tanzanian leader Paul Kamau were honored at a gathering in Arusha for their efforts.
            """)
        let meeting = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.meetings.count == 1)
        #expect(g.hasEdge(meeting.label, "Arusha", .heldIn), "\(g.dump)")
        for person in ["Daniel Mwangi", "Joseph Okello", "Paul Kamau"] {
            #expect(g.hasEdge(person, meeting.label, .participant), "\(person)\n\(g.dump)")
        }
    }

    @Test func gatheringWithoutItsArticleIsNoMeeting() throws {
        let g = try extract("""
            date 2024-10-09
            Intelligence gathering in Arusha was stepped up, said Daniel Mwangi.
            """)
        #expect(g.meetings.isEmpty, "\(g.dump)")
    }

    @Test func countedTalksAreOneSeriesAndUncountedOnesReferToIt() throws {
        let g = try extract("""
            date 2024-10-09
            Kenya urged Uganda to return to the four-nation talks on the lake.
            Uganda has participated in three rounds of multi-party talks on the lake.
            """)
        #expect(g.meetings.count == 1, "\(g.dump)")
        let talks = try #require(g.node("four-nation talks"), "\(g.dump)")
        #expect(talks.series == "four-nation talks")
        #expect(g.hasEdge("Uganda", talks.label, .participant), "\(g.dump)")
        #expect(!g.hasEdge("Kenya", talks.label, .participant), "\(g.dump)")
    }

    @Test func uncountedTalksAloneMakeNoNode() throws {
        let g = try extract("""
            date 2024-10-09
            Uganda favours multi-party talks on the lake.
            """)
        #expect(g.meetings.isEmpty, "\(g.dump)")
    }

    @Test func aBareHeadJoinsTheOneFullerMeetingWithThatHead() throws {
        let g = try extract("""
            date 2024-10-09
            Ministers will begin meetings later Wednesday in Mombasa.
            Officials say today's meetings of the East African Community will set the agenda.
            """)
        #expect(g.meetings.count == 1, "\(g.dump)")
        let meeting = try #require(g.meetings.first)
        #expect(g.hasEdge(meeting.label, "Mombasa", .heldIn), "\(g.dump)")
    }
}

@Suite("Offices written alone")
struct TitleReferenceTests {
    @Test func theOfficeAloneIsItsOneHolder() throws {
        let g = try extract("""
            date 2024-10-09
            Pope Gregory XX has told Kenya's President Daniel Mwangi that he is concerned about the reforms.
            The pontiff and Mr. Mwangi met at the Vatican Thursday.
            """)
        let meeting = try #require(g.meetings.first, "\(g.dump)")
        #expect(meeting.label == "Gregory – Mwangi meeting", "\(g.dump)")
        #expect(g.hasEdge("Gregory XX", meeting.label, .participant), "\(g.dump)")
        #expect(g.hasEdge("Daniel Mwangi", meeting.label, .participant), "\(g.dump)")
        #expect(g.hasEdge("Gregory XX", "Daniel Mwangi", .interaction, label: "meet"), "\(g.dump)")
    }

    @Test func anOfficeTwoPeopleHoldStandsForNoOne() throws {
        let g = try extract("""
            date 2024-10-09
            President Karl Brandt criticised President Daniel Mwangi on Monday.
            The president and Joseph Otieno met on Thursday.
            """)
        #expect(!g.hasEdge("Karl Brandt", "Joseph Otieno", .interaction), "\(g.dump)")
        #expect(!g.hasEdge("Daniel Mwangi", "Joseph Otieno", .interaction), "\(g.dump)")
    }

    @Test func anOfficeOfSomethingElseIsNoReference() throws {
        let g = try extract("""
            date 2024-10-09
            General Paul Kamau spoke on Monday.
            Joseph Otieno met the general manager of the port on Thursday.
            """)
        #expect(!g.hasEdge("Joseph Otieno", "Paul Kamau", .interaction), "\(g.dump)")
        #expect(g.meetings.allSatisfy { !g.hasEdge("Paul Kamau", $0.label, .participant) }, "\(g.dump)")
    }
}

@Suite("Described partners, moments and one type per entity")
struct DescribedPartnerTests {
    @Test func aMeetingWithSomeoneUnnamedSaysWhomInItsLabel() throws {
        let g = try extract("""
            date 2024-10-09
            Senator Karl Brandt spoke in Nairobi Tuesday after three days of talks with high-ranking North Korean officials.
            """)
        let meeting = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.meetings.count == 1)
        #expect(meeting.label == "Brandt talks with high-ranking North Korean officials", "\(g.dump)")
        #expect(g.hasEdge("Karl Brandt", meeting.label, .participant), "\(g.dump)")
        // Nairobi is where he spoke after the talks, not where they were held.
        #expect(!g.hasEdge(meeting.label, "Nairobi", .heldIn), "\(g.dump)")
        #expect(!g.hasEdge("North Korea", meeting.label, .participant), "\(g.dump)")
    }

    @Test func speakingSomewhereAfterTheMeetingPlacesIt() throws {
        let g = try extract("""
            date 2024-10-09
            Kenyan President Daniel Mwangi met Ugandan President Joseph Okello on Saturday.
            Speaking to reporters in Nairobi after the meeting, he said trade would grow.
            """)
        let meeting = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.hasEdge(meeting.label, "Nairobi", .heldIn), "\(g.dump)")
    }

    @Test func aPersonReadOnceAsAnUnlistedPlaceIsOnePerson() throws {
        let g = try extract("""
            date 2024-10-09
            Burmese pro-democracy leader Aung San Suu Kyi met Saturday with a top United Nations official.
            Aung San Suu Kyi spoke to reporters Saturday at her home in Rangoon.
            """)
        let named = g.nodes.filter { $0.label == "Aung San Suu Kyi" }
        #expect(named.count == 1, "\(g.dump)")
        #expect(named.first?.type == .person)
    }
}

@Suite("Visitors, clause subjects and partners after 'with'")
struct VisitAndPartnerTests {
    @Test func theOneVisitingMeetsTheSubjectWhoReceivesThem() throws {
        let g = try extract("""
            date 2024-10-09
            Secretary of State Karl Brandt assured visiting German Foreign Minister Hans-Peter Vogel that the reply would come soon.
            """)
        let meeting = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.meetings.count == 1)
        #expect(meeting.label == "Vogel visit", "\(g.dump)")
        #expect(g.hasEdge("Hans-Peter Vogel", meeting.label, .participant), "\(g.dump)")
        #expect(g.hasEdge("Karl Brandt", meeting.label, .participant), "\(g.dump)")
        #expect(g.hasEdge("Karl Brandt", "Hans-Peter Vogel", .interaction, label: "assure"), "\(g.dump)")
        #expect(g.hasEdge("Hans-Peter Vogel", "Germany", .role), "\(g.dump)")
    }

    @Test func isVisitingAPlaceIsAVisitThere() throws {
        let g = try extract("""
            date 2024-10-09
            Kenyan President Daniel Mwangi is visiting China this week.
            He will be visiting Japan next month.
            """)
        #expect(g.meetings.count == 1, "\(g.dump)")
        let visit = try #require(g.node("Mwangi visit to China"), "\(g.dump)")
        #expect(g.hasEdge(visit.label, "China", .heldIn), "\(g.dump)")
        #expect(!g.hasEdge(visit.label, "Japan", .heldIn), "\(g.dump)")
    }

    @Test func aMeetingInTheClauseOfHeIsTheSentencesPersons() throws {
        let g = try extract("""
            date 2024-10-09
            General Paul Kamau commands the army.
            Mr. Daniel Mwangi was referring to a report in a local newspaper that speculated he was about to quit following a meeting with the general on Wednesday.
            """)
        let meeting = try #require(g.node("Mwangi – Kamau meeting"), "\(g.dump)")
        #expect(g.hasEdge("Daniel Mwangi", meeting.label, .participant), "\(g.dump)")
        #expect(g.hasEdge("Paul Kamau", meeting.label, .participant), "\(g.dump)")
    }

    @Test func aClauseOfSomeoneElseGivesNoSubject() throws {
        let g = try extract("""
            date 2024-10-09
            Mr. Daniel Mwangi said that the report was false, and officials left after a meeting with Joseph Otieno.
            """)
        #expect(!g.meetings.contains { g.hasEdge("Daniel Mwangi", $0.label, .participant) }, "\(g.dump)")
    }

    @Test func signedWithIsAnInteractionOverTheObjectTimeAndPlace() throws {
        let g = try extract("""
            date 2024-10-09
            Kenya and Uganda have signed an agreement on the lake.
            Kenyan Defense Minister Paul Kamau signed a memorandum of understanding Friday in Nairobi with U.S. Ambassador to Kenya Mark Dalton.
            """)
        #expect(g.hasEdge("Paul Kamau", "Mark Dalton", .interaction, label: "sign"), "\(g.dump)")
        #expect(g.edgesBetween("Kenya", "Uganda").contains { $0.kind == .interaction && $0.label == "sign" }, "\(g.dump)")
        #expect(g.hasEdge("Mark Dalton", "United States", .role), "\(g.dump)")
    }

    @Test func withAfterAnotherClauseIsNoPartner() throws {
        let g = try extract("""
            date 2024-10-09
            Paul Kamau signed the bill, and Mark Dalton spoke with reporters on Friday.
            Paul Kamau signed the bill that Mark Dalton drafted with Joseph Otieno.
            """)
        #expect(!g.hasEdge("Paul Kamau", "Joseph Otieno", .interaction), "\(g.dump)")
    }

    @Test func theOwnerOfAnUnnamedSubjectDidNotAct() throws {
        let g = try extract("""
            date 2024-10-09
            The new speaker of the Kenyan National Assembly has met in Nairobi with Ugandan President Joseph Okello.
            """)
        #expect(!g.edges.contains { $0.kind == .interaction && g.nodes[$0.source].label.contains("National Assembly") }, "\(g.dump)")
    }
}

@Suite("Talks someone arrived for")
struct ArrivalTalksTests {
    @Test func arrivedSomewhereOnADayForTalksWithSomeone() throws {
        let g = try extract("""
            date 2025-06-02
            NATO Secretary General Karl Brandt arrived in Kyiv on Monday for talks with Ukrainian President Daniel Mwangi, days before alliance leaders gather in The Hague for a summit.
            """)
        let talks = try #require(g.node("Brandt – Mwangi talks"), "\(g.dump)")
        #expect(g.hasEdge(talks.label, "Kyiv", .heldIn), "\(g.dump)")
        #expect(g.hasEdge("Karl Brandt", talks.label, .participant), "\(g.dump)")
        // The Hague is where the summit is, not where the talks were.
        #expect(!g.meetings.contains { $0.label == "talks" }, "\(g.dump)")
        #expect(!g.edges.contains { $0.kind == .heldIn && g.nodes[$0.target].label.contains("Hague")
            && g.nodes[$0.source].label.contains("talks") }, "\(g.dump)")
    }
}

@Suite("Trips and ordinal references")
struct TripAndOrdinalTests {
    @Test func anOrdinalMeetingIsTheOneMeetingReported() throws {
        let g = try extract("""
            date 2024-10-09
            Kenyan President Daniel Mwangi has met twice with Ugandan President Joseph Okello during a short visit to Kampala.
            State media says the first meeting took place after Mr. Mwangi arrived Friday night.
            """)
        #expect(g.meetings.count == 1, "\(g.dump)")
        #expect(g.meetings.first?.ordinal == nil, "\(g.dump)")
    }

    @Test func anOrdinalMeetingWithTwoReportedStaysApart() throws {
        let g = try extract("""
            date 2024-10-09
            Daniel Mwangi met Joseph Okello on Monday.
            Daniel Mwangi met Paul Kamau on Tuesday.
            The first meeting was short.
            """)
        #expect(!g.meetings.contains { g.nodes.firstIndex(of: $0).map { i in g.edges.contains { $0.target == i } } == false
            && $0.label != "first meeting" }, "\(g.dump)")
        #expect(g.meetings.filter { $0.label.contains("–") }.count == 2, "\(g.dump)")
    }
}
