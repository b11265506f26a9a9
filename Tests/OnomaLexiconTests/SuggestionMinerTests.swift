import OnomaText
import Testing
@testable import OnomaLexicon

@Suite struct SuggestionMinerTests {
    static let lexicon = """
        Q3874799\tperson\ten\tVolodymyr Zelenskyy\tcanonical
        Q3874799\tperson\ten\tZelenskyy\talias
        Q1899\tplace\ten\tKyiv\tcanonical
        Q1899\tplace\tru\tКиев\talias
        Q423\tplace\ten\tNorth Korea\tcanonical

        """

    static func mine(_ texts: [String], lang: String? = "en", minCount: Int = 2) throws -> [Suggestion] {
        let lexicon = Lexicon(entries: LexiconParser.parse(lexicon, path: "lex.tsv").entries)
        var options = SuggestionMiner.Options()
        options.minCount = minCount
        let miner = try SuggestionMiner(index: LexiconIndex(lexicon: lexicon), options: options)
        for (n, text) in texts.enumerated() { miner.add(Document(id: "d\(n)", text: text, lang: lang, path: "-")) }
        return miner.suggestions()
    }

    @Test func anUnlistedSpellingOfAKnownEntityIsAVariantAfterItsKnownLine() throws {
        let suggestions = try Self.mine(["President Zelensky spoke in Kiev today.", "Later Zelensky left."])
        let lines = suggestions.filter { !$0.entry.entity.hasPrefix("onoma:new:") }.map { "\($0.entry.entity) \($0.entry.form) \($0.entry.role.rawValue) \($0.status.rawValue) \($0.count)" }
        #expect(lines == ["Q3874799 Volodymyr Zelenskyy canonical known 0", "Q3874799 Zelensky alias pending 2",
                          "Q1899 Kyiv canonical known 0", "Q1899 Kiev alias pending 1"])
        let zelensky = try #require(suggestions.first { $0.entry.form == "Zelensky" })
        #expect(zelensky.examples.map(\.document) == ["d0", "d1"])
        #expect(zelensky.examples.first?.sentence == "President Zelensky spoke in Kiev today.")
    }

    @Test func spellingsAndScriptsOfANewNameMakeOneProposalWithAGuessedType() throws {
        let suggestions = try Self.mine([
            "The army chief General Oleksandr Syrskyi visited the front. Officers met Oleksandr Syrskyi there.",
            "Reports quoted General Oleksandr Sirsky on the situation.",
            "Командувач Олександр Сирський прибув.",
        ], lang: nil)
        let proposal = suggestions.filter { $0.entry.entity.hasPrefix("onoma:new:oleksandr") }
        #expect(proposal.map(\.entry.form) == ["Oleksandr Syrskyi", "Oleksandr Sirsky", "Олександр Сирський"])
        #expect(proposal.map(\.entry.role) == [.canonical, .alias, .alias])
        #expect(Set(proposal.map(\.entry.entity)).count == 1)
        #expect(proposal[0].entry.type == .person)
    }

    @Test func sentenceInitialCapitalsAndDemonymsAreNotNames() throws {
        let suggestions = try Self.mine([
            "However the talks went on. The North Korean troops moved. However Kyiv said no.",
            "The plan failed. North Koreans fought. Meanwhile the town slept. However it was quiet.",
            "Meanwhile Kyiv waited and the talks resumed.",
        ], minCount: 1)
        #expect(suggestions.filter { $0.entry.entity.hasPrefix("onoma:new:") }.map(\.entry.form) == [])
    }

    @Test func aNameBelowTheMinimumCountIsNotProposed() throws {
        let text = "Officials met Ursula von der Leyen in Brussels."
        #expect(try Self.mine([text], minCount: 2).allSatisfy { !$0.entry.entity.hasPrefix("onoma:new:") })
        #expect(try Self.mine([text, text], minCount: 2).contains { $0.entry.form == "Ursula von der Leyen" })
    }
}
