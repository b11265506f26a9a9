/// One UAX #29 word-break segment of a text, with its place in the source.
///
///     let tokens = try Tokenizer().tokenize("Zelenskyy’s aides")
///     tokens[0].text          // "Zelenskyy’s"
///     tokens[0].range         // 0..<13 (UTF-8 bytes)
///     tokens[0].nameText      // "Zelenskyy"
public struct Token: Hashable, Sendable {
    /// What a token is, from ICU's word-break rule status and the token's first character.
    public enum Kind: String, Sendable, CaseIterable {
        case word, number, punctuation, symbol, emoji, whitespace
    }

    /// The token's text, exactly as in the source.
    public var text: String
    /// The token's UTF-8 byte offsets in the source text.
    public var range: Range<Int>
    public var kind: Kind
    /// The script of the first character that is not Common or Inherited.
    public var script: Script
    /// UTF-8 length of a trailing possessive `'s` / `’s`, or 0.
    public var possessiveSuffixLength: Int

    public init(text: String, range: Range<Int>, kind: Kind, script: Script, possessiveSuffixLength: Int = 0) {
        self.text = text
        self.range = range
        self.kind = kind
        self.script = script
        self.possessiveSuffixLength = possessiveSuffixLength
    }

    /// Whether the token ends in a possessive `'s` or `’s` (Zelenskyy's, Zelenskyy’s).
    public var isPossessive: Bool { possessiveSuffixLength > 0 }

    /// The text without a possessive suffix: the form to match names against.
    public var nameText: String {
        guard possessiveSuffixLength > 0 else { return text }
        let utf8 = text.utf8
        return String(utf8[utf8.startIndex..<utf8.index(utf8.endIndex, offsetBy: -possessiveSuffixLength)])!
    }

    /// True for words and numbers: the tokens that carry content.
    public var isWordLike: Bool { kind == .word || kind == .number }
}

extension Token {
    /// UTF-8 length of a possessive suffix at the end of a Latin word, or 0.
    ///
    /// The suffix is an apostrophe (U+0027 or U+2019) followed by `s` or `S`, after at least one
    /// letter: UAX #29 keeps it inside the word, so `Zelenskyy's` is one token.
    static func possessiveSuffixLength(of utf8: UnsafeBufferPointer<UInt8>) -> Int {
        let n = utf8.count
        guard n >= 3, utf8[n - 1] | 0x20 == UInt8(ascii: "s") else { return 0 }
        if utf8[n - 2] == UInt8(ascii: "'") { return 2 }
        // U+2019 RIGHT SINGLE QUOTATION MARK is E2 80 99 in UTF-8.
        if n >= 5, utf8[n - 4] == 0xE2, utf8[n - 3] == 0x80, utf8[n - 2] == 0x99 { return 4 }
        return 0
    }
}

extension RandomAccessCollection where Element == Token, Index == Int {
    /// The index ranges of hyphenated compounds: words joined by hyphens with no space around
    /// them (`Jong-un`, `Rimsky-Korsakov`, `Ivano-Frankivsk`), so that a name can be matched
    /// as one unit. The tokens must include punctuation (the tokenizer keeps it by default).
    ///
    ///     let tokens = try Tokenizer().tokenize("Kim Jong-un")
    ///     tokens.hyphenatedCompounds()   // [1..<4]: "Jong", "-", "un"
    ///
    /// - Complexity: O(n) in the number of tokens.
    public func hyphenatedCompounds() -> [Range<Int>] {
        var compounds: [Range<Int>] = []
        var i = startIndex
        while i < endIndex {
            guard self[i].kind == .word else { i += 1; continue }
            var end = i + 1
            while end + 1 < endIndex, Self.isHyphen(self[end]), self[end + 1].isWordLike,
                self[end - 1].range.upperBound == self[end].range.lowerBound,
                self[end].range.upperBound == self[end + 1].range.lowerBound
            {
                end += 2
            }
            if end > i + 1 { compounds.append(i..<end) }
            i = end
        }
        return compounds
    }

    private static func isHyphen(_ token: Token) -> Bool {
        // HYPHEN-MINUS, HYPHEN, NON-BREAKING HYPHEN.
        token.text == "-" || token.text == "\u{2010}" || token.text == "\u{2011}"
    }
}
