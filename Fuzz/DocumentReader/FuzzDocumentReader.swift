import DocumentReading
import ExtractionPipeline
import TextAnalysis

/// The shipped lexicon and alias table, loaded once: loading them per input would dominate the run.
/// A constant, not mutable state.
let extractor = Extractor(lexicon: try! ShippedData.lexicon(), aliases: try! ShippedData.aliasTable())

/// libFuzzer entry point for document reading (built by Scripts/fuzz, never by a normal build; main.swift hands it to libFuzzer's driver): the decoder
/// (encodings, binary detection, date header, title), text analysis, and for inputs up to 16 KiB the whole
/// extractor, so recognition, resolution and relation finding see hostile text too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocumentReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let read = try? DocumentReader.decode(bytes, id: "fuzz", path: "fuzz.txt") else { return 0 }
    let document = read.document
    _ = AnalyzedText(text: document.text, titleRange: document.titleRange)
    if size <= 16 * 1024 {
        _ = extractor.extract([document])
    }
    return 0
}
