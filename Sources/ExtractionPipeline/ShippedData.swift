import Dispatch
import Recognition
import Resolution

/// The data files shipped as package resources, loaded once per run and handed to the stages.
public enum ShippedData {
    public static func lexicon() throws -> GazetteerLexicon {
        try GazetteerLexicon.shipped()
    }

    public static func tagger() throws -> EntityTagger {
        try EntityTagger.loadBundled()
    }

    public static func aliasTable() throws -> AliasTable {
        try AliasTable.shipped()
    }

    /// The lexicon and, when `withTagger`, the tagger, read at the same time: they are independent files, and the
    /// model's checksum pass (a few milliseconds, one byte after another) then runs while the gazetteer is built,
    /// so a run starts when the longer of the two is ready. A run of a few articles is mostly this start.
    public static func lexiconAndTagger(withTagger: Bool) throws -> (lexicon: GazetteerLexicon, tagger: EntityTagger?) {
        guard withTagger else { return (try lexicon(), nil) }
        let loaded = LoadedTagger()
        let loading = DispatchGroup()
        DispatchQueue.global().async(group: loading) { loaded.result = Result { try tagger() } }
        let readLexicon = Result { try Self.lexicon() }
        loading.wait()
        // The lexicon's error first, as when the two were read one after the other.
        return (try readLexicon.get(), try loaded.result!.get())
    }

    /// Where the tagger's loading thread leaves its result; read only after `DispatchGroup.wait`, which orders the
    /// write before the read.
    private final class LoadedTagger: @unchecked Sendable {
        var result: Result<EntityTagger, any Error>?
    }
}
