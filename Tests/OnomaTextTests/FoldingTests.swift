import OnomaText
import Testing

/// Case folding, Latin diacritic folding and Unicode normalization for matching names.
///
/// Where a normalization form matters the tests compare `.exact` scalars: Swift's `==` on
/// strings is canonical equivalence and cannot tell NFC from NFD.
@Suite struct FoldingTests {
    /// The code points of a string, to assert on decomposed forms without ambiguity.
    func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test func caseFoldLowercasesAndFoldsCompatibilityForms() {
        #expect(Folding.caseFold("ZELENSKYY’s") == "zelenskyy’s")         // ASCII upper case
        #expect(Folding.caseFold("Ｚｅｌｅｎｓｋｙｙ") == "zelenskyy")          // fullwidth letters
        #expect(Folding.caseFold("ЗЕЛЕНСЬКИЙ").exact == "зеленський".exact)  // Cyrillic, й stays composed
        #expect(Folding.caseFold("ﬁnance") == "finance")                   // fi ligature
        #expect(Folding.caseFold("ǅ").exact == "dž".exact)                 // titlecase digraph, ž composed
        #expect(Folding.caseFold("①") == "1")                              // circled digit
        #expect(Folding.caseFold("zelenskyy") == "zelenskyy")              // already folded
    }

    @Test func caseFoldCharacterByCharacterAgreesWithICUOnWholeText() {
        // Folding.caseFold folds most letters from tables asked of ICU once; in any
        // neighbourhood a character's fold must stay what ICU gives for the whole text.
        let icu = Normalization.nfkcCaseFold
        let ranges: [Range<UInt32>] = [0x80..<0x800, 0x1E00..<0x2070, 0x3040..<0x3100]
        let characters = ranges.joined().compactMap(Unicode.Scalar.init).map { String(Character($0)) }
        for (i, c) in characters.enumerated() {
            let other = characters[i * 7919 % characters.count]  // another character, spread over the tables
            for text in [c, "A" + c + "b", c + c, c + other + "Z" + c, other + c + "\u{301}", "Σ" + c + "ς"] {
                #expect(Folding.caseFold(text).exact == icu.normalize(text).exact, "\(text)")
            }
        }
    }

    @Test func hangulSyllablesAndCJKIdeographsFoldToThemselves() {
        let icu = Normalization.nfkcCaseFold
        for value in [0x4E00...0x9FFF, 0xAC00...0xD7A3].joined() {
            let scalar = Unicode.Scalar(UInt32(value))!
            #expect(icu.hasBoundaryBefore(scalar) && icu.normalize(String(Character(scalar))).unicodeScalars.elementsEqual([scalar]))
        }
        #expect(Folding.caseFold("김정은 习近平").exact == "김정은 习近平".exact)
        #expect(Folding.caseFold("가\u{11A8}").exact == "각".exact)          // a trailing jamo still composes
    }

    @Test func caseFoldExpandsSharpS() {
        #expect(Folding.caseFold("Straße") == "strasse")                   // ß → ss
        #expect(Folding.caseFold("STRASSE") == Folding.caseFold("Straße")) // so both spellings meet
        #expect(Folding.caseFold("ẞ") == "ss")                             // capital sharp s
    }

    @Test func caseFoldMapsGreekFinalSigmaToSigma() {
        #expect(Folding.caseFold("ΜΆΪΟΣ").exact == "μάϊοσ".exact)
        #expect(Folding.caseFold("Μάϊος").exact == "μάϊοσ".exact)          // ς → σ
    }

    @Test func caseFoldOfTurkishDottedCapitalIKeepsTheDot() {
        // NFKC_Casefold is not language-specific: İ becomes i + COMBINING DOT ABOVE, not a
        // plain i (Turkish rules) and not a dotless ı. "İstanbul" and "Istanbul" stay apart.
        #expect(scalars(Folding.caseFold("İ")) == [0x69, 0x307])
        #expect(Folding.caseFold("İstanbul").exact == "i\u{307}stanbul".exact)
        #expect(Folding.caseFold("I") == "i")                              // undotted capital: plain i
        #expect(Folding.caseFold("ı").exact == "ı".exact)                  // dotless small i stays
        #expect(Folding.matchKey("İstanbul") == "istanbul")                // the diacritic fold drops the dot
    }

    @Test func caseFoldRemovesDefaultIgnorables() {
        #expect(Folding.caseFold("Zelen\u{00AD}skyy") == "zelenskyy")      // soft hyphen
        #expect(Folding.caseFold("Zelen\u{200B}skyy") == "zelenskyy")      // zero width space
        #expect(Folding.caseFold("क्\u{200D}ष").exact == "क्ष".exact)        // zero width joiner
    }

    @Test func latinDiacriticsAreRemoved() {
        #expect(Folding.latinDiacritics("Nguyễn") == "Nguyen")             // two stacked marks
        #expect(Folding.latinDiacritics("Łódź") == "Lodz")                 // stroke letter + acute
        #expect(Folding.latinDiacritics("Đặng") == "Dang")                 // Vietnamese D with stroke
        #expect(Folding.latinDiacritics("Müller") == "Muller")             // umlaut
        #expect(Folding.latinDiacritics("Straße") == "Strasse")            // ß → ss
        #expect(Folding.latinDiacritics("Ærøskøbing") == "AEroskobing")    // ligature and ø
        #expect(Folding.latinDiacritics("Kyiv") == "Kyiv")                 // ASCII unchanged
    }

