/// BCP 47 language tags, checked for shape ("uk", "pt-BR", "zh-Hant", "sr-Latn-RS").
public enum LanguageTag {
    /// Whether `tag` has the shape of a BCP 47 tag: a 2–3 letter language subtag, then
    /// subtags of 1–8 letters or digits separated by hyphens.
    ///
    ///     LanguageTag.isWellFormed("pt-BR")   // true
    ///     LanguageTag.isWellFormed("ukr_UA")  // false
    public static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy(isASCIILetter) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { isASCIILetter($0) || ("0"..."9").contains($0) }
        }
    }

    /// Primary language subtags ICU has locale data for ("en", "uk", "zh", …): the languages
    /// onoma knows how to transliterate and fold.
    public static let known: Set<String> = Set(RegionNames.locales.map { primary($0) })

    /// Whether the tag's primary language is one ICU has data for.
    public static func isKnown(_ tag: String) -> Bool {
        known.contains(primary(tag))
    }

    /// The primary language subtag, lowercased ("uk-UA" → "uk", "RU" → "ru").
    public static func primary(_ tag: String) -> String {
        if isLowercaseSubtag(tag) { return tag }
        return asciiPrimary(tag) ?? String(tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "").lowercased()
    }

    /// Whether `tag` is one subtag of lowercase ASCII letters ("en"): its own primary subtag,
    /// which name keys ask for once per word.
    private static func isLowercaseSubtag(_ tag: String) -> Bool {
        var tag = tag
        return tag.withUTF8 { bytes in
            !bytes.isEmpty && bytes.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
        }
    }

    /// `primary(_:)` of an ASCII tag, read from its bytes (name keys ask once per word); nil
    /// for any other tag.
    private static func asciiPrimary(_ tag: String) -> String? {
        let bytes = tag.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        // The first run of bytes between separators, as `split` gives it.
        guard let start = bytes.firstIndex(where: { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "_") }) else { return "" }
        let end = bytes[start...].firstIndex { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") } ?? bytes.endIndex
        let subtag = bytes[start..<end]
        guard subtag.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return String(Substring(subtag)) }
        return String(decoding: subtag.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static func isASCIILetter(_ c: Character) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c)
    }
}
