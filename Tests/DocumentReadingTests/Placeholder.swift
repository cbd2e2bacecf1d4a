import Testing
@Test func placeholderDocumentReadingTests() { #expect(Bool(true)) }
