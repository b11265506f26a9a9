import Foundation
import OnomaText

/// Folds a name's Latin transliteration to the alphabet of `LetterModel`: lowercase a-z and
/// digits, plus the marks a script's transliteration needs (`'` for the alef, ayin and geresh of
/// Hebrew and Arabic, `~` for Katakana small kana, removed again by the clean-up rules, and `'`
/// for the Japanese long-vowel mark ー, which Katakana-Latin writes as a macron and English often
/// as r: シャラー shara', Schaller).
///
///     LetterFold.words("Zelenʹskiy", lang: "ru")        // ["zelenskiy"]
///     LetterFold.words("daṿid", lang: "he")             // ["david"]
enum LetterFold {
    /// Letters whose plain folding loses a distinction names need, by language. (Arabic-Latin
    /// writes the h of sh kh gh th dh as ẖ; Hebrew-Latin writes ח as ẖ alone.)
    private static let letters: [String: [Unicode.Scalar: String]] = [
        "he": ["ş": "sh", "ẕ": "ts", "ţ": "t", "ẖ": "kh", "ʼ": "'", "ʻ": "'", "׳": "'", "’": "'",
               "ṗ": "p", "ẇ": "w", "ḃ": "b", "ḣ": "h"],
        "ar": ["ạ": "a", "ẖ": "h", "ḥ": "h", "ṭ": "t", "ṣ": "s", "ḍ": "d", "ẓ": "z", "ʿ": "'", "ʾ": "'",
               "ẗ": "a", "ḵ": "k", "ỷ": "'", "ậ": "a", "ẙ": "y"],
        "ru": ["ʹ": "", "ʺ": "", "·": "", "ë": "e", "’": ""],
        "uk": ["ʹ": "", "ʺ": "", "·": "", "’": ""],
    ]
    /// Marks kept, by language.
    private static let kept: [String: Unicode.Scalar] = ["he": "'", "ar": "'", "ja": "~"]
    /// Combining marks kept as a letter, by language.
    private static let marks: [String: [Unicode.Scalar: String]] = ["ja": ["\u{304}": "'"]]
    /// Characters that join words rather than split them: hyphens and apostrophes.
    private static let joiners: Set<Unicode.Scalar> = ["-", "‐", "‑", "'", "’", "ʼ", "`", "\"", "·"]
    /// Clean-up rules applied to each word after folding, in order: (language, pattern,
    /// replacement, only at the word's start).
    private static let cleanUp: [(lang: String, pattern: String, replacement: String, atStart: Bool)] = [
        ("ja", "u~", "w", true),     // small kana u at word start: u~i -> wi
        ("ja", "u~", "", false),     // small kana after u: vu~a -> va
        ("ja", "i~", "y", false),    // small kana after i: i~e -> ye
        ("ja", "~", "", false),      // other small kana marks
        ("he", "g'", "j", false),    // geresh: g' is j
        ("he", "z'", "zh", false),   // z' is zh
        ("he", "ts'", "ch", false),  // ts' is ch
    ]

    /// The words of `latin` (a transliteration to Latin of a name in `lang`), folded and cleaned.
    static func words(_ latin: String, lang: String) -> [String] {
        let table = letters[lang] ?? [:]
        let keep = kept[lang]
        let letterMarks = marks[lang] ?? [:]
        var words: [String] = []
        var word = ""
        func endWord() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        for scalar in latin.lowercased().unicodeScalars {
            if let replacement = table[scalar] {
                word += replacement
            } else if scalar == keep {
                word.unicodeScalars.append(scalar)
            } else if joiners.contains(scalar) {
                continue
            } else if scalar.isASCII {
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                    word.unicodeScalars.append(scalar)
                } else {
                    endWord()
                }
            } else {
                for part in Normalization.nfkd.normalize(String(scalar)).unicodeScalars {
                    if let folded = fold(part) {
                        word += folded
                    } else if let mark = letterMarks[part] {
                        word += mark
                    } else if part.properties.canonicalCombiningClass == .notReordered {
                        endWord()
                    }
                }
            }
        }
        endWord()
        if lang == "zh", words.count > 1 { words = [words.joined()] }   // Any-Latin spaces some syllables
        return words.map { clean($0, lang: lang) }.filter { !$0.isEmpty }
    }

    /// A decomposed scalar's letters, or nil for a mark or a separator.
    private static func fold(_ scalar: Unicode.Scalar) -> String? {
        if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { return String(scalar) }
        switch scalar {
        case "ß": return "ss"
        case "æ": return "ae"
        case "ø": return "o"
        case "đ": return "d"
        case "ł": return "l"
        case "ı": return "i"
        default: return nil
        }
    }

    private static func clean(_ word: String, lang: String) -> String {
        var word = word
        for rule in cleanUp where rule.lang == lang {
            if rule.atStart {
                if word.hasPrefix(rule.pattern) { word = rule.replacement + word.dropFirst(rule.pattern.count) }
            } else {
                word = word.replacingOccurrences(of: rule.pattern, with: rule.replacement)
            }
        }
        return word
    }
}
