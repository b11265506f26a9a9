import Testing
@testable import OnomaDedupe

@Suite struct FeatureHashTests {
    /// Band keys hash a band's index and values as words, without writing their bytes out: the
    /// value must be that of the bytes, little-endian, for every number of words.
    @Test func wordsHashAsTheirLittleEndianBytes() {
        let values: [UInt64] = [0, .max, 0x0102_0304_0506_0708, 42, 0x8000_0000_0000_0001]
        for count in 0...values.count {
            let rest = Array(values.prefix(count))
            let bytes = ([7] + rest).flatMap { value in (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
            let words = rest.withUnsafeBufferPointer { FeatureHash.hash(7, then: $0, seed: 99) }
            #expect(words == FeatureHash.hash(bytes, seed: 99))
        }
    }
}
