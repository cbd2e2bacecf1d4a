import GraphModel
import Resolution
import Testing

@Suite("normalizedName")
struct NormalizedNameTests {
    @Test(arguments: [
        ("Russia's", "russia"),
        ("Russia\u{2019}s", "russia"),            // typographic apostrophe
        ("Russia\u{2018}s", "russia"),
        ("Russia 's", "russia"),                  // possessive split off as its own token
        ("Russia \u{2019}s", "russia"),
        ("The Taliban", "taliban"),
        ("the Kremlin's", "kremlin"),
        ("  Jean \t  DUPONT \n", "jean dupont"),
        ("African\u{00A0}Union", "african union"), // no-break space is white space too
        ("Theatre Group", "theatre group"),       // "the" only as a word
        ("ÉMILE Zola", "emile zola"),             // diacritics folded
        ("Gökhan Çelik", "gokhan celik"),
        ("İstanbul", "istanbul"),                  // capital I with dot lowers to i and a combining dot
        ("Łódź", "lodz"),
        ("São Paulo", "sao paulo"),
        ("Straße", "strasse"),
        ("e\u{0301}cole", "ecole"),                // a combining accent written apart
        ("Guinea\u{2013}Bissau", "guinea-bissau"),
        ("Al\u{2011}Shabaab", "al-shabaab"),
        ("ISIS-K", "isis-k"),
        ("", ""),
    ])
    func normalizes(input: String, expected: String) {
        #expect(normalizedName(input) == expected)
    }

    /// People's names written by different transliterations are one key; different names stay apart.
    @Test(arguments: [
        ("Dmitry Peskov", "Dmitri Peskov"), ("Sergey Lavrov", "Sergei Lavrov"), ("Aleksei Navalny", "Alexei Navalny"),
        ("Mohammed Morsi", "Mohamed Morsi"), ("Georgiy Poltavchenko", "Georgi Poltavchenko"), ("Gökhan Çelik", "Gokhan Celik"),
    ])
    func transliterationsOfOnePerson(a: String, b: String) {
        #expect(personNameKey(a) == personNameKey(b))
    }

    @Test func differentPeopleKeepTheirKeys() {
        #expect(personNameKey("Kim Jong Il") != personNameKey("Kim Jong Un"))
        #expect(personNameKey("Ali Khan") != personNameKey("Ali Khin"))
        #expect(personNameKey("Andrey Ivanov") != personNameKey("Andrea Ivanov"))
    }


    /// The byte path of `personNameKey` (ASCII names) applies the word rules in the Character path's order:
    /// doubled letters, then "ks", then the ending.
    @Test func personNameKeyRewritesEachWordInOrder() {
        #expect(personNameKey("Aleksey Mohammed Dmitriy Kennedy") == "alexei mohamed dmitri kenedi")
        #expect(personNameKey("Kks Sky Ay Iy") == "x ski ay i")
        #expect(personNameKey("Aleksandr  Lukashenko's") == "alexandr lukashenko")
        #expect(personNameKey("") == "")
    }
    @Test func spellingsOfOneNameAgree() {
        let spellings = ["Kenya's Foreign Ministry", "kenya\u{2019}s  foreign ministry", "KENYA'S FOREIGN MINISTRY"]
        #expect(Set(spellings.map(normalizedName)).count == 1)
        #expect(normalizedName("Kenya") != normalizedName("Kenyan"))
    }
}

@Suite("AliasTable")
struct AliasTableTests {
    private func parse(_ text: String) throws(AliasTable.ParseError) -> AliasTable {
        var table = AliasTable()
        try table.add(contentsOf: text, source: "test.tsv")
        return table
    }

