import Testing
@Test func placeholderTextAnalysisTests() { #expect(Bool(true)) }
