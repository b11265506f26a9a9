import Testing
@testable import OnomaLexicon

/// A compiled lexicon (`LexiconSnapshot`) must match exactly as the lexicon it was compiled
/// from, and a damaged or foreign one must be an error, never a crash.
@Suite struct LexiconSnapshotTests {
    static let index = CanonicalizerTests.index
    static let encoded = LexiconSnapshot(index: index, warnings: 1, origin: LexiconSnapshot.Origin("fixture.tsv")).encoded()
    /// Inflection (stems), transliteration (keys), misspelling (fuzzy), multi-word, ambiguity
    /// and a blocked form, in several scripts.
    static let text = "Зеленського і Сирського в Києві; Selenskyj, Zelenskiy and Kim Jong-un met in Kursk region, "
        + "not Georgia. 젤렌스키 visited the United Nations; ООН. Trump, Zelenskky."

    @Test func compiledLexiconFindsTheSameMentions() throws {
        let read = try LexiconSnapshot(decoding: Self.encoded)
        #expect(read.warnings == 1)
        #expect(read.index.lexicon.entries == Self.index.lexicon.entries)
        #expect(read.index.lexicon.entities == Self.index.lexicon.entities)
        for lang in [nil, "uk", "en"] {
            let expected = try Canonicalizer(index: Self.index).mentions(in: Self.text, lang: lang)
            #expect(!expected.isEmpty)
            #expect(try Canonicalizer(index: read.index).mentions(in: Self.text, lang: lang) == expected)
        }
    }

    @Test func compiledLexiconResolvesTheSameCandidates() throws {
        let read = try LexiconSnapshot(decoding: Self.encoded)
        for name in ["Zelenskiy", "Зеленського", "זלנסקי", "Syrsky", "Kyyiv"] {
            #expect(Resolver(index: read.index).resolve(name, lang: nil) == Resolver(index: Self.index).resolve(name, lang: nil))
        }
    }

    @Test func damagedCompiledLexiconIsAnError() {
        var damaged = Self.encoded
        damaged[damaged.count / 2] ^= 0x40
        #expect(throws: LexiconSnapshot.Failure.self) { try LexiconSnapshot(decoding: damaged) }
        for length in stride(from: 0, to: Self.encoded.count, by: max(1, Self.encoded.count / 97)) {
            #expect(throws: LexiconSnapshot.Failure.self) { try LexiconSnapshot(decoding: Array(Self.encoded.prefix(length))) }
        }
    }

    @Test func compiledLexiconOfOtherNameKeyRulesIsRefused() {
        let keys = NameKeyMaker(rules: Array(NameKeyRules.all.dropLast()))
        #expect {
            try LexiconSnapshot(decoding: Self.encoded, keys: keys)
        } throws: { ($0 as? LexiconSnapshot.Failure)?.description.contains("other name-key rules") == true }
    }

    @Test func textLexiconIsNotACompiledOne() {
        #expect(!LexiconSnapshot.isSnapshot(Array(CanonicalizerTests.lexiconText.utf8)))
        #expect(LexiconSnapshot.isSnapshot(Self.encoded))
    }
}
