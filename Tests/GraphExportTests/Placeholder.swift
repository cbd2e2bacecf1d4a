import Testing
@Test func placeholderGraphExportTests() { #expect(Bool(true)) }
