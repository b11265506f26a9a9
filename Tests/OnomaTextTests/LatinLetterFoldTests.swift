@testable import OnomaText
import Testing

/// `Folding.latinDiacritics` folds words of plain Latin letters from a table it made from ICU,
/// and other words through ICU: both ways must agree.
@Suite struct LatinLetterFoldTests {
    @Test func tableFoldingAgreesWithICUOnEveryLatinLetterInWords() {
        let letters = (0xC0..<0x250).compactMap(Unicode.Scalar.init).map { String(Character($0)) }
        for (i, letter) in letters.enumerated() {
            let next = letters[(i + 1) % letters.count]
            // Between ASCII letters, beside another letter of the range, doubled, after capitals,
            // and with punctuation.
            for word in ["x\(letter)y", "\(letter)\(next)", "\(letter)\(letter)", "AB\(letter)", "\(letter)-\(next)."] {
                #expect(Folding.latinDiacritics(word).exact == Folding.latinFolder.transliterate(word).exact, "\(word)")
            }
        }
    }

    @Test func wordsWithCombiningMarksAreFoldedByICU() {
        #expect(Folding.tableLatinDiacritics("Nguye\u{302}\u{303}n") == nil)
        #expect(Folding.tableLatinDiacritics("Müller") == "Muller")
    }
}
