import Testing
@testable import OnomaDedupe
import OnomaLexicon
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
            var builder = FingerprintBuilder(), nameKeys = NameKeys(limit: 1 << 10)
            nameKeys.startDocument()
            for name in names {
                let bytes = Array(name.utf8)
                if let index = nameKeys.add(0..<bytes.count, in: bytes, language: WordTable.Language(""), { name }) { builder.addName(index) }
                builder.addEntity(name)
            }
            let fingerprint = builder.build(nameKeys: nameKeys)
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

    /// A document adds a name key once however often its word recurs, the next document adds
    /// it again, a key of fewer than four bytes is never added, and indices stay valid through
    /// a document in which the cache passes its limit (it is emptied at the next one).
    @Test func nameKeysAreAddedOncePerDocument() {
        var nameKeys = NameKeys(limit: 2)
        let text = Array("Kyiv Kyiv Kiew Lviv Odesa".utf8), any = WordTable.Language("")
        let make = { (range: Range<Int>) in String(decoding: text[range], as: UTF8.self).lowercased() }
        nameKeys.startDocument()
        let kyiv = nameKeys.add(0..<4, in: text, language: any) { make(0..<4) }
        #expect(kyiv != nil)
        #expect(nameKeys.add(5..<9, in: text, language: any) { make(5..<9) } == nil)
        #expect(nameKeys.add(10..<12, in: text, language: any) { "ki" } == nil)
        let lviv = nameKeys.add(15..<19, in: text, language: any) { make(15..<19) }
        #expect(lviv.map { nameKeys.keys[Int($0)] } == "lviv")
        #expect(kyiv.map { nameKeys.keys[Int($0)] } == "kyiv")
        nameKeys.startDocument()
        let again = nameKeys.add(0..<4, in: text, language: any) { make(0..<4) }
        #expect(again.map { nameKeys.keys[Int($0)] } == "kyiv")
        #expect(nameKeys.add(20..<25, in: text, language: any) { make(20..<25) } != nil)
    }
}
