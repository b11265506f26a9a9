/// A number written in a text: its value, where it stands and its unit, read the way the text's
/// language writes numbers. Numbers are language-independent evidence that two stories (an
/// article and its translation) are the same, so the reader would rather miss a number than
/// invent one: an ambiguous expression yields nothing.
///
///     let tokenizer = try Tokenizer()
///     NumberValue.values(in: "Kyiv got $1.25bn.", lang: "en", tokenizer: tokenizer)
///     // [NumberValue(value: 1250000000.0, range: 9..<16, unit: "$")]
public struct NumberValue: Hashable, Sendable {
    /// The value with any scale word applied: 1250000000 for "1,25 млрд". Always finite.
    public var value: Double
    /// The UTF-8 byte offsets in the source text of the whole expression: sign, currency, digits,
    /// scale word and unit ("$1.25bn", "3 000", "1,25 млрд", "380 square miles").
    public var range: Range<Int>
    /// The currency or unit written with the number, the same in every language ("$", "€", "%",
    /// "km", "square miles"), or nil.
    public var unit: String?

    public init(value: Double, range: Range<Int>, unit: String? = nil) {
        self.value = value
        self.range = range
        self.unit = unit
    }
}

extension NumberValue {
    /// All numbers in a tokenized text, in order.
    ///
    ///     let text = "2,5 Milliarden Euro"
    ///     NumberValue.values(in: tokenizer.tokenize(text), of: text, lang: "de")
    ///     // [NumberValue(value: 2500000000.0, range: 0..<19, unit: "€")]
    ///
    /// `tokens` must come from `text`; whitespace tokens are ignored. `lang` is a language code
    /// such as "de" or "en-GB" (only the language subtag counts); nil, or a language without
    /// tables, reads separators and scale words as `parse(_:lang:tokenizer:)` describes.
    ///
    /// - Complexity: O(n) in the number of tokens.
    public static func values(in tokens: [Token], of text: String, lang: String?) -> [NumberValue] {
        values(in: tokens.map(\.segment), of: Array(text.utf8), lang: lang)
    }

    /// All numbers in a text given as its UTF-8 `bytes` and its token segments
    /// (`Tokenizer.forEachSegment`), in order: what `values(in:of:lang:)` finds, with a `String`
    /// made only for tokens that start with a digit and for the tokens around a number.
    ///
    /// - Complexity: O(n) in the number of segments.
    public static func values(in segments: [TokenSegment], of bytes: [UInt8], lang: String?) -> [NumberValue] {
        NumberReader(segments: segments, bytes: bytes, lang: lang)?.values() ?? []
    }

    /// Tokenizes `text` with `tokenizer` and returns all numbers in it.
    ///
    ///     NumberValue.values(in: "3 000 soldats", lang: "fr", tokenizer: tokenizer).map(\.value)   // [3000]
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func values(in text: String, lang: String?, tokenizer: Tokenizer) -> [NumberValue] {
        values(in: tokenizer.tokenize(text), of: text, lang: lang)
    }

    /// Parses one number expression such as "3,000", "1,25 млрд", "$1.25bn"; nil when the whole
    /// text is not exactly one.
    ///
    ///     NumberValue.parse("1,25 млрд", lang: "uk", tokenizer: tokenizer)   // 1250000000
    ///     NumberValue.parse("3.000", lang: "de", tokenizer: tokenizer)       // 3000
    ///     NumberValue.parse("3.000", lang: nil, tokenizer: tokenizer)        // nil
    ///
    /// A single "," or "." is read by the language's convention: the decimal mark is a decimal
    /// mark ("3,5" in German, "3.5" in English), the other one groups thousands only before
    /// exactly three digits ("12,000" in English; German "3.5" is nil, since "24.12." is a date).
    /// Without a known language, "," before exactly three digits groups ("12,000"), "." before
    /// exactly three digits is ambiguous and nil ("3.000"), and otherwise either is a decimal
    /// mark ("1,25", "3.5"). Two different separators read as written ("1.234,5", "1,234.5").
    public static func parse(_ text: String, lang: String?, tokenizer: Tokenizer) -> Double? {
        let tokens = tokenizer.tokenize(text).filter { $0.kind != .whitespace }
        let found = values(in: tokens, of: text, lang: lang)
        guard found.count == 1, let first = tokens.first, let last = tokens.last,
            found[0].range == first.range.lowerBound..<last.range.upperBound
        else { return nil }
        return found[0].value
    }
}

