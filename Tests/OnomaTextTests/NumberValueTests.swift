import OnomaText
import Testing

/// The values of all numbers in `text`.
private func numbers(_ text: String, _ lang: String?) throws -> [Double] {
    try NumberValue.values(in: text, lang: lang, tokenizer: Tokenizer()).map(\.value)
}

/// The numbers in `text`, value and unit.
private func expressions(_ text: String, _ lang: String?) throws -> [NumberValue] {
    try NumberValue.values(in: text, lang: lang, tokenizer: Tokenizer())
}

private func parse(_ text: String, _ lang: String?) throws -> Double? {
    try NumberValue.parse(text, lang: lang, tokenizer: Tokenizer())
}

/// Expects "2 <word>" to be 2 × `scale` for each of `words`.
private func expectScale(
    _ words: [String], _ lang: String, _ scale: Double, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    for word in words {
        #expect(try parse("2 \(word)", lang) == 2 * scale, "\(word)", sourceLocation: sourceLocation)
    }
}

@Test func englishCommaThousandsSeparator() throws {
    #expect(try parse("3,000", "en") == 3000)
    #expect(try parse("12,000", "en") == 12000)
    #expect(try parse("1,234,567", "en") == 1_234_567)
    #expect(try numbers("about 12,000 North Korean soldiers", "en") == [12000])
}

@Test func germanDotThousandsSeparator() throws {
    #expect(try parse("3.000", "de") == 3000)
    #expect(try parse("5.000.000", "de") == 5_000_000)
    #expect(try parse("3.000", "ru") == 3000)
}

@Test func decimalComma() throws {
    for lang in ["de", "fr", "uk", "ru"] {
        #expect(try parse("3,5", lang) == 3.5, "\(lang)")
    }
    // The language's decimal mark wins even before three digits.
    #expect(try parse("3,000", "de") == 3)
}

@Test func englishDecimalPoint() throws {
    #expect(try parse("3.5", "en") == 3.5)
    #expect(try parse("0.25", "en") == 0.25)
    #expect(try parse("3.000", "en") == 3)
}

@Test func spaceGroupsThousandsInFrenchUkrainianRussianGerman() throws {
    for lang in ["fr", "uk", "ru", "de"] {
        for space in [" ", "\u{00A0}", "\u{202F}"] {
            let name = String(space.unicodeScalars.first!.value, radix: 16)
            #expect(try parse("3\(space)000", lang) == 3000, "\(lang) U+\(name)")
        }
    }
    #expect(try parse("1 234 567", "ru") == 1_234_567)
    #expect(try parse("3 000,50", "fr") == 3000.5)
}

@Test func englishGroupsOnlyWithFixedWidthSpaces() throws {
    for space in ["\u{00A0}", "\u{202F}", "\u{2009}"] {
        #expect(try parse("3\(space)000", "en") == 3000)
    }
    #expect(try numbers("3 000", "en") == [3, 0])
    #expect(try parse("3 000", "en") == nil)
    #expect(try numbers("3 000", nil) == [3, 0])
}

@Test func spaceGroupingNeedsWellFormedGroups() throws {
    #expect(try numbers("in 2024 300 soldiers", "de") == [2024, 300])
    #expect(try numbers("en 2024 300 000 soldats", "fr") == [2024, 300_000])
    // A run whose groups do not fit (a phone number) is read token by token, never joined.
    #expect(try numbers("44 123 4567", "fr") == [44, 123, 4567])
    #expect(try numbers("3 00", "fr") == [3, 0])
}

@Test func englishScaleWords() throws {
    #expect(try parse("1.25 billion", "en") == 1_250_000_000)
    #expect(try parse("3 thousand", "en") == 3000)
    #expect(try parse("2.5 million", "en") == 2_500_000)
    #expect(try parse("1 trillion", "en") == 1e12)
    #expect(try parse("5 lakh", "en") == 500_000)
    #expect(try parse("2 crore", "en") == 20_000_000)
}

@Test func englishScaleSuffixes() throws {
    let found = try expressions("Kyiv got $1.25bn.", "en")
    #expect(found == [NumberValue(value: 1_250_000_000, range: 9..<16, unit: "$")])
    #expect(try parse("1.5bn", "en") == 1_500_000_000)
    #expect(try parse("2mn", "en") == 2_000_000)
    #expect(try parse("3tn", "en") == 3e12)
    #expect(try parse("$5 bn", "en") == 5e9)
}

