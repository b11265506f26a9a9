import OnomaText
import Testing
@testable import OnomaLexicon

@Suite struct LabelCacheTests {
    private static func ids(_ store: Int) -> UnitIDs {
        UnitIDs(store: Int32(store), folded: Int32(store * 3), key: -1, stem: Int32(store), isNameLike: store % 2 == 0,
                isLong: true, hasBareKeys: store % 3 == 0, language: 7, mayStart: store % 5 == 0)
    }

    @Test func labelCacheKeepsEveryWordsIDsAcrossGrowthAndTellsLanguagesApart() {
        let cache = LabelCache()
        // In one text: words of 6 to 13 bytes, held in their slots with "uk", and past 16 bytes apart.
        let words = (0..<3_000).map { $0 % 2 == 0 ? "слово\($0)" : "довгеслово\($0)" }
        let text = Array(words.joined(separator: " ").utf8), uk = WordTable.Language("uk"), ru = WordTable.Language("ru")
        var ranges: [Range<Int>] = [], start = 0
        for word in words {
            ranges.append(start..<(start + word.utf8.count))
            start += word.utf8.count + 1
        }
        for (store, range) in ranges.enumerated() {
            cache.insert(WordTable.key(text, range, uk), text, range, uk, ids: Self.ids(store))
        }
        #expect(cache.count == words.count)
        #expect(ranges.enumerated().allSatisfy { store, range in
            let found = cache.ids(WordTable.key(text, range, uk), text, range, uk)
            let expected = Self.ids(store)
            return found.map { ($0.store, $0.folded, $0.stem, $0.isNameLike, $0.hasBareKeys, $0.mayStart) }
                .map { $0 == (expected.store, expected.folded, expected.stem, expected.isNameLike, expected.hasBareKeys, expected.mayStart) } ?? false
        })
        #expect(cache.ids(WordTable.key(text, ranges[8], ru), text, ranges[8], ru) == nil)      // a short key
        #expect(cache.ids(WordTable.key(text, ranges[1_001], ru), text, ranges[1_001], ru) == nil)  // a long key
    }

    @Test func labelCacheRemembersAWordThatMatchesNoFuzzyFormInOneScript() {
        let cache = LabelCache()
        let text = Array("Regierung sagte".utf8), de = WordTable.Language("de"), range = 0..<9
        cache.insert(WordTable.key(text, range, de), text, range, de, ids: Self.ids(0))
        #expect(cache.ids(WordTable.key(text, range, de), text, range, de)?.matchesNoFuzzyForm(in: .latin) == false)
        cache.noteNoFuzzyForm(0, in: .latin)
        let found = cache.ids(WordTable.key(text, range, de), text, range, de)
        #expect(found?.matchesNoFuzzyForm(in: .latin) == true)
        #expect(found?.matchesNoFuzzyForm(in: .cyrillic) == false)
    }
}
