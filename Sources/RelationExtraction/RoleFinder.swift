import GraphModel
import Recognition
import TextAnalysis

/// Finds `role` edges: a person and the office they hold in an organisation or a country.
///
/// Three shapes of news English are read:
/// - qualifier, title, name: "Russian Foreign Minister Sergey Lavrov", "Russian Foreign Ministry spokesperson
///   Maria Zakharova", "the Tajik President, Emomali Rakhmon", "Russian Special Presidential Envoy for
///   Afghanistan and Director of the Foreign Ministry's Second Asian Department Zamir Kabulov";
/// - name, then an apposition: "Amir Khan Muttaqi, the Taliban's foreign minister", "X, a spokesman for Y";
/// - an apposition, then the name: "the head of Russia's security agency, Alexander Bortnikov".
/// Words that describe an office holder between a qualifier and the office: "Venezuela's leftist President".
let officeAdjectives = WordSet([
    "leftist", "rightist", "conservative", "liberal", "socialist", "moderate", "hardline", "reformist", "host",
    "visiting", "outgoing", "incoming", "ousted", "exiled", "embattled", "late", "current", "longtime", "veteran",
    "then", "ex", "newly", "elected", "re-elected", "self-proclaimed", "powerful", "influential", "popular",
])

struct RoleFinder {
    let context: SentenceContext
    let entityOf: [Int]

    var text: AnalyzedText { context.text }

    func isActor(_ m: Int) -> Bool {
        let type = context.mentions[m].type
        return type == .organisation || type == .country
    }

    func titleLength(at i: Int, limit: Int) -> Int {
        guard i < limit else { return 0 }
        return context.lexicon.titleLength(at: i, limit: limit)
    }

    func titleText(_ range: Range<Int>) -> String { text.string(tokens: range).lowercased() }

    func find(in s: Int) -> [LocalRelation] {
        let sentence = text.sentences[s]
        let end = sentence.tokens.upperBound
        var found: [LocalRelation] = []
        for m in context.mentions(in: s) where isActor(m) {
            found.append(contentsOf: qualifierTitleName(m, end: end, sentence: s))
        }
        for m in context.mentions(in: s) where context.mentions[m].type == .person {
            found.append(contentsOf: nameThenApposition(m, end: end, sentence: s))
            found.append(contentsOf: appositionThenName(m, sentence: sentence, index: s))
        }
        return found
    }

    /// Qualifier (nationality, country or organisation), title, then the name.
    func qualifierTitleName(_ q: Int, end: Int, sentence s: Int) -> [LocalRelation] {
        var t = context.mentions[q].tokens.upperBound
        if t < end, text.tokens[t].kind == .possessive { t += 1 }
        t = overOfficeAdjectives(from: t, end: end)
        // A nationality inside an organisation's name qualifies the organisation, not a title.
        if context.mentions[q].isModifier, context.mentions[q].type == .country,
           let longest = context.mentionStarting(at: context.mentions[q].tokens.lowerBound),
           context.mentions[longest].type == .organisation, context.mentions[longest].tokens.count > 1 {
            return []
        }
        let length = titleLength(at: t, limit: end)
        guard length > 0 else { return [] }
        var label = titleText(t..<(t + length))
        var i = t + length
        // "… Envoy for Afghanistan", "U.S. Ambassador to Japan": the remit is part of the office.
        if i + 1 < end, text.token(i, is: "for") || text.token(i, is: "to"), let remit = context.mentionStarting(at: i + 1),
           text.token(i, is: "for") || [.country, .location].contains(context.mentions[remit].type) {
            label += " " + text.string(tokens: i..<(i + 1)).lowercased() + " " + context.mentions[remit].text
            i = context.mentions[remit].tokens.upperBound
        }
        var secondary: [(org: Int, title: String)] = []
        var steps = 0
        while i < end, steps < 30 {
            steps += 1
            if let p = context.mentionStarting(at: i), context.mentions[p].type == .person {
                var roles = [LocalRelation(source: entityOf[p], target: entityOf[q], kind: .role, label: label, sentence: s)]
                for (org, title) in secondary {
                    roles.append(LocalRelation(source: entityOf[p], target: entityOf[org], kind: .role, label: title, sentence: s))
                }
                return roles
            }
            if text.token(i, is: "and"), i + 1 < end {
                // "… and Director of the Foreign Ministry's Second Asian Department": a second office.
                let second = titleLength(at: i + 1, limit: end)
                guard second > 0 else { return [] }
                var j = i + 1 + second
                var title = titleText((i + 1)..<j)
                if j + 1 < end, text.token(j, is: "of") {
                    j += 1
                    if text.token(j, is: "the") { j += 1 }
                    if let org = context.mentionStarting(at: j), context.mentions[org].type == .organisation {
                        var k = context.mentions[org].tokens.upperBound
                        if k < end, text.tokens[k].kind == .possessive, let unit = context.mentionStarting(at: k + 1),
                           context.mentions[unit].type == .organisation {
                            title += " of the " + context.mentions[unit].text
                            k = context.mentions[unit].tokens.upperBound
                        }
                        secondary.append((org, title))
                        j = k
                    } else {
                        return []
                    }
                }
                i = j
                continue
            }
            if text.isPunctuationComma(i) { i += 1; continue }   // "the Tajik President, Emomali Rakhmon"
            return []
        }
        return []
    }

