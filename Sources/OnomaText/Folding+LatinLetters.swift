extension Folding {
    /// The first and end scalar values of the letters `latinLetterFolds` covers: Latin-1
    /// Supplement, Latin Extended-A and -B.
    private static let latinLetterRange: Range<UInt32> = 0xC0..<0x250

    /// `latinDiacritics` of each scalar in `latinLetterRange` (its UTF-8), asked of ICU once per
    /// process; nil for a scalar whose folding changes beside other letters (ICU's Latin-ASCII
    /// writes Æ as "Ae" before a lowercase letter), which is left to ICU with its context.
    private static let latinLetterFolds: [[UInt8]?] = latinLetterRange.map { value in
        let letter = String(Character(Unicode.Scalar(value)!))
        let folded = latinFolder.transliterate(letter)
        for (before, after) in [("a", "a"), ("A", "A"), ("a", "A"), ("A", "a"), ("1", " ")] {
            guard latinFolder.transliterate(before + letter + after) == before + folded + after else { return nil }
        }
        return Array(folded.utf8)
    }

    /// `latinDiacritics` of text made of ASCII and letters that `latinLetterFolds` folds on
    /// their own, put together from the table without ICU (a word took about 70,000
    /// instructions through ICU's compound transform, 3% of `onoma dedupe`); nil for other text.
    /// Text without combining marks has no context for ICU's rules beyond its letters, which the
    /// table was checked against.
    static func tableLatinDiacritics(_ text: String) -> String? {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                folded.append(UInt8(value))
                continue
            }
            guard latinLetterRange.contains(value), let fold = latinLetterFolds[Int(value - latinLetterRange.lowerBound)] else { return nil }
            folded += fold
        }
        return String(decoding: folded, as: UTF8.self)
    }
}