    /// The line number of the error `text` gives, or nil when it parses.
    private func errorLine(_ text: String) -> (line: Int, reason: String, description: String)? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            switch error {
            case let .badLine(source, line, reason):
                #expect(source == "test.tsv")
                return (line, reason, error.description)
            }
        }
    }

    @Test func sameAndNeverLines() throws {
        let table = try parse("""
            # African organisations
            same\tAfrican Union\torganisation\tAU|the AU|Union africaine

            never\tAU\tAUC
            same\tWilliam Ruto\tperson\tWilliam Samoei Ruto
            """)
        for name in ["African Union", "AU", "the AU", "Union africaine", "african union", "The African Union"] {
            let group = table.group(for: name)
            #expect(group?.canonical == "African Union", "\(name)")
            #expect(group?.type == .organisation)
            #expect(group?.source == "test.tsv")
        }
        #expect(table.group(for: "William Samoei Ruto")?.type == .person)
        #expect(table.group(for: "AUC") == nil)
        #expect(table.group(for: "Union") == nil)
        #expect(table.mustStayApart("AU", "AUC"))
        #expect(table.mustStayApart("auc", "the AU"))
        #expect(!table.mustStayApart("AU", "African Union"))
    }

    @Test func windowsLineEndsAreLines() throws {
        var table = AliasTable()
        try table.add(contentsOf: "# saved on Windows\r\nsame\tEast African Community\torganisation\tEAC\r\nnever\tA\tB\r\n",
                      source: "crlf.tsv")
        #expect(table.group(for: "EAC")?.canonical == "East African Community")
        #expect(table.mustStayApart("A", "B"))
    }

    @Test func laterLinesWin() throws {
        var table = try parse("same\tAfrican Union\torganisation\tAU\n")
        try table.add(contentsOf: "same\tAustralia\tcountry\tAU\n", source: "user.tsv")
        #expect(table.group(for: "AU")?.canonical == "Australia")
        #expect(table.group(for: "AU")?.source == "user.tsv")
        #expect(table.group(for: "African Union")?.canonical == "African Union")
    }

    @Test func badLinesNameTheirLineNumber() {
        let missingField = errorLine("# header\nsame\tAfrican Union\torganisation\n")
        #expect(missingField?.line == 2)
        #expect(missingField?.description.hasPrefix("test.tsv:2: ") == true)
        let neverWithThree = errorLine("same\tA\tperson\tB\n\n\nnever\tA\tB\tC\n")
        #expect(neverWithThree?.line == 4)
        let unknownVerb = errorLine("same\tA\tperson\tB\nalias\tA\tB\n")
        #expect(unknownVerb?.line == 2)
        let emptyCanonical = errorLine("same\t\tperson\tB\n")
        #expect(emptyCanonical?.line == 1)
        // Fields are separated by TAB only: spaces do not count.
        let spaces = errorLine("same African Union organisation AU\n")
        #expect(spaces?.line == 1)
    }

    @Test func unknownTypeIsAnError() throws {
        let error = try #require(errorLine("same\tAfrican Union\torganization\tAU\n"))
        #expect(error.line == 1)
        #expect(error.reason.contains("organization"))
        #expect(error.reason.contains("organisation"), "the message lists the valid types")
    }

    @Test func commentsAndBlankLinesAreIgnored() throws {
        let table = try parse("\n# same\tX\tperson\tY\n   \n")
        #expect(table.group(for: "X") == nil)
    }

    @Test func shippedTable() throws {
        let table = try AliasTable.shipped()
        for name in ["ISIS", "ISIL", "Daesh", "IS", "Islamic State", "the Islamic State"] {
            #expect(table.group(for: name)?.canonical == "Islamic State", "\(name)")
            #expect(table.group(for: name)?.type == .organisation)
        }
        #expect(table.group(for: "ISIS-K")?.canonical == "Islamic State Khorasan Province")
        #expect(table.group(for: "ISKP")?.canonical == "Islamic State Khorasan Province")
        #expect(table.mustStayApart("ISIS", "ISIS-K"))
        #expect(table.mustStayApart("ISIS-K", "ISIS"))
        #expect(table.group(for: "ISIS") != table.group(for: "ISIS-K"))
        #expect(table.group(for: "CIS")?.canonical == "Commonwealth of Independent States")
    }
}

/// `isFullerName` measures ASCII names on their bytes and others by Characters; both must give the order that
/// words (runs between spaces) and Characters give.
@Suite("isFullerName")
struct FullerNameTests {
    private func reference(_ candidate: String, _ current: String) -> Bool {
        let a = (candidate.split(separator: " ").count, candidate.count)
        let b = (current.split(separator: " ").count, current.count)
        return a > b || (a == b && candidate < current)
    }

    @Test func agreesWithWordsAndCharacters() {
        let names = ["Putin", "Vladimir Putin", "Vladimir  Putin", " Putin ", "Vladimir V. Putin", "Sergei Lavrov",
                     "Sergej Lavrov", "Lavrov", "Ab", "É", "Éa", "e\u{301}a", "a\r\nb", "a\rb", "a b", "ab c", "",
                     " ", "Zoë Smith", "Zoe Smith", "\u{0}x", "x\u{0}"]
        for a in names {
            for b in names {
                #expect(isFullerName(a, than: b) == reference(a, b), "\(a.debugDescription) vs \(b.debugDescription)")
            }
        }
    }

    @Test func moreWordsThenMoreCharactersThenAlphabetical() {
        #expect(isFullerName("Vladimir Putin", than: "Putin"))
        #expect(isFullerName("Sergei Lavrov", than: "Sergei Lavro"))
        #expect(isFullerName("Sergei Lavrov", than: "Sergej Lavrov"))
        #expect(!isFullerName("Putin", than: "Putin"))
        #expect(isFullerName("e\u{301}e\u{301}", than: "abc") == false)  // two Characters, not four scalars
    }
}
