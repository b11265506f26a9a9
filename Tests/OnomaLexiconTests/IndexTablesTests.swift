import Testing
@testable import OnomaLexicon

/// The integer-keyed structures the lexicon index is built from.
@Suite struct IndexTablesTests {
    @Test func trieKeepsEachNodesValuesInInsertionOrderWithoutRepeats() {
        let labels = LabelTable()
        let trie = UnitTrie(labels: labels)
        let kyiv = labels.intern("kyiv"), city = labels.intern("city")
        trie.insert([kyiv], value: 0)
        trie.insert([kyiv, city], value: 1)
        trie.insert([kyiv], value: 2)
        trie.insert([kyiv], value: 2)
        trie.finish()
        let node = trie.child(UnitTrie.root, kyiv)
        #expect(node.map { Array(trie.values(at: $0)) } == [0, 2])
        #expect(trie.child(node!, "city").map { Array(trie.values(at: $0)) } == [1])
        #expect(trie.child(UnitTrie.root, "city") == nil)
        #expect(trie.child(UnitTrie.root, -1) == nil)
    }

    @Test func stemPathsTakeEveryCombinationOfTheUnitsAlternativeStems() {
        // Київ Харків: stems київ/києв and харків/харков/харкев, the last unit varying fastest.
        var paths = LabelPaths()
        paths.appendCombinations([[1, 2], [3, 4, 5]], value: 7)
        paths.appendCombinations([[8]], value: 9)
        var seen: [[Int32]] = [], values: [Int32] = []
        paths.forEach { path, value in
            seen.append(Array(path))
            values.append(value)
        }
        #expect(seen == [[1, 3], [1, 4], [1, 5], [2, 3], [2, 4], [2, 5], [8]])
        #expect(values == [7, 7, 7, 7, 7, 7, 9])
    }

    @Test func stemPathsOfTooManyCombinationsAreLeftOut() {
        // More than 64 combinations before the last unit: none (a form of many alternating
        // words is not worth its paths); reached only at the last unit, all are kept.
        var paths = LabelPaths()
        paths.appendCombinations(Array(repeating: [1, 2], count: 7) + [[3]], value: 0)
        var count = 0
        paths.forEach { _, _ in count += 1 }
        #expect(count == 0)
        paths.appendCombinations(Array(repeating: [1, 2], count: 6) + [[3, 4]], value: 1)
        paths.forEach { _, _ in count += 1 }
        #expect(count == 128)
    }

    @Test func keyBucketsGroupValuesByKeyAndReadBackFromASnapshot() throws {
        // Short keys live in the table's slots, keys over 15 bytes apart: both kinds.
        let long = "klmnbkstlmnbkstlmn"
        var buckets = KeyBuckets(capacity: 0, values: 0)
        for (key, value) in [("slnsk", 1), (long, 2), ("slnsk", 3), ("", 4), (long, 5), ("slnsk", 5)] {
            buckets.append(key, Int32(value))
        }
        buckets.finish()
        var writer = SnapshotWriter()
        buckets.encode(into: &writer)
        var reader = SnapshotReader(writer.bytes)
        let decoded = try KeyBuckets(decoding: &reader)
        for table in [buckets, decoded] {
            #expect(table.count == 3)
            #expect(table["slnsk"].map(Array.init) == [1, 3, 5])
            #expect(table[long].map(Array.init) == [2, 5])
            #expect(table[""].map(Array.init) == [4])
            #expect(table["slns"] == nil)
        }
    }

    @Test func labelTableGivesNoIdToUnknownOrEmptyLabels() {
        let labels = LabelTable()
        let id = labels.intern("zelenski")
        #expect(labels.intern("zelenski") == id)
        #expect(labels.id("zelenski") == id)
        #expect(labels.id("zelensky") == -1)
        #expect(labels.id("") == -1)
    }

    @Test func labelTableFindsALabelByItsBytesInAKey() {
        // A short label in its slot and one over 15 bytes, each inside a key of several words
        // and at its end (too near the end to read 16 bytes at once).
        let labels = LabelTable()
        let short = labels.intern("zelenski"), long = labels.intern("volodimirzelenski")
        let key = Array("zelenski volodimirzelenski zelenski".utf8)
        #expect(labels.id(key, 0..<8) == short)
        #expect(labels.id(key, 9..<26) == long)
        #expect(labels.id(key, 27..<35) == short)
        #expect(labels.id(key, 0..<7) == -1)
    }

    @Test func wordTableKeepsEveryWordAcrossGrowthAndTellsLanguagesApart() {
        var table = WordTable()
        // Keys of 14 to 17 bytes with their language: held in their slots or, past 16, apart.
        let words = (0..<5_000).map { "слово\($0)" }
        for (position, word) in words.enumerated() {
            table.insert(WordTable.key(word, "uk"), word, "uk", value: Int32(position))
        }
        #expect(table.count == words.count)
        #expect(words.enumerated().allSatisfy { table.value(WordTable.key($1, "uk"), $1, "uk") == Int32($0) })
        #expect(table.value(WordTable.key(words[7], "ru"), words[7], "ru") == nil)
        #expect(table.value(WordTable.key(words[4_321], "ru"), words[4_321], "ru") == nil)
    }

    @Test func wordTableFindsAWordByItsBytesInADocument() {
        var table = WordTable()
        for (value, word) in ["Kyiv", "Zelenskyy", "Administration", "said"].enumerated() {
            table.insert(WordTable.key(word, "en"), word, "en", value: Int32(value))
        }
        let text = Array("In Kyiv, the Zelenskyy Administration said".utf8), en = WordTable.Language("en")
        func value(_ range: Range<Int>) -> Int32? { table.value(WordTable.key(text, range, en), text, range, en) }
        #expect(value(3..<7) == 0)       // a short key within the first eight bytes
        #expect(value(13..<22) == 1)     // a short key over sixteen bytes
        #expect(value(23..<37) == 2)     // a long key
        #expect(value(38..<42) == 3)     // a short key within 16 bytes of the text's end
        #expect(value(0..<2) == nil)
        #expect(value(13..<21) == nil)   // a prefix of a word is another word
        #expect(table.value(WordTable.key(text, 3..<7, WordTable.Language("uk")), text, 3..<7, WordTable.Language("uk")) == nil)
    }

    @Test func wordTableKeysOfFourIntegersIncludingNegativeOnes() {
        var table = WordTable()
        // Enough keys to grow the table, with -1 as a component (a span of two units).
        func key(_ i: Int32) -> WordTable.Key { WordTable.key(i, i / 7, i % 3 == 0 ? -1 : i, 25) }
        for i in Int32(0)..<3_000 {
            table.insert(key(i), value: i)
        }
        #expect((Int32(0)..<3_000).allSatisfy { table.value(key($0)) == $0 })
        #expect(table.value(WordTable.key(0, 0, -1, 8)) == nil)   // another script
        #expect(table.value(WordTable.key(1, 0, -1, 25)) == nil)  // a third unit where there was none
    }
}
