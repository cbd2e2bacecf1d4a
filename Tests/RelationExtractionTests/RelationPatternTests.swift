import ExtractionPipeline
import GraphModel
import Testing

// End-to-end through the production extractor on short articles written for these tests (not the seeds).
// Every expectation below was worked out from the sentence, not copied from the tool's output.

@Suite("Relation patterns")
struct RelationPatternTests {
    @Test func shippedDataLoads() throws {
        #expect(Shipped.lexicon != nil, "GazetteerLexicon.shipped() failed")
        #expect(Shipped.aliases != nil, "AliasTable.shipped() failed")
    }

    // MARK: role

    @Test func roleQualifierTitleName() throws {
        let g = try extract("date 2024-10-09\nFrench Foreign Minister Jean Dupont arrived in Nairobi on Monday.")
        #expect(g.node("Jean Dupont")?.type == .person, "\(g.dump)")
        #expect(g.node("France")?.type == .country)
        #expect(g.hasEdge("Jean Dupont", "France", .role, label: "foreign minister"), "\(g.dump)")
        // The nationality only qualifies the title: France is not a separate actor next to Dupont.
        #expect(g.edges("Jean Dupont", "France", .role).count == 1)
        #expect(g.edgesBetween("Jean Dupont", "France").allSatisfy { $0.kind == .role })
        #expect(g.node("Foreign Minister") == nil && g.node("French Foreign Minister Jean Dupont") == nil)
    }

    @Test func roleNameThenApposition() throws {
        let g = try extract("date 2024-10-09\nJean Dupont, the French foreign minister, arrived in Nairobi on Monday.")
        #expect(g.hasEdge("Jean Dupont", "France", .role, label: "foreign minister"), "\(g.dump)")
    }

    @Test func roleAppositionThenName() throws {
        let g = try extract("date 2024-10-09\nThe head of Kenya's intelligence service, Noordin Haji, arrived in Paris.")
        #expect(g.node("Noordin Haji")?.type == .person, "\(g.dump)")
        #expect(g.node("Kenya's intelligence service")?.type == .organisation, "\(g.dump)")
        #expect(g.hasEdge("Noordin Haji", "Kenya's intelligence service", .role, label: "head"), "\(g.dump)")
        #expect(g.hasEdge("Noordin Haji", "Kenya", .role, label: "head of the intelligence service"), "\(g.dump)")
        #expect(g.hasEdge("Kenya's intelligence service", "Kenya", .memberOf), "\(g.dump)")
    }

    @Test func anOrganisationNamedAfterItsCountryIsNoOfficeOfTheCountry() throws {
        let g = try extract("date 2024-10-09\nThe head of the Kenya Wildlife Service, Erustus Kanga, arrived in Paris.")
        #expect(g.hasEdge("Erustus Kanga", "Kenya Wildlife Service", .role, label: "head"), "\(g.dump)")
        #expect(g.edges("Erustus Kanga", "Kenya", .role).isEmpty, "\(g.dump)")
    }

    @Test func roleOrganisationTitleName() throws {
        let g = try extract("date 2024-10-09\nAfrican Union chairperson Moussa Faki Mahamat said the talks were useful.")
        #expect(g.node("African Union")?.type == .organisation, "\(g.dump)")
        #expect(g.hasEdge("Moussa Faki Mahamat", "African Union", .role, label: "chairperson"), "\(g.dump)")
    }

    @Test func roleTheNationalityTitleCommaName() throws {
        let g = try extract("date 2024-10-09\nOn Monday the Kenyan President, William Ruto, arrived in Paris.")
        #expect(g.hasEdge("William Ruto", "Kenya", .role, label: "president"), "\(g.dump)")
    }

    // MARK: member_of

    @Test func memberOfFromNationalityAndPossessive() throws {
        let g = try extract("""
            date 2024-10-09
            The Kenyan Foreign Ministry said the visit went well. Officials at Kenya's Defence Ministry agreed.
            """)
        #expect(g.node("Kenyan Foreign Ministry")?.type == .organisation, "\(g.dump)")
        #expect(g.hasEdge("Kenyan Foreign Ministry", "Kenya", .memberOf), "\(g.dump)")
        #expect(g.node("Defence Ministry")?.type == .organisation, "\(g.dump)")
        #expect(g.hasEdge("Defence Ministry", "Kenya", .memberOf), "\(g.dump)")
        // Two ministries, not one.
        #expect(g.nodes.filter { $0.type == .organisation }.count == 2)
    }

