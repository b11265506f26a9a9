/// The number of a ruler or pope, read as a unit of its own rather than as letters: the Roman
/// numeral of an English name (Clement V, Abbas II of Persia) and the number of a name in
/// another script (클레멘스 5세, ラモラール1世, 米利暗二世, Людовик XIV, הלל השני).
///
///     RegnalNumber.english("Abbas II of Persia")   // ("Abbas", 2): what follows the numeral goes too
///     RegnalNumber.query("클레멘스 5세")              // ("클레멘스", 5)
///     RegnalNumber.evidence(query: 5, name: 5)      // > 0: equal numbers agree
enum RegnalNumber {
    /// The log-likelihood ratio the numbers of a query and a name add to the letters': equal
    /// numbers +5, different numbers -8, a number on one side only -5. Chosen on the four DEV
    /// draws of the Korean Wikidata pairs (`scripts/names/misses.py`; +0/-3/-3, +3/-6/-3 and
    /// +6/-12/-6 tried): with `LeadingTitle`, acc@1 0.767 -> 0.779 (queries with a number 0.17
    /// -> 0.65), false accepts of the worst draw 1.75% -> 1.70%.
    static func evidence(query: Int?, name: Int?) -> Double {
        switch (query, name) {
        case (nil, nil): 0
        case let (q?, n?): q == n ? 5 : -8
        default: -5
        }
    }

    /// An English name's words before its Roman numeral (uppercase, not the first word) and
    /// the numeral's value, or nil when it has none.
    static func english(_ form: String) -> (name: String, number: Int)? {
        let words = form.split(separator: " ")
        for (index, word) in words.enumerated().dropFirst() {
            let numeral = word.hasSuffix(",") ? word.dropLast() : word
            if let number = roman(numeral) { return (words[..<index].joined(separator: " "), number) }
        }
        return nil
    }

    /// A name in another script up to its regnal number, and the number, or nil when it has
    /// none: a word N세 (Korean), a word ending in N世 (Japanese, Chinese; N in digits or Han
    /// numerals), a Roman numeral, or a Hebrew ordinal (השני, the second). What follows the
    /// number goes, as in English (גזה השני, מלך הונגריה: Géza II of Hungary).
    static func query(_ name: String) -> (name: String, number: Int)? {
        let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return nil }
        for index in words.indices {
            let word = words[index].hasSuffix(",") ? String(words[index].dropLast()) : words[index]
            var number: Int?
            var rest = ""
            if let suffix = word.last, suffix == "세" || suffix == "世" {
                let head = word.dropLast()
                let digits = head.reversed().prefix { $0.wholeNumberValue != nil || hanNumerals.contains($0) }
                number = value(of: String(digits.reversed()))
                rest = String(head.dropLast(digits.count))
            } else if index > 0, let value = roman(Substring(word)) {
                number = value
            } else if index > 0 {
                number = hebrewOrdinals[word]
            }
            guard let number, number > 0 else { continue }
            let kept = words[..<index] + (rest.isEmpty ? [] : [rest])
            guard !kept.isEmpty else { return nil }
            return (kept.joined(separator: " "), number)
        }
        return nil
    }

    /// Hebrew ordinals with the article, masculine and feminine (הראשון, הראשונה: the first).
    private static let hebrewOrdinals: [String: Int] = [
        "הראשון": 1, "הראשונה": 1, "השני": 2, "השנייה": 2, "השניה": 2, "השלישי": 3, "השלישית": 3,
        "הרביעי": 4, "הרביעית": 4, "החמישי": 5, "החמישית": 5, "השישי": 6, "השישית": 6,
        "השביעי": 7, "השביעית": 7, "השמיני": 8, "השמינית": 8, "התשיעי": 9, "התשיעית": 9,
        "העשירי": 10, "העשירית": 10,
    ]

    private static let hanNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// The value of up to three decimal digits (any script's) or of Han numerals up to 99
    /// (十四, 二十); nil for longer numbers, which no ruler has (and which would overflow).
    private static func value(of text: String) -> Int? {
        guard !text.isEmpty, text.count <= 3 else { return nil }
        if text.allSatisfy({ !hanNumerals.contains($0) }) {
            return text.reduce(0) { $0 * 10 + ($1.wholeNumberValue ?? 0) }
        }
        let parts = text.split(separator: "十", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.allSatisfy({ $0.count <= 1 }) else { return nil }
        let digit = { (part: Substring) in part.first.flatMap(\.wholeNumberValue) }
        if parts.count == 1 { return digit(parts[0]) }
        return (digit(parts[0]) ?? 1) * 10 + (digit(parts[1]) ?? 0)
    }

    /// The value of an uppercase Roman numeral from I to XXXIX written the usual way, or nil.
    private static func roman(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 6, text.allSatisfy({ "IVX".contains($0) }) else { return nil }
        var total = 0
        let digits = text.map { $0 == "I" ? 1 : $0 == "V" ? 5 : 10 }
        for (index, digit) in digits.enumerated() {
            total += index + 1 < digits.count && digit < digits[index + 1] ? -digit : digit
        }
        return total > 0 && total < 40 && romanNumeral(total) == text ? total : nil
    }

    private static func romanNumeral(_ value: Int) -> String {
        let ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
        return String(repeating: "X", count: value / 10) + ones[value % 10]
    }
}