/// Reads number expressions from token segments: digit groups joined across spaces ("3 000"),
/// then a sign and currency before them and scale words and a unit after them.
struct NumberReader {
    private let tokens: [TokenSegment]
    /// The numerals tokens start with: number tokens and words that begin with a digit ("1.25bn", "12th").
    private let numerals: [Numeral]
    /// For each token, the position of its numeral in `numerals`, or -1: few tokens have one.
    private let numeralOf: [Int32]
    private let bytes: [UInt8]
    private let locale: NumberLocale

    /// A reader of the numbers in `segments`, or nil when none of them can start one (no word
    /// or number token begins with a digit): most stretches of text have no number, and those
    /// cost one byte test per token.
    init?(segments: [TokenSegment], bytes: [UInt8], lang: String?) {
        // The segments themselves (shared, not copied) when none is whitespace, as a tokenizer
        // without whitespace segments gives them.
        let tokens = segments.contains { $0.kind == .whitespace } ? segments.filter { $0.kind != .whitespace } : segments
        var numerals: [Numeral] = [], numeralOf: [Int32] = []
        numeralOf.reserveCapacity(tokens.count)
        for segment in tokens {
            if segment.isWordLike, Numeral.mayStart(bytes, segment.range), let numeral = Numeral(bytes, segment.range) {
                numeralOf.append(Int32(numerals.count))
                numerals.append(numeral)
            } else {
                numeralOf.append(-1)
            }
        }
        guard !numerals.isEmpty else { return nil }
        self.tokens = tokens
        self.numerals = numerals
        self.numeralOf = numeralOf
        self.bytes = bytes
        locale = NumberLocale(lang: lang)
    }

    /// The numeral token `i` starts with, or nil.
    private func numeral(_ i: Int) -> Numeral? {
        numeralOf[i] < 0 ? nil : numerals[Int(numeralOf[i])]
    }

    /// Whether token `i` starts with a numeral.
    private func hasNumeral(_ i: Int) -> Bool {
        numeralOf[i] >= 0
    }

    /// The text of token `i`.
    private func text(_ i: Int) -> String {
        String(decoding: bytes[tokens[i].range], as: UTF8.self)
    }

    func values() -> [NumberValue] {
        var found: [NumberValue] = []
        var i = 0
        while i < tokens.count {
            // Only a token that starts with a digit can start a number.
            guard hasNumeral(i) else {
                i += 1
                continue
            }
            let run = digitRun(at: i)
            var end = run.upperBound
            for digits in pieces(of: run) {
                guard let (value, next) = expression(digits) else { continue }
                found.append(value)
                end = max(end, next)
            }
            i = end
        }
        return found
    }

    /// The bare digit tokens from `i` on that grouping spaces separate ("1", "234", "567,5").
    private func digitRun(at i: Int) -> Range<Int> {
        var end = i + 1
        while end < tokens.count, isBareDigits(end - 1, last: false), isBareDigits(end, last: true),
            gap(end - 1, end) == .fixedSpace || gap(end - 1, end) == .space && locale.groupsWithSpace
        {
            end += 1
        }
        return i..<end
    }

    /// A number token of digits only or, when `last`, digits with one "," or "." ("000,50").
    private func isBareDigits(_ i: Int, last: Bool) -> Bool {
        guard tokens[i].kind == .number, let numeral = numeral(i), numeral.suffix.isEmpty else { return false }
        return numeral.marks.isEmpty || last && numeral.marks.count == 1 && numeral.marks[0] != .group
    }

    /// How a run of digit tokens splits into numbers: whole when its groups are well formed (1–3
    /// digits, then exactly 3 each), a leading number of 4 or more digits (a year) apart from a
    /// well-formed rest ("in 2024 300 000"), or else token by token ("44 123 4567").
    private func pieces(of run: Range<Int>) -> [Range<Int>] {
        guard run.count > 1 else { return [run] }
        let lengths = run.map { numeral($0)!.groups[0].count }
        let grouped = { (lengths: ArraySlice<Int>) in
            (1...3).contains(lengths.first!) && lengths.dropFirst().allSatisfy { $0 == 3 }
        }
        if grouped(lengths[...]) { return [run] }
        if run.count > 2, lengths[0] > 3, grouped(lengths.dropFirst()) {
            return [run.lowerBound..<run.lowerBound + 1, run.lowerBound + 1..<run.upperBound]
        }
        return run.map { $0..<$0 + 1 }
    }

