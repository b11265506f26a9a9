import Synchronization

extension Transliterator {
    /// The script-filtered step `toLatin(lang:)` runs before Any-Latin, for each language whose
    /// generic transform goes wrong. The filter keeps the step off other scripts (Ukrainian BGN
    /// would otherwise turn the ’ of a Latin "Zelenskyy’s" into ʺ).
    ///
    /// - uk: Ukrainian-Latin/BGN (Київ → Kyyiv; Any-Latin gives Kiïv)
    /// - ru: Russian-Latin/BGN (Зеленский → Zelenskiy)
    /// - ko: Hangul-Latin (Korean-Latin/BGN leaves precomposed Hangul unchanged)
    /// - ar: Arabic-Latin (Arabic-Latin/BGN leaves a plain ي untransliterated)
    /// - fa: Persian-Latin/BGN
    /// - ja: Katakana-Latin and Hiragana-Latin (the generic id leaves the long-vowel mark ー)
    ///
    /// The Arabic-script steps filter on Script_Extensions: the vowel marks (fatha, damma, kasra,
    /// shadda) are Inherited and the Arabic comma and tatweel Common, so `[:Arabic:]` would leave
    /// them in the Latin output (مُحَمَّد → mُḥَmَّd instead of muḥamãd).
    public static let latinSteps: [String: String] = [
        "uk": "[:Cyrillic:] Ukrainian-Latin/BGN",
        "ru": "[:Cyrillic:] Russian-Latin/BGN",
        "ko": "[:Hangul:] Hangul-Latin",
        "ar": "[:scx=Arabic:] Arabic-Latin",
        "fa": "[:scx=Arabic:] Persian-Latin/BGN",
        "ja": "[[:Katakana:][:Hiragana:]ー] Katakana-Latin; ::[[:Hiragana:]ー] Hiragana-Latin",
    ]

    /// The shared transliterator to Latin for a language (BCP 47 tag; only the primary subtag
    /// counts, so "uk-UA" is "uk"): the language's step from `latinSteps`, then Any-Latin for
    /// every other script. With `ascii`, Latin-ASCII follows, which drops diacritics.
    ///
    ///     Transliterator.toLatin(lang: "uk").transliterate("Володимир Зеленський")
    ///     // "Volodymyr Zelensʹkyy"
    ///
    /// Instances are created once per language and shared; they are thread-safe.
    public static func toLatin(lang: String?, ascii: Bool = false) -> Transliterator {
        let rules = latinRules(lang: lang, ascii: ascii)
        return shared.withLock { instances in
            if let existing = instances[rules] { return existing }
            do {
                let name = "to-\(ascii ? "ascii" : "latin")(\(lang.map(LanguageTag.primary) ?? "any"))"
                let created = try Transliterator(stages: latinStages(lang: lang, ascii: ascii), name: name)
                instances[rules] = created
                return created
            } catch {
                // The rules name ICU built-ins, checked by tests: failing to open them means the
                // ICU data on this machine is broken, and nothing onoma does would be right.
                preconditionFailure("ICU cannot open its built-in transforms: \(error)")
            }
        }
    }

    /// The ICU rules of `toLatin(lang:ascii:)` for `lang`, whole (a compiled lexicon records
    /// them as the digest of its keys).
    public static func latinRules(lang: String?, ascii: Bool = false) -> String {
        // A filtered step is global when it comes first, so NFC leads.
        (["::NFC;"] + latinStages(lang: lang, ascii: ascii)).joined(separator: " ")
    }

    /// `latinRules(lang:ascii:)` after its leading NFC, in the stages that `toLatin` runs one
    /// after the other on NFC text: the language's step alone, then Any-Latin, then (with
    /// `ascii`) Latin-ASCII. A text already ASCII skips the stages after the step: a Cyrillic or
    /// Hangul word is then one rule set in ICU rather than four transforms, and a Latin one skips
    /// Latin-ASCII, which costs half of a word's time. Equal to the whole: the stages are the
    /// compound's own elements in order, and those skipped change no ASCII.
    static func latinStages(lang: String?, ascii: Bool) -> [String] {
        var stages: [String] = []
        if let lang, let step = latinSteps[LanguageTag.primary(lang)] { stages.append("::\(step);") }
        var rules = "::Any-Latin;"
        // Latin-ASCII leaves the open o and schwa of African orthographies as they are
        // (Bambara Andɔr, Andorra), and a name key would lose them: they become o and e first.
        if ascii { rules += " ɔ > o; Ɔ > O; [əǝ] > e; [ƏƎ] > E;" }
        // NFC again: steps can leave a combining mark after their output (the ja step turns
        // かー into "ka" + U+0304), and equal keys must be equal bytes.
        rules += " ::NFC;"
        stages.append(rules)
        if ascii { stages.append("::Latin-ASCII; ::NFC;") }
        return stages
    }

    private static let shared = Mutex<[String: Transliterator]>([:])
}
