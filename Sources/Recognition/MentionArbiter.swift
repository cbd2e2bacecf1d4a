import GraphModel
import TextAnalysis

/// The one place where the statistical tagger and the rules meet: "why is this span an organisation?" is
/// answered here.
///
/// Both propose. The tagger proposes name spans with a type (`per`, `org`, `geo`, `misc`); trained on gold news
/// and measured on a development split it never saw, it decides **what is a name, where it starts and ends, and
/// what type it is**. The rules (`SentenceReader`, run without the tagger) propose mentions with their
/// `Mention.Evidence`: a gazetteer identity, a nationality, an office, a meeting phrase, "the X". They decide
/// only what no statistical span can say, or where their evidence was measured to be right. In order:
///
/// 1. **The tagger's spans are reshaped** by what the document shows (`reshaped`): cut at line breaks; an
///    office never opens a name ("State Antony Blinken" → "Antony Blinken", as the rules read it); a lone
///    surname is its full name's person; a headline's name has its type in the body; an organisation ends at its
///    head word ("… Department Zamir Kabulov"); a state body takes the nationality before it ("Russian Foreign
///    Ministry", so that every country's "Foreign Ministry" does not become one node).
/// 2. **Meetings and descriptions** are the rules': a meeting phrase and an institution described in lower case
///    ("Russia's security agency") are kept, with what the rules read inside them that the tagger did not. A
///    tagger name inside a meeting phrase stays a name ("the Conservative Party conference") unless it names the
///    meeting itself ("Moscow Format Conference").
/// 3. **Evidence over a weak reading** (`outranksWeakTagging`): where the tagger reads `misc` or an unlisted
///    place, an acronym definition, coordination with a titled person or "the X" closing its phrase wins.
/// 4. **The tagger's names**, each taking the identity of a rule mention of exactly its words when the types
///    agree (a `geo` span the gazetteer knows as Russia is the country Russia; a country qualifying an office,
///    "U.S. Secretary of State", stays that country), and otherwise only the tagger's type ("Kent" in a cricket
///    report is the county side). A `geo` span no rule read is looked up as a whole; unknown, it is a location.
///    A `misc` span is no node unless it is a nationality.
/// 5. **Rule names where the tagger sees none** only with evidence that stands alone (`standsAlone`), and a
///    short form that extends an organisation of the document ("ISIS-K" beside "ISIS").
/// 6. **Nationalities** point at their country: as a modifier inside a longer name of a person, organisation or
///    place, not inside an event's or work's name ("British Masters").
/// Every other rule mention is dropped: where the tagger sees no name, or another span, the tagger wins.
///
/// The tagger's span score is not thresholded: it is not calibrated (spans scored under 0.1 are 82 % right on the
/// development split), so no threshold could mean what it says (Model/README.md).
package struct MentionArbiter {
    let text: AnalyzedText
    /// The gazetteer reading of exactly `tokens` (a place whose name is the whole span), if any.
    let place: (_ tokens: Range<Int>, _ sentence: Int) -> PlaceReference?
    /// Whether token `t` is an organisation head word ("Department", "Ministry").
    let isOrganisationHead: (_ t: Int) -> Bool
    /// Whether token `t` is the head word of a state body ("Ministry", "Embassy").
    let isGovernmentHead: (_ t: Int) -> Bool
    /// The length of the office or title starting at token `t` ("Secretary of State"), 0 when none.
    let titleLength: (_ t: Int, _ limit: Int) -> Int
    /// The title line and headings: sentences whose capitals do not mark names.
    let headings: Set<Int>
    /// The countries whose official name opens with exactly the words of `tokens` before an "of".
    let countriesOpeningOfficialName: (_ tokens: Range<Int>) -> [PlaceReference]
    /// Identities of the countries the document names (`DocumentEvidence.countries`).
    let namedCountries: Set<String>

    /// Rule evidence that outranks a weak tagger reading of the same words: a `misc` span, or a `geo` span that no
    /// gazetteer lists (not for `definiteArticle`: "the Midwest" is a place). Each was measured on the CoNLL
    /// development split, whole pipeline: none costs there (acronym definitions and coordination change nothing,
    /// "the X" on `misc` spans costs 0.0003 F1), and each fixes a name of today's news that a model trained on
    /// 1996 newswire cannot know ("the Taliban", "Putin and the Tajik President, …", "Islamic States (IS)").
    /// Organisation head words were measured too and cost 0.5 F1 ("Solidarity Meeting" cut short): not here.
    /// (A switch, not a `Set`: asked for every rule name, and hashing the case cost more than the rest of the test.)
    static func outranksWeakTagging(_ evidence: Mention.Evidence) -> Bool {
        switch evidence {
        case .acronymDefinition, .definiteArticle, .coordination: true
        default: false
        }
    }

    /// Rule evidence good enough to add a name where the tagger sees none, measured like the above on the
    /// development split (whole pipeline): a lone surname costs 0.5 F1, capitals alone 1.8, head words 0.1,
    /// acronyms in lower-case sentences 0.2 ("GDP", "NOTE"), gazetteer places 0.1 ("Olympic", "Vatican" on GMB);
    /// these two cost nothing.
    static func standsAlone(_ evidence: Mention.Evidence) -> Bool {
        switch evidence {
        case .acronymDefinition, .coordination: true
        default: false
        }
    }

    func decide(rules: [Mention], model tagged: [TaggedSpan], sentenceOf: (Int) -> Int) -> [Mention] {
        let count = text.tokens.count
        // Token-indexed views, so that every test below costs the length of a span, not the number of mentions:
        // a document of one huge line has as many of those as it has names. Mentions are read in place, by index
        // (a `for mention in rules` copies each, five strings and all, once a loop).
        var meetingAt = [Int?](repeating: nil, count: count)
        for k in rules.indices where rules[k].type == .meeting {
            for t in rules[k].tokens where meetingAt[t] == nil { meetingAt[t] = k }
        }
        func insideMeeting(_ range: Range<Int>) -> Bool { range.contains { meetingAt[$0] != nil } }
        // The rules' names, as indices into `rules`.
        let names = rules.indices.filter {
            rules[$0].type != .meeting && rules[$0].kind != .description && rules[$0].kind != .demonym && !rules[$0].isModifier
        }
        let ruleBySpan = MentionsBySpan(rules) { $0.type != .meeting && $0.kind != .description }

        let model = reshaped(tagged, rules: rules, names: names, ruleBySpan: ruleBySpan, sentenceOf: sentenceOf)
        var spanAt = [Int?](repeating: nil, count: count)
        for (k, span) in model.enumerated() { for t in span.tokens { spanAt[t] = k } }
        func isTagged(_ range: Range<Int>) -> Bool { range.contains { spanAt[$0] != nil } }

        var result: [Mention] = []
        var covered = [Bool](repeating: false, count: count)
        func take(_ mention: Mention) {
            result.append(mention)
            for t in mention.tokens { covered[t] = true }
        }
        // 1 and 2: what only the rules can read, with what they read inside it that the tagger did not.
        for k in rules.indices where rules[k].type == .meeting || rules[k].kind == .description { result.append(rules[k]) }
        for k in rules.indices where rules[k].type != .meeting && insideMeeting(rules[k].tokens) && !isTagged(rules[k].tokens) {
            result.append(rules[k])
        }

        // Evidence that outranks a weak tagger reading of the same words.
        var nameAt = [Int?](repeating: nil, count: count)
        for (k, r) in names.enumerated() where Self.outranksWeakTagging(rules[r].evidence) {
            for t in rules[r].tokens where nameAt[t] == nil { nameAt[t] = k }
        }
        var overruled = [Bool](repeating: false, count: model.count)
        var taken: Set<Int> = []
        for (k, span) in model.enumerated() {
            let unlistedPlace = span.label == .geo && place(span.tokens, sentenceOf(span.tokens.lowerBound)) == nil
            guard span.label == .misc || span.label == .gpe || unlistedPlace else { continue }
            guard let r = span.tokens.lazy.compactMap({ nameAt[$0] }).first(where: {
                !(unlistedPlace && rules[names[$0]].evidence == .definiteArticle)
            }) else { continue }
            overruled[k] = true
            if taken.insert(r).inserted { take(rules[names[r]]) }
        }

        // 3: the tagger's names. One inside a meeting phrase is still a name ("the Conservative Party
        // conference", "a summit in Sarajevo"), unless it names the meeting itself ("Moscow Format Conference").
        func namesMeeting(_ span: TaggedSpan) -> Bool {
            span.tokens.contains { t in
                guard let m = meetingAt[t] else { return false }
                return span.tokens.upperBound >= rules[m].tokens.upperBound
                    || rules[m].meeting?.series == text.string(tokens: span.tokens)
            }
        }
        for (k, span) in model.enumerated() where !overruled[k] && !namesMeeting(span) {
            if let decided = decide(span, rules: ruleBySpan[span.tokens], sentence: sentenceOf(span.tokens.lowerBound)) {
                take(decided)
            }
        }
        // "ISIS-K" beside "ISIS": a short form that extends an organisation's name in the document is one too.
        let organisations = Set(result.lazy.filter { $0.type == .organisation }.map(\.text))
        for r in names where rules[r].evidence == .acronym && rules[r].tokens.allSatisfy({ !covered[$0] }) {
            let name = rules[r].text
            guard let dash = name.lastIndex(of: "-"), organisations.contains(String(name[..<dash])) else { continue }
            take(rules[r])
        }
        for r in names where (Self.standsAlone(rules[r].evidence) || isNamedAfterOffice(rules[r]))
            && !insideMeeting(rules[r].tokens) && !isTagged(rules[r].tokens) && rules[r].tokens.allSatisfy({ !covered[$0] }) {
            take(rules[r])
        }
        // 4: nationalities (and countries qualifying a title) the tagger did not read as a name of their own.
        for k in rules.indices where rules[k].type == .country && !insideMeeting(rules[k].tokens)
            && (rules[k].kind == .demonym || rules[k].isModifier) {
            let tokens = rules[k].tokens
            let enclosing = tokens.lazy.compactMap { spanAt[$0] }.first.map { model[$0] }
            if let enclosing {
                if enclosing.tokens == tokens { continue } // decided above
                // "North Korean", "Sri Lankan": the tagger reads only part of a nationality the gazetteer knows
                // whole ("Korean"); the whole is the nationality.
                if enclosing.label == .misc || enclosing.label == .gpe, rules[k].kind == .demonym,
                   tokens.lowerBound <= enclosing.tokens.lowerBound,
                   enclosing.tokens.upperBound <= tokens.upperBound,
                   tokens.allSatisfy({ !covered[$0] }) {
                    result.append(rules[k])
                    continue
                }
                // Inside a longer name ("Russian Foreign Ministry" read as one organisation): its modifier.
                // Inside an event's or a work's name ("British Masters") it names no country.
                guard enclosing.label != .misc, enclosing.tokens.lowerBound <= tokens.lowerBound,
                      enclosing.tokens.upperBound >= tokens.upperBound else { continue }
                result.append(rules[k])
                result[result.count - 1].isModifier = true
            } else if tokens.allSatisfy({ !covered[$0] }) {
                result.append(rules[k])
            }
        }
        Self.shortNamesFollowOfficialNames(&result)
        return result
    }

    /// "the Democratic Republic of Congo" first, then "in eastern Congo" and "Congo's president": the short name
    /// is the country the document named in full, not the other one that goes by it (Republic of Congo). Where
    /// the document writes a country only by the last words of another country's official name it has named, the
    /// short name takes that country's identity; not when two named countries end so ("Republic of Korea" and
    /// "Democratic People's Republic of Korea"), nor when the short one is also written otherwise.
    static func shortNamesFollowOfficialNames(_ mentions: inout [Mention]) {
        var meant: [String: Mention] = [:]
        var ambiguous: Set<String> = []
        for m in mentions.indices where mentions[m].type == .country && mentions[m].kind == .name {
            guard let identity = mentions[m].identity, let of = afterLastOf(mentions[m].text) else { continue }
            var tail = mentions[m].text[of...].lowercased()
            if tail.hasPrefix("the ") { tail.removeFirst(4) }
            if let known = meant[tail], known.identity != identity { ambiguous.insert(tail) } else { meant[tail] = mentions[m] }
        }
        for tail in ambiguous { meant[tail] = nil }
        guard !meant.isEmpty else { return }
        // The country each other country's mentions would go to, or nil when some mention is no such short name.
        var target: [String: String?] = [:]
        for m in mentions.indices where mentions[m].type == .country {
            guard let identity = mentions[m].identity else { continue }
            let full = meant[mentions[m].text.lowercased()]?.identity
            let joined = full.flatMap { $0 == identity ? nil : $0 }
            // `.some`: assigning a nil `String?` to the subscript would remove the entry instead of recording "no".
            if let known = target[identity] { target[identity] = .some(known == joined ? known : nil) } else { target[identity] = .some(joined) }
        }
        for m in mentions.indices {
            guard mentions[m].type == .country, let identity = mentions[m].identity, let full = target[identity] ?? nil,
                  let named = meant[mentions[m].text.lowercased()] else { continue }
            mentions[m].identity = full
            mentions[m].canonical = named.canonical
        }
    }

    /// Where the words after the last " of " of a name start ("Democratic Republic of Congo" → "Congo"), nil
    /// without one. An ASCII name is searched on its bytes (Foundation's backwards `range(of:)` cost some 4,800
    /// instructions a country mention); any other as before.
    static func afterLastOf(_ name: String) -> String.Index? {
        let utf8 = name.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return name.range(of: " of ", options: .backwards)?.upperBound }
        let bytes = Array(utf8)
        var i = bytes.count - 4
        while i >= 0 {
            if bytes[i] == 0x20, bytes[i + 1] == 0x6F, bytes[i + 2] == 0x66, bytes[i + 3] == 0x20 {
                return utf8.index(utf8.startIndex, offsetBy: i + 4)
            }
            i -= 1
        }
        return nil
    }

    /// The tagger's spans made to agree with the document and with what the rules read exactly: cut at line
    /// breaks and around offices, a lone surname a person, a headline like its body, an organisation ending at
    /// its head word, a state body with the nationality before it.
    private func reshaped(_ tagged: [TaggedSpan], rules: [Mention], names: [Int], ruleBySpan: MentionsBySpan,
                          sentenceOf: (Int) -> Int) -> [TaggedSpan] {
        var model = Self.cutAtLineBreaks(tagged, in: text)
        model = cutAtOffices(model, ruleBySpan: ruleBySpan)
        model = endBeforeOffices(model, ruleBySpan: ruleBySpan)
        model = dropBeliefAdjectives(model, ruleBySpan: ruleBySpan)
        model = countriesAgree(model, ruleBySpan: ruleBySpan)
        model = splitAtOwningAcronym(model, ruleBySpan: ruleBySpan)
        model = Self.surnamesAgree(model, in: text)
        model = Self.headlinesFollowBody(model, in: text, headings: headings, sentenceOf: sentenceOf)
        model = fullNamesAfterOffices(model, rules: rules, names: names)
        // "… Second Asian Department Zamir Kabulov": an organisation ends at its head word; a person's name the
        // rules read right after it is not part of it.
        // Token-indexed (by end and start token; the last span wins, as each is entered in order).
        var endingAt = [Int?](repeating: nil, count: text.tokens.count + 1)
        for (k, span) in model.enumerated() { endingAt[span.tokens.upperBound] = k }
        for r in rules.indices where rules[r].type == .person && rules[r].tokens.count > 1 {
            let rule = rules[r]
            guard let org = endingAt[rule.tokens.upperBound], model[org].label == .org,
                  model[org].tokens.lowerBound < rule.tokens.lowerBound, isOrganisationHead(rule.tokens.lowerBound - 1)
            else { continue }
            model[org].tokens = model[org].tokens.lowerBound..<rule.tokens.lowerBound
            model.append(TaggedSpan(tokens: rule.tokens, label: .per, score: model[org].score))
        }
        // "Russian Foreign Ministry": the tagger reads "Russian" as a nationality and "Foreign Ministry" as the
        // organisation; the rules read one state body closed by a head word. The whole is the name: the country
        // stays a modifier inside it, and "Foreign Ministry" of every country does not become one node. (CoNLL's
        // gold leaves the nationality out: this costs one mention on the development split.)
        endingAt = [Int?](repeating: nil, count: text.tokens.count + 1)
        var startingAt = [Int?](repeating: nil, count: text.tokens.count + 1)
        for (k, span) in model.enumerated() {
            endingAt[span.tokens.upperBound] = k
            startingAt[span.tokens.lowerBound] = k
        }
        var absorbed: Set<Int> = []
        for r in names where rules[r].evidence == .headWord && isGovernmentHead(rules[r].tokens.upperBound - 1) {
            let rule = rules[r]
            guard let org = endingAt[rule.tokens.upperBound], model[org].label == .org,
                  model[org].tokens.lowerBound > rule.tokens.lowerBound else { continue }
            let lead = rule.tokens.lowerBound..<model[org].tokens.lowerBound
            guard ruleBySpan[lead].contains(where: { $0.type == .country }) else { continue }
            // The nationality is untagged, or tagged as exactly itself (a nationality or a place).
            let leading = startingAt[lead.lowerBound]
            if let leading, model[leading].tokens != lead || (model[leading].label != .misc && model[leading].label != .geo) {
                continue
            }
            if lead.dropFirst().contains(where: { startingAt[$0] != nil }) { continue }
            model[org].tokens = rule.tokens
            if let leading { absorbed.insert(leading) }
        }
        return model.enumerated().filter { !absorbed.contains($0.offset) }.map(\.element)
    }

    /// "U.S. Secretary of State Antony Blinken" read as "U.S." and "State Antony Blinken": an office is never
    /// part of a name. A span that opens with the tail of an office loses it when what is left is exactly a name
    /// the rules read, and takes the rules' type (the tagger misread the span, so its type is suspect).
    private func cutAtOffices(_ spans: [TaggedSpan], ruleBySpan: MentionsBySpan) -> [TaggedSpan] {
        spans.map { span in
            var t = span.tokens.lowerBound
            // How far an office that starts at most three tokens before the span reaches into it.
            var reach = t
            for s in max(0, t - 3)...t {
                let length = titleLength(s, span.tokens.upperBound)
                if length > 0 { reach = max(reach, s + length) }
            }
            t = reach
            // "Amir Khan Muttaqi": where the rules read the whole span as a name, the office word is its first name.
            guard t > span.tokens.lowerBound, t < span.tokens.upperBound,
                  !ruleBySpan[span.tokens].contains(where: { $0.type == .person }),
                  let rule = ruleBySpan[t..<span.tokens.upperBound].first(where: { $0.type != .meeting }) else { return span }
            return TaggedSpan(tokens: t..<span.tokens.upperBound, label: Self.label(of: rule.type) ?? span.label, score: span.score)
        }
    }

    /// "U.S. Defense Secretary Donald Rumsfeld" read as "U.S. Defense", "Secretary of State Rice" with "State"
    /// as an organisation: a name never reaches into an office that goes on after it. The span ends where the
    /// office begins, and what is left takes the rules' type when they read it exactly; a span that is all
    /// office is no name.
    private func endBeforeOffices(_ spans: [TaggedSpan], ruleBySpan: MentionsBySpan) -> [TaggedSpan] {
        // Each span gives up to two pieces, appended to one list (a list a span cost more than the tests).
        var result: [TaggedSpan] = []
        result.reserveCapacity(spans.count)
        func cut(_ span: TaggedSpan) {
            let (a, b) = (span.tokens.lowerBound, span.tokens.upperBound)
            // "Indian Prime Minister Manmohan Singh" with "Prime" read as a person: a person's name that an office
            // covers and goes on after is a piece of the office. A person's name is never cut otherwise: an office
            // word may be a first name ("Amir Khan Muttaqi").
            if span.label == .per {
                let covered = (max(0, a - 3)...a).contains { $0 + titleLength($0, min(text.tokens.count, b + 4)) > b }
                if !covered { result.append(span) }
                return
            }
            // An office that starts at most three tokens before the span and covers it to its end or beyond
            // ("Secretary of State Condoleezza Rice" with "State" read as an organisation).
            for s in max(0, a - 3)..<a where s + titleLength(s, min(text.tokens.count, b + 4)) >= b {
                return
            }
            func kept(_ tokens: Range<Int>) -> TaggedSpan {
                let rule = ruleBySpan[tokens].first { $0.type != .meeting }
                return TaggedSpan(tokens: tokens, label: rule.flatMap { Self.label(of: $0.type) } ?? span.label, score: span.score)
            }
            for t in (a + 1)..<max(a + 1, b) where t + titleLength(t, min(text.tokens.count, b + 4)) > b {
                result.append(kept(a..<t))
                return
            }
            // "U.S. Ambassador", "U.N. Secretary-General Ban Ki-moon" read as one organisation: an office right
            // after a qualifier the rules read exactly ends the name, and the capitalised words after the office are
            // the holder. Not an office inside a name ("Office of the High Commissioner", "Senate Minority Leader").
            for t in (a + 1)..<max(a + 1, b) {
                let length = titleLength(t, b)
                guard length > 0, ruleBySpan[a..<t].contains(where: isKnownQualifier) else { continue }
                let holder = (t + length)..<b
                if holder.isEmpty {
                    result.append(kept(a..<t))
                    return
                }
                guard holder.allSatisfy({ text.isNameLike($0) || text.tokens[$0].kind != .word }),
                      text.isNameLike(holder.lowerBound), !isOrganisationHead(b - 1) else { continue }
                result.append(kept(a..<t))
                result.append(TaggedSpan(tokens: holder, label: .per, score: span.score))
                return
            }
            result.append(span)
        }
        for span in spans { cut(span) }
        return result
    }

    /// "Saturday Uzbekistan delivered a notice", with "Uzbekistan" read as a person there and as a country in
    /// the rest of the article: a name the gazetteer gives as a country, which the tagger reads as a place elsewhere
    /// in the document, is that country everywhere (one type per entity, by the stronger evidence).
    private func countriesAgree(_ spans: [TaggedSpan], ruleBySpan: MentionsBySpan) -> [TaggedSpan] {
        func isCountry(_ span: TaggedSpan) -> Bool {
            ruleBySpan[span.tokens].contains { $0.type == .country && $0.kind == .name && $0.evidence == .gazetteer }
        }
        let countries = Set(spans.filter { $0.label == .geo && isCountry($0) }.map { text.string(tokens: $0.tokens) })
        guard !countries.isEmpty else { return spans }
        return spans.map { span in
            guard span.label == .per, isCountry(span), countries.contains(text.string(tokens: span.tokens)) else { return span }
            var country = span
            country.label = .geo
            return country
        }
    }

    /// "NATO's International Security Assistance Force" read as one organisation: two names, the force and the
    /// alliance it belongs to (the relation stage reads the possessive as `member_of`). Only where the owner is
    /// one word in capitals that the rules read as an organisation and what follows is a name closed by an
    /// organisation's head word; "Pakistan People's Party" and "McDonald's Corporation" stay whole, and so does
    /// "Russia's Foreign Ministry" (a country's state body keeps its country, so that every country's "Foreign
    /// Ministry" does not become one node).
    private func splitAtOwningAcronym(_ spans: [TaggedSpan], ruleBySpan: MentionsBySpan) -> [TaggedSpan] {
        var result: [TaggedSpan] = []
        result.reserveCapacity(spans.count)
        for span in spans {
            let (a, b) = (span.tokens.lowerBound, span.tokens.upperBound)
            let possessive = a + 1
            guard span.label == .org, b - possessive >= 3, text.tokens[possessive].kind == .possessive,
                  text.isAllCaps(a), ruleBySpan[a..<possessive].contains(where: { $0.type == .organisation }),
                  text.isNameLike(possessive + 1), isOrganisationHead(b - 1) else {
                result.append(span)
                continue
            }
            result.append(TaggedSpan(tokens: a..<possessive, label: .org, score: span.score))
            result.append(TaggedSpan(tokens: (possessive + 1)..<b, label: .org, score: span.score))
        }
        return result
    }

    /// The tagger label that a span re-read as exactly a rule's name takes: the rule's type (nil for a meeting).
    private static func label(of type: NodeType) -> EntityLabel? {
        switch type {
        case .person: .per
        case .organisation: .org
        case .country, .location: .geo
        case .meeting: nil
        }
    }

    /// A name that can qualify an office: a country or place the gazetteer knows, or one word in capitals ("U.N.",
    /// "NATO").
    /// Not a guess from capitals ("Senate Minority" before "Leader").
    private func isKnownQualifier(_ rule: Mention) -> Bool {
        switch rule.type {
        case .country, .location: rule.evidence == .gazetteer
        case .organisation: rule.tokens.count == 1 && text.isAllCaps(rule.tokens.lowerBound)
        case .person, .meeting: false
        }
    }

    /// "Catholic bishops", "the Buddhist leader", "the Central Asian nation": a faith or a people without a
    /// country, ending a span before a common noun (or standing alone), describes the noun and is no name. A faith
    /// word opening a name the rules read exactly ("the largely Muslim Islamic Republic") is cut off it.
    private func dropBeliefAdjectives(_ spans: [TaggedSpan], ruleBySpan: MentionsBySpan) -> [TaggedSpan] {
        spans.compactMap { span in
            let (a, b) = (span.tokens.lowerBound, span.tokens.upperBound)
            guard span.label != .misc else { return span }
            let last = b - 1
            if EnglishWords.faiths.contains(text, last) || EnglishWords.peoplesWithoutCountry.contains(text, last) {
                let describes = b < text.tokens.count && text.tokens[b].kind == .word && !text.isNameLike(b)
                if span.tokens.count == 1 || describes { return nil }
            }
            if span.tokens.count > 1, EnglishWords.faiths.contains(text, a),
               let rule = ruleBySpan[(a + 1)..<b].first(where: { $0.type != .meeting }) {
                return TaggedSpan(tokens: (a + 1)..<b, label: Self.label(of: rule.type) ?? span.label, score: span.score)
            }
            return span
        }
    }

    /// "Pope Benedict met ... bishops from Iran and wanted to improve relations with the Islamic Republic": the
    /// opening words of a country's official name ("Islamic Republic of Iran"), written without the rest, refer
    /// back to that country when it is the one country of the document whose official name they open. A faith
    /// before them is no part of the name ("the largely Muslim Islamic Republic"). Two words at least: "the
    /// Republic" could be any of dozens.
    private func countryByOfficialOpening(_ span: TaggedSpan, sentence: Int) -> Mention? {
        var start = span.tokens.lowerBound
        if span.tokens.count > 2, EnglishWords.faiths.contains(text, start) { start += 1 }
        let words = start..<span.tokens.upperBound
        guard (2...4).contains(words.count), !namedCountries.isEmpty else { return nil }
        // "the Islamic Republic of Iran" names the country in full, and the gazetteer reads it so.
        if words.upperBound < text.tokens.count, text.token(words.upperBound, is: "of") { return nil }
        let named = countriesOpeningOfficialName(words).filter { namedCountries.contains($0.identity) }
        guard named.count == 1, let country = named.first else { return nil }
        return Mention(tokens: words, sentence: sentence, type: .country, kind: .name, text: text.string(tokens: words),
                       canonical: country.name, identity: country.identity)
    }

    /// "visiting German Foreign Minister Frank-Walter Steinmeier" with only "Steinmeier" tagged: a person the
    /// tagger reads at the end of a name the rules read whole right after an office is that whole name. Only
    /// right after an office the lexicon knows, so that "Special Counsel Patrick Fitzgerald" or "Astronaut Yang
    /// Liwei" (an office it does not know, read into the name) stay as the tagger reads them.
    private func fullNamesAfterOffices(_ model: [TaggedSpan], rules: [Mention], names: [Int]) -> [TaggedSpan] {
        var model = model
        var endingAt = [Int?](repeating: nil, count: text.tokens.count + 1)
        var starts = [Bool](repeating: false, count: text.tokens.count + 1)
        for (k, span) in model.enumerated() {
            endingAt[span.tokens.upperBound] = k
            starts[span.tokens.lowerBound] = true
        }
        for r in names where isNamedAfterOffice(rules[r]) {
            let rule = rules[r]
            guard let k = endingAt[rule.tokens.upperBound], model[k].label == .per,
                  model[k].tokens.lowerBound > rule.tokens.lowerBound,
                  !(rule.tokens.lowerBound..<model[k].tokens.lowerBound).contains(where: { starts[$0] })
            else { continue }
            model[k].tokens = rule.tokens
        }
        return model
    }

    /// "visiting German Foreign Minister Frank-Walter Steinmeier": capitalised words the rules read as a person
    /// right after an office stand alone where the tagger sees nothing. Capitals alone do not (they cost 1.8 F1 on
    /// the development split); after an office they name its holder.
    private func isNamedAfterOffice(_ rule: Mention) -> Bool {
        rule.type == .person && rule.evidence == .capitalisation && rule.tokens.count >= 2
            && followsOffice(rule.tokens.lowerBound)
    }

    /// Whether an office ends right before token `a` ("leader", "Foreign Minister"), with no "of" in it.
    private func followsOffice(_ a: Int) -> Bool {
        (max(0, a - 3)..<a).contains { s in
            titleLength(s, a) == a - s && !(s..<a).contains { text.token($0, is: "of") }
        }
    }

    /// Rule 3 for one tagger span.
    private func decide(_ span: TaggedSpan, rules: MentionsBySpan.Matches, sentence: Int) -> Mention? {
        let surface = text.string(tokens: span.tokens)
        if span.label != .per, let country = countryByOfficialOpening(span, sentence: sentence) { return country }
        // "Sri Lankan officials" read as a person: a nationality the gazetteer knows without doubt, spanning the
        // whole name, is its country whatever the label.
        if let nationality = rules.first(where: { $0.type == .country && $0.kind == .demonym && $0.tokens == span.tokens
            && $0.evidence != .ambiguousNationality }) {
            return nationality
        }
        func named(_ type: NodeType, kind: Mention.Kind = .name) -> Mention {
            Mention(tokens: span.tokens, sentence: sentence, type: type, kind: kind, text: surface)
        }
        switch span.label {
        case .per:
            return rules.first { $0.type == .person } ?? named(.person)
        case .org:
            if let agreeing = rules.first(where: { $0.type == .organisation }) { return agreeing }
            // "U.S. Secretary of State …": a country the gazetteer knows, qualifying an office, is that country.
            if let country = rules.first(where: { $0.type == .country && $0.isModifier && $0.kind == .name }) {
                return country
            }
            return named(.organisation, kind: text.isAllCaps(span.tokens.lowerBound) && span.tokens.count == 1 ? .acronym : .name)
        case .geo:
            if let agreeing = rules.first(where: { $0.type == .country || $0.type == .location }) {
                return agreeing
            }
            if let place = place(span.tokens, sentence) {
                return Mention(tokens: span.tokens, sentence: sentence, type: place.kind == .country ? .country : .location,
                               kind: .name, text: surface, canonical: place.name, identity: place.identity,
                               countryIdentity: place.countryIdentity)
            }
            // "pro-democracy leader Aung San Suu Kyi": a name no gazetteer places, right after an office, is
            // the office's holder.
            if followsOffice(span.tokens.lowerBound) { return named(.person) }
            return Mention(tokens: span.tokens, sentence: sentence, type: .location, kind: .name, text: surface,
                           canonical: surface, identity: "location:" + surface.lowercased())
        case .misc, .gpe:
            // A nationality is its country; any other miscellaneous name is no node.
            return rules.first { $0.type == .country && $0.kind == .demonym }
        case .tim, .eve:
            return nil
        }
    }

    /// A name never runs across a line break: a byline into a dateline, one table cell into the next. The
    /// sentence splitter may join lines that end without punctuation, so the tagger's span is cut where its
    /// tokens are on different lines, each part keeping the type.
    package static func cutAtLineBreaks(_ spans: [TaggedSpan], in text: AnalyzedText) -> [TaggedSpan] {
        var result: [TaggedSpan] = []
        for span in spans {
            var start = span.tokens.lowerBound
            for t in span.tokens.dropFirst() where text.bytes[text.tokens[t - 1].end..<text.tokens[t].start].contains(0x0A) {
                result.append(TaggedSpan(tokens: start..<t, label: span.label, score: span.score))
                start = t
            }
            result.append(TaggedSpan(tokens: start..<span.tokens.upperBound, label: span.label, score: span.score))
        }
        return result
    }

    /// A headline's name has the type the article's body gives the same words ("ISIS" in a Title Case
    /// headline read as a place, everywhere below as an organisation): the body has the context.
    static func headlinesFollowBody(_ spans: [TaggedSpan], in text: AnalyzedText, headings: Set<Int>,
                                    sentenceOf: (Int) -> Int) -> [TaggedSpan] {
        guard !headings.isEmpty else { return spans }
        var body: [String: [EntityLabel: Int]] = [:]
        for span in spans where !headings.contains(sentenceOf(span.tokens.lowerBound)) {
            body[text.string(tokens: span.tokens).lowercased(), default: [:]][span.label, default: 0] += 1
        }
        return spans.map { span in
            guard headings.contains(sentenceOf(span.tokens.lowerBound)),
                  let votes = body[text.string(tokens: span.tokens).lowercased()] else { return span }
            var agreed = span
            agreed.label = votes.max { ($0.value, -Int($0.key.rawValue)) < ($1.value, -Int($1.key.rawValue)) }!.key
            return agreed
        }
    }

    /// A surname alone is the person whose full name the document gives: a one-word span that ends a
    /// person's name of two or more words elsewhere in the text takes the person type ("Ochieng" after
    /// "Paul Ochieng", whatever the tagger made of it in a sentence of its own).
    package static func surnamesAgree(_ spans: [TaggedSpan], in text: AnalyzedText) -> [TaggedSpan] {
        var surnames: Set<String> = []
        for span in spans where span.label == .per && span.tokens.count > 1 {
            surnames.insert(text.string(tokens: (span.tokens.upperBound - 1)..<span.tokens.upperBound))
        }
        guard !surnames.isEmpty else { return spans }
        return spans.map { span in
            guard span.tokens.count == 1, span.label != .per, surnames.contains(text.string(tokens: span.tokens)) else { return span }
            var person = span
            person.label = .per
            return person
        }
    }
}
