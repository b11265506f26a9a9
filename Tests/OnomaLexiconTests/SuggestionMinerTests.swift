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

    /// The forms of new-entity proposals, each as "form type".
    static func newForms(_ suggestions: [Suggestion]) -> [String] {
        suggestions.filter { $0.entry.entity.hasPrefix("onoma:new:") }.map { "\($0.entry.form) \($0.entry.type.rawValue)" }
    }

    @Test func aKoreanNameBeforeATitleIsAName() throws {
        let suggestions = try Self.mine([
            "올렉산드르 시르스키 총사령관은 29일 쿠르스크 지역에서 북한군이 큰 손실을 입었다고 밝혔다.",
            "우크라이나의 대통령은 올렉산드르 시르스키 총사령관과 만났다.",
        ], lang: "ko")
        #expect(Self.newForms(suggestions) == ["올렉산드르 시르스키 person"])
    }

    @Test func aJapaneseKatakanaNameBeforeATitleIsAName() throws {
        let suggestions = try Self.mine([
            "オレクサンドル・シルスキー総司令官は29日、北朝鮮軍が大きな損失を被ったと述べた。",
            "オレクサンドル・シルスキー総司令官も前線を訪れた。",
        ], lang: "ja")
        #expect(Self.newForms(suggestions) == ["オレクサンドル・シルスキー person"])
    }

    @Test func aChineseNameAfterATitleEndsAtAReportingVerb() throws {
        let suggestions = try Self.mine(["乌克兰武装部队总司令瑟尔斯基表示，朝鲜军队遭受重大损失。", "总司令瑟尔斯基说，前线稳定。"], lang: "zh")
        #expect(Self.newForms(suggestions) == ["瑟尔斯基 person"])
    }

    @Test func anArabicNameAfterATitleAndItsAdjectivesIsAName() throws {
        let suggestions = try Self.mine([
            "قال القائد العام للقوات الأوكرانية أولكسندر سيرسكي إن القوات الكورية الشمالية تكبدت خسائر فادحة.",
            "وأكد القائد أولكسندر سيرسكي أن الوضع صعب.",
        ], lang: "ar")
        #expect(Self.newForms(suggestions) == ["أولكسندر سيرسكي person"])
    }

    @Test func aHebrewNameAfterATitleIsAName() throws {
        let suggestions = try Self.mine(["המפקד אולכסנדר סירסקי אמר כי המצב קשה.", "המפקד אולכסנדר סירסקי ביקר בחזית."], lang: "he")
        #expect(Self.newForms(suggestions) == ["אולכסנדר סירסקי person"])
    }

    @Test func aForeignFullNameWithAMiddleDotIsANameWithoutATitle() throws {
        let suggestions = try Self.mine(["据报道，亚历山大·瑟尔斯基访问了前线。", "亚历山大·瑟尔斯基随后返回基辅。"], lang: "zh")
        #expect(Self.newForms(suggestions) == ["亚历山大·瑟尔斯基 other"])
    }

    @Test func aNameInAnotherScriptJoinsTheLatinNameItTransliterates() throws {
        let suggestions = try Self.mine([
            "The army chief General Oleksandr Syrskyi visited the front.",
            "General Oleksandr Syrskyi said the line held.",
            "올렉산드르 시르스키 총사령관은 29일 밝혔다.",
        ], lang: nil)
        #expect(Self.newForms(suggestions) == ["Oleksandr Syrskyi person", "올렉산드르 시르스키 person"])
        #expect(Set(suggestions.filter { $0.entry.entity.hasPrefix("onoma:new:") }.map(\.entry.entity)).count == 1)
    }
}
