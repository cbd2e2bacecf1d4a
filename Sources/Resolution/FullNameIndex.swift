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
        let words = personNameKey(name).split(separator: " ")
        guard words.count >= 2, let first = words.first, let last = words.last else { return }
        if !(byLastWord[String(last)] ?? []).contains(person) { byLastWord[String(last), default: []].append(person) }
        if !(byFirstWord[String(first)] ?? []).contains(person) { byFirstWord[String(first), default: []].append(person) }
    }

    /// Whom a lone name may stand for, and why: the full names ending with it, else those written family name
    /// first that open with it. `allowed` filters the candidates (a type to keep, a "never" pair to respect).
    public func candidates(for word: String, where allowed: (Person) -> Bool) -> (people: Set<Person>, reason: String) {
        let key = personNameKey(word)
        let last = Set((byLastWord[key] ?? []).filter(allowed))
        if !last.isEmpty { return (last, "surname of a full name") }
        return (Set((byFirstWord[key] ?? []).filter(allowed)), "family name written first in a full name")
    }
}
