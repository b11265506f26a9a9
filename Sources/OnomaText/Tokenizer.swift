import CICU

/// Splits text into words, numbers, punctuation and symbols with ICU's UAX #29 word break
/// iterator, which brings dictionary segmentation for Thai, Lao, Khmer, Myanmar, Chinese and
/// Japanese.
///
///     let tokenizer = try Tokenizer()
///     let tokens = tokenizer.tokenize("Kim Jong-un met O'Reilly.")
///     tokens.map(\.text)   // ["Kim", "Jong", "-", "un", "met", "O'Reilly", "."]
///
/// A tokenizer owns one ICU break iterator, which is not thread-safe: use one tokenizer per
/// thread or task. Opening one costs about as much as tokenizing a short article.
public final class Tokenizer {
    /// Whether whitespace segments are reported as tokens of kind `.whitespace`.
    public let includesWhitespace: Bool
    /// Whether ICU finds every segment, also the ones the shim finds by the same rules (tests
    /// compare the two).
    var icuOnly = false
    /// Whether the shim finds segments of ASCII, two-byte characters and general punctuation
    /// itself: with ICU's root rules, not a locale's own.
    var usesShimRules: Bool { onoma_word_break_uses_shim_rules(breaker.pointer) != 0 }
    private let breaker: WordBreakHandle
    private var segments = [onoma_word_segment](repeating: onoma_word_segment(), count: batchSize)
    /// A batch of `segments` as token segments, for `segments(of:into:)`.
    private var batchSegments = [TokenSegment](repeating: TokenSegment(range: 0..<0, kind: .word, script: .common), count: batchSize)
    private static let batchSize = 256

    /// Opens a word break iterator for `locale` ("" is the root locale, which suits any language).
    /// Calls `ubrk_open(UBRK_WORD, …)`.
    public init(locale: String = "", includeWhitespace: Bool = false) throws(ICUError) {
        breaker = try WordBreakHandle(locale: locale)
        includesWhitespace = includeWhitespace
    }

    /// Calls `body` with each token of `text` in order, without collecting them.
    ///
    /// - Complexity: O(n) in the length of `text`; memory is constant beyond `text` itself.
    public func forEachToken(in text: String, _ body: (Token) throws -> Void) rethrows {
        var text = text
        try text.withUTF8 { bytes in
            try forEachSegment(in: bytes, nonASCIIOnly: false) { try body(Self.token($0, in: bytes)) }
        }
    }

    /// Calls `body` with the segment of each token of `text` in order (the tokens of
    /// `forEachToken`, without making their strings).
    ///
    /// - Complexity: O(n) in the length of `text`; memory is constant beyond `text` itself.
    public func forEachSegment(in text: String, _ body: (TokenSegment) throws -> Void) rethrows {
        var text = text
        try text.withUTF8 { bytes in
            try forEachSegment(in: bytes, nonASCIIOnly: false) { try body(Self.segment($0, in: bytes)) }
        }
    }

