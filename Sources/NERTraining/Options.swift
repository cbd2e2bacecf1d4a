/// `--name value` options of a subcommand.
struct Options {
    enum ParseError: Error, CustomStringConvertible {
        case unknownOption(String)
        case missingValue(String)
        case missingOption(String)
        case invalidValue(option: String, value: String)

        var description: String {
            switch self {
            case let .unknownOption(name): "unknown option \(name)"
            case let .missingValue(name): "\(name) needs a value"
            case let .missingOption(name): "missing required option \(name)"
            case let .invalidValue(option, value): "invalid value \(value) for \(option)"
            }
        }
    }

    private var values: [String: String] = [:]

    init(_ arguments: ArraySlice<String>, allowed: Set<String>) throws(ParseError) {
        var rest = arguments
        while let name = rest.popFirst() {
            guard allowed.contains(name) else { throw .unknownOption(name) }
            guard let value = rest.popFirst() else { throw .missingValue(name) }
            values[name] = value
        }
    }

    func string(_ name: String) throws(ParseError) -> String {
        guard let value = values[name] else { throw .missingOption(name) }
        return value
    }

    func string(_ name: String, default fallback: String) -> String { values[name] ?? fallback }

    func int(_ name: String, default fallback: Int) throws(ParseError) -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text) else { throw .invalidValue(option: name, value: text) }
        return value
    }

    func double(_ name: String, default fallback: Double) throws(ParseError) -> Double {
        guard let text = values[name] else { return fallback }
        guard let value = Double(text) else { throw .invalidValue(option: name, value: text) }
        return value
    }
}
