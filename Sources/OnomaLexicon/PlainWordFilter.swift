/// Tells the words of a document whose labels can wait until a trie walk reaches them: ASCII
/// words of up to 16 bytes that are not name-like (no capital first), have no elided article
/// ("l'Ukraine" is as name-like as "Ukraine") and are not the first word of a form that starts
/// in lowercase, so that no match and no fuzzy span starts at them. Most lowercase words of
/// news text are such words; each then costs this test instead of its key and a probe of the
/// label cache.
///
/// The case folding of an ASCII word is the word in lowercase, so a lowercase first word it
/// could be has its first byte, its length and its last byte in lowercase: the filter keeps one
/// bit per such triple (folded together), set for every ASCII lowercase first word of a form.
struct PlainWordFilter {
    private static let bitCount = 1 << 14
    /// The bits of `slot(first:last:length:)`, set where a word must be labelled.
    private var bits = [UInt64](repeating: 0, count: bitCount / 64)

    /// The filter for a lexicon whose forms start in lowercase with the case-folded words
    /// `lowercaseStarts` (UTF-8).
    init(lowercaseStarts: [[UInt8]]) {
        for word in lowercaseStarts where !word.isEmpty && word.allSatisfy({ $0 < 0x80 }) {
            let slot = Self.slot(first: word[0], last: word[word.count - 1], length: word.count)
            bits[slot >> 6] |= 1 << UInt64(slot & 63)
        }
    }

    /// The bit of an ASCII word with first byte `first`, last byte `last` (lowercase) and
    /// `length` bytes.
    @inline(__always)
    private static func slot(first: UInt8, last: UInt8, length: Int) -> Int {
        Int(first & 0x1F) << 9 | Int(last & 0x1F) << 4 | min(length, 15)
    }

    /// Whether the word at `range` of the UTF-8 `text` passes: its labels can wait. Its bytes
    /// are read eight at a time, so a word of more than 16 bytes, or one that starts less than
    /// 16 bytes before the text's end, is labelled.
    @inline(__always)
    func passes(_ text: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        let start = range.lowerBound, length = range.count
        guard length > 0, length <= 16, start + 16 <= text.count else { return false }
        let head = text.loadUnaligned(fromByteOffset: start, as: UInt64.self)
        let first = UInt8(truncatingIfNeeded: head)
        // A capital makes a word name-like; an apostrophe among the first five bytes may end
        // an elided article ("l'", "qu'", "dell'"; bytes after a short word count too).
        let apostrophes = (head ^ 0x2727_2727_2727_2727) & 0xFF_FFFF_FFFF
        let hasApostrophe = (apostrophes &- 0x01_0101_0101) & ~apostrophes & 0x80_8080_8080 != 0
        guard first &- UInt8(ascii: "A") >= 26, !hasApostrophe else { return false }
        // The word's bytes, all ASCII (high bits clear; the bytes after it masked out).
        var high = head
        if length > 8 { high |= text.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self) & Self.mask(length - 8) }
        else { high &= Self.mask(length) }
        guard high & 0x8080_8080_8080_8080 == 0 else { return false }
        var last = text[start + length - 1]
        if last &- UInt8(ascii: "A") < 26 { last |= 0x20 }
        let slot = Self.slot(first: first, last: last, length: length)
        return bits.withUnsafeBufferPointer { $0[slot >> 6] } & (1 << UInt64(slot & 63)) == 0
    }

    /// The first `count` (1...8) bytes of a little-endian word.
    @inline(__always)
    private static func mask(_ count: Int) -> UInt64 {
        UInt64.max &>> UInt64(64 - count * 8)
    }
}
