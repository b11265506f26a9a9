import OnomaText
import Testing

/// ISO 15924 scripts as ICU reports them.
@Suite struct ScriptTests {
    @Test func scriptOfACharacter() {
        #expect(Script.of("Z") == .latin)
        #expect(Script.of("Ж") == .cyrillic)
        #expect(Script.of("젤") == .hangul)
        #expect(Script.of("泽") == .han)
        #expect(Script.of("ز") == .arabic)
        #expect(Script.of("ז") == .hebrew)
        #expect(Script.of("Ζ") == .greek)
        #expect(Script.of("ゼ") == .katakana)
        #expect(Script.of("ひ") == .hiragana)
        #expect(Script.of("ก") == Script("Thai"))
        #expect(Script.of("ʹ") == .common)                     // modifier letter prime (BGN soft sign)
        #expect(Script.of("ー") == .common)                     // katakana-hiragana long vowel mark
    }

    @Test func digitsPunctuationAndMarksAreShared() {
        #expect(Script.of("7") == .common)
        #expect(Script.of("’") == .common)
        #expect(Script.of("\u{0301}") == .inherited)            // combining acute
        #expect(Script.common.isShared)
        #expect(Script.inherited.isShared)
        #expect(!Script.latin.isShared)
    }

    @Test func constantsMatchICUCodes() {
        // Each constant's raw value is ICU's UScriptCode for that ISO 15924 code.
        let constants: [(Script, String, String)] = [
            (.common, "Zyyy", "Common"), (.inherited, "Zinh", "Inherited"), (.arabic, "Arab", "Arabic"),
            (.cyrillic, "Cyrl", "Cyrillic"), (.greek, "Grek", "Greek"), (.han, "Hani", "Han"),
            (.hangul, "Hang", "Hangul"), (.hebrew, "Hebr", "Hebrew"), (.hiragana, "Hira", "Hiragana"),
            (.katakana, "Kana", "Katakana"), (.latin, "Latn", "Latin"),
        ]
        for (script, code, name) in constants {
            #expect(script.code == code)
            #expect(script.name == name)
            #expect(Script(code) == script)
            #expect(Script(name) == script)
            #expect(script.description == code)
        }
    }

    @Test func unknownNamesGiveNil() {
        #expect(Script("Klingonish") == nil)
        #expect(Script("") == nil)                              // not the default locale's script
        #expect(Script(" ") == nil)
    }

    @Test func namesMatchLoosely() {
        #expect(Script("latn") == .latin)                       // any case
        #expect(Script("LATIN") == .latin)
        #expect(Script("Old_Italic")?.code == "Ital")           // long names with underscores
        #expect(Script("old italic")?.code == "Ital")           // or spaces
    }

    @Test func localeIDGivesItsMainScript() {
        // uscript_getCode also reads locale ids: a language's usual script, the first of several
        // for Japanese.
        #expect(Script("uk") == .cyrillic)
        #expect(Script("sr") == .cyrillic)
        #expect(Script("zh") == .han)
        #expect(Script("ja") == .katakana)
    }

    @Test func invalidCodeHasPlaceholderNames() {
        #expect(Script(rawValue: 9_999).code == "Zzzz")
        #expect(Script(rawValue: 9_999).name == "Unknown")
    }
}
