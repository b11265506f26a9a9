/// What a transform that keeps ASCII writes for each plain Latin letter (U+00C0–U+024F:
/// Latin-1 Supplement, Latin Extended-A and -B; U+1E00–U+1EFF: Latin Extended Additional, the
/// letters of Vietnamese) and for the apostrophes that join words (ʻ ʼ ‘ ’: French l’État,
/// d’une), asked of ICU once, so that words of ASCII and such characters are transliterated
/// without ICU: a word took 10,000 to 70,000 instructions through ICU's compound transforms, a
/// tenth of the time of deduplicating European news.
///
/// A character is in the table only when ICU writes it the same on its own and between letters,
/// capitals, digits and spaces (Latin-ASCII could write Æ as "Ae" before a lowercase letter).
/// Words with any other character (a combining mark, another script) are left to ICU with
/// their whole context.
struct LatinLetterTable: Sendable {
    static let ranges: [Range<UInt32>] = [0xC0..<0x250, 0x2BB..<0x2BD, 0x1E00..<0x1F00, 0x2018..<0x201A]
    /// The UTF-8 of each character of `ranges`, in order, transliterated; nil for one whose
    /// output depends on its neighbours.
    private let letters: [[UInt8]?]

    /// Asks `transliterate`, the transform through ICU, about every character of `ranges`.
    init(_ transliterate: (String) -> String) {
        letters = Self.ranges.joined().map { value in
            let letter = String(Character(Unicode.Scalar(value)!))
            let alone = transliterate(letter)
            for (before, after) in [("a", "a"), ("A", "A"), ("a", "A"), ("A", "a"), ("1", " ")] {
                guard transliterate(before + letter + after) == before + alone + after else { return nil }
            }
            return Array(alone.utf8)
        }
    }

    /// Whether `text` has only ASCII and characters of `ranges` (then `transliterate` may answer).
    static func mayApply(to text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value < 0x80 || position(of: $0.value) != nil }
    }

    /// The place of a scalar value of `ranges` in `letters`.
    private static func position(of value: UInt32) -> Int? {
        var start = 0
        for range in ranges {
            if range.contains(value) { return start + Int(value - range.lowerBound) }
            start += range.count
        }
        return nil
    }

    /// The transliteration of `text` from the table, nil when a character of it is not there.
    func transliterate(_ text: String) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                result.append(UInt8(value))
                continue
            }
            guard let position = Self.position(of: value), let letter = letters[position] else { return nil }
            result += letter
        }
        return String(decoding: result, as: UTF8.self)
    }
}