    /// "Venezuela's leftist President", "Egyptian host President": at most two words that describe the holder
    /// between the qualifier and the office.
    func overOfficeAdjectives(from start: Int, end: Int) -> Int {
        var t = start
        while t < end, t - start < 2, text.tokens[t].kind == .word, !text.isCapitalized(t),
              officeAdjectives.contains(text, t), titleLength(at: t, limit: end) == 0 {
            t += 1
        }
        return t
    }

    /// Roles the sentence implies rather than states, for the document to confirm (`confirmedImplied`):
    /// - an office coordinated with a stated one shares its state: "Afghan President Hamid Karzai and Foreign
    ///   Minister Abdullah";
    /// - a state office written without its state ("Prime Minister Manmohan Singh and other Indian officials",
    ///   "the country's former President Pervez Musharraf") belongs to the one country the sentence names; in
    ///   a sentence that names no country, to `soleCountry`, the one country the whole document names.
    func implied(in s: Int, stated: [LocalRelation], soleCountry: Int? = nil) -> [LocalRelation] {
        let sentence = text.sentences[s]
        let end = sentence.tokens.upperBound
        var found: [LocalRelation] = []
        let statedHere = stated.filter { $0.sentence == s }
        let qualifying = Set(statedHere.map(\.target))
        // The sentence's countries below are worked out only for a sentence with an office to place (lazily: most
        // sentences have none, and the four sets cost more than the rest of this function).
        // The home country a sentence speaks of is written as a nationality or a possessive ("other Indian
        // officials", "Ukraine's parliament"); a bare name is more often the other party ("a protest note from
        // Ecuador"), and a country that qualifies someone else's office is theirs.
        lazy var countries = Set(context.mentions(in: s).filter { k in
            let mention = context.mentions[k]
            guard mention.type == .country, !qualifying.contains(entityOf[k]) else { return false }
            // "visiting German Foreign Minister …": it qualifies an office, someone's even if the name was missed.
            if titleLength(at: overOfficeAdjectives(from: mention.tokens.upperBound, end: end), limit: end) > 0 { return false }
            return mention.kind == .demonym
                || (mention.tokens.upperBound < end && text.tokens[mention.tokens.upperBound].kind == .possessive)
        }.map { entityOf[$0] })
        lazy var allCountries = Set(context.mentions(in: s).filter { context.mentions[$0].type == .country }.map { entityOf[$0] })
        // "President Ruto said the talks with Uganda went well": a country written as a bare name is more often the
        // other party than the home of an office.
        lazy var namedBare = Set(context.mentions(in: s).filter { k in
            let mention = context.mentions[k]
            return mention.type == .country && mention.kind == .name
                && !(mention.tokens.upperBound < end && text.tokens[mention.tokens.upperBound].kind == .possessive)
        }.map { entityOf[$0] })
        // "assured visiting German Foreign Minister Frank-Walter Steinmeier": a country qualifying an office that a
        // name follows is that person's, even when the name was missed; it is never the home of another office.
        lazy var othersCountries = Set(context.mentions(in: s).filter { k in
            let mention = context.mentions[k]
            guard mention.type == .country else { return false }
            var t = mention.tokens.upperBound
            if t < end, text.tokens[t].kind == .possessive { t += 1 }
            t = overOfficeAdjectives(from: t, end: end)
            let length = titleLength(at: t, limit: end)
            return length > 0 && t + length < end && text.isNameLike(t + length)
        }.map { entityOf[$0] })
        for m in context.mentions(in: s) where context.mentions[m].type == .person {
            let person = entityOf[m]
            guard !statedHere.contains(where: { $0.source == person }),
                  let office = officeBefore(m, sentence: sentence) else { continue }
            let label = titleText(office)
            // Coordinated with a stated office of a country: "… Hamid Karzai and Foreign Minister Abdullah".
            var j = office.lowerBound - 1
            if j >= sentence.tokens.lowerBound, text.isPunctuationComma(j) || text.token(j, is: "and") {
                if text.token(j, is: "and"), j - 1 >= sentence.tokens.lowerBound, text.isPunctuationComma(j - 1) { j -= 1 }
                if let before = context.mentionEnding(at: j), context.mentions[before].type == .person,
                   let role = statedHere.first(where: { $0.source == entityOf[before] && allCountries.contains($0.target) }),
                   role.label != label {
                    found.append(LocalRelation(source: person, target: role.target, kind: .role, label: label, sentence: s))
                    continue
                }
            }
            // Written without its state: the sentence's one country, named as home; or the document's one country
            // when the sentence names no other ("Foreign Minister Borys Tarasyuk" in an article on Ukraine alone).
            guard context.lexicon.isStateOffice(at: office.lowerBound, limit: office.upperBound) else { continue }
            if countries.count == 1, allCountries.count == 1, let country = countries.first {
                found.append(LocalRelation(source: person, target: country, kind: .role, label: label, sentence: s))
            } else if let country = soleCountry, allCountries.isSubset(of: [country]), !othersCountries.contains(country),
                      !namedBare.contains(country) {
                found.append(LocalRelation(source: person, target: country, kind: .role, label: label, sentence: s))
            }
        }
        return found
    }

