import ExtractionPipeline
import GraphModel
import Testing

// Offices written with a describing word, coordinated with another office, or without their state, on
// sentences written for these tests. Expectations are worked out from the sentences.

@Suite("Roles the sentence implies")
struct ImpliedRoleTests {
    @Test func wordsDescribingTheHolderStandBetweenQualifierAndOffice() throws {
        let g = try extract("""
            Kenya's embattled President Daniel Mwangi spoke on Monday.
            Egyptian host President Omar Fathy welcomed the delegates.
            """)
        #expect(g.hasEdge("Daniel Mwangi", "Kenya", .role, label: "president"), "\(g.dump)")
        #expect(g.hasEdge("Omar Fathy", "Egypt", .role, label: "president"), "\(g.dump)")
    }

    @Test func aCoordinatedOfficeSharesTheStatedState() throws {
        let g = try extract("Mr. Lind held talks with Afghan President Rahim Nuri and Foreign Minister Abdul Basir.")
        #expect(g.hasEdge("Rahim Nuri", "Afghanistan", .role, label: "president"), "\(g.dump)")
        #expect(g.hasEdge("Abdul Basir", "Afghanistan", .role, label: "foreign minister"), "\(g.dump)")
    }

    @Test func aStateOfficeWithoutItsStateBelongsToTheOneHomeCountryOfTheSentence() throws {
        let g = try extract("""
            Prime Minister Arun Mehta and other Indian officials received the delegation.
            Pakistani police say the country's former President Tariq Aziz faces arrest.
            """)
        #expect(g.hasEdge("Arun Mehta", "India", .role, label: "prime minister"), "\(g.dump)")
        #expect(g.hasEdge("Tariq Aziz", "Pakistan", .role), "\(g.dump)")
    }

    @Test func anOfficeWithoutItsStateInAnArticleOnOneCountryIsThatCountrys() throws {
        let g = try extract("""
            Ukraine's parliament voted on Friday to dismiss the cabinet.
            The resolution to fire Foreign Minister Petro Boyko secured 247 votes.
            """)
        #expect(g.hasEdge("Petro Boyko", "Ukraine", .role, label: "foreign minister"), "\(g.dump)")
        // With a second country in the article, nothing says whose minister he is.
        let two = try extract("""
            Ukraine's parliament voted on Friday, and Poland protested.
            The resolution to fire Foreign Minister Petro Boyko secured 247 votes.
            """)
        #expect(two.edges("Petro Boyko", "Ukraine", .role).isEmpty && two.edges("Petro Boyko", "Poland", .role).isEmpty,
                "\(two.dump)")
    }

    @Test func aCountryQualifyingAnotherNamesOfficeIsNoHome() throws {
        // The visitor's name is hard to read; "German" is still his, never the Secretary of State's.
        let g = try extract("Secretary of State Ann Clay assured visiting German Foreign Minister Frank-Walter Steinmeier that Washington will reply.")
        #expect(g.edges("Ann Clay", "Germany", .role).isEmpty, "\(g.dump)")
        #expect(g.node("State") == nil, "an office's words are no organisation: \(g.dump)")
    }

    @Test func anAmbassadorsPostIsPartOfTheOffice() throws {
        let g = try extract("""
            Defense Minister Aiko Mori met U.S. Ambassador to Japan Tom Reed in Tokyo.
            The U.S. ambassador to Afghanistan, Dan Hale, said Saturday that talks would go on.
            """)
        #expect(g.hasEdge("Tom Reed", "United States", .role, label: "ambassador to Japan"), "\(g.dump)")
        #expect(g.hasEdge("Dan Hale", "United States", .role, label: "ambassador to Afghanistan"), "\(g.dump)")
        #expect(g.edges("Tom Reed", "Japan", .role).isEmpty, "\(g.dump)")
    }

    @Test func noStateIsGuessedFromTheOtherPartyOrAListOfNames() throws {
        let g = try extract("""
            Deputy Foreign Minister Camila Ortiz said her government received a protest note from Ecuador.
            President Tom Baker, Chinese President Li Wen and Japanese Prime Minister Ken Sato will attend.
            """)
        // A country after "from" is the other party, and a list of names gives each office to the next name.
        #expect(g.edges("Camila Ortiz", "Ecuador", .role).isEmpty, "\(g.dump)")
        #expect(g.edges("Tom Baker", "China", .role).isEmpty, "\(g.dump)")
        #expect(g.edges("Tom Baker", "Japan", .role).isEmpty, "\(g.dump)")
        #expect(g.hasEdge("Li Wen", "China", .role, label: "president"), "\(g.dump)")
    }

    @Test func twoHoldersOfOneOfficeInASentenceGetNeither() throws {
        let g = try extract("Ukraine's parliament heard President Viktor Lenko and President Ivan Dorn.")
        #expect(g.edges("Viktor Lenko", "Ukraine", .role).isEmpty, "\(g.dump)")
        #expect(g.edges("Ivan Dorn", "Ukraine", .role).isEmpty, "\(g.dump)")
    }

    @Test func aStatedOfficeElsewhereWinsOverAnImpliedOne() throws {
        let g = try extract("""
            Brazilian President Lucas Prado arrived in Kenya on Monday.
            Kenyan officials say President Lucas Prado will stay two days.
            """)
        #expect(g.hasEdge("Lucas Prado", "Brazil", .role), "\(g.dump)")
        #expect(g.edges("Lucas Prado", "Kenya", .role).isEmpty, "\(g.dump)")
    }

    @Test func aNameNeverReachesIntoAnOffice() throws {
        let g = try extract("""
            U.S. Defense Secretary Donald Rumsfeld arrived in Skopje.
            Secretary of State Condoleezza Rice said talks would go on.
            """)
        #expect(g.node("U.S. Defense") == nil && g.node("State") == nil, "\(g.dump)")
        #expect(g.hasEdge("Donald Rumsfeld", "United States", .role), "\(g.dump)")
    }
}
