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
}
