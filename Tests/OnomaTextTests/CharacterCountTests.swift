import Testing
@testable import OnomaText

@Suite struct CharacterCountTests {
    /// Texts the byte count covers, and texts it leaves to `String.count`: both must agree with it.
    @Test func countsAsStringCountDoes() {
        let texts = [
            "", "Kyiv", "a\r\nb\r\n", "\r\r\n\n\r", "Straße, Noël, Łódź… naïve",  // CR LF pairs, Latin-1 and Latin Extended
            "„Paris“ – 3\r\n€ ‰ ‼ ′ «oui» ’s", "\u{0085}\u{00AD}x\u{2027}\u{205E}\u{20C0}",  // controls, edges of the ranges
            "e\u{301}", "a\u{200D}b", "👩\u{200D}💻", "🇺🇦", "한국어", "ก่", "क्षि",  // combining marks, ZWJ, flags, Hangul, Thai, Indic
            "‼\u{FE0F}", "x\u{2028}y\u{2060}z\u{200C}",  // variation selector, separators, ZWNJ
            "abcdefg\r\nhijklmno\r\npqrstuvw\r", "0123456\r\n\r\n89abcdef€ghijklmn\n",  // CR LF across eight-byte words
            "ab\ncdéf\r\nghijklmnoé\n\r\nxyzabcdefgh\u{301}", "abcdefgé\r\nhijklmnö",  // stops inside eight-byte words, then a mark
        ]
        for text in texts { #expect(CharacterCount.of(Array(text.utf8)) == text.count, "\(text.unicodeScalars.map { String($0.value, radix: 16) })") }
    }
}
