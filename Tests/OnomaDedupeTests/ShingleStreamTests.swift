import Testing
@testable import OnomaDedupe

@Suite struct ShingleStreamTests {
    /// ASCII words are lowercased eight bytes at a time: every ASCII byte must come out as
    /// `Folding.matchKey` makes it, also for a word that ends the text (fewer than eight bytes
    /// left to read), and a word with any other byte must not be written.
    @Test func asciiWordsAreLowercasedByteForByte() {
        let ascii = (1..<128).map { UInt8($0) }
        let text = ascii + Array(" Kyiv".utf8)
        var stream = ShingleStream(), expected = ShingleStream()
        for start in stride(from: 0, to: ascii.count, by: 13) {
            let range = start..<Swift.min(start + 13, ascii.count)
            let written = stream.append(asciiLowercased: range, of: text)
            #expect(written)
            let lowered = text[range].map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
            expected.append(word: 0..<lowered.count, of: lowered)
        }
        let lastWritten = stream.append(asciiLowercased: (text.count - 4)..<text.count, of: text)
        #expect(lastWritten)
        expected.append(word: 0..<4, of: Array("kyiv".utf8))
        let accented = Array("ÉTÉ Kyiv".utf8)
        let accentedWritten = stream.append(asciiLowercased: 0..<5, of: accented)
        #expect(!accentedWritten)
        var written = Shingles(), lowered = Shingles()
        stream.shingles(size: 5, into: &written)
        expected.shingles(size: 5, into: &lowered)
        #expect(written.hashes == lowered.hashes)
    }

    /// Every window of `size` characters is one shingle, hashed from its bytes: windows within
    /// ASCII runs of every length (up to and past eight bytes, where the run's end is found
    /// eight bytes at a time), windows across multi-byte characters, with sizes below eight
    /// (one mask for all windows) and above.
    @Test func shinglesAreTheHashesOfEveryWindowOfCharacters() {
        var stream = ShingleStream()
        let words = ["Łódź", "a", "visited", "é", "zelenskyjs", "ab", "überall", "kurz", "tagesordnungspunkt", "ä"]
        for word in words { stream.append(word: 0..<word.utf8.count, of: Array(word.utf8)) }
        stream.append(entity: "Q61")
        let bytes = Array((words.joined(separator: " ") + " ⟨Q61⟩").utf8)
        let starts = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 } + [bytes.count]
        for size in [5, 9] {
            var shingles = Shingles()
            stream.shingles(size: size, into: &shingles)
            let expected = (0..<(starts.count - size)).map { FeatureHash.hash(bytes[starts[$0]..<starts[$0 + size]]) }
            #expect(shingles.hashes == expected)
        }
    }

    /// The shingles a stream adds, in order.
    private struct Shingles: ShingleSink {
        var hashes: [UInt64] = []
        mutating func add(_ shingle: UInt64) { hashes.append(shingle) }
    }
}
