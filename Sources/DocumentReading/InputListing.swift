import Foundation

/// Expands command-line inputs into files and gives each a unique, readable id.
enum InputListing {
    struct Candidate: Hashable {
        var path: String
        /// File name without `.txt`: the id when it is unique.
        var name: String
        /// Path below the input directory without `.txt` (the name itself for a file given directly).
        var relative: String
    }

    static func candidates(for input: String) throws(DocumentReadError) -> [Candidate] {
        if input == DocumentSource.standardInputPath {
            return [Candidate(path: input, name: DocumentSource.standardInputID, relative: DocumentSource.standardInputID)]
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            throw .missing(path: input)
        }
        guard isDirectory.boolValue else {
            let name = withoutTextExtension(lastComponent(of: input))
            return [Candidate(path: input, name: name, relative: name)]
        }
        var visited: Set<String> = []
        let files = try textFiles(below: input, prefix: "", visited: &visited)
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard !files.isEmpty else { throw .noTextFiles(directory: input) }
        return files.map { relative in
            Candidate(path: joined(input, relative), name: withoutTextExtension(lastComponent(of: relative)),
                      relative: withoutTextExtension(relative))
        }
    }

    /// Hidden entries (`.git`, editor swap files) are skipped; symbolic links to directories are followed
    /// once, so a link cycle cannot make the listing endless.
    private static func textFiles(below directory: String, prefix: String,
                                  visited: inout Set<String>) throws(DocumentReadError) -> [String] {
        let manager = FileManager.default
        let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard visited.insert(resolved).inserted else { return [] }
        let entries: [String]
        do {
            entries = try manager.contentsOfDirectory(atPath: directory)
        } catch {
            throw .unreadable(path: directory, reason: DocumentReader.reason(for: error))
        }
        var files: [String] = []
        for entry in entries where !entry.hasPrefix(".") {
            let path = joined(directory, entry)
            let relative = prefix.isEmpty ? entry : prefix + "/" + entry
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                files += try textFiles(below: path, prefix: relative, visited: &visited)
            } else if hasTextExtension(entry) {
                files.append(relative)
            }
        }
        return files
    }

    /// Ids are file names when those are unique. Clashing names (`a/x.txt`, `b/x.txt`) all switch to their
    /// path below the input directory, so no document's id depends on which clashing file came first;
    /// the path as given and then a counter settle the rare clashes that remain.
    static func assignIDs(_ candidates: [Candidate]) -> [DocumentSource] {
        var ids = candidates.map(\.name)
        ids = resolvingClashes(ids) { candidates[$0].relative }
        ids = resolvingClashes(ids) { withoutTextExtension(candidates[$0].path) }
        var used: Set<String> = []
        return candidates.indices.map { index in
            var id = ids[index]
            var counter = 2
            while !used.insert(id).inserted {
                id = "\(ids[index])~\(counter)"
                counter += 1
            }
            return DocumentSource(path: candidates[index].path, id: id)
        }
    }

    private static func resolvingClashes(_ ids: [String], using alternative: (Int) -> String) -> [String] {
        var counts: [String: Int] = [:]
        for id in ids { counts[id, default: 0] += 1 }
        return ids.indices.map { counts[ids[$0], default: 0] > 1 ? alternative($0) : ids[$0] }
    }

    static func hasTextExtension(_ name: String) -> Bool {
        name.count > 4 && name.lowercased().hasSuffix(".txt")
    }

    static func withoutTextExtension(_ name: String) -> String {
        hasTextExtension(name) ? String(name.dropLast(4)) : name
    }

    static func lastComponent(of path: String) -> String {
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        return trimmed.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? trimmed
    }

    static func joined(_ directory: String, _ relative: String) -> String {
        directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }
}
