import Foundation

/// `ner-train`: trains, evaluates and benchmarks the entity tagger on the GMB corpus.
let usage = """
    usage: ner-train train --corpus PATH --out PATH [--epochs N] [--scheme bio|bilou] [--seed N]
                           [--title-fraction F] [--min-count N] [--quantile Q] [--prune STEPS] [--margin M] [--runs N]
                           [--gazetteer-features yes|no] [--split heldout|dev] [--weight-bits 8|16|32] [--compare yes]
           ner-train eval  --corpus PATH --model PATH [--gazetteer-features yes|no] [--split heldout|dev]
           ner-train bench --corpus PATH --model PATH [--seconds S]
           ner-train errors --corpus PATH --model PATH [--limit N] [--gazetteer-features yes|no]
           ner-train tag --model PATH [--title yes] < one-sentence-a-line.txt
    """

let arguments = CommandLine.arguments.dropFirst()
do {
    switch arguments.first {
    case "train":
        try Commands.train(Options(arguments.dropFirst(), allowed: [
            "--corpus", "--out", "--epochs", "--scheme", "--seed", "--title-fraction", "--min-count", "--quantile", "--prune", "--margin", "--runs",
            "--gazetteer-features", "--feature-mask", "--split", "--weight-bits", "--compare", "--conll", "--dev", "--gmb", "--gmb-fraction", "--word-classes",
        ]))
    case "eval":
        try Commands.eval(Options(arguments.dropFirst(), allowed: ["--corpus", "--model", "--gazetteer-features", "--feature-mask", "--split", "--conll"]))
    case "errors":
        try Commands.errors(Options(arguments.dropFirst(), allowed: ["--corpus", "--model", "--limit", "--gazetteer-features"]))
    case "tag":
        try Demo.run(Options(arguments.dropFirst(), allowed: ["--model", "--title"]))
    case "bench":
        try Commands.bench(Options(arguments.dropFirst(), allowed: ["--corpus", "--model", "--seconds"]))
    default:
        FileHandle.standardError.write(Data((usage + "\n").utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("ner-train: \(error)\n".utf8))
    exit(1)
}
