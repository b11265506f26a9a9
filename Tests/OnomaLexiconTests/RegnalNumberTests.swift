import Testing
@testable import OnomaLexicon

/// Regnal numbers read as a unit of their own: one test per way of writing them, and how a
/// query's number meets a lexicon name's.
@Suite struct RegnalNumberTests {
    static let resolver: Resolver = {
        let people = ["Clement V", "Clement VI", "Clement Attlee", "Abbas II of Persia", "Hillel II"]
        let text = people.enumerated().map { "p\($0.offset)\tperson\ten\t\($0.element)\tcanonical" }.joined(separator: "\n")
        return Resolver(index: try! LexiconIndex(lexicon: Lexicon(entries: LexiconParser.parse(text, path: "people.tsv").entries)))
    }()

    static func top(_ name: String, lang: String? = nil) -> String? {
        resolver.resolve(name, lang: lang, top: 1).first?.canonical
    }

    @Test func englishRomanNumeralEndsTheName() {
        #expect(RegnalNumber.english("Abbas II of Persia")! == ("Abbas", 2))
        #expect(RegnalNumber.english("Albert III, Duke of Bavaria")! == ("Albert", 3))
        #expect(RegnalNumber.english("Louis XIV")! == ("Louis", 14))
    }

    @Test func englishNumeralIsUppercaseUsualAndNotTheFirstWord() {
        #expect(RegnalNumber.english("Xi Jinping") == nil)
        #expect(RegnalNumber.english("Kim Il Sung") == nil)
        #expect(RegnalNumber.english("V Lenin") == nil)
        #expect(RegnalNumber.english("Henry IIII") == nil)
    }

    @Test func koreanNumberWithSe() {
        #expect(RegnalNumber.query("클레멘스 5세")! == ("클레멘스", 5))
        #expect(RegnalNumber.query("교황 하드리아노 12세")! == ("교황 하드리아노", 12))
        #expect(RegnalNumber.query("세세") == nil)
    }

    @Test func longNumberIsNoRegnalNumber() {
        // Twenty digits would overflow an Int: such a "number" is no ruler's, and no crash.
        #expect(RegnalNumber.query("클레멘스 99999999999999999999세") == nil)
        #expect(RegnalNumber.query("클레멘스 1000세") == nil)
        #expect(Self.resolver.resolve("클레멘스 99999999999999999999세", lang: "ko", top: 1).count <= 1)
    }

    @Test func japaneseAndChineseNumberWithSei() {
        #expect(RegnalNumber.query("ラモラール1世")! == ("ラモラール", 1))
        #expect(RegnalNumber.query("米利暗二世")! == ("米利暗", 2))
        #expect(RegnalNumber.query("路易十四世")! == ("路易", 14))
        #expect(RegnalNumber.query("二十世")  == nil)
    }

    @Test func romanNumeralInAnotherScript() {
        #expect(RegnalNumber.query("Людовик XIV")! == ("Людовик", 14))
        #expect(RegnalNumber.query("XIV") == nil)
    }

    @Test func whatFollowsTheNumberGoesAsInEnglish() {
        #expect(RegnalNumber.query("גזה השני, מלך הונגריה")! == ("גזה", 2))
        #expect(RegnalNumber.query("마스티노 2세 델라 스칼라")! == ("마스티노", 2))
    }

    @Test func hebrewOrdinal() {
        #expect(RegnalNumber.query("הלל השני")! == ("הלל", 2))
        #expect(RegnalNumber.query("הטפרס הראשונה")! == ("הטפרס", 1))
    }

    @Test func equalNumbersPickTheRuler() {
        #expect(Self.top("클레멘스 5세") == "Clement V")
        #expect(Self.top("클레멘스 6세") == "Clement VI")
        #expect(Self.top("아바스 2세") == "Abbas II of Persia")
        #expect(Self.top("הלל השני") == "Hillel II")
    }

    @Test func numberOnOneSideOrDifferentCountsAgainst() throws {
        let one = try #require(CrossScriptIndex.score("클레멘스 5세", lang: "ko", latin: "Clement V")?.score)
        let other = try #require(CrossScriptIndex.score("클레멘스 5세", lang: "ko", latin: "Clement VI")?.score)
        let none = try #require(CrossScriptIndex.score("클레멘스 5세", lang: "ko", latin: "Clement")?.score)
        let queryWithout = try #require(CrossScriptIndex.score("클레멘스", lang: "ko", latin: "Clement V")?.score)
        let neither = try #require(CrossScriptIndex.score("클레멘스", lang: "ko", latin: "Clement")?.score)
        #expect(one > neither)
        #expect(other < neither)
        #expect(none < neither)
        #expect(queryWithout < neither)
    }
}
