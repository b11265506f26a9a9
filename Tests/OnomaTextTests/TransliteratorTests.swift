import OnomaText
import Testing

/// Transliteration to Latin per language, ICU ids and rules, errors, and sharing across tasks.
@Suite struct TransliteratorTests {
    func toLatin(_ lang: String?, _ text: String, ascii: Bool = false) -> String {
        Transliterator.toLatin(lang: lang, ascii: ascii).transliterate(text)
    }

    @Test func ukrainianUsesBGN() {
        #expect(toLatin("uk", "Зеленський") == "Zelensʹkyy")      // soft sign → ʹ, -ий → -yy
        #expect(toLatin("uk", "Київ") == "Kyyiv")                 // и → y, ї → yi
        #expect(toLatin("uk", "Ярослав Їжак Щербак Юлія Ґалаґан")
                == "Yaroslav Yizhak Shcherbak Yuliya Galagan")    // я, ї, щ, ю, ґ
        #expect(toLatin("uk-UA", "Київ") == "Kyyiv")              // region subtag ignored
    }

    @Test func russianUsesBGN() {
        #expect(toLatin("ru", "Зеленский") == "Zelenskiy")        // -ий → -iy
        #expect(toLatin("ru", "Ёлка Щукин Юрий").exact == "Yëlka Shchukin Yuriy".exact)  // ё → yë (composed), щ → shch
    }

    @Test func sameCyrillicNameDiffersByLanguage() {
        // The design's point: pick the transform by language, normalise endings afterwards.
        #expect(toLatin("uk", "Зеленський") == "Zelensʹkyy")
        #expect(toLatin(nil, "Зеленський") == "Zelensʹkij")       // Any-Latin without a language
    }

    @Test func openOAndSchwaOfAfricanOrthographiesBecomeVowelsInASCII() {
        // Latin-ASCII keeps ɔ and ə: a name key would lose them (Bambara Andɔr, Andorra).
        #expect(toLatin(nil, "Andɔr Àŋdɔ̂r andɔrǝ Ə", ascii: true) == "Andor Andor andore E")
    }

    @Test func koreanUsesHangulLatin() throws {
        #expect(toLatin("ko", "젤렌스키") == "jellenseuki")
        #expect(toLatin("ko", "김정은") == "gimjeong-eun")         // syllable boundary marked with a hyphen
        #expect(try Transliterator(id: "Korean-Latin/BGN").transliterate("젤렌스키") == "젤렌스키")  // why not BGN: unchanged
    }

    @Test func arabicUsesArabicLatin() throws {
        #expect(toLatin("ar", "زيلينسكي") == "zylynsky")          // plain ي is transliterated
        #expect(try Transliterator(id: "Arabic-Latin/BGN").transliterate("زيلينسكي") == "zيlيnskي")  // why not BGN: ي kept
    }

    @Test func arabicVowelMarksAndPunctuationAreTransliterated() {
        // Harakat are Inherited and ، and ـ Common: the Arabic step must still see them.
        #expect(toLatin("ar", "مُحَمَّد").exact == "muḥamãd".exact)     // damma, fatha, shadda
        #expect(toLatin("ar", "بُوتِين").exact == "būtīn".exact)        // damma and kasra lengthen
        #expect(toLatin("ar", "القاهرة، مصر").exact == "ạlqạhrẗ, mṣr".exact)  // Arabic comma
        #expect(toLatin("ar", "ـــمحمد").exact == "mḥmd".exact)        // tatweel dropped
        #expect(toLatin("fa", "نَه") == "nah")                        // fatha (CLDR fa BGN test data)
        #expect(toLatin("fa", "کهِ") == "khe")                        // kasra
        #expect(toLatin("fa", "شِیر") == "sheyr")
    }

    @Test func japaneseKanaKeepsTheLongVowel() {
        #expect(toLatin("ja", "ゼレンスキー").exact == "zerensukī".exact)  // ー lengthens the vowel
        #expect(toLatin("ja", "ひらがなー").exact == "hiraganā".exact)      // hiragana with the long-vowel mark
        #expect(toLatin("ja", "かー").exact == "kā".exact)                  // composed, as from カー
        #expect(toLatin("ja", "ゼレンスキー", ascii: true) == "zerensuki")
    }

    @Test func chineseGoesThroughAnyLatin() {
        #expect(Transliterator.latinSteps["zh"] == nil)
        #expect(toLatin("zh", "泽连斯基").exact == "zé lián sī jī".exact)  // pinyin with tones, one syllable each
        #expect(toLatin("zh", "泽连斯基", ascii: true) == "ze lian si ji")
    }

    @Test func otherScriptsGoThroughAnyLatin() {
        #expect(toLatin("he", "זלנסקי") == "zlnsqy")              // Hebrew: consonants only
        #expect(toLatin("el", "Ζελένσκι").exact == "Zelénski".exact)  // Greek
        #expect(toLatin("fa", "زلنسکی") == "zlnsky")               // Persian BGN
    }

    @Test func latinTokenInsideUkrainianTextIsUntouched() {
        // The Cyrillic filter keeps BGN's ’ → ʺ off Latin words.
        #expect(toLatin("uk", "Zelenskyy’s visit to Київ") == "Zelenskyy’s visit to Kyyiv")
        #expect(toLatin("uk", "Zelenskyy’s") == "Zelenskyy’s")
    }

    @Test func apostropheInsideUkrainianWordIsKept() {
        // BGN would write ’ as ʺ; the Cyrillic filter leaves the apostrophe, like ASCII '.
        #expect(toLatin("uk", "м’ясо") == "m’yaso")
        #expect(toLatin("uk", "м'ясо") == "m'yaso")
    }

    @Test func asciiVariantDropsDiacriticsAndModifierLetters() {
        #expect(toLatin("uk", "Зеленський", ascii: true) == "Zelens'kyy")   // ʹ → '
        #expect(toLatin("ru", "Ёлка", ascii: true) == "Yelka")              // ë → e
        #expect(toLatin("uk", "Zelenskyy’s", ascii: true) == "Zelenskyy's") // ’ → '
        #expect(toLatin("el", "Ζελένσκι", ascii: true) == "Zelenski")
    }

    @Test func asciiTextSkipsICUUnchanged() {
        #expect(toLatin("uk", "Kyiv's O'Reilly") == "Kyiv's O'Reilly")
        #expect(Transliterator.toLatin(lang: "uk").keepsASCII)
    }

    @Test func toLatinIsSharedPerLanguage() {
        #expect(Transliterator.toLatin(lang: "uk") === Transliterator.toLatin(lang: "uk-UA"))
        #expect(Transliterator.toLatin(lang: "uk") !== Transliterator.toLatin(lang: "ru"))
        #expect(Transliterator.toLatin(lang: "uk") !== Transliterator.toLatin(lang: "uk", ascii: true))
        #expect(Transliterator.toLatin(lang: "xx") === Transliterator.toLatin(lang: nil))  // no step: same rules
    }

    @Test func latinRulesPutTheLanguageStepBeforeAnyLatin() {
        #expect(Transliterator.latinRules(lang: "uk") == "::NFC; ::[:Cyrillic:] Ukrainian-Latin/BGN; ::Any-Latin; ::NFC;")
        #expect(Transliterator.latinRules(lang: nil, ascii: true) == "::NFC; ::Any-Latin; ɔ > o; Ɔ > O; [əǝ] > e; [ƏƎ] > E; ::NFC; ::Latin-ASCII; ::NFC;")
        #expect(LanguageTag.primary("uk-UA") == "uk")
        #expect(LanguageTag.primary("zh_Hant_TW") == "zh")
        #expect(LanguageTag.primary("RU") == "ru")
    }

    @Test func primaryLanguageIsTheFirstSubtagBetweenSeparatorsLowercased() {
        #expect(LanguageTag.primary("en") == "en")
        #expect(LanguageTag.primary("EN-us") == "en")
        #expect(LanguageTag.primary("-_sr-Latn") == "sr")
        #expect(LanguageTag.primary("") == "")
        #expect(LanguageTag.primary("--") == "")
        #expect(LanguageTag.primary("ÜK-ua") == "ük")
    }

    @Test func toLatinOutputIsNFC() {
        // Keys are compared as bytes downstream (lexicon files, the SQLite index).
        let samples = ["ひらがなー", "かー", "ゼレンスキー", "Ёлка", "Ἀθῆναι", "北京", "김정은", "مُحَمَّد", "שָׁלוֹם", "हिन्दी", "ไทย"]
        for lang in ["ja", "ru", "el", "zh", "ko", "ar", "fa", "he", "uk", "hi"] {
            for text in samples {
                let latin = toLatin(lang, text)
                #expect(Normalization.nfc.isNormalized(latin), "\(lang): \(text) → \(latin)")
            }
        }
    }

    @Test func stagedTransformGivesWhatTheWholeRulesGive() throws {
        // toLatin runs the language's step alone on NFC text and the later stages only on text
        // still not ASCII (Russian soft sign ʹ, ë; Hangul comes out ASCII): the same output as
        // the whole rules, also on text not in NFC, of several scripts, or with Latin beside it.
        let samples = ["Зеленский", "Артём", "Дарья Ильина", "Київ", "Zelenskyy’s Київ", "Ki\u{308}ev",
                       "и\u{306}од", "김정은", "터틀타웁", "\u{1100}\u{1161}\u{11A8}", "ゼレンスキー", "かー",
                       "ひらがなー", "مُحَمَّد", "شاه‌نامه", "Ἀθῆναι", "Łódź", "Nguyễn", "Andɔr", "北京 Москва", "e\u{301}"]
        for lang in [nil] + Transliterator.latinSteps.keys.sorted() {
            for ascii in [false, true] {
                let whole = try Transliterator(rules: Transliterator.latinRules(lang: lang, ascii: ascii))
                for text in samples {
                    #expect(Transliterator.toLatin(lang: lang, ascii: ascii).transliterate(text) == whole.transliterate(text),
                            "\(lang ?? "any") ascii \(ascii): \(text)")
                }
            }
        }
        #expect(Transliterator.toLatin(lang: "ru", ascii: true).transliterate("Дарья") == "Dar'ya")
    }

    @Test func everyLanguageStepOpens() throws {
        for lang in Transliterator.latinSteps.keys.sorted() {
            for ascii in [false, true] {
                #expect(throws: Never.self, "\(lang)") {
                    try Transliterator(rules: Transliterator.latinRules(lang: lang, ascii: ascii))
                }
            }
        }
    }

    @Test func compoundIDRunsStepsInOrder() throws {
        let t = try Transliterator(id: "Any-Latin; Latin-ASCII")
        #expect(t.transliterate("Зеленський") == "Zelens'kij")
        #expect(t.transliterate("泽连斯基") == "ze lian si ji")
        let lower = try Transliterator(id: "Any-Latin; Latin-ASCII; Lower")
        #expect(lower.transliterate("Зеленський") == "zelens'kij")
        #expect(try Transliterator(id: "[:Cyrillic:] Russian-Latin/BGN").transliterate("Зеленский Ζ") == "Zelenskiy Ζ")  // filter
    }

    @Test func customRulesApply() throws {
        let jrc = try Transliterator(rules: "ph > f; ou > u; w > v;", name: "jrc")
        #expect(jrc.id == "jrc")
        #expect(jrc.transliterate("woloshyn philippou") == "voloshyn filippu")     // JRC-style spelling rules
        #expect(jrc.transliterate("Philippou") == "Philippu")                      // rules are case-sensitive
        #expect(try Transliterator(rules: "a > b; b > c;").transliterate("abacadaba") == "bcbcbdbcb")
        #expect(try Transliterator(rules: "c { a > b; a > d;").transliterate("caa") == "cbd")  // context
        #expect(try Transliterator(rules: "::Any-Latin; ::Latin-ASCII; ::Lower;").transliterate("Київ") == "kiiv")
        #expect(!(try Transliterator(rules: "a > b;")).keepsASCII)               // custom rules do change ASCII
    }

    @Test func outputLongerThanTheFirstBufferIsComplete() throws {
        // Each a becomes ten: the output outgrows the first buffer (1.5 × input + 16).
        let t = try Transliterator(rules: "a > aaaaaaaaaa;")
        let result = t.transliterate(String(repeating: "a", count: 1000))
        #expect(result == String(repeating: "a", count: 10_000))
    }

    @Test func transliterateTokenEqualsTransliterate() {
        let t = Transliterator.toLatin(lang: "uk")
        for word in ["Зеленський", "Київ", "Zelenskyy’s", "2024", "м’ясо"] {
            #expect(t.transliterateToken(word).exact == t.transliterate(word).exact)
            #expect(t.transliterateToken(word).exact == t.transliterate(word).exact)   // second call comes from the cache
        }
    }

    @Test func unknownIDThrowsWithClosestValidIDs() throws {
        let error = try #require(throws: TransliteratorError.self) { try Transliterator(id: "Russian-Latim/BGN") }
        #expect(error.id == "Russian-Latim/BGN")
        #expect(error.rules == nil)
        #expect(error.description.contains("unknown transform id 'Russian-Latim/BGN'"))
        #expect(error.description.contains("closest: Russian-Latin/BGN,"))          // best first
        #expect(Transliterator.closestIDs(to: "Russian-Latim/BGN", count: 1) == ["Russian-Latin/BGN"])
    }

    @Test func unknownStepOfACompoundIDIsNamed() throws {
        let error = try #require(throws: TransliteratorError.self) { try Transliterator(id: "Any-Latin; Latin-ASCIII") }
        #expect(error.description.contains("unknown transform id 'Latin-ASCIII'; closest: Latin-ASCII,"))
        let filtered = try #require(throws: TransliteratorError.self) { try Transliterator(id: "[:Cyrillic:] Russian-Latim/BGN") }
        #expect(filtered.description.contains("closest: Russian-Latin/BGN,"))   // the filter is not compared
    }

    @Test func unknownStepAfterSourcelessStepsIsNamed() throws {
        // "NFD", "Lower" and "Remove" are valid steps (Any-NFD, Any-Lower, Any-Remove): the error
        // must name the step ICU could not open, not them.
        let error = try #require(throws: TransliteratorError.self) { try Transliterator(id: "NFD; Lower; Russian-Latim/BGN") }
        #expect(error.description.contains("unknown transform id 'Russian-Latim/BGN'; closest: Russian-Latin/BGN,"))
        let marks = try #require(throws: TransliteratorError.self) {
            try Transliterator(id: "NFD; [:Nonspacing Mark:] Remove; Latin; Latin-ASCIII")
        }
        #expect(marks.description.contains("unknown transform id 'Latin-ASCIII'"))
        #expect(throws: Never.self) { try Transliterator(id: "NFD; [:Nonspacing Mark:] Remove; Lower") }  // all valid
    }

    @Test func badRulesReportTheirOffset() throws {
        let rules = "a > b; b > c; $x > d;"
        let error = try #require(throws: TransliteratorError.self) { try Transliterator(rules: rules, name: "mine") }
        #expect(error.rules == rules)
        #expect(error.errorOffset == 14)                                       // the undefined $x
        #expect(error.description.contains("'mine'"))
        #expect(error.description.contains("at offset 14: '$x > d;'"))
        let unclosed = try #require(throws: TransliteratorError.self) { try Transliterator(rules: "a > b; [z > c;") }
        #expect(unclosed.errorOffset == 7)                                     // the unclosed set
    }

    @Test func rulesNamingAnUnknownTransformThrow() throws {
        let error = try #require(throws: TransliteratorError.self) { try Transliterator(rules: "::Any-Latin; ::Foo-Bar;") }
        #expect(error.status > 0)
        #expect(error.description.hasPrefix("cannot compile transliteration rules 'custom'"))
    }

    @Test func availableIDsAreSortedAndIncludeTheOnesOnomaUses() {
        let ids = Transliterator.availableIDs
        #expect(ids == ids.sorted())
        for id in ["Any-Latin", "Latin-ASCII", "Ukrainian-Latin/BGN", "Russian-Latin/BGN", "Hangul-Latin",
                   "Arabic-Latin", "Persian-Latin/BGN", "Katakana-Latin", "Hiragana-Latin"] {
            #expect(ids.contains(id), "\(id)")
        }
    }

    /// `keepsASCII` promises that ICU leaves ASCII unchanged, which lets ASCII skip ICU. Every
    /// transform to Latin or ASCII must keep that promise, or `Transliterator(id:)` returns
    /// something ICU would not. Compiling the same id as rules gives the ICU result.
    @Test func asciiSkipsICUOnlyWhenICULeavesASCIIUnchanged() throws {
        let ascii = String((0x20..<0x7F).map { Character(Unicode.Scalar(UInt8($0))) })
        var broken: [String] = []
        // Opening all 700-odd transforms is slow; keepsASCII can only hold for ids that name a
        // Latin, ASCII or normalization target, so only those are opened.
        let targets: Set<String> = ["latin", "ascii", "nfc", "nfd", "nfkc", "nfkd"]
        let candidates = Transliterator.availableIDs.filter { id in
            targets.contains(id.split(separator: "-").last.map { $0.split(separator: "/")[0].lowercased() } ?? "")
        }
        #expect(candidates.count > 50)
        for id in candidates {
            let transliterator = try Transliterator(id: id)
            guard transliterator.keepsASCII else { continue }
            let icu = try Transliterator(rules: "::\(id);", name: id).transliterate(ascii)
            if transliterator.transliterate(ascii).exact != icu.exact { broken.append("\(id): ICU gives \(icu)") }
        }
        #expect(broken.isEmpty, "keepsASCII skips ICU where ICU changes ASCII:\n\(broken.joined(separator: "\n"))")
    }

    @Test func concurrentTransliterationMatchesSingleThreaded() async throws {
        let words = ["Зеленський", "Київ", "Зеленский", "젤렌스키", "زيلينسكي", "ゼレンスキー", "泽连斯基",
                     "Ζελένσκι", "זלנסקי", "Zelenskyy’s", "Nguyễn", "Łódź", "Ярослав", "Щербак", "Їжак", "м’ясо"]
        let transliterators = [Transliterator.toLatin(lang: "uk"), try Transliterator(id: "Any-Latin; Latin-ASCII")]
        let expected = transliterators.map { t in words.map { t.transliterate($0) } }
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var mismatches = 0
                    for call in 0..<2_000 {
                        let which = (task + call) % transliterators.count
                        let index = (task * 7 + call) % words.count
                        let t = transliterators[which]
                        // Alternate the uncached and cached paths.
                        let result = call.isMultiple(of: 2) ? t.transliterate(words[index]) : t.transliterateToken(words[index])
                        if result.exact != expected[which][index].exact { mismatches += 1 }
                    }
                    return mismatches
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }

    @Test func documentTransliterationEqualsPerTokenResults() throws {
        let tokenizer = try Tokenizer()
        let t = Transliterator.toLatin(lang: "uk")
        let text = "Президент Зеленський відвідав Київ,  Харків і Zelenskyy’s office —\t«2024»!\n"
        var expected = ""
        let utf8 = Array(text.utf8)
        var copied = 0
        for token in tokenizer.tokenize(text) {
            expected += String(decoding: utf8[copied..<token.range.lowerBound], as: UTF8.self)
            expected += t.transliterate(token.text)
            copied = token.range.upperBound
        }
        expected += String(decoding: utf8[copied...], as: UTF8.self)
        #expect(t.transliterate(document: text, using: tokenizer).exact == expected.exact)
        #expect(t.transliterate(document: "Зеленський відвідав Київ.", using: tokenizer) == "Zelensʹkyy vidvidav Kyyiv.")
    }

    @Test func documentTransliterationPreservesTextBetweenTokens() throws {
        let tokenizer = try Tokenizer()
        let t = Transliterator.toLatin(lang: "uk")
        #expect(t.transliterate(document: "  Київ,\t\tКиїв \n", using: tokenizer) == "  Kyyiv,\t\tKyyiv \n")
        #expect(t.transliterate(document: "", using: tokenizer) == "")
        #expect(t.transliterate(document: " \n ", using: tokenizer) == " \n ")
        #expect(t.transliterate(document: "Київ", using: try Tokenizer(includeWhitespace: true)) == "Kyyiv")
    }
}