@Test func singleLetterScaleNeedsCurrency() throws {
    // "5m" is as likely five metres, "4K" a screen resolution: no value rather than a guess.
    #expect(try numbers("a 5m wall", "en") == [])
    #expect(try numbers("1.5m", "en") == [])
    #expect(try numbers("4K", "en") == [])
    #expect(try parse("$5m", "en") == 5_000_000)
    #expect(try parse("€3.5m", "en") == 3_500_000)
    #expect(try parse("£2k", "en") == 2000)
    #expect(try parse("$5B", "en") == 5e9)
}

@Test func ukrainianScaleWords() throws {
    #expect(try parse("1,25 млрд", "uk") == 1_250_000_000)
    #expect(try parse("3,5 тис.", "uk") == 3500)
    #expect(try parse("3 тис", "uk") == 3000)
    try expectScale(["тисяча", "тисячі", "тисяч"], "uk", 1e3)
    try expectScale(["млн", "мільйон", "мільйона", "мільйонів"], "uk", 1e6)
    try expectScale(["млрд", "мільярд", "мільярда", "мільярдів"], "uk", 1e9)
    #expect(try parse("2 трлн", "uk") == 2e12)
}

@Test func russianScaleWords() throws {
    #expect(try parse("1,25 млрд", "ru") == 1_250_000_000)
    #expect(try parse("1,25млрд", "ru") == 1_250_000_000)
    #expect(try parse("3,5 тыс.", "ru") == 3500)
    try expectScale(["тысяча", "тысячи", "тысяч"], "ru", 1e3)
    try expectScale(["млн", "миллион", "миллиона", "миллионов"], "ru", 1e6)
    try expectScale(["млрд", "миллиард", "миллиарда", "миллиардов"], "ru", 1e9)
    #expect(try parse("2 трлн", "ru") == 2e12)
}

@Test func germanScaleWords() throws {
    let milliarden = NumberValue(value: 2_500_000_000, range: 0..<19, unit: "€")
    #expect(try expressions("2,5 Milliarden Euro", "de") == [milliarden])
    try expectScale(["Tsd.", "Tausend"], "de", 1e3)
    try expectScale(["Mio.", "Mio", "Million", "Millionen"], "de", 1e6)
    try expectScale(["Mrd.", "Milliarde", "Milliarden"], "de", 1e9)
    try expectScale(["Bio.", "Billion", "Billionen"], "de", 1e12)
    #expect(try parse("€1,5 Mrd.", "de") == 1_500_000_000)
}

@Test func frenchScaleWords() throws {
    #expect(try parse("3 mille", "fr") == 3000)
    try expectScale(["million", "millions"], "fr", 1e6)
    try expectScale(["milliard", "milliards", "Md", "Mds", "Mrd"], "fr", 1e9)
    try expectScale(["billion", "billions"], "fr", 1e12)
}

@Test func billionDependsOnLanguage() throws {
    #expect(try parse("1 billion", "en") == 1e9)
    #expect(try parse("1 Billion", "de") == 1e12)
    #expect(try parse("1 billion", "fr") == 1e12)
    // Without a language the scale is unknown: no value rather than 1 or a guessed scale.
    #expect(try numbers("1 billion", nil) == [])
    #expect(try parse("1 milliard", nil) == 1e9)
}

@Test func chainedScaleWords() throws {
    #expect(try parse("5 mil millones", "es") == 5e9)
    #expect(try parse("1.5 thousand million", "en") == 1.5e9)
    // A smaller scale after a larger one is not part of the number.
    #expect(try numbers("2 million thousand", "en") == [2e6])
}

@Test func hyphenatedScaleWordIsNotAScale() throws {
    // "Bio-Eier" are organic eggs, not 10^12 eggs; the compound makes the number unclear.
    #expect(try numbers("5 Bio-Eier", "de") == [])
}

@Test func unitsAfterNumbers() throws {
    #expect(try expressions("380 square miles", "en") == [NumberValue(value: 380, range: 0..<16, unit: "square miles")])
    #expect(try expressions("10km", "en").map(\.unit) == ["km"])
    #expect(try expressions("10 km²", "en").map(\.unit) == ["km²"])
    #expect(try expressions("100 кв. км", "ru") == [NumberValue(value: 100, range: 0..<14, unit: "km²")])
    #expect(try expressions("1.5 million square miles", "en").map(\.value) == [1_500_000])
    #expect(try expressions("12,000 soldiers", "en").map(\.unit) == [nil])
}

