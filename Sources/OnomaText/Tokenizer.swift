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
    private let breaker: WordBreakHandle
    /// Maps ONOMA_KIND_* to token kinds; nil drops the segment.
    private let kinds: [Token.Kind?]
    private var segments = [onoma_word_segment](repeating: onoma_word_segment(), count: 512)

    /// Opens a word break iterator for `locale` ("" is the root locale, which suits any language).
    /// Calls `ubrk_open(UBRK_WORD, …)`.
    public init(locale: String = "", includeWhitespace: Bool = false) throws(ICUError) {
        breaker = try WordBreakHandle(locale: locale)
        includesWhitespace = includeWhitespace
        kinds = [includeWhitespace ? .whitespace : nil, .word, .number, .punctuation, .symbol, .emoji]
    }

    /// Calls `body` with each token of `text` in order, without collecting them.
    ///
    /// - Complexity: O(n) in the length of `text`; memory is constant beyond `text` itself.
    public func forEachToken(in text: String, _ body: (Token) throws -> Void) rethrows {
        var text = text
        try text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            breaker.setText(base, count: bytes.count)
            try segments.withUnsafeMutableBufferPointer { buffer in
                while true {
                    let count = Int(onoma_word_break_next_segments(breaker.pointer, buffer.baseAddress, Int32(buffer.count)))
                    if count == 0 { break }
                    for segment in buffer[0..<count] {
                        guard let kind = kinds[Int(segment.kind)] else { continue }
                        let range = Int(segment.start)..<Int(segment.end)
                        let slice = UnsafeBufferPointer(rebasing: bytes[range])
                        let script = Script(rawValue: segment.script)
                        try body(Token(
                            text: String(decoding: slice, as: UTF8.self),
                            range: range,
                            kind: kind,
                            script: script,
                            possessiveSuffixLength: kind == .word && script == .latin
                                ? Token.possessiveSuffixLength(of: slice) : 0
                        ))
                    }
                }
            }
        }
    }

    /// The tokens of `text`, in order.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 5)
        forEachToken(in: text) { tokens.append($0) }
        return tokens
    }

}

/// Owns one ICU word break iterator (and its UText).
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
        // utext_openUTF8 and ubrk_setUText fail only on allocation failure or a NULL text.
        precondition(status <= 0, "ICU word break set_text failed: \(String(cString: onoma_u_error_name(status)))")
    }
}
