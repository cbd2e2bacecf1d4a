import Foundation

/// Word classes learned from a large vocabulary (k-means over spaCy `en_core_web_md` word vectors at three
/// granularities, `Scripts/build-word-classes`): words the tagger never saw in training share a class with words
/// it did ("rugby" with "soccer", "Kandahar" with "Helmand"), so what it learned about one carries to the other.
///
/// The table is an open-addressing hash table keyed by `TokenInfo.word` (FNV-1a of the lower-cased word), kept
/// as the file's bytes: loading is one read, a lookup a few probes, nothing is built at start-up.
package struct WordClasses: Sendable, Equatable {
    static let magic: [UInt8] = Array("EGWC".utf8)
    private let keys: [UInt64]
    private let values: [UInt32]
    private let mask: Int

    /// Classes of the 64-, 256- and 1,024-way clusterings, or nil for a word outside the vocabulary.
    package struct Classes: Equatable {
        package var coarse: UInt64, middle: UInt64, fine: UInt64
    }

    package init(bytes: [UInt8]) throws(TaggerModelError) {
        guard bytes.count >= 12, bytes.starts(with: Self.magic) else { throw .notAModel }
        let (version, slots) = bytes.withUnsafeBytes { raw in
            (UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self)),
             Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self))))
        }
        guard version == 1 else { throw .unsupportedVersion(version) }
        guard slots > 0, slots & (slots - 1) == 0, bytes.count == 12 + slots * 12 else { throw .truncated }
        var keys = [UInt64](repeating: 0, count: slots), values = [UInt32](repeating: 0, count: slots)
        bytes.withUnsafeBytes { raw in
            for s in 0..<slots {
                keys[s] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 12 + s * 12, as: UInt64.self))
                values[s] = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 20 + s * 12, as: UInt32.self))
            }
        }
        self.keys = keys
        self.values = values
        mask = slots - 1
    }

    /// The table shipped beside the model (`Resources/Model/word-classes.bin`).
    package static func loadBundled() throws(TaggerModelError) -> WordClasses {
        guard let url = Bundle.module.url(forResource: "word-classes", withExtension: "bin", subdirectory: "Resources/Model")
        else { throw .resourceMissing }
        do {
            return try WordClasses(bytes: [UInt8](Data(contentsOf: url)))
        } catch let error as TaggerModelError {
            throw error
        } catch {
            throw .unreadable(String(describing: error))
        }
    }

    @inline(__always)
    package func classes(ofWord word: UInt64) -> Classes? {
        let key = word == 0 ? 1 : word
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let found = keys[slot]
            if found == key {
                let v = values[slot]
                return Classes(coarse: UInt64(v & 0xFF), middle: UInt64((v >> 8) & 0xFF), fine: UInt64(v >> 16))
            }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}
