import Testing
@testable import OnomaLexicon

/// The weighted edit distance that fuzzy matching scores keys with.
@Suite struct NameSimilarityTests {
    private func score(_ a: String, _ b: String) -> Double {
        (NameSimilarity.score(a, b) * 10_000).rounded() / 10_000
    }

    @Test func vowelsForEachOtherCostLittle() {
        // Kiev, Kyiv: a short key may still differ in a vowel
        #expect(score("kev", "kiv") == 0.8667)
        // Sirsky, Syrskyi after the ending rules
        #expect(score("sirski", "sirsky") == 0.9333)
    }

    @Test func consonantsOfOneSoundClassCostLittle() {
        // 젤렌스키 (jellenseuki) against Zelensky: j and z are one class
        #expect(score("jelenski", "zelenski") == 0.95)
        // k and s are not
        #expect(score("kelenski", "selenski") == 0.875)
    }

    @Test func aDroppedVowelOrHCostsHalf() {
        // Kharkiv, Karkiv
        #expect(score("kharkiv", "karkiv") == 0.9286)
    }

    @Test func swappedNeighboursCostOne() {
        // Zelenksy, Zelensky
        #expect(score("zelenksy", "zelensky") == 0.875)
    }

    @Test func digitsMatchOnlyThemselves() {
        #expect(score("ukraine1", "ukraine2") == 0.875)
    }

    @Test func spacesAreIgnoredAndShortKeysGetNoEditBudget() {
        #expect(score("kim jong un", "kimjongun") == 1)
        #expect(score("abc", "abd") == 0)
    }
}
