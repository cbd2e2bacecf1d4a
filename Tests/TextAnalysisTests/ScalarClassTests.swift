import Testing
@testable import TextAnalysis

@Suite struct ScalarClassTests {
    /// The range fast paths must agree with the Unicode properties; only the deliberate overrides
    /// (spaces, joiners, hyphens, the right single quote) may differ.
    @Test func fastPathsAgreeWithProperties() {
        let overrides: Set<UInt32> = [0x85, 0xA0, 0xAD, 0x1680, 0x2010, 0x2011, 0x2019, 0x2028, 0x2029, 0x202F,
                                      0x205F, 0x2060, 0x3000, 0xFEFF]
        var mismatches: [UInt32] = []
        for value in UInt32(0x80)...0x2FFFF where !overrides.contains(value) && !(0x2000...0x200D).contains(value) {
            if UTF8Scanning.classifyNonASCII(value) != UTF8Scanning.classifyByProperties(value) {
                mismatches.append(value)
            }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5).map { String($0, radix: 16) })")
    }
}
