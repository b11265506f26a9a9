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
        let stages = latinStages(lang: lang, ascii: ascii)
        let rules = stages.joined(separator: " ")
        return shared.withLock { instances in
            if let existing = instances[rules] { return existing }
            do {
                let name = "to-\(ascii ? "ascii" : "latin")(\(lang.map(LanguageTag.primary) ?? "any"))"
                let created = try Transliterator(stages: stages, name: name)
                instances[rules] = created
                return created
            } catch {
                // The rules name ICU built-ins, checked by tests: failing to open them means the
                // ICU data on this machine is broken, and nothing onoma does would be right.
                preconditionFailure("ICU cannot open its built-in transforms: \(error)")
            }
        }
    }

    /// The ICU rules `toLatin(lang:ascii:)` compiles for `lang`.
    public static func latinRules(lang: String?, ascii: Bool = false) -> String {
        latinStages(lang: lang, ascii: ascii).joined(separator: " ")
    }

    /// `latinRules(lang:ascii:)` in the stages that `toLatin` runs one after the other. With
    /// `ascii`, the last stage is Latin-ASCII, which a text already ASCII skips: it costs half
    /// of a Cyrillic or Hangul word's time in ICU and changes no ASCII.
    static func latinStages(lang: String?, ascii: Bool) -> [String] {
        // A filtered step is global when it comes first, so NFC leads.
        var rules = "::NFC;"
        if let lang, let step = latinSteps[LanguageTag.primary(lang)] { rules += " ::\(step);" }
        rules += " ::Any-Latin;"
        // Latin-ASCII leaves the open o and schwa of African orthographies as they are
        // (Bambara Andɔr, Andorra), and a name key would lose them: they become o and e first.
        if ascii { rules += " ɔ > o; Ɔ > O; [əǝ] > e; [ƏƎ] > E;" }
        // NFC again: steps can leave a combining mark after their output (the ja step turns
        // かー into "ka" + U+0304), and equal keys must be equal bytes.
        rules += " ::NFC;"
        return ascii ? [rules, "::Latin-ASCII; ::NFC;"] : [rules]
    }

    private static let shared = Mutex<[String: Transliterator]>([:])
}
