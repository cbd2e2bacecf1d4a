import Foundation
import GraphModel

/// Well-known spellings of the same entity ("ISIS", "ISIL", "Daesh", "Islamic State"), and pairs that must
/// never be merged, from the shipped table and any file the user adds with `--aliases`.
///
/// File format (UTF-8, one entry a line, `#` starts a comment, fields separated by TAB):
///
///     same    CANONICAL NAME    TYPE    ALIAS|ALIAS|…
///     never   NAME    NAME
///
/// TYPE is one of the graph's node types. Later lines win, so a user's file can override the shipped table.
public struct AliasTable: Sendable {
    public struct Group: Hashable, Sendable {
        public var canonical: String
        public var type: NodeType
        /// Where the group came from, for the merge log.
        public var source: String
    }

    private var groups: [String: Group] = [:]
    private var apart: Set<[String]> = []
    /// Every name of a "never" pair, normalised.
    private var keptApart: Set<String> = []

    public init() {}

    public enum ParseError: Error, CustomStringConvertible {
        case badLine(source: String, line: Int, reason: String)
        public var description: String {
            switch self {
            case let .badLine(source, line, reason): return "\(source):\(line): \(reason)"
            }
        }
    }

    /// Adds the entries of a table file's text; `source` names it in errors and in the merge log.
    public mutating func add(contentsOf text: String, source: String) throws(ParseError) {
        // Split on scalars: Swift reads "\r\n" as one Character, so a Windows-saved file would be one line.
        let lines = text.unicodeScalars.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" }
        for (number, scalarLine) in lines.enumerated() {
            let rawLine = String(String.UnicodeScalarView(scalarLine))
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            switch fields.first {
            case "same":
                guard fields.count == 4, !fields[1].isEmpty else {
                    throw .badLine(source: source, line: number + 1,
                                   reason: "expected: same<TAB>canonical<TAB>type<TAB>alias|alias|…")
                }
                guard let type = NodeType(rawValue: fields[2]) else {
                    throw .badLine(source: source, line: number + 1,
                                   reason: "unknown type '\(fields[2])'; use one of \(NodeType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let group = Group(canonical: fields[1], type: type, source: source)
                for name in [fields[1]] + fields[3].split(separator: "|").map(String.init) {
                    let key = normalizedName(name)
                    if !key.isEmpty { groups[key] = group }
                }
            case "never":
                guard fields.count == 3 else {
                    throw .badLine(source: source, line: number + 1, reason: "expected: never<TAB>name<TAB>name")
                }
                apart.insert([normalizedName(fields[1]), normalizedName(fields[2])].sorted())
                keptApart.formUnion([normalizedName(fields[1]), normalizedName(fields[2])])
            default:
                throw .badLine(source: source, line: number + 1, reason: "a line starts with 'same' or 'never'")
            }
        }
    }

    /// The group a name belongs to, if any.
    public func group(for name: String) -> Group? {
        groups[normalizedName(name)]
    }

    /// The group of a name already through `normalizedName`.
    func group(normalized name: String) -> Group? {
        groups[name]
    }

    /// Whether the user (or the shipped table) said these two names are different entities.
    public func mustStayApart(_ a: String, _ b: String) -> Bool {
        apart.contains([normalizedName(a), normalizedName(b)].sorted())
    }

    /// Whether a "never" line names `name`: such a name is joined by its exact spelling only, never by a
    /// folded form that could reach the name it must stay apart from.
    public func isKeptApart(_ name: String) -> Bool {
        isKeptApart(normalized: normalizedName(name))
    }

    /// `isKeptApart` of a name already through `normalizedName`.
    func isKeptApart(normalized name: String) -> Bool {
        keptApart.contains(name)
    }
}

extension AliasTable {
    public enum LoadError: Error, CustomStringConvertible {
        case missingResource(String)
        public var description: String {
            switch self {
            case let .missingResource(name):
                return "the shipped resource '\(name)' is missing from the installation; rebuild the package"
            }
        }
    }

    /// The table shipped with EntityGraph (`Sources/Resolution/Resources/aliases.tsv`).
    public static func shipped() throws -> AliasTable {
        guard let url = Bundle.module.url(forResource: "aliases", withExtension: "tsv", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw LoadError.missingResource("aliases.tsv")
        }
        var table = AliasTable()
        try table.add(contentsOf: text, source: "shipped aliases.tsv")
        return table
    }
}
