import Foundation
@testable import Recognition
import Testing

/// The byte-level loading steps give what the String-level code they replaced gave.
struct GazetteerLoadingTests {
    private static let shipped: Gazetteer? = try? Gazetteer.load()

    /// The String-level official openings (Foundation's `range(of:)`), kept here as the reference.
    private static func referenceOpenings(_ countries: [Country]) -> [String: [Int]] {
        var openings: [String: [Int]] = [:]
        for (i, country) in countries.enumerated() {
            for name in [country.name] + country.names {
                guard let of = name.range(of: " of ") else { continue }
                let words = name[..<of.lowerBound].split(separator: " ")
                guard words.count >= 2 else { continue }
                let key = words.joined(separator: " ").lowercased()
                if openings[key]?.last != i { openings[key, default: []].append(i) }
            }
        }
        return openings
    }

    @Test func officialOpeningsMatchTheStringReference() throws {
        let gazetteer = try #require(Self.shipped)
        let openings = Gazetteer.officialOpenings(gazetteer.countries)
        #expect(openings == Self.referenceOpenings(gazetteer.countries))
        #expect(openings["islamic republic"]?.isEmpty == false)
        #expect(Gazetteer.openingBeforeOf("Republic of Türkiye") == "Republic")
        #expect(Gazetteer.openingBeforeOf("Côte d'Ivoire") == nil)
        #expect(Gazetteer.openingBeforeOf(" of ") == "")
    }

    @Test func capitalFlagsMatchTheStringReference() throws {
        let gazetteer = try #require(Self.shipped)
        let reference = gazetteer.cities.map { city in
            gazetteer.countryByISO2[city.iso2.uppercased()].flatMap { gazetteer.countries[$0].capital } == city.name
        }
        #expect(gazetteer.cityIsCapital == reference)
        #expect(reference.contains(true))
    }

    @Test func capitalFlagsFoldLowerCaseAndOddCodes() {
        let countries = [Country(iso2: "FR", iso3: "FRA", name: "France", capital: "Paris", names: []),
                         Country(iso2: "XKX", iso3: "XKX", name: "Odd", capital: "Oddtown", names: [])]
        let cities = [City(geonameID: 1, name: "Paris", iso2: "fr", population: 1, ambiguous: false),
                      City(geonameID: 2, name: "Lyon", iso2: "FR", population: 1, ambiguous: false),
                      City(geonameID: 3, name: "Oddtown", iso2: "xkx", population: 1, ambiguous: false),
                      City(geonameID: 4, name: "Paris", iso2: "ZZ", population: 1, ambiguous: false)]
        let flags = Gazetteer.capitalFlags(cities: cities, countries: countries, countryByISO2: ["FR": 0, "XKX": 1])
        #expect(flags == [true, false, true, false])
    }

