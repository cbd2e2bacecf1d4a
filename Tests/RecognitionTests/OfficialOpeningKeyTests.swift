@testable import Recognition
import Testing

@Suite("Official name openings")
struct OfficialOpeningKeyTests {
    /// The byte path (ASCII) folds as the Character path does: white space collapsed, lower case.
    @Test(arguments: ["Islamic Republic", "  Democratic\tPeople's \r\n Republic ", "ISLAMIC\u{0B}REPUBLIC", "", "République Démocratique"])
    func keyIsCollapsedAndLowerCased(_ words: String) {
        #expect(Gazetteer.officialOpeningKey(words)
                == words.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased())
    }
}
