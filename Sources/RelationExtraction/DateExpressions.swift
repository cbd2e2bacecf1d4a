import DocumentReading
import Recognition
import TextAnalysis

/// Reads "on 20 October", "on October 20, 2021", "on Thursday" and resolves them against the document date.
enum DateExpressions {
    static let monthNumbers: [String: Int] = {
        var table: [String: Int] = [:]
        for (i, name) in EnglishWords.months.enumerated() {
            table[name] = i + 1
            table[String(name.prefix(3))] = i + 1
        }
        table["sept"] = 9
        return table
    }()

    /// Words that make a clause speak of the future, for resolving "on Friday".
    static let futureMarkers = WordSet(["will", "would", "next", "upcoming", "planned", "scheduled", "shall"])

    /// Whether the clause that holds token `index` looks ahead: a future word between the clause's start (the
    /// last comma or clause word before it) and the token. "X, who would later resign, spoke … on Friday" is past.
    static func isFuture(_ text: AnalyzedText, sentence: Sentence, at index: Int) -> Bool {
        var j = index - 1
        while j >= sentence.tokens.lowerBound {
            if text.isPunctuationComma(j) || EnglishWords.clauseBreakers.contains(text, j) { break }
            if futureMarkers.contains(text, j) { return true }
            j -= 1
        }
        return false
    }

    /// The first date written after token `from` in the sentence, or nil.
    static func firstDate(in text: AnalyzedText, sentence: Sentence, from: Int, documentDate: CalendarDate?) -> CalendarDate? {
        var i = max(from, sentence.tokens.lowerBound)
        let end = sentence.tokens.upperBound
        while i < end {
            if let date = date(in: text, at: i, sentence: sentence, documentDate: documentDate) { return date }
            i += 1
        }
        return nil
    }

    static func word(_ text: AnalyzedText, _ i: Int) -> String {
        text.string(token: i).lowercased().trimmingSuffix(".")
    }

    /// The date written at token `i`, if any. The tense that resolves a weekday is read only when one is found.
    static func date(in text: AnalyzedText, at i: Int, sentence: Sentence, documentDate: CalendarDate?) -> CalendarDate? {
        let end = sentence.tokens.upperBound
        let token = text.tokens[i]
        if token.kind == .number, let day = Int(text.string(token: i)), (1...31).contains(day), i + 1 < end,
           let month = monthNumbers[word(text, i + 1)] {
            let year = i + 2 < end ? Int(text.string(token: i + 2)).flatMap { (1000...2999).contains($0) ? $0 : nil } : nil
            return resolve(day: day, month: month, year: year, documentDate: documentDate)
        }
        if token.kind == .word, text.isCapitalized(i), let month = monthNumbers[word(text, i)], i + 1 < end,
           text.tokens[i + 1].kind == .number, let day = Int(text.string(token: i + 1)), (1...31).contains(day) {
            var j = i + 2
            if j < end, text.isPunctuationComma(j) { j += 1 }
            let year = j < end ? Int(text.string(token: j)).flatMap { (1000...2999).contains($0) ? $0 : nil } : nil
            return resolve(day: day, month: month, year: year, documentDate: documentDate)
        }
        if token.kind == .word, text.isCapitalized(i), let weekday = EnglishWords.weekdays.firstIndex(of: word(text, i)),
           let documentDate {
            // "on Thursday, 7 October": the explicit date after the weekday wins.
            var j = i + 1
            if j < end, text.isPunctuationComma(j) { j += 1 }
            if j < end, let explicit = date(in: text, at: j, sentence: sentence, documentDate: documentDate),
               text.tokens[j].kind == .number || monthNumbers[word(text, j)] != nil {
                return explicit
            }
            // News reports speak of the past week unless the clause looks ahead.
            let future = isFuture(text, sentence: sentence, at: i)
            let delta = (weekday - documentDate.weekday + 7) % 7
            return future ? documentDate.adding(days: delta == 0 ? 7 : delta)
                          : documentDate.adding(days: delta == 0 ? 0 : delta - 7)
        }
        return nil
    }

    static func resolve(day: Int, month: Int, year: Int?, documentDate: CalendarDate?) -> CalendarDate? {
        guard let year = year ?? documentDate?.year else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}


extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
