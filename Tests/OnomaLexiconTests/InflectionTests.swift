import Testing
import OnomaLexicon

/// The bare forms `Inflection` gives for inflected words, in plain letters and with combining
/// marks.
@Suite struct InflectionTests {
    @Test func slavicStemDropsTheLongestCaseEnding() {
        #expect(Inflection.slavicStem("Зеленського") == "зеленськ")
        #expect(Inflection.slavicStem("Києві") == "києв")
        #expect(Inflection.slavicStem("Курській") == "курськ")
    }

    @Test func slavicStemKeepsThreeLetters() {
        // "им" would leave one letter; no shorter ending ends the word.
        #expect(Inflection.slavicStem("Ким") == "ким")
        // "ою" would leave two letters; "ю" leaves three.
        #expect(Inflection.slavicStem("Зоєю") == "зоє")
    }

    @Test func slavicStemIsNilOutsideCyrillic() {
        #expect(Inflection.slavicStem("Zelenskyy") == nil)
    }

    @Test func slavicStemReadsAStressMarkAsPartOfItsLetter() {
        // A combining acute (dictionary stress) makes "а́" a letter of its own, not the ending "а";
        // before the ending it stays in the stem.
        #expect(Inflection.slavicStem("Москва\u{301}") == "москва\u{301}")
        #expect(Inflection.slavicStem("Зеле\u{301}нського") == "зеле\u{301}нськ")
    }

    @Test func slavicStemOfADecomposedLetterIsTheComposedStem() {
        // ї written as і + combining diaeresis is case-folded to the composed letter first.
        #expect(Inflection.slavicStem("Київ") == Inflection.slavicStem("Киі\u{308}в"))
    }

    @Test func frenchElidedArticle() {
        #expect(Inflection.elidedBase("L'Allemagne") == "Allemagne")
        #expect(Inflection.elidedBase("d\u{2019}Ukraine") == "Ukraine")
        // An apostrophe inside a name is not an elision.
        #expect(Inflection.elidedBase("O'Brien") == nil)
    }
}