    @Test func tsvNumbersAndBounds() throws {
        let tsv = TSVReader(table: "t", bytes: Array("a\tb\n12\tx|y|z\n\n007\t\n".utf8))
        var rows: [[String]] = []
        try tsv.forEachRow(columns: 2) { fields, _ in rows.append(fields.map(tsv.string)) }
        #expect(rows == [["12", "x|y|z"], ["007", ""]])
        #expect(try tsv.int(4..<6, line: 2) == 12)
        #expect(throws: GazetteerError.self) { try tsv.int(7..<8, line: 2) }
        #expect(tsv.nameBound >= 6)
        let long = TSVReader(table: "t", bytes: Array(String(repeating: "9", count: 19).utf8))
        #expect(throws: GazetteerError.self) { try long.int(0..<19, line: 1) }
        let wrong = TSVReader(table: "t", bytes: Array("h\nonly\n".utf8))
        #expect(throws: GazetteerError.malformedRow(table: "t", line: 2, reason: "expected 2 fields, found 1")) {
            try wrong.forEachRow(columns: 2) { _, _ in }
        }
    }

    @Test func hashIndexReservedKeepsEveryKey() {
        var index = HashIndex()
        index.set(7, 1)
        index.reserveCapacity(1_000)
        for k in 0..<1_000 { index.set(UInt64(k) &* 0x9E37_79B9, Int32(k)) }
        index.set(7, 3)
        #expect(index.count == 1_001)
        for k in 1..<1_000 { #expect(index[UInt64(k) &* 0x9E37_79B9] == Int32(k)) }
        #expect(index[7] == 3)
        #expect(index[12345] == nil)
    }

    /// Names that normalise alike share one key; acronyms stay apart from lower-case words; payloads come out
    /// grouped by name in the requested order, duplicates dropped.
    @Test func nameIndexGroupsPayloadsPerName() {
        var index = NameIndex()
        index.reserveCapacity(names: 8)
        let source = Array("New  York|new york|US|us|Côte d’Ivoire|Côte d'Ivoire".utf8)
        let tsv = TSVReader(table: "t", bytes: source)
        let parts = tsv.list(0..<source.count)
        let payloads = [NameIndex.Payload(kind: .city, index: 2), NameIndex.Payload(kind: .region, index: 0),
                        NameIndex.Payload(kind: .country, index: 1), NameIndex.Payload(kind: .title, index: 0),
                        NameIndex.Payload(kind: .country, index: 5), NameIndex.Payload(kind: .country, index: 5)]
        for (part, payload) in zip(parts, payloads) { index.add(source, part, payload) }
        index.add(source, parts[0], NameIndex.Payload(kind: .city, index: 1))
        index.finish { $0.raw < $1.raw }
        #expect(index.nameCount == 4)
        #expect(Array(index.payloads(named: "NEW YORK")) == [
            NameIndex.Payload(kind: .city, index: 1), NameIndex.Payload(kind: .city, index: 2),
            NameIndex.Payload(kind: .region, index: 0),
        ].sorted { $0.raw < $1.raw })
        #expect(Array(index.payloads(named: "US")) == [NameIndex.Payload(kind: .country, index: 1)])
        #expect(Array(index.payloads(named: "us")) == [NameIndex.Payload(kind: .title, index: 0)])
        #expect(Array(index.payloads(named: "côte d'ivoire")) == [NameIndex.Payload(kind: .country, index: 5)])
    }

    /// `allMatches` lists every end ascending, whatever order the bucket holds the names in, and each end with
    /// the payloads `longestMatch` gives when that end is the longest within the limit.
    @Test func allMatchesAscendByEndWithTheLongestMatchPayloads() throws {
        var index = NameIndex()
        let source = Array("New York City|New York|New Jersey|New York|New York".utf8)
        let tsv = TSVReader(table: "t", bytes: source)
        let parts = tsv.list(0..<source.count)
        let payloads = [NameIndex.Payload(kind: .city, index: 3), NameIndex.Payload(kind: .city, index: 1),
                        NameIndex.Payload(kind: .region, index: 0), NameIndex.Payload(kind: .region, index: 2),
                        NameIndex.Payload(kind: .title, index: 0)]
        for (part, payload) in zip(parts, payloads) { index.add(source, part, payload) }
        index.finish { $0.raw < $1.raw }
        let text = analyzed("They flew to New York City today.")
        let new = try #require(text.tokens.indices.first { text.string(token: $0) == "New" })
        let matches = index.allMatches(in: text, at: new, kinds: .places, head: index.head(in: text, at: new))
        #expect(matches.map(\.end) == [new + 2, new + 3])
        #expect(matches.first?.payloads == [NameIndex.Payload(kind: .city, index: 1), NameIndex.Payload(kind: .region, index: 2)])
        #expect(matches.last?.payloads == [NameIndex.Payload(kind: .city, index: 3)])
        for match in matches {
            let longest = try #require(index.longestMatch(in: text, at: new, limit: match.end - new, kinds: .places))
            #expect(longest.end == match.end)
            #expect(longest.payloads == match.payloads)
        }
        #expect(index.allMatches(in: text, at: new + 1, kinds: .places, head: index.head(in: text, at: new + 1)).isEmpty)
    }

    /// A name's second-segment byte is the one the text shows where the name would match, however the
    /// tokenizer cuts it, so the bucket filter never skips a name that matches.
    @Test func secondSegmentBytesOfNamesAndTexts() throws {
        func name(_ s: String) -> UInt8 { NameIndex.secondSegmentByte(Array(s.utf8)[...]) }
        func text(_ s: String) -> UInt8 {
            let text = analyzed(s)
            return NameIndex.secondSegmentByte(in: text, from: 0, to: text.tokens.count)
        }
        #expect(name("new york") == UInt8(ascii: "y"))
        #expect(name("u.s.") == UInt8(ascii: "s"))
        #expect(name("côte d'ivoire") == UInt8(ascii: "d"))
        #expect(name("paris") == 0)
        #expect(text("New York") == name("new york"))
        #expect(text("U.S. forces") == name("u.s."))
        #expect(text("Côte d’Ivoire") == name("côte d'ivoire"))
        #expect(text("Paris") == 0)
        // Found through the index: names of one bucket that differ after the first word.
        var index = NameIndex()
        let source = Array("New York|New Delhi|New".utf8)
        let parts = TSVReader(table: "t", bytes: source).list(0..<source.count)
        for (i, part) in parts.enumerated() { index.add(source, part, NameIndex.Payload(kind: .city, index: i)) }
        index.finish { $0.raw < $1.raw }
        let delhi = analyzed("New Delhi")
        let match = try #require(index.longestMatch(in: delhi, at: 0, limit: 2, kinds: .places))
        #expect(match.end == 2 && match.payloads == [NameIndex.Payload(kind: .city, index: 1)])
        let alone = analyzed("New rules")
        #expect(index.longestMatch(in: alone, at: 0, limit: 2, kinds: .places)?.payloads == [NameIndex.Payload(kind: .city, index: 2)])
    }
}
