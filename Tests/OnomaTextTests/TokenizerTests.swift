import OnomaText
import Testing

/// Word segmentation of news text: what stays one token, what splits, and what each token says
/// about itself.
@Suite struct TokenizerTests {
    let tokenizer: Tokenizer

    init() throws { tokenizer = try Tokenizer() }

    func texts(_ text: String) -> [String] { tokenizer.tokenize(text).map(\.text) }

    func words(_ text: String) -> [String] { tokenizer.tokenize(text).filter(\.isWordLike).map(\.text) }

    @Test func emptyStringGivesNoTokens() throws {
        #expect(tokenizer.tokenize("").isEmpty)
        #expect(try Tokenizer(includeWhitespace: true).tokenize("").isEmpty)
        var calls = 0
        tokenizer.forEachToken(in: "") { _ in calls += 1 }
        #expect(calls == 0)
    }

    @Test func whitespaceIsDroppedUnlessAskedFor() throws {
        #expect(texts(" \t\n ").isEmpty)
        #expect(texts("Kim  Jong\u{00A0}un\n") == ["Kim", "Jong", "un"])
        let withSpace = try Tokenizer(includeWhitespace: true).tokenize("Kim  Jong\u{00A0}un\n")
        #expect(withSpace.map(\.text) == ["Kim", "  ", "Jong", "\u{00A0}", "un", "\n"])
        #expect(withSpace.map(\.kind) == [.word, .whitespace, .word, .whitespace, .word, .whitespace])
    }

    @Test func apostropheInsideWordStaysOneToken() {
        #expect(texts("O'Reilly") == ["O'Reilly"])              // ASCII apostrophe, Latin
        #expect(texts("O’Reilly") == ["O’Reilly"])              // U+2019, Latin
        #expect(texts("d'Alembert") == ["d'Alembert"])          // French elision (root locale keeps it)
        #expect(texts("м'ясо") == ["м'ясо"])                    // ASCII apostrophe, Ukrainian
        #expect(texts("м’ясо") == ["м’ясо"])                    // U+2019, Ukrainian
        #expect(texts("мʼясо") == ["мʼясо"])                    // U+02BC modifier letter apostrophe is a letter
        #expect(texts("Сім'я") == ["Сім'я"])                    // capitalised Ukrainian
    }

    @Test func apostropheAtWordEdgeIsPunctuation() {
        #expect(texts("'Kyiv'") == ["'", "Kyiv", "'"])          // quotes around a word
        #expect(texts("Koreans' troops") == ["Koreans", "'", "troops"])  // plural possessive: the ' splits off
    }

    @Test func possessiveIsMarkedAndNameTextStripsIt() throws {
        let ascii = try #require(tokenizer.tokenize("Zelenskyy's").first)
        #expect(ascii.text == "Zelenskyy's")                    // one token
        #expect(ascii.isPossessive)
        #expect(ascii.nameText == "Zelenskyy")
        let curly = try #require(tokenizer.tokenize("Zelenskyy’s").first)
        #expect(curly.text == "Zelenskyy’s")                    // U+2019: 3 UTF-8 bytes in the suffix
        #expect(curly.possessiveSuffixLength == 4)
        #expect(curly.nameText == "Zelenskyy")
        let shouted = try #require(tokenizer.tokenize("ZELENSKYY'S").first)
        #expect(shouted.nameText == "ZELENSKYY")                // capital S
    }

    @Test func pluralPossessiveIsNotMarked() throws {
        // "Koreans'" ends in a bare apostrophe, which UAX #29 splits off: the word token is
        // "Koreans", not possessive, and its name text is the whole word.
        let tokens = tokenizer.tokenize("Koreans'")
        #expect(tokens.map(\.text) == ["Koreans", "'"])
        #expect(!tokens[0].isPossessive)
        #expect(tokens[0].nameText == "Koreans")
        #expect(tokens[1].kind == .punctuation)
    }

    @Test func contractionWithSIsTreatedAsPossessive() throws {
        // "it's" cannot be told from a possessive by its letters: it is marked, and its name text
        // is "it". Harmless for names ("it" is no name), but callers must not count it as one.
        let token = try #require(tokenizer.tokenize("it's").first)
        #expect(token.isPossessive)
        #expect(token.nameText == "it")
        #expect(!(try #require(tokenizer.tokenize("don't").first)).isPossessive)  // 't is no possessive
    }

    @Test func possessiveSuffixNeedsALatinWord() throws {
        #expect(!(try #require(tokenizer.tokenize("'s").first { $0.kind == .word })).isPossessive)   // no letter before it
        #expect(!(try #require(tokenizer.tokenize("Is").first)).isPossessive)      // an s without apostrophe
        #expect(!(try #require(tokenizer.tokenize("м'яс").first)).isPossessive)    // Cyrillic word
        #expect(tokenizer.tokenize("Kyiv").first?.possessiveSuffixLength == 0)
    }

