@testable import OnomaText
import Testing

/// A transform that keeps ASCII writes words of plain Latin letters from a table it made from
/// ICU (`LatinLetterTable`), and other words through ICU: both ways must agree.
@Suite struct LatinLetterTableTests {
    /// Words with each letter of the table's ranges between ASCII letters, beside the next
    /// letter, doubled, after capitals, and with punctuation.
    static let words: [String] = {
        let letters = LatinLetterTable.ranges.joined().compactMap(Unicode.Scalar.init).map { String(Character($0)) }
        return letters.indices.flatMap { i in
            let letter = letters[i], next = letters[(i + 1) % letters.count]
            return ["x\(letter)y", "\(letter)\(next)", "\(letter)\(letter)", "AB\(letter)", "\(letter)-\(next)."]
        }
    }()

    @Test(arguments: [("latin folding", "::NFC; ::[:Latin:] NFD; [:Latin:] { [:Mn:]+ > ; ::[:Latin:] Latin-ASCII; ::NFC;"),
                      ("to ASCII, de", Transliterator.latinRules(lang: "de", ascii: true)),
                      ("to Latin, uk", Transliterator.latinRules(lang: "uk"))])
    func tableAgreesWithICUOnEveryLatinLetterInWords(name: String, rules: String) throws {
        let transliterator = try Transliterator(rules: rules, name: name, keepsASCII: true)
        for word in Self.words {
            #expect(transliterator.transliterate(word).exact == transliterator.transliterateWithICU(word).exact, "\(name): \(word)")
        }
    }

    @Test func wordsWithCombiningMarksAreLeftToICU() {
        #expect(!LatinLetterTable.mayApply(to: "Nguye\u{302}\u{303}n"))
        #expect(!LatinLetterTable.mayApply(to: "Київ"))
        #expect(LatinLetterTable.mayApply(to: "Łódź"))
        #expect(LatinLetterTable.mayApply(to: "Nguyễn"))
        #expect(LatinLetterTable.mayApply(to: "l’État"))
    }
}
