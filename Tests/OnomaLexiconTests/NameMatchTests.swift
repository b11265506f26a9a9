import Testing
@testable import OnomaLexicon

@Suite struct NameMatchTests {
    @Test func nameWithoutLettersOrDigitsMatchesNothingItselfIncluded() {
        let match = NameMatch(keys: NameKeyMaker(), use: .pair)
        #expect(match.compare("", lang: nil, "", lang: nil).score == 0)
        #expect(match.compare("😀", lang: nil, "😀", lang: nil).score == 0)
        #expect(match.compare("!!", lang: nil, "Putin", lang: nil).score == 0)
        #expect(match.compare("Путин", lang: nil, "ПУТИН", lang: nil) == (1, .exact))
    }
}
