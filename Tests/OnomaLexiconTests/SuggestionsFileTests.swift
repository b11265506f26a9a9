import OnomaLexicon
import Testing

@Suite struct SuggestionsFileTests {
    static let suggestion = Suggestion(
        entry: LexiconEntry(entity: "Q1899", type: .place, lang: "en", form: "Kiev", role: .alias),
        count: 3, score: 0.95, base: "0bf85d57b57af4f3",
        examples: [.init(document: "a b.txt", sentence: "War on Kiev\t#1\\ \"now\"\nnext"), .init(document: "c", sentence: "Kiev.")],
        note: "variant of Kyiv")

    @Test func examplesSurviveTabsLineBreaksHashesAndBackslashes() {
        let file = SuggestionsFile(text: SuggestionsFile.render([Self.suggestion]), path: "s.tsv")
        #expect(file.diagnostics.isEmpty)
        var expected = Self.suggestion
        expected.entry.line = 4
        expected.entry.path = "s.tsv"
        #expect(file.suggestions == [expected])
    }

    @Test func aSuggestionsFileIsALexiconFile() {
        let known = Suggestion(entry: LexiconEntry(entity: "Q1899", type: .place, lang: "en", form: "Kyiv", role: .canonical),
                               status: .known, count: 0, score: 1, base: "0bf85d57b57af4f3")
        let parsed = LexiconParser.parse(SuggestionsFile.render([known, Self.suggestion]), path: "s.tsv")
        #expect(parsed.diagnostics.isEmpty)
        #expect(LexiconValidator.validate(parsed.entries).isEmpty)
        #expect(parsed.entries.map(\.form) == ["Kyiv", "Kiev"])
    }

    @Test func changingAStatusRewritesThatLineOnly() {
        let text = "# my notes\nQ1\tplace\ten\tKyiv\tcanonical\tknown\nQ1\tplace\ten\tKiev  \talias\n"
        var file = SuggestionsFile(text: text, path: "s.tsv")
        #expect(file.suggestions.map(\.status) == [.known, .pending])
        file.suggestions[1].status = .accepted
        #expect(String(decoding: file.bytes, as: UTF8.self) == "# my notes\nQ1\tplace\ten\tKyiv\tcanonical\tknown\nQ1\tplace\ten\tKiev\talias\taccepted\t0\t0\t\n")
    }

    @Test func anUnknownStatusIsReportedWithItsLine() {
        let file = SuggestionsFile(text: "Q1\tplace\ten\tKyiv\tcanonical\tmaybe\n", path: "s.tsv")
        #expect(file.diagnostics.map(\.description) == ["s.tsv:1: error: unknown status 'maybe'; expected one of pending, accepted, rejected, known"])
    }
}
