/// Parses each gazetteer TSV into its entries and adds their names to the index.
///
/// Column layouts are those `Scripts/build-gazetteers` writes; a row with the wrong number of fields or a bad
/// number or flag throws, so a broken rebuild fails loudly at load time instead of silently losing names.
enum GazetteerTables {
    /// iso2, iso3, name, capital, names (`|`-joined).
    static func countries(_ tsv: TSVReader, _ index: inout NameIndex) throws -> [Country] {
        var result: [Country] = []
        try tsv.forEachRow(columns: 5) { f, line in
            let capital = tsv.string(f[3])
            let payload = NameIndex.Payload(kind: .country, index: result.count)
            index.add(tsv.bytes, f[2], payload)
            tsv.forEachListItem(f[4]) { index.add(tsv.bytes, $0, payload) }
            result.append(Country(
                iso2: tsv.string(f[0]), iso3: tsv.string(f[1]), name: tsv.string(f[2]),
                capital: capital.isEmpty ? nil : capital, names: tsv.list(f[4]).map(tsv.string)))
        }
        return result
    }

    /// form, iso2, ambiguous; one row per country a form can mean, the primary country first.
    static func demonyms(
        _ tsv: TSVReader, countryIndex: [String: Int], _ index: inout NameIndex
    ) throws -> [Gazetteer.DemonymRow] {
        var result: [Gazetteer.DemonymRow] = []
        try tsv.forEachRow(columns: 3) { f, line in
            let iso2 = tsv.string(f[1])
            guard let country = countryIndex[iso2] else { throw tsv.malformed(line, "unknown country \(iso2)") }
            index.add(tsv.bytes, f[0], NameIndex.Payload(kind: .demonym, index: result.count))
            result.append(.init(country: country, ambiguous: try tsv.flag(f[2], line: line)))
        }
        return result
    }

    /// geonameid, name, iso2, population, ambiguous, names (`|`-joined alternates).
    static func cities(_ tsv: TSVReader, _ index: inout NameIndex) throws -> [City] {
        var result: [City] = []
        try tsv.forEachRow(columns: 6) { f, line in
            let payload = NameIndex.Payload(kind: .city, index: result.count)
            index.add(tsv.bytes, f[1], payload)
            tsv.forEachListItem(f[5]) { index.add(tsv.bytes, $0, payload) }
            result.append(City(
                geonameID: try tsv.int(f[0], line: line), name: tsv.string(f[1]), iso2: tsv.string(f[2]),
                population: try tsv.int(f[3], line: line), ambiguous: try tsv.flag(f[4], line: line)))
        }
        return result
    }

    /// name, kind, countries (`|`-joined ISO codes), ambiguous.
    static func regions(_ tsv: TSVReader, _ index: inout NameIndex) throws -> [Region] {
        var result: [Region] = []
        try tsv.forEachRow(columns: 4) { f, line in
            guard let kind = Region.Kind(rawValue: tsv.string(f[1])) else {
                throw tsv.malformed(line, "unknown region kind \(tsv.string(f[1]))")
            }
            index.add(tsv.bytes, f[0], NameIndex.Payload(kind: .region, index: result.count))
            result.append(Region(
                name: tsv.string(f[0]), kind: kind, countries: tsv.list(f[2]).map(tsv.string),
                ambiguous: try tsv.flag(f[3], line: line)))
        }
        return result
    }

    /// form, normalised, class.
    static func titles(_ tsv: TSVReader, _ index: inout NameIndex) throws -> [Title] {
        var result: [Title] = []
        try tsv.forEachRow(columns: 3) { f, line in
            guard let titleClass = Title.Class(rawValue: tsv.string(f[2])) else {
                throw tsv.malformed(line, "unknown title class \(tsv.string(f[2]))")
            }
            index.add(tsv.bytes, f[0], NameIndex.Payload(kind: .title, index: result.count))
            result.append(Title(form: tsv.string(f[0]), normalised: tsv.string(f[1]), titleClass: titleClass))
        }
        return result
    }

    /// form, class.
    static func organisationHeads(_ tsv: TSVReader, _ index: inout NameIndex) throws -> [OrganisationHead] {
        var result: [OrganisationHead] = []
        try tsv.forEachRow(columns: 2) { f, line in
            guard let organisationClass = OrganisationHead.Class(rawValue: tsv.string(f[1])) else {
                throw tsv.malformed(line, "unknown organisation class \(tsv.string(f[1]))")
            }
            index.add(tsv.bytes, f[0], NameIndex.Payload(kind: .organisationHead, index: result.count))
            result.append(OrganisationHead(form: tsv.string(f[0]), organisationClass: organisationClass))
        }
        return result
    }

    /// form, format, ambiguous.
    static func meetingWords(_ tsv: TSVReader, _ index: inout NameIndex) throws -> [MeetingWord] {
        var result: [MeetingWord] = []
        try tsv.forEachRow(columns: 3) { f, line in
            guard let format = MeetingFormat(rawValue: tsv.string(f[1])) else {
                throw tsv.malformed(line, "unknown meeting format \(tsv.string(f[1]))")
            }
            index.add(tsv.bytes, f[0], NameIndex.Payload(kind: .meetingWord, index: result.count))
            result.append(MeetingWord(
                form: tsv.string(f[0]), format: format, ambiguous: try tsv.flag(f[2], line: line)))
        }
        return result
    }
}
