import OnomaText
import Testing
@testable import OnomaLexicon

/// Cutting names into units: the plain-letter shortcut must cut as ICU's word break does.
@Suite struct MatchUnitTests {
    let tokenizer = try! Tokenizer()

    /// The units through the shortcut (when it applies) and through ICU's word break.
    func bothWays(_ text: String) -> (shortcut: [MatchUnit], icu: [MatchUnit]) {
        (MatchUnit.units(in: text, tokenizer: tokenizer), MatchUnit.units(in: text, tokens: tokenizer.tokenize(text)))
    }

    @Test func namesOfPlainLettersAreCutAsICUCutsThem() {
        let cyrillic = (0x400...0x45F).map { String(Character(Unicode.Scalar(UInt32($0))!)) }
        // Every basic Cyrillic letter, and a sample of Hangul syllables across the block, inside words.
        var samples = stride(from: 0, to: cyrillic.count, by: 4).map { cyrillic[$0..<min($0 + 6, cyrillic.count)].joined() }
        let hangul = (0xAC00...0xD7A3).map { String(Character(Unicode.Scalar(UInt32($0))!)) }
        samples += stride(from: 0, to: hangul.count, by: 97).map { hangul[$0..<min($0 + 3, hangul.count)].joined() }
        samples += ["Donald Trump", "Володимир Зеленський", "Київ", "김정은", "윤 석열", "Ёлка Ёж", "a b", "ЁЁ ёё", "Ѐ ѝ џ Ѡ"]
        for text in samples + samples.map({ $0 + " " + $0.uppercased() }) {
            let (shortcut, icu) = bothWays(text)
            #expect(shortcut == icu, "\(text)")
        }
    }

    @Test func otherTextGoesThroughICU() {
        // Mixed scripts in a word, punctuation, double spaces, Cyrillic beyond U+045F (ґ), jamo.
        for text in ["Kyivа", "Kim Jong-un", "Zelenskyy's", "a  b", " Kyiv", "Kyiv ", "Ґалаґан", "가\u{11A8}", "Ukraine, Russia"] {
            let (shortcut, icu) = bothWays(text)
            #expect(shortcut == icu, "\(text)")
        }
        #expect(MatchUnit.units(in: "Kim Jong-un", tokenizer: tokenizer).map(\.text) == ["Kim", "Jong", "un"])  // the hyphen joins without a break
    }
}

/// The letters whose script and normalization are known without ICU.
@Suite struct PlainLetterTests {
    @Test func plainLettersAreInNFCAndOfOneScriptBesideAnyOtherPlainLetter() {
        let letters = (0x41...0x5A).map { UInt32($0) } + (0x61...0x7A).map { UInt32($0) } + (0x400...0x45F).map { UInt32($0) }
            + stride(from: 0xAC00, through: 0xD7A3, by: 7).map { UInt32($0) }
        let texts = letters.map { String(Character(Unicode.Scalar($0)!)) }
        for (letter, text) in zip(letters, texts) {
            let script = Script.of(Unicode.Scalar(letter)!)
            var copy = text
            let plain = copy.withUTF8 { PlainLetter.at(0, of: $0) }
            #expect(plain?.script == script && plain?.length == text.utf8.count, "U+\(String(letter, radix: 16))")
            #expect(PlainLetter.hasTwoScripts(text + " " + text) == false)
        }
        // Every pair, both ways: nothing composes or reorders.
        for first in texts where first.unicodeScalars.first!.value < 0x460 {
            for second in texts where second.unicodeScalars.first!.value >= 0x400 || second == "a" {
                #expect(Normalization.nfc.isNormalized(first + second), "\(first)\(second)")
                #expect(Normalization.nfc.isNormalized(second + first), "\(second)\(first)")
            }
        }
    }

    @Test func textOfTwoScriptsOrOtherCharactersIsNotPlain() {
        #expect(PlainLetter.hasTwoScripts("Kyivа") == true)       // Cyrillic а in a Latin word
        #expect(PlainLetter.hasTwoScripts("Київ Kyiv") == true)
        #expect(PlainLetter.hasTwoScripts("Kim Jong-un, 1984") == false)
        #expect(PlainLetter.hasTwoScripts("Ґалаґан") == nil)      // ґ is beyond U+045F
        #expect(PlainLetter.hasTwoScripts("e\u{301}") == nil)     // a combining mark
        #expect(PlainLetter.hasTwoScripts("가\u{11A8}") == nil)   // a trailing jamo composes
    }
}
