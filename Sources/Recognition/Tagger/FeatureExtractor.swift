import TextAnalysis

/// Feature templates. A feature key is `featureKey(template, a, b)`; the raw values are part of the model
/// format (changing them requires bumping `FeatureExtractor.schemaVersion` and retraining).
package enum FeatureTemplate: UInt8 {
    case bias = 1
    case word
    case prefix
    case suffix
    case previousWord
    case nextWord
    case secondPreviousWord
    case secondNextWord
    case previousBigram
    case nextBigram
    case shape
    case shortShape
    case previousShape
    case nextShape
    case shapeTrigram
    case previousWordAndShape
    case nextWordAndShape
    case wordAndShape
    case sentenceInitialShape
    case flags
    case external
    case previousExternal
    case nextExternal
    case externalAndShape
    case document
    case documentAndShape
    case previousDocument
    case nextDocument
    case documentPreviousWord
    case documentNextWord
    case wordClass
    case previousWordClass
    case nextWordClass
    case wordClassAndShape

    /// Templates that look at letter case. In a title line they are keyed separately (`titleVariant`): there
    /// "Worried" is capitalised because it is a headline, so capitalisation must not carry its usual weight,
    /// while the lexical templates stay shared and let the model recognise words it knows.
    var caseSensitive: Bool {
        switch self {
        case .bias, .shape, .shortShape, .previousShape, .nextShape, .shapeTrigram, .previousWordAndShape,
             .nextWordAndShape, .wordAndShape, .sentenceInitialShape, .flags, .externalAndShape,
             .documentAndShape, .wordClassAndShape:
            true
        default:
            false
        }
    }
}

/// Per-sentence scratch space for feature keys. Reused across sentences so tagging a document allocates
/// a handful of arrays, not a few per token.
package struct FeatureBuffer {
    package var infos: [TokenInfo] = []
    /// Keys of token `t` (relative to the sentence) are `keys[offsets[t]..<offsets[t + 1]]`.
    package var keys: [UInt64] = []
    package var offsets: [Int] = []
    /// Word classes of the sentence's tokens (empty without a class table).
    package var classes: [WordClasses.Classes?] = []

    package init() {}

    package var tokenCount: Int { max(0, offsets.count - 1) }

    package func keys(ofToken t: Int) -> ArraySlice<UInt64> { keys[offsets[t]..<offsets[t + 1]] }
}

