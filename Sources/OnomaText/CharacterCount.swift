/// The number of characters (extended grapheme clusters) in a text given as its UTF-8 bytes
/// (valid UTF-8), as `String.count` gives it, counted without grapheme breaking when the text
/// allows it.
///
/// When every scalar is below U+0300 or is General Punctuation or a currency sign from
/// U+2010–U+2027, U+2030–U+205E, U+20A0–U+20C0 (quotes, dashes, ‰, €), every scalar's
/// grapheme break property is Other, Control, CR or LF, so UAX #29 breaks between any two
/// scalars except CR LF: the count is the scalars less the CR LF pairs. That covers most
/// English, German and French news, where `String.count` took 3% of `onoma dedupe`; any other
/// text is counted by `String.count`. The JSONL scanner counts a text's scalars as it validates
/// them (`Document.characterCount`), by `isSimple`.
///
///     CharacterCount.of(Array("„Paris“ – 3\r\n€".utf8))   // 13, as "„Paris“ – 3\r\n€".count
public enum CharacterCount {
    /// The number of characters of the text whose UTF-8 bytes (valid UTF-8) are `utf8`.
    ///
    /// - Complexity: O(n).
    public static func of(_ utf8: [UInt8]) -> Int {
        let simple: Int? = utf8.withUnsafeBufferPointer { bytes in
            var scalars = 0, pairs = 0
            var i = 0
            while i < bytes.count {
                // ASCII bytes before a line feed are a character each: of eight bytes, those before
                // the first that is a line feed or not ASCII (the lowest flag is exact; borrows
                // start at a line feed and only flag bytes after it). The rest starts there, not
                // a byte further: a letter like "é" cost eight failed tests and eight bytes.
                if i + 8 <= bytes.count {
                    let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    let lineFeeds = word ^ 0x0A0A_0A0A_0A0A_0A0A
                    let stops = (word | ((lineFeeds &- 0x0101_0101_0101_0101) & ~lineFeeds)) & 0x8080_8080_8080_8080
                    let plain = stops.trailingZeroBitCount &>> 3
                    scalars += plain
                    i += plain
                    if plain == 8 { continue }
                }
                let byte = bytes[i]
                if byte < 0x80 {
                    if byte == 0x0A, i > 0, bytes[i - 1] == 0x0D { pairs += 1 }
                    i += 1
                } else if byte >= 0xC2, byte <= 0xCB {  // U+0080–U+02FF
                    i += 2
                } else if byte == 0xE2, i + 2 < bytes.count {
                    guard isSimple(afterE2: bytes[i + 1], bytes[i + 2]) else { return nil }
                    i += 3
                } else {
                    return nil
                }
                scalars += 1
            }
            return scalars - pairs
        }
        return simple ?? String(decoding: utf8, as: UTF8.self).count
    }

    /// Whether `scalar` is one that the count can take as a character of its own (but for CR
    /// LF): below U+0300, or in U+2010–U+2027, U+2030–U+205E, U+20A0–U+20C0.
    @inline(__always)
    static func isSimple(_ scalar: UInt32) -> Bool {
        scalar < 0x300 || (0x2010...0x2027).contains(scalar) || (0x2030...0x205E).contains(scalar) || (0x20A0...0x20C0).contains(scalar)
    }

    /// Whether the scalar of the three-byte sequence E2 `second` `third` (valid UTF-8) is simple.
    @inline(__always)
    static func isSimple(afterE2 second: UInt8, _ third: UInt8) -> Bool {
        isSimple(0x2000 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F))
    }
}
