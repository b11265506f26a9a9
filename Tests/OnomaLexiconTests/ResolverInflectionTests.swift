import Testing
@testable import OnomaLexicon

/// `resolve` finds the lemma of an inflected Slavic name as the canonicalizer does in text: by
/// the stems of its words.
@Suite struct ResolverInflectionTests {
    static let names = """
        Q3874799\tperson\ten\tVolodymyr Zelenskyy\tcanonical
        Q3874799\tperson\tuk\tВолодимир Зеленський\talias
        Q3874799\tperson\tuk\tЗеленський\talias
        Q1899\tplace\ten\tKyiv\tcanonical
        Q1899\tplace\tuk\tКиїв\talias

        """

    static func index(_ text: String) -> LexiconIndex {
        let parsed = LexiconParser.parse(text, path: "names.tsv")
        precondition(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        return try! LexiconIndex(lexicon: Lexicon(entries: parsed.entries))
    }

    static let resolver = Resolver(index: index(names))

    static func resolve(_ name: String, lang: String? = nil) -> [String] {
        resolver.resolve(name, lang: lang).map { "\($0.entity) \($0.score) \($0.method.rawValue)" }
    }

    @Test func genitiveOfAUkrainianSurname() {
        #expect(Self.resolve("Зеленського") == ["Q3874799 0.9 normalized"])
        #expect(Self.resolve("Зеленського", lang: "uk") == ["Q3874799 0.9 normalized"])
    }

    @Test func genitiveOfAFullName() {
        #expect(Self.resolve("Володимира Зеленського") == ["Q3874799 0.9 normalized"])
    }

    @Test func locativeWithTheClosedSyllableAlternation() {
        // Київ → у Києві: ї turns back into є before the ending.
        #expect(Self.resolve("Києві", lang: "uk") == ["Q1899 0.9 normalized"])
    }

    @Test func formBlockedForAnEntityKeepsItsInflectionsAway() {
        // Зеленської (of Olena Zelenska) has the stem of Зеленська, blocked for Q3874799.
        let resolver = Resolver(index: Self.index(Self.names + """
            Q3874799\tperson\tuk\tЗеленська\tblocked
            Q2\tperson\ten\tOlena Zelenska\tcanonical
            Q2\tperson\tuk\tЗеленська\talias
            """))
        #expect(resolver.resolve("Зеленської", lang: "uk").map(\.entity) == ["Q2"])
        #expect(Resolver(index: Self.index(Self.names)).resolve("Зеленської", lang: "uk").map(\.entity) == ["Q3874799"])
    }
}
