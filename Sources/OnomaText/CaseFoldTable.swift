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
    private let range: Range<UInt32>
    /// Per scalar of `range`: the UTF-8 of its fold in the low bytes and the fold's length in
    /// the top byte; `complex` for a scalar left to ICU.
    private let folds: [UInt64]
    private static let complex = UInt64.max

    /// Asks ICU for the fold of every scalar of `range`.
    init(_ range: Range<UInt32>) {
        self.range = range
        folds = range.map { value in
            guard let scalar = Unicode.Scalar(value), Normalization.nfkcCaseFold.hasBoundaryBefore(scalar) else { return Self.complex }
            let fold = Array(Normalization.nfkcCaseFold.normalize(String(Character(scalar))).utf8)
            guard fold.count < 8 else { return Self.complex }
            return fold.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } | UInt64(fold.count) << 56
        }
    }

    private static let tables = [CaseFoldTable(0x80..<0x800), CaseFoldTable(0x1E00..<0x2070), CaseFoldTable(0x3040..<0x3100)]
    /// Characters that fold to themselves and have a boundary before them (checked by tests).
    static let identities: [ClosedRange<UInt32>] = [0x4E00...0x9FFF, 0xAC00...0xD7A3]

    /// The NFKC case folding of `text` from the tables, or nil when a character is not in them.
    static func fold(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var failed = false
            let folded = String(unsafeUninitializedCapacity: bytes.count * 4) { buffer in
                var count = 0, i = 0
                while i < bytes.count {
                    let lead = UInt32(bytes[i])
                    if lead < 0x80 {
                        buffer[count] = UInt8(lead) &- UInt8(ascii: "A") < 26 ? UInt8(lead) | 0x20 : UInt8(lead)
                        count += 1
                        i += 1
                        continue
                    }
                    let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    var value = lead & (0xFF >> UInt32(length + 1))
                    for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                    if identities.contains(where: { $0.contains(value) }) {
                        for k in 0..<length { buffer[count + k] = bytes[i + k] }
                        count += length
                    } else if let table = tables.first(where: { $0.range.contains(value) }),
                              case let fold = table.folds[Int(value - table.range.lowerBound)], fold != complex {
                        let foldLength = Int(fold >> 56)
                        for k in 0..<foldLength { buffer[count + k] = UInt8(truncatingIfNeeded: fold >> UInt64(8 * k)) }
                        count += foldLength
                    } else {
                        failed = true
                        return 0
                    }
                    i += length
                }
                return count
            }
            return failed ? nil : folded
        }
    }
}