/// Turns a sentence of an `AnalyzedText` into hashed feature keys, straight from the UTF-8 bytes.
///
/// The same code computes features in training (on GMB words joined by spaces) and at run time, so the two
/// cannot drift apart. Word and shape context never crosses the sentence's bounds; what the rest of the text says
/// comes in through `DocumentContext`, and what the caller knows (gazetteers) through `externalFeatures`.
package enum FeatureExtractor {
    /// Identifies the feature functions; stored in model files so a model trained with other features is refused.
    package static let schemaVersion: UInt32 = 2

    /// Bit of the template id marking the title-line variant of a case-sensitive template.
    static let titleVariant: UInt8 = 0x80

    /// - Parameter document: the context of `text` (`DocumentContext(text)`); `nil` computes it.
    package static func extract(
        _ text: AnalyzedText, sentence: Sentence, document: DocumentContext?, externalFeatures: [UInt32]?,
        wordClasses: WordClasses? = nil, into buffer: inout FeatureBuffer
    ) {
        let range = sentence.tokens
        let n = range.count
        buffer.infos.removeAll(keepingCapacity: true)
        buffer.keys.removeAll(keepingCapacity: true)
        buffer.offsets.removeAll(keepingCapacity: true)
        buffer.offsets.append(0)
        guard n > 0 else { return }
        let document = document ?? DocumentContext(text)
        document.appendInfos(of: range, in: text, to: &buffer.infos)
        let caseBit: UInt8 = sentence.isTitle ? titleVariant : 0
        @inline(__always) func documentBits(_ i: Int) -> UInt32 {
            i >= 0 && i < n ? document.bits[range.lowerBound + i] : 0
        }
        buffer.classes.removeAll(keepingCapacity: true)
        if let wordClasses {
            for info in buffer.infos { buffer.classes.append(wordClasses.classes(ofWord: info.word)) }
        }
        let classes = buffer.classes
        @inline(__always) func wordClass(_ i: Int) -> WordClasses.Classes? {
            i >= 0 && i < classes.count ? classes[i] : nil
        }
        buffer.infos.withUnsafeBufferPointer { infos in
            @inline(__always) func info(_ i: Int) -> TokenInfo {
                i < 0 ? .sentenceStart : i >= n ? .sentenceEnd : infos[i]
            }
            @inline(__always) func external(_ i: Int) -> UInt32 {
                guard let externalFeatures, i >= 0, i < n else { return 0 }
                let absolute = range.lowerBound + i
                return absolute < externalFeatures.count ? externalFeatures[absolute] : 0
            }
            for i in 0..<n {
                let w0 = infos[i], wm1 = info(i - 1), wp1 = info(i + 1), wm2 = info(i - 2), wp2 = info(i + 2)
                @inline(__always) func add(_ template: FeatureTemplate, _ a: UInt64, _ b: UInt64 = 0) {
                    let id = template.caseSensitive ? template.rawValue | caseBit : template.rawValue
                    buffer.keys.append(featureKey(id, a, b))
                }
                add(.bias, 0)
                add(.word, w0.word)
                for k in 1...4 where k <= w0.length {
                    let mask: UInt32 = k == 4 ? .max : (1 << (8 * UInt32(k))) - 1
                    add(.prefix, UInt64(w0.prefix & mask), UInt64(k))
                    add(.suffix, UInt64(w0.suffix & mask), UInt64(k))
                }
                add(.previousWord, wm1.word)
                add(.nextWord, wp1.word)
                add(.secondPreviousWord, wm2.word)
                add(.secondNextWord, wp2.word)
                add(.previousBigram, wm1.word, w0.word)
                add(.nextBigram, w0.word, wp1.word)
                add(.shape, w0.shape)
                add(.shortShape, w0.shortShape)
                add(.previousShape, wm1.shortShape)
                add(.nextShape, wp1.shortShape)
                add(.shapeTrigram, featureKey(0, wm1.shortShape, w0.shortShape), wp1.shortShape)
                add(.previousWordAndShape, wm1.word, w0.shortShape)
                add(.nextWordAndShape, wp1.word, w0.shortShape)
                add(.wordAndShape, w0.word, w0.shortShape)
                if i == 0 { add(.sentenceInitialShape, w0.shortShape) }
                add(.flags, UInt64(w0.flags))
                if let c = wordClass(i) {
                    add(.wordClass, c.coarse, 1)
                    add(.wordClass, c.middle, 2)
                    add(.wordClass, c.fine, 3)
                    add(.wordClassAndShape, c.fine, w0.shortShape)
                }
                if let c = wordClass(i - 1) { add(.previousWordClass, c.middle) }
                if let c = wordClass(i + 1) { add(.nextWordClass, c.middle) }
                let bits = external(i), previousBits = external(i - 1), nextBits = external(i + 1)
                if bits | previousBits | nextBits != 0 {
                    forEachBit(bits) { bit in
                        add(.external, bit)
                        add(.externalAndShape, bit, w0.shortShape)
                    }
                    forEachBit(previousBits) { add(.previousExternal, $0) }
                    forEachBit(nextBits) { add(.nextExternal, $0) }
                }
                let ownBits = documentBits(i)
                if ownBits != 0 {
                    forEachBit(ownBits) { bit in
                        add(.document, bit)
                        add(.documentAndShape, bit, w0.shortShape)
                    }
                }
                forEachBit(documentBits(i - 1)) { add(.previousDocument, $0) }
                forEachBit(documentBits(i + 1)) { add(.nextDocument, $0) }
                let t = range.lowerBound + i
                buffer.keys += document.neighbourKeys[document.neighbourOffsets[t]..<document.neighbourOffsets[t + 1]]
                buffer.offsets.append(buffer.keys.count)
            }
        }
    }

    @inline(__always)
    private static func forEachBit(_ bits: UInt32, _ body: (UInt64) -> Void) {
        var rest = bits
        while rest != 0 {
            body(UInt64(rest.trailingZeroBitCount))
            rest &= rest - 1
        }
    }
}
