import Testing
@testable import OnomaLexicon

/// One example per variant-normalisation rule, named after its phenomenon: the two spellings
/// must reach the same key.
@Suite struct NameKeyRulesTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let phenomenon: String
        let a: String, langA: String
        let b: String, langB: String
        var testDescription: String { "\(phenomenon): \(a) = \(b)" }
    }

    static let examples: [Example] = [
        Example(phenomenon: "soft sign and apostrophe", a: "Ольга", langA: "ru", b: "Olga", langB: "en"),
        Example(phenomenon: "hard sign", a: "Подъячев", langA: "ru", b: "Podyachev", langB: "en"),
        Example(phenomenon: "German tsch", a: "Tschernihiw", langA: "de", b: "Chernihiv", langB: "en"),
        Example(phenomenon: "German sch", a: "Schewtschenko", langA: "de", b: "Shevchenko", langB: "en"),
        Example(phenomenon: "German initial s for z", a: "Selenskyj", langA: "de", b: "Zelensky", langB: "en"),
        Example(phenomenon: "Slavic ending -skyy", a: "Zelenskyy", langA: "en", b: "Zelenski", langB: "pl"),
        Example(phenomenon: "Slavic ending -skyi", a: "Syrskyi", langA: "en", b: "Syrski", langB: "en"),
        Example(phenomenon: "Slavic ending -skiy", a: "Zelenskiy", langA: "en", b: "Zelenski", langB: "en"),
        Example(phenomenon: "Slavic ending -skij", a: "Zelenskij", langA: "en", b: "Zelenski", langB: "en"),
        Example(phenomenon: "Slavic ending -skyj", a: "Zelenskyj", langA: "cs", b: "Zelenski", langB: "en"),
        Example(phenomenon: "Slavic ending -skii", a: "Zelenskii", langA: "en", b: "Zelenski", langB: "en"),
        Example(phenomenon: "Slavic ending -sky", a: "Sirsky", langA: "en", b: "Сирський", langB: "uk"),
        Example(phenomenon: "Slavic ending -skaya", a: "Zelenskaya", langA: "en", b: "Zelenska", langB: "en"),
        Example(phenomenon: "Slavic ending -skaja", a: "Zelenskaja", langA: "en", b: "Zelenska", langB: "en"),
        Example(phenomenon: "ending -iy", a: "Oleksiy", langA: "en", b: "Oleksi", langB: "en"),
        Example(phenomenon: "ending -yy", a: "Oleksyy", langA: "en", b: "Oleksi", langB: "en"),
        Example(phenomenon: "ending -ij", a: "Dmitrij", langA: "en", b: "Dmitriy", langB: "en"),
        Example(phenomenon: "ending -yj", a: "Oleksyj", langA: "en", b: "Oleksiy", langB: "en"),
        Example(phenomenon: "ending -ii", a: "Oleksii", langA: "en", b: "Oleksiy", langB: "en"),
        Example(phenomenon: "ending -yi", a: "Oleksyi", langA: "en", b: "Oleksiy", langB: "en"),
        Example(phenomenon: "iotated e written ye", a: "Yevhen", langA: "en", b: "Evhen", langB: "en"),
        Example(phenomenon: "iotated e written ie", a: "Kiev", langA: "en", b: "Kyev", langB: "en"),
        Example(phenomenon: "iotated e written je", a: "Jewgeni", langA: "de", b: "Yevgeni", langB: "en"),
        Example(phenomenon: "iotated u written yu", a: "Yuliya", langA: "en", b: "Iuliia", langB: "en"),
        Example(phenomenon: "iotated u written ju", a: "Julija", langA: "de", b: "Yuliya", langB: "en"),
        Example(phenomenon: "iotated a written ya", a: "Yaroslav", langA: "en", b: "Iaroslav", langB: "en"),
        Example(phenomenon: "iotated a written ja", a: "Jaroslaw", langA: "pl", b: "Yaroslav", langB: "en"),
        Example(phenomenon: "iotated o written jo", a: "Fjodor", langA: "de", b: "Fyodor", langB: "en"),
        Example(phenomenon: "kh for h", a: "Kharkiv", langA: "en", b: "Harkiv", langB: "en"),
        Example(phenomenon: "ph for f", a: "Josephine", langA: "en", b: "Josefine", langB: "en"),
        Example(phenomenon: "w for v", a: "Wolodymyr", langA: "de", b: "Volodymyr", langB: "en"),
        Example(phenomenon: "French ou for u", a: "Poutine", langA: "fr", b: "Putine", langB: "en"),
        Example(phenomenon: "ck for k", a: "Mackenzie", langA: "en", b: "Makenzie", langB: "en"),
        Example(phenomenon: "cz for ch", a: "Czernichow", langA: "pl", b: "Chernichow", langB: "en"),
        Example(phenomenon: "dzh for j", a: "Dzhokhar", langA: "en", b: "Jokhar", langB: "en"),
        Example(phenomenon: "zh for j", a: "Zhytomyr", langA: "en", b: "Jytomyr", langB: "en"),
        Example(phenomenon: "ts for c", a: "Kravtsov", langA: "en", b: "Kravcov", langB: "cs"),
        Example(phenomenon: "Korean epenthetic eu", a: "젤렌스키", langA: "ko", b: "Jelenski", langB: "en"),
        Example(phenomenon: "Japanese epenthetic u after s", a: "ゼレンスキー", langA: "ja", b: "Zerenski", langB: "en"),
        Example(phenomenon: "Japanese epenthetic o after t", a: "ミット", langA: "ja", b: "Mitt", langB: "en"),
        Example(phenomenon: "Japanese epenthetic o after d", a: "エド", langA: "ja", b: "Ed", langB: "en"),
        Example(phenomenon: "y as i", a: "Syrsky", langA: "en", b: "Sirski", langB: "en"),
    ]

    @Test(arguments: examples)
    func spellingsShareAKey(_ example: Example) {
        let keys = NameKeyMaker()
        #expect(keys.key(for: example.a, lang: example.langA).key == keys.key(for: example.b, lang: example.langB).key)
    }

    @Test func everyRuleHasAnExample() {
        let tested = Set(Self.examples.map(\.phenomenon))
        let untested = NameKeyRules.all.map(\.phenomenon).filter { !tested.contains($0) }
        #expect(untested.isEmpty, "rules without an example: \(untested)")
    }

    @Test func doubledLettersCollapse() {
        // Kyyiv (BGN) and Kyiv; Jellenseuki (Korean) and Jelenski.
        let keys = NameKeyMaker()
        #expect(keys.key(for: "Kyyiv", lang: "en").key == keys.key(for: "Kyiv", lang: "en").key)
        #expect(keys.key(for: "Lammy", lang: "en").key == "lami")
    }

    @Test func scriptsMeetOnOneKey() {
        let keys = NameKeyMaker()
        let zelensky = ["Зеленський": "uk", "Зеленский": "ru", "Zelenskyy": "en", "Selenskyj": "de", "Zelenskiy": "en"]
        #expect(Set(zelensky.map { keys.key(for: $0.key, lang: $0.value).key }) == ["zelenski"])
        // Arabic writes few vowels: it meets the others on the skeleton, not the key.
        #expect(keys.key(for: "زيلينسكي", lang: "ar").skeleton == keys.key(for: "Zelensky", lang: "en").skeleton)
    }

    @Test func skeletonKeepsConsonantClassesOnly() {
        let keys = NameKeyMaker()
        // z/s/j are one class, l/r are one class: Korean and Japanese renderings block with English.
        #expect(keys.key(for: "Zelensky", lang: "en").skeleton == "slnsk")
        #expect(keys.key(for: "젤렌스키", lang: "ko").skeleton == "slnsk")
        #expect(keys.key(for: "ゼレンスキー", lang: "ja").skeleton == "slnsk")
    }

    @Test func rulesSkippedForBytesTheWordLacksGiveTheKeyOfEveryRule() {
        // A rule whose pattern has a byte the word lacks is not scanned: the key must be the
        // one every rule in turn gives, whichever rules fire.
        let keys = NameKeyMaker()
        let words = ["zelenskyy", "kharkiv", "seuleonggeu", "phillips", "oulianov", "mitto", "kravtsov",
                     "zhytomyr", "yevgeniy", "aaa", "x1y2z3", "skijskyy", "ewu", "w", "hh"]
        for word in words {
            var expected = Array(word.utf8)
            for rule in NameKeyRules.all where rule.languages?.contains("en") ?? true { expected = rule.apply(to: expected) }
            #expect(keys.key(for: word, lang: "en").key == String(decoding: NameKeyMaker.collapsingDoubles(expected), as: UTF8.self), "\(word)")
        }
    }

    @Test func languageIsGuessedFromScriptWhenNotGiven() {
        let keys = NameKeyMaker()
        // і marks Ukrainian: Київ → Kyyiv (BGN), not the Russian Kiiv.
        #expect(keys.key(for: "Київ", lang: nil).key == keys.key(for: "Kyiv", lang: "en").key)
    }
}