    /// The expression around the digit tokens `digits` and the index of the token after it.
    private func expression(_ digits: Range<Int>) -> (NumberValue, next: Int)? {
        let first = digits.lowerBound
        guard var numeral = numeral(first), !isFragment(first) else { return nil }
        for i in digits.dropFirst() { numeral.appendGroup(self.numeral(i)!) }
        guard let (integer, fraction) = numeral.split(decimalMark: locale.decimalMark) else { return nil }

        var start = first, negative = false, unit: String?
        if isMinus(start - 1) { negative = true; start -= 1 }
        if let (currency, begin) = currency(before: start) {
            unit = currency
            start = begin
            if !negative, isMinus(start - 1) { negative = true; start -= 1 }
        }

        var exponent = 0, next = digits.upperBound
        if !numeral.suffix.isEmpty {
            let suffix = numeral.suffix.lowercased()
            if NumberValue.ordinalSuffixes.contains(suffix) {
                guard fraction.isEmpty, Self.ordinal(suffix, fits: integer) else { return nil }
                return finish()
            } else if let scale = locale.scales[suffix] {
                guard let power = scale.exponent else { return nil }
                exponent = power
                next = index(after: scale, at: next - 1)
            } else if unit != nil, let power = NumberValue.currencyScaleSuffixes[suffix] {
                exponent = power
            } else if unit == nil, let glued = NumberValue.unitWords[suffix] {
                unit = glued
                return finish()
            } else {
                return nil
            }
        }
        var previous = exponent
        while next < tokens.count, tokens[next].kind == .word, gap(next - 1, next) != .other,
            let scale = locale.scales[text(next).lowercased()]
        {
            guard let power = scale.exponent, !isHyphenated(next) else { return nil }
            guard power > previous else { break }
            exponent += power
            previous = power
            next = index(after: scale, at: next)
        }
        if unit == nil, next < tokens.count, gap(next - 1, next) != .other, let (written, end) = self.unit(at: next) {
            unit = written
            next = end
        }
        return finish()

        func finish() -> (NumberValue, next: Int)? {
            var literal = integer
            if !fraction.isEmpty { literal += [UInt8(ascii: ".")] + fraction }
            guard let magnitude = Double(String(decoding: literal, as: UTF8.self) + "e\(exponent)"),
                magnitude.isFinite
            else { return nil }
            let range = tokens[start].range.lowerBound..<tokens[next - 1].range.upperBound
            return (NumberValue(value: negative ? -magnitude : magnitude, range: range, unit: unit), next)
        }
    }

    /// Whether digits at `i` continue something that is not a number: a name ("F-16",
    /// "COVID-19") or digits after a stray separator (".5", "1..2").
    private func isFragment(_ i: Int) -> Bool {
        guard i > 0, gap(i - 1, i) == .none else { return false }
        let before = text(i - 1)
        if before == "." || before == "," { return true }
        guard Self.hyphens.contains(before), i > 1, gap(i - 2, i - 1) == .none else { return false }
        return tokens[i - 2].kind == .word && !hasNumeral(i - 2)
    }

    /// Whether token `i` is a minus sign for the token after it: touching it, and not joining
    /// two words or numbers ("3-4").
    private func isMinus(_ i: Int) -> Bool {
        guard i >= 0, gap(i, i + 1) == .none, text(i) == "-" || text(i) == "\u{2212}" else {
            return false
        }
        return i == 0 || gap(i - 1, i) != .none || !tokens[i - 1].isWordLike
    }

