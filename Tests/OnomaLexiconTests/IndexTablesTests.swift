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

    @Test func labelTableGivesNoIdToUnknownOrEmptyLabels() {
        let labels = LabelTable()
        let id = labels.intern("zelenski")
        #expect(labels.intern("zelenski") == id)
        #expect(labels.id("zelenski") == id)
        #expect(labels.id("zelensky") == -1)
        #expect(labels.id("") == -1)
    }

    @Test func wordTableKeepsEveryWordAcrossGrowthAndTellsLanguagesApart() {
        var table = WordTable()
        let words = (0..<5_000).map { "слово\($0)" }
        for (position, word) in words.enumerated() {
            table.insert(word, "uk", hash: WordTable.hash(word, "uk"), value: Int32(position))
        }
        #expect(table.count == words.count)
        #expect(words.enumerated().allSatisfy { table.value($1, "uk", hash: WordTable.hash($1, "uk")) == Int32($0) })
        #expect(table.value(words[7], "ru", hash: WordTable.hash(words[7], "ru")) == nil)
    }
}
