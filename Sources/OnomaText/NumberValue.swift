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
    /// (`Tokenizer.forEachSegment`), in order: what `values(in:of:lang:)` finds, read from the
    /// bytes: words around a number are looked up without making a `String`.
    ///
    /// - Complexity: O(n) in the number of segments.
    public static func values(in segments: [TokenSegment], of bytes: [UInt8], lang: String?) -> [NumberValue] {
        NumberReader.values(in: segments, of: bytes, lang: lang)
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