@Test func percentages() throws {
    let texts = ["45%", "45 %", "45\u{202F}%", "45\u{00A0}%", "45 per cent", "45 percent"]
    for text in texts {
        #expect(try expressions(text, "en").map(\.value) == [45], "\(text)")
        #expect(try expressions(text, "en").map(\.unit) == ["%"], "\(text)")
    }
    #expect(try expressions("45 Prozent", "de") == [NumberValue(value: 45, range: 0..<10, unit: "%")])
    #expect(try expressions("45 відсотків", "uk").map(\.unit) == ["%"])
    #expect(try expressions("12,5 %", "fr").map(\.value) == [12.5])
}

@Test func currencies() throws {
    #expect(try expressions("$5", "en").map(\.unit) == ["$"])
    #expect(try expressions("US$5", "en") == [NumberValue(value: 5, range: 0..<4, unit: "$")])
    #expect(try expressions("C$5", "en").map(\.unit) == ["C$"])
    #expect(try expressions("5 €", "fr") == [NumberValue(value: 5, range: 0..<5, unit: "€")])
    #expect(try expressions("EUR 5", "en").map(\.unit) == ["€"])
    #expect(try expressions("2 млрд грн", "uk") == [NumberValue(value: 2e9, range: 0..<17, unit: "₴")])
    #expect(try expressions("1,25 млрд доларів", "uk").map(\.unit) == ["$"])
}

@Test func currencyBeforeNextNumberIsNotAUnit() throws {
    let found = try expressions("In 2024 $5bn was spent", "en")
    #expect(found.map(\.value) == [2024, 5e9])
    #expect(found.map(\.unit) == [nil, "$"])
}

@Test func negativeNumbers() throws {
    #expect(try parse("-5", "en") == -5)
    #expect(try parse("\u{2212}5", "en") == -5)
    #expect(try parse("-3,5", "de") == -3.5)
    #expect(try parse("-$5", "en") == -5)
    #expect(try expressions("(-5)", "en") == [NumberValue(value: -5, range: 1..<3)])
    #expect(try numbers("fell to -12 degrees", "en") == [-12])
    // A hyphen between numbers is a range, not a sign.
    #expect(try numbers("3-4", "en") == [3, 4])
    #expect(try numbers("2019-2020", "en") == [2019, 2020])
}

@Test func years() throws {
    #expect(try parse("2024", "en") == 2024)
    #expect(try numbers("on 27 December 2024", "en") == [27, 2024])
    #expect(try numbers("im Jahr 2024", "de") == [2024])
}

@Test func decimalWithBothSeparators() throws {
    #expect(try parse("1,234.5", "en") == 1234.5)
    #expect(try parse("1.234,5", "de") == 1234.5)
    #expect(try parse("1,234,567.89", "en") == 1_234_567.89)
    // Two different separators read as written, whatever the language.
    #expect(try parse("1,234.5", "de") == 1234.5)
    #expect(try parse("1.234,5", "en") == 1234.5)
    #expect(try parse("1,23.4", "en") == nil)
}

@Test func unknownLanguageInference() throws {
    #expect(try parse("12,000", nil) == 12000)
    #expect(try parse("1,25", nil) == 1.25)
    #expect(try parse("3.5", nil) == 3.5)
    // "3.000" is 3000 in German and 3 in English: ambiguous, so no value.
    #expect(try parse("3.000", nil) == nil)
    #expect(try parse("5.000.000", nil) == 5_000_000)
    #expect(try parse("1.234,5", nil) == 1234.5)
    // A language without tables reads the same way.
    #expect(try parse("12,000", "xx") == 12000)
    #expect(try parse("3.000", "xx") == nil)
}

@Test func otherLanguagesDecimalMarkIsRejected() throws {
    #expect(try parse("1,25", "en") == nil)
    #expect(try parse("3.5", "de") == nil)
    // German and Russian dates.
    #expect(try numbers("am 24.12. war", "de") == [])
    #expect(try numbers("12.03.2024", "ru") == [])
}

@Test func languageSubtagOnly() throws {
    #expect(try parse("3.000", "de-AT") == 3000)
    #expect(try parse("3,5", "fr_CA") == 3.5)
    #expect(try parse("3,000", "EN-gb") == 3000)
}

@Test func numbersInsideNames() throws {
    // Digits that are part of a name are not quantities.
    for name in ["F-16", "COVID-19", "G7", "MH17", "Su-27", "Covid-19-Pandemie"] {
        #expect(try numbers(name, "en") == [], "\(name)")
    }
    #expect(try numbers("a 20-year-old", "en") == [20])
    #expect(try numbers("12th-13th", "en") == [12, 13])
}

