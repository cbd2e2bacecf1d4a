@testable import Resolution
import Testing

/// The byte paths of the name helpers (ASCII names) give what the Character paths they stand in for give.
@Suite("Name words")
struct NameWordsTests {
    static let names = [
        "", " ", "Muttaqi", "Amir Khan Muttaqi", "  Amir   Khan  ", "George H. W. Bush", "a\r\nb", "a \r\n b",
        "tab\tseparated name", "São Paulo", "Çelik  Ahmet", "Zoë", "x \u{301}y", "Kim Jong Un ", "O'Neill 's",
    ]

    @Test(arguments: names)
    func outerWordsAreTheFirstAndLastOfTheSplit(_ name: String) {
        let words = name.split(separator: " ")
        if let (first, last, count) = outerWords(name) {
            #expect(words.count >= 2)
            #expect(first == words.first!)
            #expect(last == words.last!)
            #expect(count == words.count)
        } else {
            #expect(words.count < 2)
        }
    }

    @Test func outerWordsOfAFullName() {
        let words = outerWords("George Herbert Walker Bush")
        #expect(words.map { String($0.first) } == "George")
        #expect(words.map { String($0.last) } == "Bush")
        #expect(words?.count == 4)
        #expect(outerWords("Bush") == nil)
    }

    @Test(arguments: names)
    func containsSpaceAgreesWithContains(_ name: String) {
        #expect(containsSpace(name) == name.contains(" "))
    }

    @Test(arguments: names)
    func spacesAreTheSpaceCharacters(_ name: String) {
        #expect(spaces(in: name) == name.indices.filter { name[$0] == " " })
    }

    /// Words first, then Characters (CR LF is one), then alphabetical.
    @Test func fullerNames() {
        #expect(isFullerName("Amir Khan Muttaqi", than: "Muttaqi"))
        #expect(!isFullerName("Muttaqi", than: "Amir Khan Muttaqi"))
        #expect(isFullerName("Sergey Lavrov", than: "Sergei Lavrov") == false)   // equal counts: "Sergei" < "Sergey"
        #expect(isFullerName("Sergei Lavrov", than: "Sergey Lavrov"))
        #expect(isFullerName("Ab  Cd", than: "Ab Cd"))                          // one more Character
        #expect(isFullerName("ab\r\nc", than: "abcd") == ("ab\r\nc" < "abcd"))  // four Characters each
        #expect(isFullerName("São Paulo", than: "Sao Paul"))
    }
}