    @Test func hyphenatedNameIsRecoverableAsCompound() {
        let korean = tokenizer.tokenize("Kim Jong-un visited")
        #expect(korean.map(\.text) == ["Kim", "Jong", "-", "un", "visited"])   // UAX #29 splits at hyphens
        #expect(korean.hyphenatedCompounds() == [1..<4])                       // Korean given name
        let composer = tokenizer.tokenize("Rimsky-Korsakov")
        #expect(composer.hyphenatedCompounds() == [0..<3])                     // double surname
        #expect(composer[0..<3].map(\.text).joined() == "Rimsky-Korsakov")     // the parts rebuild the name
        #expect(tokenizer.tokenize("Ivano-Frankivsk").hyphenatedCompounds() == [0..<3])   // Ukrainian city
        #expect(tokenizer.tokenize("Jean-Pierre-Marie").hyphenatedCompounds() == [0..<5]) // three parts
        #expect(tokenizer.tokenize("Jong\u{2011}un").hyphenatedCompounds() == [0..<3])    // non-breaking hyphen
        #expect(tokenizer.tokenize("Jong\u{2010}un").hyphenatedCompounds() == [0..<3])    // U+2010 HYPHEN
        #expect(tokenizer.tokenize("Івано-Франківськ").hyphenatedCompounds() == [0..<3])  // Cyrillic parts
    }

    @Test func spacedOrDashedPartsAreNotACompound() throws {
        #expect(tokenizer.tokenize("Jong - un").hyphenatedCompounds().isEmpty)     // spaces around the hyphen
        #expect(tokenizer.tokenize("Jong -un").hyphenatedCompounds().isEmpty)      // space before it
        #expect(tokenizer.tokenize("Jong–un").hyphenatedCompounds().isEmpty)       // en dash is no hyphen
        #expect(tokenizer.tokenize("Jong-").hyphenatedCompounds().isEmpty)         // nothing after it
        #expect(tokenizer.tokenize("-un").hyphenatedCompounds().isEmpty)           // nothing before it
        let withSpace = try Tokenizer(includeWhitespace: true).tokenize("Kim Jong-un")
        #expect(withSpace.hyphenatedCompounds() == [2..<5])                        // whitespace tokens in between
    }

    @Test func tokenRangesSliceBackToTokenTextInEveryScript() throws {
        // 1- to 4-byte scalars, dictionary scripts, emoji, and a composed and a decomposed ï.
        let text = "Zelenskyy’s Зеленський 젤렌스키 泽连斯基 ゼレンスキー زيلينسكي זלנסקי การเมือง 😀 🇺🇦 naïve nai\u{308}ve 2024"
        let utf8 = Array(text.utf8)
        let tokens = try Tokenizer(includeWhitespace: true).tokenize(text)
        for token in tokens {
            #expect(utf8[token.range].elementsEqual(token.text.utf8), "\(token.text) at \(token.range)")
        }
        // With whitespace included the ranges tile the text.
        #expect(tokens.first?.range.lowerBound == 0)
        #expect(tokens.last?.range.upperBound == utf8.count)
        #expect(zip(tokens, tokens.dropFirst()).allSatisfy { $0.range.upperBound == $1.range.lowerBound })
        #expect(tokens.map(\.text).joined().utf8.elementsEqual(text.utf8))
    }

    @Test func tokenKindsFollowRuleStatusAndFirstCharacter() {
        let kinds = { (text: String) in self.tokenizer.tokenize(text).map(\.kind) }
        #expect(kinds("Kyiv") == [.word])                  // letters
        #expect(kinds("2024") == [.number])                // digits
        #expect(kinds("3,000") == [.number])               // grouped number stays one token
        #expect(kinds("21.35") == [.number])               // decimal number
        #expect(kinds("٢٠٢٤") == [.number])                // Arabic-Indic digits
        #expect(kinds("B2B") == [.word])                   // letters and digits
        #expect(kinds(",") == [.punctuation])              // comma
        #expect(kinds("«»") == [.punctuation, .punctuation])  // guillemets
        #expect(kinds("—") == [.punctuation])              // em dash
        #expect(kinds("$") == [.symbol])                   // currency sign
        #expect(kinds("+") == [.symbol])                   // math symbol
        #expect(kinds("😀") == [.emoji])                   // pictograph
        #expect(kinds("🇺🇦") == [.emoji])                   // flag: a regional indicator pair
        #expect(kinds("👩‍❤️‍👩") == [.emoji])                 // ZWJ sequence stays one token
        #expect(kinds("การ") == [.word])                   // Thai word (dictionary)
        #expect(kinds("泽") == [.word])                    // ideograph
    }

