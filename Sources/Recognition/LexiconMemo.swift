import TextAnalysis

/// One document's lexicon answers, each looked up once.
///
/// The rules, the arbiter and the relation patterns ask the lexicon the same questions about the same tokens
/// many times over (an office at a token for every span that starts near it, a place at a token for the chunk,
/// then each segment, then the tagger's span), and every answer costs a hash of the word and a scan of the
/// gazetteer bucket it falls in. Questions with a limit are asked per token, whatever the limit
/// (`Lexicon.officeStep`, `Lexicon.placeMatches`), and the limit is applied to the remembered answer, so a
/// token is looked up once however many limits it is asked with. Answers equal the lexicon's own
/// (`LexiconMemoTests`).
///
/// A reference, so that every sentence reader and the arbiter of one document share it; used by one thread (a
/// document is analysed on one) and dropped with the document. Per token it keeps a few small slots, so a
/// document's memo grows with its tokens like its token list does. Its slots skip the run-time exclusivity
/// checks (`@exclusivity(unchecked)`): nothing holds an access across a call back into the memo, and the check
/// cost a fifth of a remembered answer.
package final class LexiconMemo {
    package let lexicon: any Lexicon
    package let text: AnalyzedText

    /// Per token: -1 not asked yet, -2 no office and no modifier, otherwise an index into `offices`.
    @exclusivity(unchecked) private var officeSlot: [Int32]
    @exclusivity(unchecked) private var offices: [OfficeStep] = []
    /// Per token: -1 not asked yet, -2 no place name, otherwise an index into `placeLists`.
    @exclusivity(unchecked) private var placeSlot: [Int32]
    @exclusivity(unchecked) private var placeLists: [[PlaceMatch]] = []
    /// Per token: -1 not asked yet, -2 none, otherwise an index into `demonyms`.
    @exclusivity(unchecked) private var demonymSlot: [Int32]
    @exclusivity(unchecked) private var demonyms: [(place: PlaceReference, ambiguous: Bool, length: Int)] = []
    /// Per token: `known…` and `is…` bits of the head-word questions.
    @exclusivity(unchecked) private var headFlags: [UInt8]
    /// Per token: nil not asked yet, otherwise the answer.
    @exclusivity(unchecked) private var meetingFormats: [MeetingFormat??]
    /// Whether the lexicon reads offices and places per token (`officeStep`, `placeMatches`: a lexicon answers
    /// nil for every token or for none); when not, the questions with a limit go to the lexicon every time.
    private let officesByToken: Bool
    private let placesByToken: Bool

    private static let knownOrganisationHead: UInt8 = 1, isOrganisationHead: UInt8 = 2
    private static let knownGovernmentHead: UInt8 = 4, isGovernmentHead: UInt8 = 8

    package init(lexicon: any Lexicon, text: AnalyzedText) {
        self.lexicon = lexicon
        self.text = text
        let count = text.tokens.count
        officeSlot = [Int32](repeating: -1, count: count)
        placeSlot = [Int32](repeating: -1, count: count)
        demonymSlot = [Int32](repeating: -1, count: count)
        headFlags = [UInt8](repeating: 0, count: count)
        meetingFormats = [MeetingFormat??](repeating: nil, count: count)
        officesByToken = count > 0 && lexicon.officeStep(in: text, at: 0) != nil
        placesByToken = count > 0 && lexicon.placeMatches(in: text, at: 0) != nil
    }

    private func isToken(_ i: Int) -> Bool { i >= 0 && i < text.tokens.count }

    /// `Lexicon.titleLength`.
    package func titleLength(at index: Int, limit: Int) -> Int {
        guard officesByToken, isToken(index) else { return lexicon.titleLength(in: text, at: index, limit: limit) }
        // Most tokens open no office: answered from the slot, without a step or a closure.
        if index >= limit || officeSlot[index] == -2 { return 0 }
        return OfficeStep.length(from: index, limit: limit) { self.officeStep(at: $0) }
    }

    private func officeStep(at i: Int) -> OfficeStep {
        switch officeSlot[i] {
        case -2: return OfficeStep(ends: [], isModifier: false)
        case -1:
            let step = lexicon.officeStep(in: text, at: i) ?? OfficeStep(ends: [], isModifier: false)
            if step.ends.isEmpty && !step.isModifier {
                officeSlot[i] = -2
            } else {
                officeSlot[i] = Int32(offices.count)
                offices.append(step)
            }
            return step
        case let slot: return offices[Int(slot)]
        }
    }

    /// `Lexicon.isStateOffice` (asked rarely: not remembered).
    package func isStateOffice(at index: Int, limit: Int) -> Bool {
        lexicon.isStateOffice(in: text, at: index, limit: limit)
    }

    /// `Lexicon.placeCandidates`.
    package func placeCandidates(at index: Int, limit: Int) -> (length: Int, places: [PlaceReference])? {
        guard placesByToken, isToken(index) else { return lexicon.placeCandidates(in: text, at: index, limit: limit) }
        guard index < limit else { return nil }
        let matches: [PlaceMatch]
        switch placeSlot[index] {
        case -2: return nil
        case -1:
            let found = lexicon.placeMatches(in: text, at: index) ?? []
            if found.isEmpty {
                placeSlot[index] = -2
                return nil
            }
            placeSlot[index] = Int32(placeLists.count)
            placeLists.append(found)
            matches = found
        case let slot: matches = placeLists[Int(slot)]
        }
        guard let match = matches.last(where: { $0.end <= limit }), !match.places.isEmpty else { return nil }
        return (match.end - index, match.places)
    }

    /// `Lexicon.demonym`.
    package func demonym(at index: Int) -> (place: PlaceReference, ambiguous: Bool, length: Int)? {
        guard isToken(index) else { return lexicon.demonym(in: text, at: index) }
        switch demonymSlot[index] {
        case -2: return nil
        case -1:
            guard let found = lexicon.demonym(in: text, at: index) else {
                demonymSlot[index] = -2
                return nil
            }
            demonymSlot[index] = Int32(demonyms.count)
            demonyms.append(found)
            return found
        case let slot: return demonyms[Int(slot)]
        }
    }

    /// `Lexicon.isOrganisationHead`.
    package func isOrganisationHead(at index: Int) -> Bool {
        remembered(at: index, known: Self.knownOrganisationHead, yes: Self.isOrganisationHead) {
            lexicon.isOrganisationHead(in: text, at: index)
        }
    }

    /// `Lexicon.isGovernmentHead`.
    package func isGovernmentHead(at index: Int) -> Bool {
        remembered(at: index, known: Self.knownGovernmentHead, yes: Self.isGovernmentHead) {
            lexicon.isGovernmentHead(in: text, at: index)
        }
    }

    /// A yes/no answer kept in two bits of `headFlags`: `known` once asked, `yes` for the answer. Indices outside
    /// the text are asked every time, as the lexicon answers them.
    @inline(__always)
    private func remembered(at index: Int, known: UInt8, yes: UInt8, _ ask: () -> Bool) -> Bool {
        guard isToken(index) else { return ask() }
        let flags = headFlags[index]
        if flags & known != 0 { return flags & yes != 0 }
        let answer = ask()
        headFlags[index] = flags | known | (answer ? yes : 0)
        return answer
    }

    /// `Lexicon.meetingFormat`.
    package func meetingFormat(at index: Int) -> MeetingFormat? {
        guard isToken(index) else { return lexicon.meetingFormat(in: text, at: index) }
        if let known = meetingFormats[index] { return known }
        let answer = lexicon.meetingFormat(in: text, at: index)
        meetingFormats[index] = .some(answer)
        return answer
    }

    /// `Lexicon.countriesOpeningOfficialName` (asked rarely: not remembered).
    package func countriesOpeningOfficialName(tokens: Range<Int>) -> [PlaceReference] {
        lexicon.countriesOpeningOfficialName(in: text, tokens: tokens)
    }
}
