/// NFKC case folding (`Folding.caseFold(_:)`) character by character from tables asked of ICU
/// once, for the scripts of most names: Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic
/// (U+0080–U+07FF), Latin Extended Additional, Greek Extended and general punctuation
/// (U+1E00–U+206F), kana (U+3040–U+30FF); Hangul syllables and CJK ideographs fold to
/// themselves. Through ICU a short word took about 2,600 instructions; indexing a lexicon folds
/// every word three times.
///
/// A character is in a table only when ICU's NFKC_Casefold has a normalization boundary before
/// it (`Normalization.hasBoundaryBefore(_:)`): then no neighbour changes its fold, and a text of
/// such characters folds to the concatenation of their folds, which is ICU's result. Any other
/// character (a combining mark, a conjoining jamo) sends the whole text to ICU.
struct CaseFoldTable: Sendable {
    /// Per scalar of its range: the UTF-8 of its fold in the low bytes and the fold's length in
    /// the top byte; `complex` for a scalar left to ICU.
    private let folds: [UInt64]
    private static let complex = UInt64.max

    /// Asks ICU for the fold of every scalar of `range`.
    init(_ range: Range<UInt32>) {
        folds = range.map { value in
            guard let scalar = Unicode.Scalar(value), Normalization.nfkcCaseFold.hasBoundaryBefore(scalar) else { return Self.complex }
            let fold = Array(Normalization.nfkcCaseFold.normalize(String(Character(scalar))).utf8)
            guard fold.count < 8 else { return Self.complex }
            return fold.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } | UInt64(fold.count) << 56
        }
    }

    /// The fold of a CJK ideograph (U+4E00–U+9FFF) or a Hangul syllable (U+AC00–U+D7A3):
    /// itself, with a boundary before it (a test checks every one against ICU).
    private static let identity = UInt64.max - 1

    /// The three tables, read once per text.
    private static let tables = Tables()

    private struct Tables {
        let twoByte = CaseFoldTable(0x80..<0x800)
        let punctuation = CaseFoldTable(0x1E00..<0x2070)
        let kana = CaseFoldTable(0x3040..<0x3100)

        /// The packed fold of a non-ASCII scalar value, `identity` or `complex`.
        @inline(__always)
        func fold(of value: UInt32) -> UInt64 {
            if value < 0x800 { return twoByte.folds[Int(value &- 0x80)] }
            if value >= 0xAC00 && value <= 0xD7A3 || value >= 0x4E00 && value <= 0x9FFF { return identity }
            if value >= 0x1E00 && value < 0x2070 { return punctuation.folds[Int(value &- 0x1E00)] }
            if value >= 0x3040 && value < 0x3100 { return kana.folds[Int(value &- 0x3040)] }
            return complex
        }
    }

    /// The NFKC case folding of `text` from the tables, or nil when a character is not in them.
    static func fold(_ text: String) -> String? {
        var text = text
        let tables = tables
        return text.withUTF8 { bytes -> String? in
            // A fold has at most 7 bytes, and a non-ASCII character at least 2.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 4) { output -> String? in
                var written = 0, i = 0
                while i < bytes.count {
                    let lead = bytes[i]
                    if lead < 0x80 {
                        output[written] = lead &- UInt8(ascii: "A") < 26 ? lead | 0x20 : lead
                        written += 1
                        i += 1
                        continue
                    }
                    let (value, length) = UTF8Decoding.validScalar(at: i, of: bytes)
                    var fold = tables.fold(of: value)
                    if fold == complex { return nil }
                    if fold == identity {
                        for k in 0..<length { output[written + k] = bytes[i + k] }
                        written += length
                    } else {
                        for _ in 0..<Int(fold >> 56) {
                            output[written] = UInt8(truncatingIfNeeded: fold)
                            fold >>= 8
                            written += 1
                        }
                    }
                    i += length
                }
                return String(decoding: UnsafeBufferPointer(rebasing: output[0..<written]), as: UTF8.self)
            }
        }
    }
}
