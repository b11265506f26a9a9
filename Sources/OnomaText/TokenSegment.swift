/// Where a token is and what it is, without its text: what `Tokenizer.forEachSegment(in:_:)`
/// reports to callers that read the text's bytes themselves and make a `String` only for the
/// words they need.
///
///     try Tokenizer().forEachSegment(in: "Zelenskyy’s aides") { segment in
///         segment.range       // 0..<13, then 14..<19 (UTF-8 bytes)
///         segment.nameRange   // 0..<9: without the possessive ’s
///     }
public struct TokenSegment: Hashable, Sendable {
    /// The token's UTF-8 byte offsets in the source text.
    public var range: Range<Int>
    public var kind: Token.Kind
    /// The script of the first character that is not Common or Inherited.
    public var script: Script
    /// UTF-8 length of a trailing possessive `'s` / `’s`, or 0.
    public var possessiveSuffixLength: Int

    public init(range: Range<Int>, kind: Token.Kind, script: Script, possessiveSuffixLength: Int = 0) {
        self.range = range
        self.kind = kind
        self.script = script
        self.possessiveSuffixLength = possessiveSuffixLength
    }

    /// The byte range without a possessive suffix: the bytes of `Token.nameText`.
    @inlinable public var nameRange: Range<Int> { range.lowerBound..<(range.upperBound - possessiveSuffixLength) }

    /// True for words and numbers: the tokens that carry content.
    @inlinable public var isWordLike: Bool { kind == .word || kind == .number }
}

extension Token {
    /// The token's segment: its place and kind without its text.
    public var segment: TokenSegment {
        TokenSegment(range: range, kind: kind, script: script, possessiveSuffixLength: possessiveSuffixLength)
    }
}
