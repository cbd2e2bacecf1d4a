import ExtractionPipeline
import GraphModel
import Testing

// "X, a spokesman for Y" and the noun-not-verb case, on sentences written for these tests.

@Suite("Role appositions with 'for'")
struct RoleForTests {
    @Test func spokesmanForAnOrganisation() throws {
        let g = try extract("""
            date 2024-10-09
            Paul Kamau, a spokesman for the World Bank, said the loan was approved.
            """)
        #expect(g.hasEdge("Paul Kamau", "World Bank", .role, label: "spokesman"), "\(g.dump)")
    }

    @Test func anEnvoyForACountryIsARemitNotARole() throws {
        let g = try extract("""
            date 2024-10-09
            Paul Kamau, the special envoy for Somalia, said the talks would resume.
            """)
        #expect(g.edges("Paul Kamau", "Somalia", .role).isEmpty, "\(g.dump)")
    }

    @Test func aTitleWithNoOrganisationIsNoRole() throws {
        let g = try extract("""
            date 2024-10-09
            Paul Kamau, a spokesman for the family, said the funeral would be on Friday.
            """)
        #expect(!g.edges.contains { $0.kind == .role }, "\(g.dump)")
    }

    @Test func aVerbBetweenANationalityAndATitleIsANoun() throws {
        let g = try extract("""
            date 2024-10-09
            Egyptian host President Hosni Mubarak welcomed the delegates.
            """)
        #expect(g.edges("Egypt", "Hosni Mubarak", .interaction).isEmpty, "\(g.dump)")
    }
}
