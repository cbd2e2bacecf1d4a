import GraphModel
import Resolution

/// How a meeting's label names its sides: people by surname, as headlines write them ("Putin – Rahmon phone
/// call"), everyone else by their name.
func sideName(_ entity: DocumentEntity) -> String {
    guard entity.type == .person else { return entity.name }
    return surname(of: entity.name)
}

/// The last word of a person's name that is not a generation or a regnal number: "Benedict XVI" → "Benedict",
/// "Martin Luther King Jr." → "King".
func surname(of name: String) -> String {
    let words = name.split(separator: " ")
    let last = words.last { !nameSuffixes.contains($0.lowercased()) && !isRomanNumeral($0) } ?? words.last
    return last.map(String.init) ?? name
}

private let nameSuffixes: Set<String> = ["jr", "jr.", "sr", "sr.", "jnr", "snr"]

/// "II", "XVI": an upper-case Roman numeral of more than one letter, or "I"/"V"/"X" after a name.
private func isRomanNumeral(_ word: Substring) -> Bool {
    !word.isEmpty && word.allSatisfy { "IVXLC".contains($0) }
}
