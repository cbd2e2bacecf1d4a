import TextAnalysis
/// Closed-class English words the rules lean on. These are grammar, not knowledge about the world: no names
/// of people, organisations or places belong here (those live in the gazetteer resources).
public enum EnglishWords {
    /// Capitalised only because they start a sentence or a headline word; never part of a name.
    public static let functionWords = WordSet([
        "a", "an", "the", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you", "his", "her",
        "its", "their", "our", "my", "your", "in", "on", "at", "by", "for", "from", "to", "of", "with", "about", "as",
        "and", "but", "or", "nor", "so", "yet", "if", "while", "when", "where", "although", "though", "because",
        "since", "after", "before", "ahead", "meanwhile", "however", "moreover", "also", "still", "even", "especially",
        "recently", "speaking", "according", "despite", "during", "under", "over", "there", "here", "what", "which",
        "who", "whom", "whose", "why", "how", "all", "some", "many", "most", "more", "much", "other", "another",
        "such", "no", "not", "one", "two", "three", "both", "each", "every", "any", "last", "next", "first",
        "neither", "either",
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "is", "are", "was", "were", "be",
        "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "said", "says",
        "today", "yesterday", "tomorrow", "then", "now", "thus", "instead", "indeed", "finally", "later", "earlier",
        "officials", "official", "sources", "experts", "analysts", "residents", "police", "witnesses",
    ])

    /// Titles that are also given names or family names ("Amir Khan Muttaqi", "Sultan Ahmed"): at the start of
    /// a three-word name they are part of the name.
    public static let titlesThatAreNames = WordSet([
        "amir", "emir", "sultan", "shah", "malik", "khan", "mir", "king", "prince", "imam", "sheikh", "mullah",
    ])

    /// Institutions a country owns, written in lower case ("Russia's security agency", "the Russian embassy").
    public static let institutions = WordSet([
        "agency", "ministry", "embassy", "consulate", "service", "services", "council", "committee", "department",
        "parliament", "commission", "mission", "army", "navy", "legislature",
    ])

    /// Lower-case particles inside personal names ("bin Salman", "von der Leyen", "de Gaulle").
    public static let nameParticles = WordSet([
        "bin", "ibn", "bint", "ben", "abu", "al", "el", "von", "van", "der", "den", "de", "da", "di", "del",
        "della", "dos", "das", "du", "le", "la", "ter", "y",
    ])

    /// Peoples whose name is not a country's: never mapped to the country a demonym table lists for them.
    public static let peoplesWithoutCountry = WordSet([
        "arab", "arabs", "kurd", "kurds", "kurdish", "persian", "persians", "latin", "hispanic", "african",
        "asian", "european", "berber", "tamil", "pashtun", "baloch", "uighur", "uyghur", "english", "scottish",
    ])

    /// Faiths and their followers: adjectives ("Catholic bishops", "the Buddhist leader") that tagger models
    /// trained on silver tags read as organisations. Alone they name no organisation; "the Catholic Church" does.
    public static let faiths = WordSet([
        "catholic", "catholics", "protestant", "protestants", "christian", "christians", "muslim", "muslims",
        "islamic", "jewish", "jew", "jews", "hindu", "hindus", "buddhist", "buddhists", "sikh", "sikhs", "sunni",
        "sunnis", "shiite", "shiites", "shi'ite", "shia", "orthodox", "evangelical", "evangelicals", "anglican",
        "lutheran", "methodist", "baptist", "mormon", "coptic", "copts",
    ])

    /// Prepositions that put what follows in a place: "travelled to Nice", "in Reading".
    public static let locativePrepositions = WordSet([
        "in", "to", "from", "near", "at", "outside", "inside", "into", "towards", "toward", "across",
    ])

    public static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    public static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                                "september", "october", "november", "december"]
    public static let monthAbbreviations = ["jan", "jan.", "feb", "feb.", "mar", "mar.", "apr", "apr.", "jun",
                                            "jun.", "jul", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.",
                                            "oct", "oct.", "nov", "nov.", "dec", "dec."]
    /// Days and months are capitalised but are dates, not names.
    public static let dateWords = WordSet(weekdays + months + monthAbbreviations)

    /// Where a phrase ending at `end` starts once a time written right before `end` is passed over ("Kyiv on
    /// Monday for", "Kyiv this week for"): `end` itself when there is none.
    public static func timeBefore(_ end: Int, in text: AnalyzedText, from start: Int) -> Int {
        var k = end
        if k - 1 >= start, weekdays.contains(where: { text.token(k - 1, equalsLowercased: $0) }) {
            k -= 1
            if k - 1 >= start, text.token(k - 1, is: "on") { k -= 1 }
        } else if k - 2 >= start, text.token(k - 2, is: "this") || text.token(k - 2, is: "last") || text.token(k - 2, is: "next"),
                  ["week", "month", "weekend"].contains(where: { text.token(k - 1, is: $0) }) {
            k -= 2
        } else if k - 1 >= start, text.token(k - 1, is: "today") || text.token(k - 1, is: "yesterday") {
            k -= 1
        }
        return k
    }

    public static let cardinals: [String: Int] = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12,
    ]

    public static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
        "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10, "11th": 11, "12th": 12,
    ]

    /// Words that may come after a name standing alone and show it is a person acting or speaking.
    public static let personFollowers = WordSet([
        "said", "says", "told", "added", "stated", "noted", "called", "met", "visited", "discussed", "spoke",
        "warned", "urged", "asked", "announced", "declared", "insisted", "argued", "explained", "stressed",
        "and", "who", "has", "had", "was", "is", "will", "would",
    ])

    /// Nouns that, placed before "of ORG", stand for the organisation in a clause
    /// ("representatives of the Taliban", "members of ISIS").
    public static let groupNouns = WordSet([
        "representatives", "representative", "members", "member", "officials", "official", "leaders", "leader",
        "delegation", "delegations", "delegates", "envoys", "fighters", "militants", "forces", "troops", "army",
    ])

    /// Auxiliaries and particles that may stand between a subject and its verb.
    /// Negations ("not", "never") are deliberately absent: "will not meet" must not link a subject to "meet".
    public static let auxiliaries = WordSet([
        "would", "will", "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "also",
        "to", "could", "can", "may", "might", "should", "must", "did", "does", "do", "reportedly", "already",
        "recently", "repeatedly", "then", "later", "again", "formally", "officially", "jointly",
        "telephonically", "personally", "publicly", "earlier", "still", "just", "once",
    ])

    /// Words that end a clause for the purpose of linking a subject to its verb.
    public static let clauseBreakers = WordSet([
        "that", "which", "who", "whom", "whose", "because", "although", "though", "while", "whereas", "but",
        "if", "when", "after", "before", "since", "unless", "until", "so",
    ])

    /// Meeting phrases may be preceded by these without losing their head (`consultative format meeting`).
    public static let meetingModifiers = WordSet([
        "consultative", "format", "peace", "security", "trilateral", "bilateral", "multilateral", "regional",
        "international", "ministerial", "annual", "emergency", "extraordinary", "informal", "high-level",
        "leaders", "leaders'", "ministers", "ministers'", "foreign", "defence", "defense", "round", "summit",
        "economic", "joint", "working", "expert", "experts",
    ])
}