    /// Replaces the contents of `segments` with the segments of the tokens of `text`, in order
    /// (those of `forEachSegment`), keeping the array's buffer: appended here, in the module
    /// that makes them, rather than through a closure per token.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public func segments(of text: String, into segments: inout [TokenSegment]) {
        var text = text
        text.withUTF8 { self.segments(of: $0, into: &segments) }
    }

    /// `segments(of:into:)` of a text given as UTF-8 bytes, which must be valid UTF-8 (as a
    /// `String`'s are): for callers that hold the bytes, so that no `String` is made (making
    /// one validates the bytes).
    ///
    /// - Complexity: O(n) in the length of `utf8`.
    public func segments(ofUTF8 utf8: [UInt8], into segments: inout [TokenSegment]) {
        utf8.withUnsafeBufferPointer { self.segments(of: $0, into: &segments) }
    }

    private func segments(of bytes: UnsafeBufferPointer<UInt8>, into segments: inout [TokenSegment]) {
        segments.removeAll(keepingCapacity: true)
        // A batch at a time, converted into a buffer kept for it and appended as a block:
        // appending one segment per call checked the array's uniqueness and capacity at every
        // token, and a mapped array per batch cost an allocation and its copy.
        batchSegments.withUnsafeMutableBufferPointer { converted in
            forEachBatch(in: bytes, nonASCIIOnly: false) { batch in
                for (i, segment) in batch.enumerated() { converted[i] = Self.segment(segment, in: bytes) }
                segments.append(contentsOf: UnsafeBufferPointer(rebasing: converted[..<batch.count]))
            }
        }
    }

    /// The tokens of `text`, in order.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var text = text
        text.withUTF8 { bytes in
            tokens.reserveCapacity(bytes.count / 5)
            forEachSegment(in: bytes, nonASCIIOnly: false) { tokens.append(Self.token($0, in: bytes)) }
        }
        return tokens
    }

    /// Calls `body` with each segment of `bytes` that is a token (as `forEachToken` reports
    /// them), or with `nonASCIIOnly` only those that contain a non-ASCII byte: ICU then skips
    /// long ASCII runs without running the break rules over them.
    func forEachSegment(
        in bytes: UnsafeBufferPointer<UInt8>, nonASCIIOnly: Bool, _ body: (onoma_word_segment) throws -> Void
    ) rethrows {
        try forEachBatch(in: bytes, nonASCIIOnly: nonASCIIOnly) { batch in
            for segment in batch { try body(segment) }
        }
    }

    /// Calls `body` with the segments of `forEachSegment(in:nonASCIIOnly:_:)`, in order, some
    /// hundreds at a time.
    private func forEachBatch(
        in bytes: UnsafeBufferPointer<UInt8>, nonASCIIOnly: Bool, _ body: (UnsafeBufferPointer<onoma_word_segment>) throws -> Void
    ) rethrows {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        breaker.setText(base, count: bytes.count)
        let options = (includesWhitespace ? Int32(ONOMA_SEGMENTS_WHITESPACE) : 0)
            | (nonASCIIOnly ? Int32(ONOMA_SEGMENTS_NON_ASCII) : 0)
            | (icuOnly ? Int32(ONOMA_SEGMENTS_ICU_ONLY) : 0)
        try segments.withUnsafeMutableBufferPointer { buffer in
            while true {
                var status: Int32 = 0
                let count = Int(onoma_word_break_next_segments(
                    breaker.pointer, options, buffer.baseAddress, Int32(buffer.count), &status))
                // Swift strings are valid UTF-8: ICU fails here only when memory runs out.
                precondition(status <= 0, "ICU word break failed: \(String(cString: onoma_u_error_name(status)))")
                if count == 0 { break }
                try body(UnsafeBufferPointer(rebasing: buffer[..<count]))
            }
        }
    }

    /// The token for a segment of `bytes`.
    @inline(__always)
    private static func token(_ segment: onoma_word_segment, in bytes: UnsafeBufferPointer<UInt8>) -> Token {
        let place = Self.segment(segment, in: bytes)
        let slice = UnsafeBufferPointer(rebasing: bytes[place.range])
        // Short ASCII strings skip UTF-8 validation this way.
        let text = segment.is_ascii != 0
            ? String(unsafeUninitializedCapacity: slice.count) { $0.initialize(fromContentsOf: slice) }
            : String(decoding: slice, as: UTF8.self)
        return Token(text: text, range: place.range, kind: place.kind, script: place.script,
                     possessiveSuffixLength: place.possessiveSuffixLength)
    }

    /// The token segment for a segment of `bytes`.
    @inline(__always)
    private static func segment(_ segment: onoma_word_segment, in bytes: UnsafeBufferPointer<UInt8>) -> TokenSegment {
        let range = Int(segment.start)..<Int(segment.end)
        let kind = Token.Kind(segmentKind: segment.kind)
        let script = Script(rawValue: segment.script)
        return TokenSegment(
            range: range,
            kind: kind,
            script: script,
            possessiveSuffixLength: kind == .word && script == .latin
                ? Token.possessiveSuffixLength(of: UnsafeBufferPointer(rebasing: bytes[range])) : 0
        )
    }
}

extension Token.Kind {
    /// The kind for an ONOMA_KIND_* value.
    init(segmentKind: Int32) {
        switch segmentKind {
        case Int32(ONOMA_KIND_WORD): self = .word
        case Int32(ONOMA_KIND_NUMBER): self = .number
        case Int32(ONOMA_KIND_PUNCTUATION): self = .punctuation
        case Int32(ONOMA_KIND_EMOJI): self = .emoji
        case Int32(ONOMA_KIND_WHITESPACE): self = .whitespace
        default: self = .symbol
        }
    }
}

/// Owns one ICU word break iterator (and its UTF-16 buffer).
final class WordBreakHandle {
    let pointer: OpaquePointer

    init(locale: String) throws(ICUError) {
        var status: Int32 = 0
        let handle = onoma_word_break_open(locale, &status)
        try ICUError.check(status, "opening a word break iterator for locale '\(locale)'")
        pointer = handle!
    }

    deinit { onoma_word_break_close(pointer) }

    /// Points the iterator at UTF-8 bytes that stay valid until the next call.
    func setText(_ base: UnsafePointer<UInt8>, count: Int) {
        var status: Int32 = 0
        base.withMemoryRebound(to: CChar.self, capacity: count) {
            onoma_word_break_set_text(pointer, $0, Int64(count), &status)
        }
        // Fails only for texts of 2 GB or more: ICU's offsets are 32-bit.
        precondition(status <= 0, "ICU word break cannot take \(count) bytes at once: \(String(cString: onoma_u_error_name(status)))")
    }
}
