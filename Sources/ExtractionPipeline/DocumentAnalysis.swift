import DocumentReading
import GraphModel
import Recognition
import RelationExtraction
import Resolution
import TextAnalysis

/// Everything the per-document stages found in one document.
public struct DocumentAnalysis: Sendable {
    public var document: Document
    public var text: AnalyzedText
    public var mentions: [Mention]
    public var resolution: DocumentResolution
    public var relations: DocumentRelations
}
