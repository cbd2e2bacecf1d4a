import Testing
@Test func placeholderRecognitionTests() { #expect(Bool(true)) }
