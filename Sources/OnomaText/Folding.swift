/// Folding for matching: case, compatibility forms and Latin diacritics.
///
///     Folding.caseFold("ZELENSKYY’s")          // "zelenskyy’s"
///     Folding.latinDiacritics("Nguyễn Łódź")     // "Nguyen Lodz"
///     Folding.latinDiacritics("Київ Йосип")      // "Київ Йосип": й and ї untouched
public enum Folding {
    /// NFKC case folding (ICU's nfkc_cf): "Ｓtraße" → "strasse", "ǅ" → "dž".
    public static func caseFold(_ text: String) -> String {
        // On ASCII, nfkc_cf only lowercases A-Z.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return Normalization.nfkcCaseFold.normalize(text)
    }

    /// Removes diacritics from Latin letters only and turns Latin ligatures and special letters
    /// into ASCII (ß → ss, Ł → L, æ → ae). A blanket "NFD; remove marks" would turn Cyrillic
    /// й into и and ї into і, which are different letters; here other scripts pass unchanged.
    public static func latinDiacritics(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return latinFolder.transliterate(text)
    }

    /// Case folding, then Latin diacritic folding: the usual key for comparing Latin names.
    public static func matchKey(_ text: String) -> String {
        asciiMatchKey(text) ?? latinDiacritics(caseFold(text))
    }

    /// `matchKey(_:)` of ASCII text, which only lowercases (one scan, no ICU); nil for any
    /// other text, so that callers can cache the costly case alone.
    public static func asciiMatchKey(_ text: String) -> String? {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? text.lowercased() : nil
    }

    /// ICU rules behind `latinDiacritics(_:)`. Marks are removed only after a Latin letter, so
    /// a combining breve on a decomposed Cyrillic и (й in NFD) is recomposed, not dropped.
    public static let latinDiacriticRules = """
        ::NFC;
        ::[:Latin:] NFD;
        [:Latin:] { [:Mn:]+ > ;
        ::[:Latin:] Latin-ASCII;
        ::NFC;
        """

    private static let latinFolder: Transliterator = {
        do {
            return try Transliterator(rules: latinDiacriticRules, name: "latin-diacritics", keepsASCII: true)
        } catch {
            preconditionFailure("ICU cannot compile onoma's Latin folding rules: \(error)")
        }
    }()
}
