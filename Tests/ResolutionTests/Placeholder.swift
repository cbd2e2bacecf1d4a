import Testing
@Test func placeholderResolutionTests() { #expect(Bool(true)) }
