import Testing
@Test func placeholderRelationExtractionTests() { #expect(Bool(true)) }
