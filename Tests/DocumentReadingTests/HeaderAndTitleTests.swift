import DocumentReading
import Testing

@Suite struct HeaderAndTitleTests {
    @Test func dateHeaderOnTheSameLineAsTheText() throws {
        let read = try decode(" date 2021-10-08 Russian Foreign Ministry spokesperson spoke.")
        #expect(read.document.date == CalendarDate(year: 2021, month: 10, day: 8))
        #expect(read.document.text == "Russian Foreign Ministry spokesperson spoke.")
        #expect(read.warnings.isEmpty)
    }

    @Test func dateHeaderOnItsOwnLineThenTitle() throws {
        let read = try decode("\n  date 2022-01-03\n\nKabul Bank Reopens\n\nThe bank reopened.")
        #expect(read.document.date?.iso == "2022-01-03")
        #expect(read.document.text == "Kabul Bank Reopens\n\nThe bank reopened.")
        #expect(title(of: read.document) == "Kabul Bank Reopens")
    }

    @Test func seed001HasAHeaderAndNoTitle() throws {
        let read = try DocumentReader.decode(try fixture("seeds/001_d01be74c4e9dbeef.txt"), id: "001", path: "001.txt")
        #expect(read.document.date?.iso == "2021-10-08")
        #expect(read.document.text.hasPrefix("Russian Foreign Ministry spokesperson Maria Zakharova"))
        #expect(read.document.titleRange == nil)
        #expect(read.warnings.isEmpty)
    }

    @Test func impossibleDateWarnsAndIsDropped() throws {
        let read = try decode("date 2021-02-30 Text follows.", path: "dir/a.txt")
        #expect(read.document.date == nil)
        #expect(read.document.text == "Text follows.")
        #expect(read.warnings.count == 1)
        #expect(read.warnings.first?.hasPrefix("dir/a.txt: invalid date '2021-02-30'") == true)
        let malformed = try decode("date 2021-2-3\nText.")
        #expect(malformed.document.date == nil && malformed.document.text == "Text." && malformed.warnings.count == 1)
    }

    @Test func proseStartingWithDateIsNotAHeader() throws {
        for text in ["date night was fun.", "dated 2021-01-01 text", "date: 2021-01-01 text", "update 2021-01-01"] {
            let read = try decode(text)
            #expect(read.document.date == nil)
            #expect(read.document.text == text)
        }
    }

    @Test func leadingWhiteSpaceIsKeptWithoutHeader() throws {
        let read = try decode("  \nHello world.")
        #expect(read.document.text == "  \nHello world.")
        #expect(read.document.titleRange == nil)
    }

    @Test func seed000TitleIsTheFirstLine() throws {
        let read = try DocumentReader.decode(try fixture("seeds/000_aeb10834fad6bcd8.txt"), id: "000", path: "000.txt")
        #expect(title(of: read.document) == "Establishment Of ISIS Bases In Region Has Worried Taliban, Says Group’s FM")
        #expect(read.document.titleRange?.lowerBound == 0)
        #expect(read.document.date == nil)
    }

    @Test func titleRules() throws {
        #expect(title(of: try decode("Short Headline\n\nBody.").document) == "Short Headline")
        // Blanks around the line are not part of the title; a blank line may hold spaces.
        #expect(try decode("  Padded Title \t\n  \nBody.").document.titleRange == 2..<14)
        #expect(title(of: try decode("Is It Over?\n\nBody.").document) == "Is It Over?")
        // Ends in a period: a sentence, not a headline.
        #expect(try decode("This is a sentence.\n\nBody.").document.titleRange == nil)
        // Not followed by a blank line.
        #expect(try decode("Short Headline\nBody.").document.titleRange == nil)
        #expect(try decode("Only one line").document.titleRange == nil)
        // Too many words (21) or too many characters.
        let words21 = (1...21).map { "w\($0)" }.joined(separator: " ")
        #expect(try decode(words21 + "\n\nBody.").document.titleRange == nil)
        let words20 = (1...20).map { "w\($0)" }.joined(separator: " ")
        #expect(title(of: try decode(words20 + "\n\nBody.").document) == words20)
        #expect(try decode(String(repeating: "x", count: 201) + "\n\nBody.").document.titleRange == nil)
        #expect(try decode(String(repeating: "é", count: 200) + "\n\nBody.").document.titleRange == 0..<400)
    }
}