@Test func ordinals() throws {
    #expect(try parse("12th", "en") == 12)
    #expect(try parse("1st", "en") == 1)
    #expect(try parse("22nd", "en") == 22)
    #expect(try parse("113th", "en") == 113)
    #expect(try parse("1er", "fr") == 1)
    #expect(try parse("2e", "fr") == 2)
    #expect(try parse("11st", "en") == nil)
    #expect(try parse("12nd", "en") == nil)
    #expect(try parse("1.5th", "en") == nil)
}

@Test func unknownSuffixesAreNotNumbers() throws {
    for text in ["1990s", "3D", "5G", "1e10", "737MAX"] {
        #expect(try numbers(text, "en") == [], "\(text)")
    }
}

@Test func arabicIndicDigits() throws {
    #expect(try parse("٣٠٠٠", "ar") == 3000)
    #expect(try parse("٣٬٠٠٠", "ar") == 3000)
    #expect(try parse("٣٫٥", "ar") == 3.5)
    #expect(try parse("५००", "hi") == 500)
}

@Test func garbageDoesNotCrash() throws {
    #expect(try numbers("1,2,3,4", "en") == [])
    #expect(try numbers("1,2,3,4", nil) == [])
    #expect(try numbers("1..2", "en") == [1])
    #expect(try numbers(".5", "en") == [])
    #expect(try numbers("5'11\"", "en") == [])
    #expect(try numbers("", nil) == [])
    #expect(try parse("", nil) == nil)
    #expect(try parse("-", "en") == nil)
    #expect(try numbers("$ % - млрд", "uk") == [])
}

@Test func hugeNumbersAreDropped() throws {
    let digits = String(repeating: "9", count: 10_000)
    #expect(try numbers(digits, "en") == [])
    #expect(try parse(digits, nil) == nil)
    #expect(try numbers(String(repeating: "9", count: 300) + " trillion", "en") == [])
    #expect(try numbers("3 000 " + digits, "fr").allSatisfy(\.isFinite))
}

@Test func parseRequiresExactlyOneExpression() throws {
    #expect(try parse("3 apples", "en") == nil)
    #expect(try parse("1 2", "en") == nil)
    #expect(try parse("apples", "en") == nil)
    #expect(try parse(" 3,000 ", "en") == 3000)
}

@Test func tokensWithOrWithoutWhitespaceGiveTheSameValues() throws {
    let text = "Це коштує 1,25 млрд грн, а не 3 000 грн."
    let plain = try Tokenizer().tokenize(text)
    let spaced = try Tokenizer(includeWhitespace: true).tokenize(text)
    let expected = NumberValue.values(in: plain, of: text, lang: "uk")
    #expect(expected.map(\.value) == [1.25e9, 3000])
    #expect(NumberValue.values(in: spaced, of: text, lang: "uk") == expected)
}

@Test func segmentsAndBytesGiveTheValuesOfTheText() throws {
    let text = "Es kostete 2,5 Mrd. € und 3 000 Euro, nicht 12 Prozent."
    var segments: [TokenSegment] = []
    try Tokenizer().forEachSegment(in: text) { segments.append($0) }
    let found = NumberValue.values(in: segments, of: Array(text.utf8), lang: "de")
    #expect(found.map(\.value) == [2.5e9, 3000, 12])
    #expect(found.map(\.unit) == ["€", "€", "%"])
    #expect(found == NumberValue.values(in: text, lang: "de", tokenizer: try Tokenizer()))
}

@Test func digitsOfTwoByteScriptsStartNumbers() throws {
    // Extended Arabic-Indic (Persian) digits
    #expect(try parse("۳۰۰۰", "fa") == 3000)
    // NKo digits
    #expect(try parse("߃߀߀", nil) == 300)
    // letters of the same two-byte block as Arabic-Indic digits are not numbers
    #expect(try numbers("سلام", "ar") == [])
}

@Test func asciiDigitsBeforeOtherSeparatorsAndSuffixes() throws {
    // a typographic apostrophe groups thousands as the ASCII one does
    #expect(try parse("3’000", "de") == 3000)
    #expect(try parse("3'000", "de") == 3000)
    // Arabic-Indic digits after an ASCII separator
    #expect(try numbers("3.٥", nil) == [3.5])
    // a non-ASCII scale suffix glued to ASCII digits
    #expect(try parse("5млрд", "uk") == 5e9)
}

@Test func textWithoutDigitsHasNoNumbers() throws {
    #expect(try numbers("Le président a parlé à Kyiv, «sans» chiffres.", "fr") == [])
    #expect(try numbers("Über Nacht, café, naïve", "de") == [])
}
