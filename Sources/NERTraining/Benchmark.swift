import Foundation
import Recognition
import TextAnalysis

/// Single-threaded tagging throughput on GMB sentences regrouped into documents.
enum Benchmark {
    struct Result {
        var documents: Int, tokens: Int, seconds: Double
        /// CPU time of the tagging thread: on a shared machine wall time also measures the neighbours' builds.
        var cpuSeconds: Double
        var tokensPerSecond: Double { Double(tokens) / seconds }
        var tokensPerCPUSecond: Double { Double(tokens) / cpuSeconds }
    }

    private static func threadCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Tags every document (≈ 20 sentences each, the size of a news article) repeatedly for at least
    /// `minimumSeconds`, after one warm-up pass.
    static func run(_ tagger: EntityTagger, sentences: [GMBSentence], sentencesPerDocument: Int = 20,
                    minimumSeconds: Double = 3) -> Result {
        let documents = stride(from: 0, to: sentences.count, by: sentencesPerDocument).map { start in
            TrainingExamples.document(Array(sentences[start..<min(sentences.count, start + sentencesPerDocument)]))[0].text
        }
        let tokensPerPass = documents.reduce(0) { $0 + $1.tokens.count }
        var spans = 0
        for document in documents { spans += tagger.tag(document).count } // warm-up
        let clock = ContinuousClock()
        var passes = 0
        let start = clock.now
        let cpuStart = threadCPUTime()
        var elapsed = 0.0
        repeat {
            for document in documents { spans &+= tagger.tag(document).count }
            passes += 1
            let duration = clock.now - start
            elapsed = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        } while elapsed < minimumSeconds
        precondition(spans > 0)
        return Result(documents: documents.count, tokens: tokensPerPass * passes, seconds: elapsed,
                      cpuSeconds: threadCPUTime() - cpuStart)
    }
}