    @Test func latinDiacriticsOfDecomposedInputAreRemoved() {
        #expect(Folding.latinDiacritics("Nguye\u{302}\u{303}n") == "Nguyen")   // NFD Vietnamese
        #expect(Folding.latinDiacritics("L\u{301}odz\u{301}") == "Lodz")        // marks on plain letters
    }

    @Test func modifierLettersAndPunctuationAreNotLatinLetters() {
        // Only Latin letters fold: the BGN soft-sign prime ʹ and the apostrophe ’ are Common
        // (toLatin's ascii variant turns them into ASCII).
        #expect(Folding.latinDiacritics("Zelensʹkyy").exact == "Zelensʹkyy".exact)
        #expect(Folding.latinDiacritics("Zelenskyy’s").exact == "Zelenskyy’s".exact)
    }

    @Test func cyrillicShortIAndYiAreNotLatinDiacritics() {
        #expect(Folding.latinDiacritics("Київ Йосип Ёлка").exact == "Київ Йосип Ёлка".exact)  // й, ї, ё keep their marks
        #expect(Folding.latinDiacritics("Łódź і Київ").exact == "Lodz і Київ".exact)          // mixed: only the Latin folds
        #expect(Folding.latinDiacritics("Ἀθῆναι").exact == "Ἀθῆναι".exact)                    // Greek polytonic untouched
    }

    @Test func cyrillicShortIAndYiSurviveDecomposedInput() {
        // In NFD, й is и + U+0306 and ї is і + U+0308: the marks follow a Cyrillic letter, so they
        // stay, and the output is composed again.
        let decomposed = Normalization.nfd.normalize("Київ Йосип Ёлка")
        #expect(decomposed.unicodeScalars.count == "Київ Йосип Ёлка".unicodeScalars.count + 3)
        #expect(Folding.latinDiacritics(decomposed).exact == "Київ Йосип Ёлка".exact)
        #expect(Folding.latinDiacritics("Ki\u{308}v К\u{456}\u{308}в").exact == "Kiv Кїв".exact)  // ï folds, ї stays
        #expect(Folding.latinDiacritics("К\u{438}\u{306}ів").exact == "Кйів".exact)              // й after NFD и
    }

    @Test func matchKeyFoldsCaseAndLatinDiacritics() {
        #expect(Folding.matchKey("NGUYỄN") == "nguyen")
        #expect(Folding.matchKey("Łódź") == "lodz")
        #expect(Folding.matchKey("ЗЕЛЕНСЬКИЙ").exact == "зеленський".exact)  // Cyrillic: case only
        #expect(Folding.matchKey("ЙОСИП").exact == "йосип".exact)
        #expect(Folding.matchKey("Zelenskyy") == Folding.matchKey("ZELENSKYY"))
    }

    // MARK: Normalization

    @Test func composedAndDecomposedFormsRoundTrip() {
        let composed = "Nguyễn Київ 한국"
        let decomposed = Normalization.nfd.normalize(composed)
        #expect(decomposed.exact != composed.exact)
        #expect(decomposed == composed)                                      // Swift's == is canonical equivalence
        #expect(scalars(Normalization.nfd.normalize("é")) == [0x65, 0x301])
        #expect(scalars(Normalization.nfd.normalize("한")) == [0x1112, 0x1161, 0x11AB])  // Hangul to jamo
        #expect(Normalization.nfc.normalize(decomposed).exact == composed.exact)
        #expect(Normalization.nfc.isNormalized(composed))
        #expect(!Normalization.nfc.isNormalized(decomposed))
        #expect(Normalization.nfd.isNormalized(decomposed))
    }

    @Test func compatibilityFormsFoldPresentationVariants() {
        #expect(Normalization.nfkc.normalize("ｻﾞ").exact == "ザ".exact)       // halfwidth katakana + voiced mark
        #expect(Normalization.nfkc.normalize("№ ℃ ㈱").exact == "No °C (株)".exact)
        #expect(Normalization.nfkc.normalize("Ｚｅｌｅｎｓｋｙｙ") == "Zelenskyy")  // fullwidth, case kept
        #expect(scalars(Normalization.nfkd.normalize("ﬁé")) == [0x66, 0x69, 0x65, 0x301])
        #expect(Normalization.nfc.normalize("ﬁ").exact == "ﬁ".exact)           // canonical forms keep ligatures
    }

    @Test func asciiTakesTheFastPathWithTheSameResult() {
        #expect(Normalization.nfc.normalize("Kyiv") == "Kyiv")
        #expect(Normalization.nfkcCaseFold.normalize("Kyiv") == "kyiv")       // upper case still folds
        #expect(Normalization.nfkcCaseFold.normalize("kyiv 2024") == "kyiv 2024")
        #expect(Normalization.nfkcCaseFold.isNormalized("kyiv"))
        #expect(!Normalization.nfkcCaseFold.isNormalized("Kyiv"))
    }

    @Test func normalizationThatGrowsBeyondTheFirstBufferIsComplete() {
        // One ligature becomes 18 characters: larger than the first buffer guess.
        #expect(Normalization.nfkcCaseFold.normalize("ﷺ").exact == "صلى الله عليه وسلم".exact)
        let many = String(repeating: "ﷺ", count: 100)
        #expect(Normalization.nfkc.normalize(many).exact == String(repeating: "صلى الله عليه وسلم", count: 100).exact)
    }
}