    /// The office right before a person's name, when nothing before it names whose office it is (or only
    /// "the country's"): the tokens of the office.
    func officeBefore(_ m: Int, sentence: Sentence) -> Range<Int>? {
        let start = context.mentions[m].tokens.lowerBound
        var k = max(sentence.tokens.lowerBound, start - 6)
        while k < start, titleLength(at: k, limit: start) != start - k { k += 1 }
        guard k < start else { return nil }
        var before = k - 1
        while before >= sentence.tokens.lowerBound, before >= k - 2, text.tokens[before].kind == .word,
              !text.isCapitalized(before), officeAdjectives.contains(text, before) { before -= 1 }
        guard before >= sentence.tokens.lowerBound else { return k..<start }
        if text.tokens[before].kind == .possessive {
            // "the country's former President": the country the sentence names.
            guard before - 2 >= sentence.tokens.lowerBound, text.token(before - 1, is: "country") || text.token(before - 1, is: "nation"),
                  text.token(before - 2, is: "the") else { return nil }
            return k..<start
        }
        // A qualifier right before the office states it (the stated patterns read those).
        if let q = context.mentionEnding(at: before + 1), isActor(q) { return nil }
        if text.tokens[before].kind == .word, text.isCapitalized(before) { return nil }
        return k..<start
    }

