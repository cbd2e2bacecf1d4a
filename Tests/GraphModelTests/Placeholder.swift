import Testing
@Test func placeholderGraphModelTests() { #expect(Bool(true)) }
