import Testing
import OnomaText
@testable import OnomaLexicon

/// What `onoma lexicon import icu-territories` generates from ICU's locale data.
@Suite struct TerritoryLexiconTests {
    @Test func nameSharedByLanguagesIsListedUnderEach() throws {
        // German and Dutch both call Morocco "Marokko": each language's inflections vary its own form.
        let existing = Lexicon(entries: [LexiconEntry(entity: "Q1028", type: .place, lang: "en", form: "Morocco", role: .canonical)])
        let entries = TerritoryLexicon.entries(existing: existing).entries
        let marokko = Set(entries.filter { $0.entity == "Q1028" && $0.form == "Marokko" }.map { LanguageTag.primary($0.lang) })
        #expect(marokko.isSuperset(of: ["de", "nl"]))
        // The existing canonical form is not listed again in its language.
        #expect(!entries.contains { $0.entity == "Q1028" && $0.form == "Morocco" && $0.lang == "en" })
    }
}
