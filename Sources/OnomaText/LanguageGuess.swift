/// Guesses a text's language from its script when the input does not say, as far as the script
/// tells: Hangul is Korean, kana is Japanese, Hebrew is Hebrew; Cyrillic is Ukrainian when it has
/// і ї є ґ and Russian when it has ы э ъ ё; Arabic script is Arabic unless Persian letters
/// (پ چ ژ گ ی) appear.
///
///     LanguageGuess.fromScript("Зеленський")   // "uk"
///     LanguageGuess.fromScript("Зеленский")    // "ru"
///     LanguageGuess.fromScript("Zelensky")     // nil (Latin does not tell)
public enum LanguageGuess {
    /// A BCP 47 primary language tag, or nil when the script does not decide.
    ///
    /// - Complexity: O(n) in the number of scalars.
    public static func fromScript(_ text: String) -> String? {
        guard let (main, kana) = mainScript(of: text) else { return nil }
        switch main {
        case .cyrillic:
            var ukrainian = 0, russian = 0
            for scalar in text.unicodeScalars {
                switch scalar {
                case "і", "ї", "є", "ґ", "І", "Ї", "Є", "Ґ": ukrainian += 1
                case "ы", "э", "ъ", "ё", "Ы", "Э", "Ъ", "Ё": russian += 1
                default: break
                }
            }
            return ukrainian > russian ? "uk" : russian > ukrainian ? "ru" : nil
        case .arabic:
            return text.unicodeScalars.contains { "پچژگیک".unicodeScalars.contains($0) } ? "fa" : "ar"
        case .hangul: return "ko"
        case .hiragana, .katakana: return "ja"
        case .han: return kana > 0 ? "ja" : "zh"
        case .hebrew: return "he"
        case .greek: return "el"
        default: return nil
        }
    }

    /// The script most of the text's letters are in (ties go to the lower script code), and
    /// how many of its letters are kana; nil when no letter belongs to one script.
    ///
    /// - Complexity: O(n) in the number of scalars.
    public static func mainScript(of text: String) -> (script: Script, kana: Int)? {
        var counts: [Script: Int] = [:]
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            let script = Script.of(scalar)
            if !script.isShared { counts[script, default: 0] += 1 }
        }
        guard let main = counts.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) })?.key else { return nil }
        return (main, (counts[.hiragana] ?? 0) + (counts[.katakana] ?? 0))
    }
}
