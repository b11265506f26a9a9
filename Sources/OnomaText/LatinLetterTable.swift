/// What a transform that keeps ASCII writes for each plain Latin letter (U+00C0–U+024F:
/// Latin-1 Supplement, Latin Extended-A and -B), asked of ICU once, so that words of ASCII and
/// such letters are transliterated without ICU: a word took 10,000 to 70,000 instructions
/// through ICU's compound transforms, a tenth of the time of deduplicating European news.
///
/// A letter is in the table only when ICU writes it the same on its own and between letters,
/// capitals, digits and spaces (Latin-ASCII could write Æ as "Ae" before a lowercase letter).
/// Words with any other character (a combining mark, another script) are left to ICU with
/// their whole context.
struct LatinLetterTable: Sendable {
    static let range: Range<UInt32> = 0xC0..<0x250
    /// The UTF-8 of each letter of `range`, transliterated; nil for one whose output depends on
    /// its neighbours.
    private let letters: [[UInt8]?]

    /// Asks `transliterate`, the transform through ICU, about every letter of `range`.
    init(_ transliterate: (String) -> String) {
        letters = Self.range.map { value in
            let letter = String(Character(Unicode.Scalar(value)!))
            let alone = transliterate(letter)
            for (before, after) in [("a", "a"), ("A", "A"), ("a", "A"), ("A", "a"), ("1", " ")] {
                guard transliterate(before + letter + after) == before + alone + after else { return nil }
            }
            return Array(alone.utf8)
        }
    }

    /// Whether `text` has only ASCII and letters of `range` (then `transliterate` may answer).
    static func mayApply(to text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value < 0x80 || range.contains($0.value) }
    }

    /// The transliteration of `text` from the table, nil when a letter of it is not there.
    func transliterate(_ text: String) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                result.append(UInt8(value))
                continue
            }
            guard Self.range.contains(value), let letter = letters[Int(value - Self.range.lowerBound)] else { return nil }
            result += letter
        }
        return String(decoding: result, as: UTF8.self)
    }
}