    @Test func anAllianceOwnsTheBodyItNamesWithAPossessive() throws {
        let g = try extract("""
            date 2024-10-09
            The convoy was escorted by NATO's Standing Maritime Group on Monday. Germany's Defence Ministry agreed.
            """)
        #expect(g.node("Standing Maritime Group")?.type == .organisation, "\(g.dump)")
        #expect(g.node("NATO's Standing Maritime Group") == nil, "\(g.dump)")
        #expect(g.hasEdge("Standing Maritime Group", "North Atlantic Treaty Organization", .memberOf), "\(g.dump)")
        // A country's state body keeps its country as before, and the alliance is a member of nothing.
        #expect(g.hasEdge("Defence Ministry", "Germany", .memberOf), "\(g.dump)")
        #expect(g.edges.filter { $0.kind == .memberOf }.count == 2, "\(g.dump)")
    }

    /// "told A and B", "met with A and his brother, Cuban President B": every object joined by "and" is one the
    /// subject interacted with; not when the last one starts a clause of its own ("urged A and B said nothing").
    @Test func coordinatedObjectsAreEachInteractedWith() throws {
        let g = try extract("""
            Hugo Chavez met again with Mr. Castro and his brother, Cuban President Raul Castro, on Saturday.
            Omar Haddad told Karl Brandt and Ana Ruiz in Nairobi that the talks would go on.
            Leila Okafor urged Peter Lindqvist and Maria Novak said nothing.
            """)
        #expect(g.hasEdge("Hugo Chavez", "Raul Castro", .interaction), "\(g.dump)")
        #expect(g.hasEdge("Omar Haddad", "Karl Brandt", .interaction) && g.hasEdge("Omar Haddad", "Ana Ruiz", .interaction),
                "\(g.dump)")
        #expect(g.hasEdge("Leila Okafor", "Peter Lindqvist", .interaction), "\(g.dump)")
        #expect(!g.hasEdge("Leila Okafor", "Maria Novak", .interaction), "Maria Novak said, she was not urged: \(g.dump)")
    }

    /// "X held talks with A, a day after meeting B": the participle's subject is the sentence's person; not when
    /// the sentence opens with something else ("The meeting after meeting B").
    @Test func aParticipleMeetingHasTheSentencesSubject() throws {
        let g = try extract("""
            Karl Brandt held talks with Ana Ruiz in Nairobi, a day after meeting Omar Haddad.
            The dinner came after meeting Leila Okafor. Kenya said before meeting Peter Lindqvist nothing.
            """)
        #expect(g.hasEdge("Karl Brandt", "Omar Haddad", .interaction), "\(g.dump)")
        let unmet: Set<String> = ["Leila Okafor", "Peter Lindqvist"]
        #expect(!g.edges.contains { $0.kind == .interaction && unmet.contains(g.nodes[$0.target].label) }, "\(g.dump)")
    }

    @Test func aPersonBelongsToThePartyCalledTheirs() throws {
        let g = try extract("""
            date 2024-10-09
            Leila Haddad, whose Democratic Renewal Party lost the vote, resigned on Monday.
            Omar Said's Liberal Party won the most seats. Officials at Omar Said's Interior Ministry agreed.
            """)
        #expect(g.hasEdge("Leila Haddad", "Democratic Renewal Party", .memberOf), "\(g.dump)")
        #expect(g.hasEdge("Omar Said", "Liberal Party", .memberOf), "\(g.dump)")
        // Only a party: a ministry called someone's says who runs it, not who belongs to it.
        #expect(g.edges.filter { $0.kind == .memberOf }.count == 2, "\(g.dump)")
    }

    // MARK: participant

    @Test func participantSpeakingAt() throws {
        let g = try extract("date 2024-10-09\nSpeaking at the Addis Ababa Peace Summit, William Ruto said the region needed calm.")
        #expect(g.meetings.count == 1, "\(g.dump)")
        let summit = try #require(g.meetings.first)
        #expect(summit.series == "Addis Ababa Peace Summit")
        #expect(summit.format == "summit")
        #expect(g.hasEdge("William Ruto", summit.label, .participant), "\(g.dump)")
    }

    @Test
    func participantSpeakingAtBeforeTitledName() throws {
        let g = try extract("date 2024-10-09\nSpeaking at the Addis Ababa Peace Summit, Kenyan President William Ruto said the region needed calm.")
        let summit = try #require(g.meetings.first)
        #expect(g.hasEdge("William Ruto", "Kenya", .role, label: "president"), "\(g.dump)")
        #expect(g.hasEdge("William Ruto", summit.label, .participant), "\(g.dump)")
        #expect(!g.hasEdge("Kenya", summit.label, .participant))
    }

    @Test func participantSpokeAt() throws {
        let g = try extract("date 2024-10-09\nJean Dupont spoke at the Nairobi Security Conference on Friday.")
        let conference = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.meetings.count == 1)
        #expect(conference.series == "Nairobi Security Conference")
        #expect(conference.format == "conference")
        #expect(g.hasEdge("Jean Dupont", conference.label, .participant), "\(g.dump)")
    }

    @Test func participantInvitedToAttend() throws {
        let g = try extract("""
            date 2024-10-09
            Kenya invited representatives of the African Union to attend the Nairobi Security Conference.
            """)
        let conference = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.hasEdge("African Union", conference.label, .participant), "\(g.dump)")
        #expect(g.hasEdge("Kenya", "African Union", .interaction, label: "invite"), "\(g.dump)")
        // The host that invites is not thereby a participant.
        #expect(!g.hasEdge("Kenya", conference.label, .participant))
    }

    @Test
    func participantAttendedDescribedSummit() throws {
        let g = try extract("date 2024-10-09\nWilliam Ruto attended a summit of the African Union in Addis Ababa on 17 February.")
        let summit = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.hasEdge("William Ruto", summit.label, .participant), "\(g.dump)")
    }

    // MARK: held_in, located_in, described meetings

    @Test func describedMeetingHeldInWithOrganisationParticipant() throws {
        let g = try extract("""
            date 2024-10-09
            Jean Dupont spoke at a meeting of the foreign ministers of the Commonwealth of Independent States (CIS) in Minsk on Friday.
            """)
        #expect(g.meetings.count == 1, "\(g.dump)")
        let meeting = try #require(g.meetings.first)
        #expect(meeting.label == "meeting of the foreign ministers of the Commonwealth of Independent States")
        #expect(meeting.series == nil)
        #expect(meeting.date == "2024-10-04")   // the Friday before Wednesday 9 October 2024
        #expect(g.hasEdge(meeting.label, "Minsk", .heldIn), "\(g.dump)")
        #expect(g.hasEdge("Jean Dupont", meeting.label, .participant), "\(g.dump)")
        #expect(g.hasEdge("Commonwealth of Independent States", meeting.label, .participant), "\(g.dump)")
        // "(CIS)" is the same organisation, not a second node.
        #expect(g.node("CIS") == nil)
        #expect(g.node("Commonwealth of Independent States")?.aliases.contains("CIS") == true)
    }

    @Test func heldInDescribedSummitWithDate() throws {
        let g = try extract("date 2024-10-09\nWilliam Ruto attended a summit of the African Union in Addis Ababa on 17 February.")
        let summit = try #require(g.meetings.first, "\(g.dump)")
        #expect(summit.label == "summit of the African Union")
        #expect(summit.format == "summit")
        #expect(summit.date == "2024-02-17")
        #expect(g.hasEdge(summit.label, "Addis Ababa", .heldIn), "\(g.dump)")
        #expect(g.hasEdge("African Union", summit.label, .participant), "\(g.dump)")
    }

    @Test func locatedInFromTheGazetteer() throws {
        let g = try extract("date 2024-10-09\nKenya hosted the talks in Nairobi, and France sent a delegation from Paris.")
        #expect(g.node("Nairobi")?.type == .location, "\(g.dump)")
        #expect(g.hasEdge("Nairobi", "Kenya", .locatedIn), "\(g.dump)")
        #expect(g.hasEdge("Paris", "France", .locatedIn), "\(g.dump)")
        #expect(!g.hasEdge("Nairobi", "France", .locatedIn))
        #expect(!g.hasEdge("Paris", "Kenya", .locatedIn))
    }

    // MARK: interaction

    @Test func interactionRecognise() throws {
        let g = try extract("date 2024-10-09\nKenya recognises the African Union as a partner.")
        #expect(g.hasEdge("Kenya", "African Union", .interaction, label: "recognise"), "\(g.dump)")
        #expect(g.edges.allSatisfy { $0.kind != .coMention }, "a typed edge replaces the co-mention")
    }

    @Test func interactionInvite() throws {
        let g = try extract("date 2024-10-09\nJean Dupont invited William Ruto to Paris.")
        #expect(g.hasEdge("Jean Dupont", "William Ruto", .interaction, label: "invite"), "\(g.dump)")
        #expect(!g.hasEdge("William Ruto", "Jean Dupont", .interaction))
    }

    @Test func interactionMet() throws {
        let g = try extract("date 2024-10-09\nJean Dupont met William Ruto in Nairobi on Tuesday.")
        #expect(g.hasEdge("Jean Dupont", "William Ruto", .interaction, label: "meet"), "\(g.dump)")
        #expect(g.edgesBetween("Jean Dupont", "William Ruto").count == 1)
    }

    @Test func unnamedMeetingWithTheSamePlaceAndDateInTwoDocumentsIsOneNode() throws {
        let g = try extract([
            ("a", "date 2024-10-09\nWilliam Ruto spoke at a meeting of the African Union in Addis Ababa on Friday."),
            ("b", "date 2024-10-10\nJean Dupont spoke at a meeting of the African Union in Addis Ababa on 4 October."),
            ("c", "date 2024-10-10\nJean Dupont spoke at a meeting of the African Union in Nairobi on 4 October."),
        ])
        let meetings = g.nodes.filter { $0.type == .meeting }
        #expect(meetings.count == 2, "\(g.dump)")
        #expect(meetings.contains { g.documents(of: $0) == ["a", "b"] && $0.date == "2024-10-04" }, "\(g.dump)")
    }

    @Test func roleReferenceIsAMentionOfItsHolder() throws {
        let g = try extract("""
            date 2024-10-09
            Kenyan Foreign Minister Raychelle Omamo visited Paris on Monday.

            The Kenyan foreign minister later met French officials.
            """)
        let omamo = try #require(g.node("Raychelle Omamo"), "\(g.dump)")
        #expect(omamo.aliases.contains("Kenyan foreign minister"), "\(omamo.aliases)")
        #expect(omamo.mentions == 2)
    }

    @Test func roleReferenceWithTwoHoldersStaysUnresolved() throws {
        let g = try extract("""
            date 2024-10-09
            French Foreign Minister Jean Dupont and French Foreign Minister Marie Curie disagreed.

            The French foreign minister left early.
            """)
        #expect(g.nodes.allSatisfy { !$0.aliases.contains("French foreign minister") }, "\(g.dump)")
    }

    @Test func interactionsCarryTheirEventClass() throws {
        let met = try extract("date 2024-10-09\nJean Dupont met William Ruto in Nairobi on Tuesday.")
        #expect(met.edges("Jean Dupont", "William Ruto", .interaction).map(\.eventClass) == ["consult"])
        let urged = try extract("date 2024-10-09\nJean Dupont called on William Ruto to act.")
        #expect(urged.edges("Jean Dupont", "William Ruto", .interaction).map(\.eventClass) == ["appeal"], "\(urged.dump)")
        let recognised = try extract("date 2024-10-09\nKenya recognises the African Union as a partner.")
        #expect(recognised.edges("Kenya", "African Union", .interaction).map(\.eventClass) == ["recognise"])
        // Only interactions have one.
        #expect(met.edges.filter { $0.kind != .interaction }.allSatisfy { $0.eventClass == nil })
    }

    @Test func interactionCoordinatedSubjectsWithTitleInApposition() throws {
        let g = try extract("""
            date 2024-10-09
            On Thursday, Emmanuel Macron and the Kenyan President, William Ruto, discussed trade.
            """)
        #expect(g.hasEdge("Emmanuel Macron", "William Ruto", .interaction, label: "discuss"), "\(g.dump)")
        #expect(g.hasEdge("William Ruto", "Kenya", .role, label: "president"), "\(g.dump)")
        // Kenya only qualifies the title: it did not discuss anything.
        #expect(!g.edgesBetween("Kenya", "Emmanuel Macron").contains { $0.kind == .interaction })
    }

    // MARK: meetings: dates, ordinals, identity

    @Test func explicitDateAgainstTheHeaderYear() throws {
        let g = try extract("date 2024-10-09\nThe Addis Ababa Peace Summit will be held on 20 October.")
        let summit = try #require(g.meetings.first, "\(g.dump)")
        #expect(summit.date == "2024-10-20")
    }

    @Test func weekdayInThePastTense() throws {
        // 2024-10-09 is a Wednesday; a report of what happened "on Friday" means 4 October.
        let g = try extract("date 2024-10-09\nJean Dupont spoke at the Nairobi Security Conference on Friday.")
        #expect(g.meetings.first?.date == "2024-10-04", "\(g.dump)")
    }

    @Test func weekdayInTheFutureTense() throws {
        let g = try extract("date 2024-10-09\nThe Nairobi Security Conference will open on Friday.")
        #expect(g.meetings.first?.date == "2024-10-11", "\(g.dump)")
    }

    @Test func weekdayWithoutDocumentDateGivesNoDate() throws {
        let g = try extract("Jean Dupont spoke at the Nairobi Security Conference on Friday.")
        #expect(g.meetings.count == 1)
        #expect(g.meetings.first?.date == nil, "\(g.dump)")
    }

    @Test func ordinalOfASession() throws {
        let g = try extract("date 2024-10-09\nJean Dupont spoke at the third meeting of the Nairobi Consultative Format.")
        let meeting = try #require(g.meetings.first, "\(g.dump)")
        #expect(meeting.ordinal == 3)
        #expect(meeting.series == "Nairobi Consultative Format")
        #expect(meeting.label == "Nairobi Consultative Format (third meeting)")
        #expect(g.hasEdge("Jean Dupont", meeting.label, .participant), "\(g.dump)")
    }

    @Test func meetingMentionedTwiceIsOneNode() throws {
        let g = try extract("""
            date 2024-10-09
            Jean Dupont spoke at the Nairobi Security Conference on Friday.

            William Ruto also spoke at the Nairobi Security Conference.
            """)
        #expect(g.meetings.count == 1, "\(g.dump)")
        let conference = try #require(g.meetings.first)
        #expect(conference.mentions == 2)
        #expect(conference.date == "2024-10-04")
        #expect(g.hasEdge("Jean Dupont", conference.label, .participant), "\(g.dump)")
        #expect(g.hasEdge("William Ruto", conference.label, .participant), "\(g.dump)")
    }

    @Test func sameSeriesOnDifferentDatesInTwoDocumentsIsTwoNodes() throws {
        let g = try extract([
            ("d1", "date 2024-03-01\nJean Dupont spoke at the Nairobi Security Conference on 28 February."),
            ("d2", "date 2024-10-01\nWilliam Ruto spoke at the Nairobi Security Conference on 30 September."),
        ])
        #expect(g.meetings.count == 2, "\(g.dump)")
        #expect(Set(g.meetings.map(\.series)) == ["Nairobi Security Conference"])
        #expect(Set(g.meetings.compactMap(\.date)) == ["2024-02-28", "2024-09-30"])
        let february = try #require(g.meetings.first { $0.date == "2024-02-28" })
        let september = try #require(g.meetings.first { $0.date == "2024-09-30" })
        #expect(g.documents(of: february) == ["d1"] && g.documents(of: september) == ["d2"])
        #expect(g.hasEdge("Jean Dupont", february.label, .participant), "\(g.dump)")
        #expect(g.hasEdge("William Ruto", september.label, .participant), "\(g.dump)")
        #expect(!g.hasEdge("Jean Dupont", september.label, .participant))
    }

    @Test func sameSeriesOnTheSameDateInTwoDocumentsIsOneNode() throws {
        let g = try extract([
            ("d1", "date 2024-03-01\nJean Dupont spoke at the Nairobi Security Conference on 28 February."),
            ("d2", "date 2024-03-02\nWilliam Ruto spoke at the Nairobi Security Conference on 28 February."),
        ])
        #expect(g.meetings.count == 1, "\(g.dump)")
        #expect(g.meetings.first.map(g.documents(of:)) == ["d1", "d2"])
    }

    // MARK: negative cases

    @Test func peopleInOneSentenceWhoDidNotMeetOnlyCoMention() throws {
        let g = try extract("date 2024-10-09\nJean Dupont praised the economy while William Ruto criticised the budget.")
        let between = g.edgesBetween("Jean Dupont", "William Ruto")
        #expect(between.count == 1, "\(g.dump)")
        #expect(between.first?.kind == .coMention)
        #expect(g.edges.allSatisfy { $0.kind != .interaction })
    }

    @Test func calledOnIsAnAppealNotAVisitOrMeeting() throws {
        let g = try extract("date 2024-10-09\nJean Dupont called on William Ruto to release the prisoners.")
        #expect(g.hasEdge("Jean Dupont", "William Ruto", .interaction, label: "call on"), "\(g.dump)")
        let interactions = g.edges.filter { $0.kind == .interaction }
        #expect(interactions.count == 1)
        #expect(!interactions.contains { ["visit", "meet", "call"].contains($0.label) })
        #expect(g.meetings.isEmpty, "an appeal is not a meeting or a phone call")
        #expect(g.edges.allSatisfy { $0.kind != .participant })
    }

    @Test
    func appealComplementIsNotAnEvent() throws {
        let g = try extract("date 2024-10-09\nJean Dupont called on William Ruto to meet the African Union.")
        #expect(g.hasEdge("Jean Dupont", "William Ruto", .interaction, label: "call on"), "\(g.dump)")
        #expect(!g.edgesBetween("William Ruto", "African Union").contains { $0.kind == .interaction }, "\(g.dump)")
        let visit = try extract("date 2024-10-09\nJean Dupont called on Kenya to visit France.")
        #expect(!visit.edgesBetween("Kenya", "France").contains { $0.kind == .interaction }, "\(visit.dump)")
        let urge = try extract("date 2024-10-09\nJean Dupont urged William Ruto to meet the African Union.")
        #expect(urge.hasEdge("Jean Dupont", "William Ruto", .interaction, label: "urge"), "\(urge.dump)")
        #expect(!urge.edgesBetween("William Ruto", "African Union").contains { $0.kind == .interaction }, "\(urge.dump)")
    }

    @Test
    func negatedVerbIsNoInteraction() throws {
        let g = try extract("date 2024-10-09\nJean Dupont will not meet William Ruto.")
        #expect(!g.edges.contains { $0.kind == .interaction }, "\(g.dump)")
    }

    @Test
    func interactionWithATitledObject() throws {
        let g = try extract("date 2024-10-09\nJean Dupont met the Kenyan President, William Ruto, in Nairobi.")
        #expect(g.hasEdge("Jean Dupont", "William Ruto", .interaction, label: "meet"), "\(g.dump)")
        #expect(!g.edgesBetween("Jean Dupont", "Kenya").contains { $0.kind == .interaction })
    }

    @Test
    func pastWeekdayWithAFutureWordInARelativeClause() throws {
        let g = try extract("""
            date 2024-10-09
            Jean Dupont, who would later resign, spoke at the Nairobi Security Conference on Friday.
            """)
        #expect(g.meetings.first?.date == "2024-10-04", "\(g.dump)")
    }

    @Test func personInsideAThatClauseIsNotAParticipant() throws {
        let g = try extract("""
            date 2024-10-09
            Jean Dupont said at the Nairobi Security Conference that William Ruto had resigned.
            """)
        let conference = try #require(g.meetings.first, "\(g.dump)")
        #expect(g.hasEdge("Jean Dupont", conference.label, .participant), "\(g.dump)")
        #expect(!g.hasEdge("William Ruto", conference.label, .participant), "\(g.dump)")
        #expect(!g.edgesBetween("Jean Dupont", "William Ruto").contains { $0.kind == .interaction })
    }

    @Test func noCoMentionsOptionRemovesOnlyCoMentions() throws {
        let text = """
            date 2024-10-09
            Jean Dupont praised the economy while William Ruto criticised the budget.

            Kenya recognises the African Union as a partner.
            """
        let with = try extract(text)
        let without = try extract(text, options: ExtractionOptions(includeCoMentions: false))
        #expect(with.edges.contains { $0.kind == .coMention })
        #expect(!without.edges.contains { $0.kind == .coMention })
        // Removing edges does not change the node list, so the typed edges compare index for index.
        #expect(without.edges == with.edges.filter { $0.kind != .coMention })
        #expect(without.nodes == with.nodes)
        #expect(without.hasEdge("Kenya", "African Union", .interaction, label: "recognise"))
    }

    @Test func roleAndInteractionEvidenceIsTheSupportingSentence() throws {
        let text = "date 2024-10-09\nKenya hosted talks.\n\nJean Dupont met William Ruto in Nairobi on Tuesday."
        let g = try extract(text)
        let edge = try #require(g.edges("Jean Dupont", "William Ruto", .interaction).first, "\(g.dump)")
        #expect(edge.evidence.sentence == "Jean Dupont met William Ruto in Nairobi on Tuesday.")
        // Offsets count scalars of the text after the date header.
        let body = "Kenya hosted talks.\n\nJean Dupont met William Ruto in Nairobi on Tuesday."
        let scalars = Array(body.unicodeScalars)
        var sliced = String.UnicodeScalarView()
        sliced.append(contentsOf: scalars[edge.evidence.start..<edge.evidence.end])
        #expect(String(sliced) == edge.evidence.sentence)
        #expect(edge.evidence.date == "2024-10-09")
        #expect(edge.weight == 1)
    }
}