    /// "NAME, the Taliban's foreign minister" / "NAME, the Tajik president".
    func nameThenApposition(_ p: Int, end: Int, sentence s: Int) -> [LocalRelation] {
        var i = context.mentions[p].tokens.upperBound
        guard i < end, text.isPunctuationComma(i) else { return [] }
        i += 1
        if i < end, text.token(i, is: "the") || text.token(i, is: "a") { i += 1 }
        // "NAME, the chairperson of the African Union Commission", "NAME, a spokesman for the Red Cross".
        let leading = titleLength(at: i, limit: end)
        if leading > 0, i + leading < end, text.token(i + leading, is: "of") || text.token(i + leading, is: "for") {
            var j = i + leading + 1
            if j < end, text.token(j, is: "the") { j += 1 }
            guard let q = context.mentionStarting(at: j), isActor(q) else { return [] }
            // "an envoy for Afghanistan" is a remit, not the country the envoy serves: "for" takes only organisations.
            // Nor an organisation whose name holds an office ("chief of staff for U.N. Secretary-General Ban"): the
            // office serves a person there, and the name is likely a misread.
            if text.token(i + leading, is: "for"), context.mentions[q].type != .organisation
                || context.mentions[q].tokens.contains(where: { titleLength(at: $0, limit: context.mentions[q].tokens.upperBound) > 0 }) {
                return []
            }
            return [LocalRelation(source: entityOf[p], target: entityOf[q], kind: .role,
                                  label: titleText(i..<(i + leading)), sentence: s)]
        }
        guard let q = context.mentionStarting(at: i), isActor(q) else { return [] }
        i = context.mentions[q].tokens.upperBound
        if i < end, text.tokens[i].kind == .possessive { i += 1 }
        let length = titleLength(at: i, limit: end)
        guard length > 0 else { return [] }
        // "Bush, Chinese President Hu Jintao and …": the office is the next name's, in a list of names.
        if i + length < end, text.tokens[i + length].kind == .word, text.isCapitalized(i + length) { return [] }
        return [LocalRelation(source: entityOf[p], target: entityOf[q], kind: .role,
                              label: titleText(i..<(i + length)), sentence: s)]
    }

    /// "the head of Russia's security agency, NAME".
    func appositionThenName(_ p: Int, sentence: Sentence, index s: Int) -> [LocalRelation] {
        let start = context.mentions[p].tokens.lowerBound
        guard start - 1 > sentence.tokens.lowerBound, text.isPunctuationComma(start - 1) else { return [] }
        let comma = start - 1
        var k = comma - 1
        while k >= sentence.tokens.lowerBound, comma - k <= 12 {
            let length = titleLength(at: k, limit: comma)
            let opensPhrase = k == sentence.tokens.lowerBound || text.token(k - 1, is: "the")
                || text.isPunctuationComma(k - 1)
            if length > 0, opensPhrase, k + length < comma, text.token(k + length, is: "of") {
                var j = k + length + 1
                if text.token(j, is: "the") { j += 1 }
                guard let q = context.mentionStarting(at: j), isActor(q) else { return [] }
                j = context.mentions[q].tokens.upperBound
                var label = titleText(k..<(k + length)) + " of "
                // "the head of Russia's security agency": the agency is Russia's, so the office is held for both.
                // Not "the head of the Palestine Liberation Organization": a name that opens with a country's name
                // is a proper name, not a description of one of the country's bodies.
                if context.mentions[q].type == .organisation,
                   let country = context.countryModifier(startingAt: context.mentions[q].tokens.lowerBound),
                   context.mentions[q].tokens.upperBound == comma,
                   case let rest = context.mentions[country].tokens.upperBound
                       + (text.tokens[context.mentions[country].tokens.upperBound].kind == .possessive ? 1 : 0),
                   rest < comma, (rest..<comma).allSatisfy({ text.tokens[$0].kind == .word && !text.isNameLike($0) }) {
                    let office = titleText(k..<(k + length))
                    return [
                        LocalRelation(source: entityOf[p], target: entityOf[country], kind: .role,
                                      label: office + " of the " + text.string(tokens: rest..<comma).lowercased(), sentence: s),
                        LocalRelation(source: entityOf[p], target: entityOf[q], kind: .role, label: office, sentence: s),
                    ]
                }
                if j < comma, text.tokens[j].kind == .possessive {
                    j += 1
                    // The words after the possessive must be plain lower-case words up to the comma.
                    guard j < comma, (j..<comma).allSatisfy({ text.tokens[$0].kind == .word && !text.isCapitalized($0) })
                    else { return [] }
                    label += "the " + text.string(tokens: j..<comma).lowercased()
                } else {
                    // "the head of the Kenya Wildlife Service, NAME": the office held in the organisation is the
                    // title's words; the organisation is the edge's target, not part of its label.
                    guard j == comma else { return [] }
                    label = titleText(k..<(k + length))
                }
                return [LocalRelation(source: entityOf[p], target: entityOf[q], kind: .role, label: label, sentence: s)]
            }
            k -= 1
        }
        return []
    }

    /// Who holds which office, for reading "the Taliban's foreign minister" later as that person.
    func holders(relations: [LocalRelation]) -> [RoleHolder] {
        relations.filter { $0.kind == .role }.map { RoleHolder(person: $0.source, organisation: $0.target, title: $0.label) }
    }
}
