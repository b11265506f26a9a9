import Testing
@testable import OnomaLexicon

/// The letters the letter models read: one test per mark a script's fold keeps.
@Suite struct LetterFoldTests {
    @Test func japaneseLongVowelIsALetterOfTheFold() {
        // Katakana-Latin writes ー as a macron: スターマー sutāmā. English writes it as r
        // (Starmer), as a vowel or not at all, so the fold keeps it for the model to read.
        #expect(LetterFold.words("sutāmā", lang: "ja") == ["suta'ma'"])
        #expect(LetterFold.words("Sutāmā", lang: "en") == ["sutama"])
    }
}