    @Test func emojiKindFollowsEmojiPresentationLikeLucene() {
        // Lucene's rule (BreakIteratorWrapper.isEmoji): a segment is <EMOJI> when its first code
        // point is Emoji or Extended_Pictographic, except that # * 0-9 © ® ™ 〰 〽 count only
        // when U+FE0F or U+20E3 follows. Text-style signs in bylines are symbols; keycaps are emoji.
        let kind = { (text: String) in self.tokenizer.tokenize(text).map(\.kind) }
        #expect(kind("©") == [.symbol])                    // copyright sign, text presentation
        #expect(kind("®") == [.symbol])                    // registered sign
        #expect(kind("™") == [.symbol])                    // trade mark sign
        #expect(kind("©\u{FE0F}") == [.emoji])             // with the emoji presentation selector
        #expect(kind("#\u{FE0F}\u{20E3}") == [.emoji])     // keycap number sign
        #expect(kind("3\u{FE0F}\u{20E3}") == [.emoji])     // keycap digit
        #expect(kind("❤") == [.emoji])                     // pictograph without selector
    }

    @Test func isWordLikeMeansWordOrNumber() {
        let tokens = tokenizer.tokenize("Kyiv, 2024 😀 $")
        #expect(tokens.filter(\.isWordLike).map(\.text) == ["Kyiv", "2024"])
    }

    @Test func tokenScriptIsThatOfItsFirstNonCommonCharacter() throws {
        let script = { (text: String) in self.tokenizer.tokenize(text).first?.script }
        #expect(script("Zelenskyy") == .latin)              // Latn
        #expect(script("Зеленський") == .cyrillic)          // Cyrl
        #expect(script("젤렌스키") == .hangul)                // Hang
        #expect(script("泽") == .han)                        // Hani
        #expect(script("زيلينسكي") == .arabic)              // Arab
        #expect(script("זלנסקי") == .hebrew)                // Hebr
        #expect(script("ゼレンスキー") == .katakana)           // Kana (ー is Common)
        #expect(script("ひらがな") == .hiragana)              // Hira
        #expect(script("Ζελένσκι") == .greek)               // Grek
        #expect(script("การ")?.code == "Thai")              // Thai
        #expect(script("2024") == .common)                  // digits only
        #expect(script("5Зеленський") == .cyrillic)         // a leading digit is skipped
        #expect(script("_Київ") == .cyrillic)               // ExtendNumLet underscore is Common
    }

    @Test func dictionarySegmentationSplitsPhrasesWithoutSpaces() {
        #expect(words("การที่ได้ต้องแสดงว่างานดี").count > 1)       // Thai
        #expect(words("ພາສາລາວ") == ["ພາສາ", "ລາວ"])               // Lao
        #expect(words("我购买了道具和服装") == ["我", "购买", "了", "道具", "和", "服装"])  // Chinese
        #expect(words("それはまだ実験段階にあります").count > 1)      // Japanese
        #expect(words("ゼレンスキー大統領").count > 1)               // katakana name + kanji title
        #expect(words("안녕하세요 한글입니다").count == 2)            // Korean uses spaces
    }

    @Test func hanNameComesOutAsSeparateCharacters() {
        // The design's warning: a transliterated Han name is not in ICU's dictionary, so the
        // word breaker gives single characters and the canonicalizer must join them.
        #expect(words("泽连斯基") == ["泽", "连", "斯", "基"])
    }

    @Test func colonBetweenLettersSplitsUnlikeUAX29() {
        // ICU-22127: ICU's root rules break at a colon between letters, where UAX #29 does not.
        #expect(texts("a:b") == ["a", ":", "b"])
    }

    @Test func forEachTokenGivesTheSameTokensAsTokenize() {
        let text = "Володимир Зеленський, President of Ukraine — 2024."
        var seen: [Token] = []
        tokenizer.forEachToken(in: text) { seen.append($0) }
        #expect(seen == tokenizer.tokenize(text))
    }

    @Test func forEachSegmentGivesTheTokensWithoutTheirText() {
        let text = "Zelenskyy’s aides met 泽连斯基 in Київ, 3 🇺🇦 days."
        var seen: [TokenSegment] = []
        tokenizer.forEachSegment(in: text) { seen.append($0) }
        #expect(seen == tokenizer.tokenize(text).map(\.segment))
        let utf8 = Array(text.utf8)
        #expect(String(decoding: utf8[seen[0].nameRange], as: UTF8.self) == "Zelenskyy")
    }

    @Test func longTextKeepsEveryTokenAcrossSegmentBatches() {
        // More segments than one call to the C shim returns (512), with multi-byte words.
        let words = (0..<3000).map { $0.isMultiple(of: 2) ? "Київ\($0)" : "Kyiv" }
        let tokens = tokenizer.tokenize(words.joined(separator: " "))
        #expect(tokens.map(\.text) == words)
    }

    @Test func tokenizerIsReusableAcrossTexts() {
        let first = tokenizer.tokenize("Kim Jong-un met Putin in Pyongyang.")
        let second = tokenizer.tokenize("Київ")
        #expect(second.map(\.text) == ["Київ"])
        #expect(second[0].range == 0..<8)
        #expect(tokenizer.tokenize("Kim Jong-un met Putin in Pyongyang.") == first)
    }
}
