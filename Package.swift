// swift-tools-version:6.0
import PackageDescription

// The pipeline is a chain of small modules, each one stage with one job:
// DocumentReading → TextAnalysis → Recognition → Resolution → RelationExtraction → GraphModel → GraphExport.
// ExtractionPipeline wires the stages together; EntityGraphCLI is the `entity-graph` command.
let package = Package(
    name: "EntityGraph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "entity-graph", targets: ["EntityGraphCLI"]),
        .executable(name: "ner-train", targets: ["NERTraining"]),
        .library(name: "ExtractionPipeline", targets: ["ExtractionPipeline"]),
        .library(name: "GraphExport", targets: ["GraphExport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        .target(name: "DocumentReading"),
        .target(name: "TextAnalysis"),
        .target(name: "GraphModel"),
        // Order-keeping parallel maps, shared by the per-document stages and the XML writers.
        .target(name: "ParallelWork"),
        .target(name: "Recognition", dependencies: ["TextAnalysis", "GraphModel"], resources: [.copy("Resources")]),
        .target(name: "Resolution", dependencies: ["Recognition", "TextAnalysis", "GraphModel"], resources: [.copy("Resources")]),
        .target(name: "RelationExtraction", dependencies: ["Recognition", "Resolution", "TextAnalysis", "GraphModel", "DocumentReading"]),
        .target(name: "GraphExport", dependencies: ["GraphModel", "ParallelWork", "CLibXML2"], resources: [.copy("Resources")]),
        .target(name: "ExtractionPipeline", dependencies: [
            "DocumentReading", "TextAnalysis", "Recognition", "Resolution", "RelationExtraction", "GraphModel",
            "ParallelWork",
            // AtomicFileWriter: partial results are written by the same whole-file-or-nothing policy as exports.
            "GraphExport",
        ]),
        // Trains and evaluates the entity tagger from the GMB corpus (Scripts/train, Scripts/eval-ner).
        .executableTarget(name: "NERTraining", dependencies: ["Recognition", "TextAnalysis", "DocumentReading"]),
        .executableTarget(name: "EntityGraphCLI", dependencies: [
            "ExtractionPipeline", "GraphExport", "DocumentReading", "GraphModel", "ParallelWork",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "DocumentReadingTests", dependencies: ["DocumentReading", "TextAnalysis"]),
        .testTarget(name: "TextAnalysisTests", dependencies: ["TextAnalysis"]),
        .testTarget(name: "GraphModelTests", dependencies: ["GraphModel", "DocumentReading"]),
        .testTarget(name: "RecognitionTests", dependencies: ["Recognition", "TextAnalysis"]),
        .testTarget(name: "ResolutionTests", dependencies: ["Resolution", "Recognition", "TextAnalysis"]),
        .testTarget(name: "RelationExtractionTests", dependencies: ["ExtractionPipeline", "RelationExtraction", "DocumentReading", "GraphModel"]),
        .testTarget(name: "GraphExportTests", dependencies: ["GraphExport", "GraphModel"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ExtractionPipeline", "GraphExport", "GraphModel", "DocumentReading", "Resolution"]),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (Fuzz/, run by Scripts/fuzz). Declared only when ENTITYGRAPH_FUZZ=1: their main.swift starts
// libFuzzer's driver, which exists only when linked with -sanitize=fuzzer, so a normal build must not see them.
if Context.environment["ENTITYGRAPH_FUZZ"] == "1" {
    package.targets += [
        .executableTarget(name: "FuzzGraphMLReader", dependencies: ["GraphExport", "GraphModel"],
                          path: "Fuzz/GraphMLReader"),
        .executableTarget(name: "FuzzDocumentReader",
                          dependencies: ["DocumentReading", "TextAnalysis", "ExtractionPipeline"],
                          path: "Fuzz/DocumentReader"),
    ]
}
