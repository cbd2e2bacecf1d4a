import GraphModel
import Recognition
import TextAnalysis

/// The shipped gazetteer lexicon, loaded once for all tests (nil if loading failed).
enum Shipped {
    static let lexicon: GazetteerLexicon? = try? GazetteerLexicon.shipped()
}

/// Analyses `text` with the real tokenizer and splitter; when `title` is true the first line is the title.
func analyzed(_ text: String, title: Bool = false) -> AnalyzedText {
    var titleRange: Range<Int>?
    if title, let newline = text.utf8.firstIndex(of: 0x0A) {
        titleRange = 0..<text.utf8.distance(from: text.utf8.startIndex, to: newline)
    }
    return AnalyzedText(text: text, titleRange: titleRange)
}

/// A handful of hand-made entries: enough for the rules, nothing of the real gazetteer.
func smallLexicon() -> TableLexicon {
    var lexicon = TableLexicon()
    let france = PlaceReference(kind: .country, identity: "country:FR", name: "France")
    let kenya = PlaceReference(kind: .country, identity: "country:KE", name: "Kenya")
    let ethiopia = PlaceReference(kind: .country, identity: "country:ET", name: "Ethiopia")
    lexicon.places.insert("France", france)
    lexicon.places.insert("Kenya", kenya)
    lexicon.places.insert("Ethiopia", ethiopia)
    lexicon.places.insert("Addis Ababa", PlaceReference(kind: .city, identity: "city:344979", name: "Addis Ababa",
                                                          countryIdentity: "country:ET"))
    lexicon.places.insert("Nairobi", PlaceReference(kind: .city, identity: "city:184745", name: "Nairobi",
                                                      countryIdentity: "country:KE"))
    lexicon.places.insert("Paris", PlaceReference(kind: .city, identity: "city:2988507", name: "Paris",
                                                    countryIdentity: "country:FR"))
    lexicon.places.insert("Nice", PlaceReference(kind: .city, identity: "city:2990440", name: "Nice",
                                                   countryIdentity: "country:FR", isAmbiguous: true))
    lexicon.demonyms.insert("French", .init(place: france, ambiguous: false))
    lexicon.demonyms.insert("Kenyan", .init(place: kenya, ambiguous: false))
    lexicon.demonyms.insert("Ethiopian", .init(place: ethiopia, ambiguous: false))
    for title in ["minister", "foreign minister", "president", "spokesperson", "head", "envoy", "director"] {
        lexicon.titles.insert(title, true)
    }
    for modifier in ["foreign", "deputy", "special"] { lexicon.titleModifiers.insert(modifier, true) }
    for head in ["Ministry", "Union", "Agency", "Commission"] { lexicon.organisationHeads.insert(head, true) }
    lexicon.meetingWords.insert("summit", .summit)
    lexicon.meetingWords.insert("conference", .conference)
    lexicon.meetingWords.insert("meeting", .meeting)
    lexicon.meetingWords.insert("talks", .talks)
    lexicon.meetingWords.insert("format", .format)
    return lexicon
}

/// A mention reduced to what the tests compare.
struct Found: Hashable, CustomStringConvertible {
    var text: String
    var type: NodeType
    var kind: Mention.Kind
    var isModifier = false
    var identity: String?

    var description: String { "\(text)|\(type.rawValue)|\(kind)\(isModifier ? "|modifier" : "")" }
}

func recognize<L: Lexicon>(_ text: String, lexicon: L, title: Bool = false) -> [Mention] {
    RuleRecognizer(lexicon: lexicon).recognize(analyzed(text, title: title))
}

func found<L: Lexicon>(_ text: String, lexicon: L, title: Bool = false) -> [Found] {
    recognize(text, lexicon: lexicon, title: title).map {
        Found(text: $0.text, type: $0.type, kind: $0.kind, isModifier: $0.isModifier, identity: $0.identity)
    }
}

/// "text|type" for each mention, in order: compact for expectations.
func summary<L: Lexicon>(_ text: String, lexicon: L, title: Bool = false) -> [String] {
    recognize(text, lexicon: lexicon, title: title).map { "\($0.text)|\($0.type.rawValue)" }
}
