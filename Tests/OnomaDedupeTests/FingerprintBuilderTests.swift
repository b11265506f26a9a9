import Testing
@testable import OnomaDedupe
import OnomaText

@Suite struct FingerprintBuilderTests {
    /// The integer keys of ASCII strings must sort and deduplicate as `Set(strings).sorted()`:
    /// prefixes, a shared first 16 bytes, exactly 16 bytes, the empty string, arrays that
    /// fall back to `String` comparison (non-ASCII, canonically equivalent strings), and an
    /// array too long for insertion.
    @Test func namesAreSortedWithoutRepeatsAsStringsSortThem() {
        let lists: [[String]] = [
            ["zelensky", "abc", "abcd", "ab", "abc", "Abc", "a b", "a-b", "~x", "0", "10", "9"],
            ["finanzinstrumenten", "finanzinstrumente", "finanzinstrumentenb", "finanzinstrumenten", "abcdefghijklmnop", "abcdefghijklmnopq", ""],
            ["lodz", "łódź", "lodz", "e\u{301}", "\u{E9}", "zz"],
            (0..<600).map { "name\(($0 * 7) % 290)" },  // more strings than are inserted one by one
        ]
        for names in lists {
            var builder = FingerprintBuilder()
            for name in names where name.utf8.count >= 4 { builder.addName(name) }
            for name in names { builder.addEntity(name) }
            let fingerprint = builder.build()
            #expect(fingerprint.names == Set(names.filter { $0.utf8.count >= 4 }).sorted())
            #expect(fingerprint.entities == Set(names).sorted())
        }
    }

    /// A name starts with a capital and does not start a sentence, or its script has no case:
    /// ASCII, Latin-1, Latin Extended, Greek and Cyrillic capitals (the case table below U+0800),
    /// their small letters, Arabic and Hebrew (no case), and a capital after a full stop.
    @Test func capitalsInsideSentencesAndCaselessWordsAreNames() throws {
        let text = "met Zelensky, Émile, Łukasz, Ωmega, Зеленський and zelensky, émile, ωmega, зеленський, زيلينسكي, זלנסקי. Paris"
        var segments: [TokenSegment] = []
        try Tokenizer().segments(of: text, into: &segments)
        let bytes = Array(text.utf8)
        var names: [String] = []
        for (index, segment) in segments.enumerated() where segment.kind == .word {
            if FingerprintBuilder.isName(segment, previous: index > 0 ? segments[index - 1] : nil, in: bytes) {
                names.append(String(decoding: bytes[segment.range], as: UTF8.self))
            }
        }
        #expect(names == ["Zelensky", "Émile", "Łukasz", "Ωmega", "Зеленський", "زيلينسكي", "זלנסקי"])
    }
}
