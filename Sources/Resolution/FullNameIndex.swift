/// Full names of people by the words a lone name may stand for: the last word ("Muttaqi" for "Amir Khan
/// Muttaqi") and, for names written family name first, the first ("Xi" for "Xi Jinping"). The one surname
/// policy of the project: a document's resolver indexes its entities, the corpus resolver its sightings'
/// names, and both ask the same question.
public struct FullNameIndex<Person: Hashable & Sendable>: Sendable {
    private var byLastWord: [String: [Person]] = [:]
    private var byFirstWord: [String: [Person]] = [:]

    public init() {}

    /// Indexes `person` under the words of `name` as `personNameKey` folds it; one-word names are not indexed.
    public mutating func add(_ person: Person, name: String) {
        add(person, key: personNameKey(name))
    }

    /// `add(_:name:)` for a name already through `personNameKey`.
    mutating func add(_ person: Person, key: String) {
        guard let (first, last, _) = outerWords(key) else { return }
        // In place: one lookup a word, and no copy of the list.
        byLastWord[String(last), default: []].appendIfAbsent(person)
        byFirstWord[String(first), default: []].appendIfAbsent(person)
    }

    /// Whom a lone name may stand for, and why: the full names ending with it, else those written family name
    /// first that open with it. `allowed` filters the candidates (a type to keep, a "never" pair to respect).
    public func candidates(for word: String, where allowed: (Person) -> Bool) -> (people: Set<Person>, reason: String) {
        candidates(key: personNameKey(word), where: allowed)
    }

    /// `candidates(for:where:)` for a word already through `personNameKey`.
    func candidates(key: String, where allowed: (Person) -> Bool) -> (people: Set<Person>, reason: String) {
        let last = Set((byLastWord[key] ?? []).filter(allowed))
        if !last.isEmpty { return (last, "surname of a full name") }
        return (Set((byFirstWord[key] ?? []).filter(allowed)), "family name written first in a full name")
    }
}

/// People written with and without a middle name in one article ("Asif Ali Zardari … Asif Zardari"): by first
/// and last word, as `personNameKey` folds them. A name of three words or more joins the one two-word name with
/// its first and last word when it is the only longer name with them: two longer ones ("George W. Bush", "George
/// H. W. Bush") leave the short one to neither. Only inside a document: across articles a middle name tells a
/// father from a son as often as it repeats a name ("George Herbert Walker Bush" in one, the younger "George Bush"
/// in another), so the corpus does not join them.
public struct MiddleNameIndex<Person: Hashable & Sendable & Comparable>: Sendable {
    private struct Ends: Hashable, Sendable { var first: Substring, last: Substring }
    // Lists, not Sets: a document has a handful of people by each pair of ends, and a Set per pair (allocated,
    // every person hashed) cost more than a scan.
    private var short: [Ends: [Person]] = [:]
    private var long: [Ends: [Person]] = [:]

    public init() {}

    /// An index that takes `count` names without growing (each growth rehashed every name's words).
    public init(reservingCapacity count: Int) {
        short.reserveCapacity(count)
        long.reserveCapacity(count)
    }

    public mutating func add(_ person: Person, name: String) {
        guard let (first, last, count) = outerWords(personNameKey(name)) else { return }
        let ends = Ends(first: first, last: last)
        if count == 2 { short[ends, default: []].appendIfAbsent(person) } else { long[ends, default: []].appendIfAbsent(person) }
    }

    /// Each longer name with the one shorter name it is, in order of the longer.
    public func pairs() -> [(long: Person, short: Person)] {
        long.compactMap { ends, longer -> (long: Person, short: Person)? in
            guard longer.count == 1, let shorter = short[ends], shorter.count == 1 else { return nil }
            return (longer.first!, shorter.first!)
        }.sorted { $0.long < $1.long }
    }
}

extension Array where Element: Equatable {
    /// Appends `element` unless the list has it: the short lists of people and spellings here are kept distinct
    /// without a Set (allocated, every element hashed), which cost more than a scan.
    mutating func appendIfAbsent(_ element: Element) {
        if !contains(element) { append(element) }
    }
}
