// ExtractionPipeline
