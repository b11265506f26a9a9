/// Folding for matching: case, compatibility forms and Latin diacritics.
///
///     Folding.caseFold("ZELENSKYY’s")          // "zelenskyy’s"
///     Folding.latinDiacritics("Nguyễn Łódź")     // "Nguyen Lodz"
///     Folding.latinDiacritics("Київ Йосип")      // "Київ Йосип": й and ї untouched
public enum Folding {
    /// NFKC case folding (ICU's nfkc_cf): "Ｓtraße" → "strasse", "ǅ" → "dž".
    public static func caseFold(_ text: String) -> String {
        // On ASCII, nfkc_cf only lowercases A-Z, as the ASCII match key does.
        asciiMatchKey(text) ?? CaseFoldTable.fold(text) ?? Normalization.nfkcCaseFold.normalize(text)
    }

    /// Removes diacritics from Latin letters only and turns Latin ligatures and special letters
    /// into ASCII (ß → ss, Ł → L, æ → ae). A blanket "NFD; remove marks" would turn Cyrillic
    /// й into и and ї into і, which are different letters; here other scripts pass unchanged.
    public static func latinDiacritics(_ text: String) -> String {
        isASCII(text) ? text : latinFolder.transliterate(text)
    }

    /// Case folding, then Latin diacritic folding: the usual key for comparing Latin names.
    public static func matchKey(_ text: String) -> String {
        asciiMatchKey(text) ?? latinDiacritics(caseFold(text))
    }

    /// `matchKey(_:)` of ASCII text, which only lowercases (the text itself when it has no
    /// capital); nil for any other text, so that callers can cache the costly case alone. Reads
    /// the bytes in one pass, not the `UTF8View` element by element.
    public static func asciiMatchKey(_ text: String) -> String? {
        var text = text
        let capitals: Bool? = text.withUTF8 { bytes in
            var capitals = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                if byte &- UInt8(ascii: "A") < 26 { capitals = true }
            }
            return capitals
        }
        guard let capitals else { return nil }
        guard capitals else { return text }
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (i, byte) in bytes.enumerated() { buffer[i] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte }
                return bytes.count
            }
        }
    }

    /// Whether every byte of `text` is ASCII, read from its contiguous UTF-8.
    public static func isASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? text.utf8.allSatisfy { $0 < 0x80 }
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
