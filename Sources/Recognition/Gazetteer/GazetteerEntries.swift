/// A country or territory with an ISO 3166-1 code (mledoze/countries, names widened with pycountry).
public struct Country: Hashable, Sendable {
    public let iso2: String
    public let iso3: String
    /// The common English name ("Russia", "United States"): what the graph shows.
    public let name: String
    /// The capital as mledoze spells it; nil for places without one (Antarctica).
    public let capital: String?
    /// Alternative names: official names, English alternatives and acronyms ("Russian Federation", "USA", "U.S.").
    public let names: [String]

    public init(iso2: String, iso3: String, name: String, capital: String?, names: [String]) {
        self.iso2 = iso2
        self.iso3 = iso3
        self.name = name
        self.capital = capital
        self.names = names
    }
}

/// A populated place from GeoNames (15,000 people or more, capitals always).
public struct City: Hashable, Sendable {
    public let geonameID: Int
    public let name: String
    public let iso2: String
    public let population: Int
    /// The name is also a common English word or given name ("Split", "Nice", "Victoria"), or another
    /// country's or region's name: a match alone is weak evidence of a place.
    public let ambiguous: Bool

    public init(geonameID: Int, name: String, iso2: String, population: Int, ambiguous: Bool) {
        self.geonameID = geonameID
        self.name = name
        self.iso2 = iso2
        self.population = population
        self.ambiguous = ambiguous
    }
}

/// A place that is neither a country nor a city: a continent, a world region, a disputed or well-known
/// sub-national territory, or a US state. Hand-written and general.
public struct Region: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case continent, region, territory, state
    }

    public let name: String
    public let kind: Kind
    /// ISO codes of the countries the region lies in, when few ("Kashmir": IN, PK); empty when many.
    public let countries: [String]
    /// Shares its name with a country, a big city elsewhere, or a common word ("Georgia", "Washington").
    public let ambiguous: Bool

    public init(name: String, kind: Kind, countries: [String], ambiguous: Bool) {
        self.name = name
        self.kind = kind
        self.countries = countries
        self.ambiguous = ambiguous
    }
}

/// An office or title ("foreign minister", "special presidential envoy"), normalised so that spellings of
/// one office compare equal ("spokesman", "spokeswoman" → "spokesperson"; "minister of foreign affairs" →
/// "foreign minister").
public struct Title: Hashable, Sendable {
    public enum Class: String, Sendable {
        case headOfState = "head-of-state"
        case headOfGovernment = "head-of-government"
        case royal
        case minister
        case diplomat
        case spokesperson
        case official
        case military
        case legislator
        case judicial
        case religious
    }

    public let form: String
    public let normalised: String
    public let titleClass: Class

    public init(form: String, normalised: String, titleClass: Class) {
        self.form = form
        self.normalised = normalised
        self.titleClass = titleClass
    }
}

/// A word that ends a capitalised phrase naming an organisation ("Ministry", "Party", "News Agency").
public struct OrganisationHead: Hashable, Sendable {
    public enum Class: String, Sendable {
        case government, political, military, business, education, media, international, civil
    }

    public let form: String
    public let organisationClass: Class

    public init(form: String, organisationClass: Class) {
        self.form = form
        self.organisationClass = organisationClass
    }
}

/// The normalised kind of a meeting, so that "consultations", "dialogue" and "negotiations" are all talks.
public enum MeetingFormat: String, Hashable, Sendable {
    case summit, conference, talks, meeting, forum, format, visit, call, congress, assembly, ceremony, exercise
    case pressConference = "press conference"
}

/// A word or phrase that heads a meeting mention ("summit", "phone call", "talks").
public struct MeetingWord: Hashable, Sendable {
    public let form: String
    public let format: MeetingFormat
    /// Often something else: an organisation ("Assembly", "Congress") or an ordinary word ("call", "session").
    public let ambiguous: Bool

    public init(form: String, format: MeetingFormat, ambiguous: Bool) {
        self.form = form
        self.format = format
        self.ambiguous = ambiguous
    }
}

/// What a gazetteer name stands for. One span of text can stand for several ("Georgia": a country and a US
/// state; "Singapore": a country and a city), and the caller decides from context.
public enum GazetteerEntry: Hashable, Sendable {
    case country(Country)
    /// A demonym or adjective; `ambiguous` when it maps to several countries or is risky ("Korean", "American").
    case demonym(Country, ambiguous: Bool)
    case city(City)
    case region(Region)
    case title(Title)
    case organisationHead(OrganisationHead)
    case meetingWord(MeetingWord)

    public var kind: GazetteerKinds {
        switch self {
        case .country: .country
        case .demonym: .demonym
        case .city: .city
        case .region: .region
        case .title: .title
        case .organisationHead: .organisationHead
        case .meetingWord: .meetingWord
        }
    }
}

/// Which tables a lookup may use.
public struct GazetteerKinds: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let country = GazetteerKinds(rawValue: 1 << 0)
    public static let demonym = GazetteerKinds(rawValue: 1 << 1)
    public static let city = GazetteerKinds(rawValue: 1 << 2)
    public static let region = GazetteerKinds(rawValue: 1 << 3)
    public static let title = GazetteerKinds(rawValue: 1 << 4)
    public static let organisationHead = GazetteerKinds(rawValue: 1 << 5)
    public static let meetingWord = GazetteerKinds(rawValue: 1 << 6)

    /// Proper names: in running text these must start with a capital ("turkey", "china", "nice" are words).
    public static let properNames: GazetteerKinds = [.country, .demonym, .city, .region]
    public static let places: GazetteerKinds = [.country, .city, .region]
    public static let all: GazetteerKinds = [.properNames, .title, .organisationHead, .meetingWord]
}

/// The longest gazetteer name at a token, and everything that name stands for (most specific kind first:
/// country, demonym, region, city by population, title, organisation head, meeting word).
public struct GazetteerMatch: Hashable, Sendable {
    public let tokens: Range<Int>
    public let entries: [GazetteerEntry]

    public init(tokens: Range<Int>, entries: [GazetteerEntry]) {
        self.tokens = tokens
        self.entries = entries
    }

    public var kinds: GazetteerKinds {
        entries.reduce(into: []) { $0.insert($1.kind) }
    }
}

public enum GazetteerError: Error, Equatable, Sendable {
    case missingResource(String)
    case malformedRow(table: String, line: Int, reason: String)
}
