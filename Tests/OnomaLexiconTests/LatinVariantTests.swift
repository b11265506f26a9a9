import Testing
@testable import OnomaLexicon

/// Which unlisted Latin-script spellings count as a listed Latin-script name (name keys on both sides).
@Suite struct LatinVariantTests {
    let german = LatinVariant.Endings.of(language: "de")

    @Test func germanGenitiveIsAnInflection() {
        #expect(LatinVariant.relation(of: "frankreihs", to: "frankreih", endings: german) == .inflection)
        #expect(LatinVariant.lemmaKeys(of: "frankreihs", endings: german) == ["frankreih"])
    }

    @Test func shortNameTakesOnlyAConsonantEnding() {
        // German Irans, but French "Seule" is not Seoul (key "seul").
        #expect(LatinVariant.relation(of: "irans", to: "iran", endings: german) == .inflection)
        #expect(LatinVariant.relation(of: "seule", to: "seul", endings: german) == nil)
    }

    @Test func weakAdjectiveBeforeTheLastWordMayLoseAnEnding() {
        // "das Weiße Haus" for "Weißes Haus"; the last word keeps the form's letters.
        #expect(LatinVariant.relation(of: "veise haus", to: "veises haus", endings: german) == .inflection)
        #expect(LatinVariant.relation(of: "vereinigten konigreihs", to: "vereinigtes konigreih", endings: german) == .inflection)
        #expect(LatinVariant.relation(of: "georg", to: "george", endings: german) == nil)
    }

    @Test func englishNamesTakeNoEndings() {
        #expect(LatinVariant.relation(of: "frances", to: "franse", endings: .of(language: "en")) == nil)
    }

    @Test func slavicEndingReplacesTheFinalVowel() {
        let slovak = LatinVariant.Endings.of(language: "sk")
        #expect(LatinVariant.relation(of: "fica", to: "fico", endings: slovak) == .inflection)
        #expect(LatinVariant.relation(of: "ficovi", to: "fico", endings: slovak) == .inflection)
        #expect(LatinVariant.lemmaKeys(of: "fica", endings: slovak).contains("fico"))
        // Polish Kijowa, Kijowie (keys "kiova", "kiove") of Kijów ("kiov"): a short lemma takes a vowel ending.
        #expect(LatinVariant.relation(of: "kiova", to: "kiov", endings: .of(language: "pl")) == .inflection)
    }

    @Test func typingErrorInsideALongName() {
        #expect(LatinVariant.relation(of: "zelenksi", to: "zelenski", endings: german) == .typo)
        #expect(LatinVariant.relation(of: "zelenki", to: "zelenski", endings: german) == .typo)
    }

    @Test func changeAtTheEndIsNoTypingError() {
        // Zelenska is another person; Niederländer is a demonym of Niederlande.
        #expect(LatinVariant.relation(of: "zelenska", to: "zelenski", endings: german) == nil)
        #expect(LatinVariant.relation(of: "niederlander", to: "niederlande", endings: german) == nil)
    }

    @Test func oneVowelAndOneLetterApartIsAnotherWord() {
        #expect(LatinVariant.relation(of: "bruno", to: "brunei", endings: german) == nil)
        #expect(LatinVariant.relation(of: "leben", to: "libien", endings: german) == nil)
    }
}