    /// A currency symbol or ISO code just before token `i` ("$", "US$", "€ ", "EUR "), and where it starts.
    private func currency(before i: Int) -> (String, start: Int)? {
        let j = i - 1
        guard j >= 0, gap(j, i) != .other else { return nil }
        if isCurrencySymbol(j) {
            let symbol = text(j)
            if symbol == "$", j > 0, gap(j - 1, j) == .none, tokens[j - 1].kind == .word {
                let country = text(j - 1)
                if country.count <= 3, country.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                    return (country == "US" ? "$" : country + "$", j - 1)
                }
            }
            return (NumberValue.unitWords[symbol] ?? symbol, j)
        }
        guard isCurrencyCode(j) else { return nil }
        return (NumberValue.unitWords[text(j).lowercased()]!, j)
    }

    /// The longest unit of up to three tokens from `i` ("km", "square miles", "кв. км") and the
    /// index after it.
    private func unit(at i: Int) -> (String, next: Int)? {
        var key = text(i).lowercased()
        let isSymbol = isCurrencySymbol(i)
        var found = (NumberValue.unitWords[key] ?? (isSymbol ? key : nil)).map { ($0, next: i + 1) }
        // A currency that starts the next number ("2024 $5bn") is not this one's.
        if isSymbol || isCurrencyCode(i), i + 1 < tokens.count, gap(i, i + 1) != .other,
            hasNumeral(i + 1)
        {
            found = nil
        }
        var end = i + 1
        while end < min(i + 3, tokens.count), Self.unitPrefixes.contains(key), gap(end - 1, end) != .other {
            key += " " + text(end).lowercased()
            end += 1
            if let unit = NumberValue.unitWords[key] { found = (unit, end) }
        }
        return found
    }

    /// The proper prefixes of units of several tokens ("square" of "square miles").
    private static let unitPrefixes = Set(NumberValue.unitWords.keys.flatMap { key in
        let words = key.split(separator: " ")
        return (1..<words.count).map { words[..<$0].joined(separator: " ") }
    })

    /// The index after scale word `i`, past its abbreviation dot if it has one ("Mio.").
    private func index(after scale: ScaleWord, at i: Int) -> Int {
        let dotted = scale.isAbbreviation && i + 1 < tokens.count && text(i + 1) == "." && gap(i, i + 1) == .none
        return dotted ? i + 2 : i + 1
    }

    /// Whether word `i` is the start of a hyphenated compound ("5 Bio-Eier": organic, not 10^12).
    private func isHyphenated(_ i: Int) -> Bool {
        i + 1 < tokens.count && Self.hyphens.contains(text(i + 1)) && gap(i, i + 1) == .none
    }

    /// What separates two tokens in the text.
    private enum Gap { case none, space, fixedSpace, other }

    private func gap(_ a: Int, _ b: Int) -> Gap {
        let from = tokens[a].range.upperBound, to = tokens[b].range.lowerBound
        guard from <= to, to <= bytes.count else { return .other }
        let between = bytes[from..<to]
        if between.isEmpty { return .none }
        if between.elementsEqual([0x20]) { return .space }
        return Self.fixedSpaces.contains { between.elementsEqual($0) } ? .fixedSpace : .other
    }

    /// NO-BREAK SPACE, NARROW NO-BREAK SPACE, THIN SPACE, FIGURE SPACE in UTF-8.
    private static let fixedSpaces: [[UInt8]] = [
        [0xC2, 0xA0], [0xE2, 0x80, 0xAF], [0xE2, 0x80, 0x89], [0xE2, 0x80, 0x87],
    ]

    private static let hyphens: Set<String> = ["-", "\u{2010}", "\u{2011}"]

    /// Whether token `i` is one currency symbol ("$", "€").
    private func isCurrencySymbol(_ i: Int) -> Bool {
        guard tokens[i].kind == .symbol else { return false }
        let scalars = text(i).unicodeScalars
        return scalars.count == 1 && scalars.first!.properties.generalCategory == .currencySymbol
    }

    /// Whether token `i` is an upper-case ISO 4217 code in the unit table ("USD", "EUR").
    private func isCurrencyCode(_ i: Int) -> Bool {
        // Three ASCII letters are three bytes: other words need no `String`.
        guard tokens[i].kind == .word, tokens[i].range.count == 3 else { return false }
        let code = text(i)
        return code.count == 3 && code.allSatisfy { $0.isASCII && $0.isUppercase }
            && NumberValue.unitWords[code.lowercased()] != nil
    }

    /// Whether an English ordinal suffix fits the number ("1st", "12th", "23rd"); the other
    /// languages' suffixes fit any number.
    private static func ordinal(_ suffix: String, fits integer: [UInt8]) -> Bool {
        guard ["st", "nd", "rd", "th"].contains(suffix) else { return true }
        let ones = integer[integer.count - 1] - UInt8(ascii: "0")
        let tens = integer.count > 1 ? integer[integer.count - 2] - UInt8(ascii: "0") : 0
        let expected = tens == 1 ? "th" : [1: "st", 2: "nd", 3: "rd"][ones] ?? "th"
        return suffix == expected
    }
}
