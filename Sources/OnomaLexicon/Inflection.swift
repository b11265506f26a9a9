import OnomaText

/// The bare forms a word may stand for once inflection and clitics are taken off, so that
/// Зеленського, Києві, у Курській області, 젤렌스키는 and وزيلينسكي find their lexicon entries.
///
///     Inflection.slavicStem("Зеленського")     // "зеленськ"
///     Inflection.slavicStems(ofLemma: "Київ")   // ["київ", "києв"]  (і/ї alternates with е/є, о)
///     Inflection.koreanBase("젤렌스키는")       // "젤렌스키"
///     Inflection.semiticBase("وزيلينسكي")       // "زيلينسكي"
///     Inflection.elidedBase("L'Allemagne")     // "Allemagne"
public enum Inflection {
    /// Case and adjective endings of Ukrainian and Russian nouns and names, longest first.
    public static let slavicEndings: [String] = [
        "ого", "его", "ому", "ему", "ими", "ыми", "ами", "ями",
        "ій", "ої", "ою", "ею", "ий", "ый", "ой", "ей", "ім", "им", "ым", "ом", "ем", "єм",
        "ах", "ях", "ів", "ям", "ам", "ая", "яя", "ую", "юю", "ые", "ие", "ых", "их",
        "а", "я", "у", "ю", "і", "ї", "и", "ы", "е", "є", "о", "ь", "й",
    ].sorted { $0.count > $1.count }

    /// Particles Korean attaches to nouns (topic, subject, object, genitive, locative …).
    public static let koreanParticles: [String] = [
        "에게서", "에서는", "으로", "에서", "에게", "께서", "까지", "부터", "처럼", "보다", "하고", "이나",
        "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "로", "만",
    ].sorted { $0.count > $1.count }

    /// One-letter proclitics of Arabic (و ف ب ل ك) and Hebrew (ו ה ב ל מ ש כ).
    public static let semiticProclitics: Set<Character> = ["و", "ف", "ب", "ل", "ك", "ו", "ה", "ב", "ל", "מ", "ש", "כ"]

    private static let minimumStem = 3

    /// The stem of a Cyrillic word (lowercased) without its longest case ending, keeping at
    /// least three letters; nil for words in other scripts.
    public static func slavicStem(_ word: String) -> String? {
        // Cyrillic starts at U+0400, whose UTF-8 lead bytes are 0xD0 and above; case folding
        // keeps a word below it out of Cyrillic. Most words are asked here first, so their
        // folding and ICU's script of each letter are skipped.
        guard word.utf8.contains(where: { $0 >= 0xD0 }) else { return nil }
        let lower = Folding.caseFold(word)
        guard lower.unicodeScalars.contains(where: { Script.of($0) == .cyrillic }) else { return nil }
        if let ending = plainCyrillicEnding(lower) {
            return ending == 0 ? lower : String(decoding: lower.utf8.dropLast(ending), as: UTF8.self)
        }
        for ending in slavicEndings where lower.hasSuffix(ending) && lower.count - ending.count >= minimumStem {
            return String(lower.dropLast(ending.count))
        }
        return lower
    }

    /// The UTF-8 bytes of each of `slavicEndings`, in its order.
    private static let slavicEndingBytes = slavicEndings.map { Array($0.utf8) }

    /// The length in bytes of the ending `slavicStem` takes off `lower` (0 for none), when every
    /// letter of `lower` is a two-byte Cyrillic letter (U+0400–U+04FF, not the combining marks
    /// U+0483–U+0489); nil for other words. There a letter is one scalar, one character and two
    /// bytes, so an ending that ends the bytes ends the characters: `String.hasSuffix`, which
    /// compares characters, was 16% of the time of loading a Cyrillic and Hangul lexicon.
    private static func plainCyrillicEnding(_ lower: String) -> Int? {
        var lower = lower
        return lower.withUTF8 { bytes -> Int? in
            var i = 0
            while i < bytes.count {
                guard bytes[i] & 0xFC == 0xD0, i + 1 < bytes.count else { return nil }
                let scalar = UInt32(bytes[i] & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                guard !(0x483...0x489).contains(scalar) else { return nil }
                i += 2
            }
            let letters = bytes.count / 2
            // Most endings differ from the word in their last byte: that is compared first.
            let ending = slavicEndingBytes.first { ending in
                letters - ending.count / 2 >= minimumStem && bytes[bytes.count - 1] == ending[ending.count - 1]
                    && bytes.suffix(ending.count).elementsEqual(ending)
            }
            return ending?.count ?? 0
        }
    }

    /// The stems a lexicon form's word matches in inflected text: its own stem, and for
    /// Ukrainian the stem with the closed-syllable і/ї turned back into о, е or є
    /// (Київ → Києва, Харків → Харкова, Львів → Львова).
    public static func slavicStems(ofLemma word: String) -> [String] {
        guard let stem = slavicStem(word) else { return [] }
        var stems = [stem]
        let scalars = Array(stem.unicodeScalars)
        // The last vowel, if only consonants follow it.
        if let last = scalars.lastIndex(where: isSlavicVowel), last < scalars.count - 1 {
            let alternatives: [Unicode.Scalar] = switch scalars[last] {
            case "і": ["о", "е"]
            case "ї": ["є"]
            default: []
            }
            for alternative in alternatives {
                var changed = scalars
                changed[last] = alternative
                var text = ""
                text.unicodeScalars.append(contentsOf: changed)
                stems.append(text)
            }
        }
        return stems
    }

    private static func isSlavicVowel(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "а", "е", "є", "и", "і", "ї", "о", "у", "ю", "я", "ы", "э", "ё": true
        default: false
        }
    }

    /// A Hangul word without a trailing particle, keeping at least two syllables; nil when
    /// there is none to take off.
    public static func koreanBase(_ word: String) -> String? {
        // Hangul starts at U+1100 (lead byte 0xE1): other words skip ICU's script lookup.
        guard let lead = word.utf8.first, lead >= 0xE1, word.unicodeScalars.first.map({ Script.of($0) == .hangul }) == true else { return nil }
        for particle in koreanParticles where word.hasSuffix(particle) && word.count - particle.count >= 2 {
            return String(word.dropLast(particle.count))
        }
        return nil
    }

    /// Elided articles and prepositions of French and Italian, lowercased, that an apostrophe
    /// joins to the next word (l'Allemagne, d'Ukraine, dell'Ucraina).
    static let elidedWords: Set<String> = ["l", "d", "qu", "dell", "all", "dall", "nell", "sull"]

    /// A word without an elided article or preposition before an apostrophe (' or ’), keeping
    /// at least three letters; nil when there is none. "L'Allemagne" → "Allemagne".
    public static func elidedBase(_ word: String) -> String? {
        // The longest elided word has four letters: the apostrophe is found among the first
        // bytes (most words have none), by bytes rather than characters.
        var offset = 0, previous: UInt16 = 0
        var apostrophe: Range<Int>?
        for byte in word.utf8 {
            if byte == UInt8(ascii: "'") { apostrophe = offset..<offset + 1 }
            if byte == 0x99, previous == 0xE280 { apostrophe = offset - 2..<offset + 1 }  // ’ is E2 80 99
            if apostrophe != nil { break }
            previous = previous << 8 | UInt16(byte)
            offset += 1
            if offset == 7 { return nil }
        }
        guard let apostrophe else { return nil }
        let bytes = Array(word.utf8)
        guard elidedWords.contains(String(decoding: bytes[..<apostrophe.lowerBound], as: UTF8.self).lowercased()) else { return nil }
        let base = String(decoding: bytes[apostrophe.upperBound...], as: UTF8.self)
        guard base.count >= minimumStem, base.first?.isLetter == true else { return nil }
        return base
    }

    /// An Arabic or Hebrew word without a one-letter proclitic ("and", "by", "to", "the" …),
    /// keeping at least three letters; nil when there is none.
    public static func semiticBase(_ word: String) -> String? {
        // The proclitics are U+05D1–U+05E9 and U+0628–U+0648: lead bytes 0xD7 to 0xD9. Other
        // words skip making a `Character` and hashing it.
        guard let lead = word.utf8.first, (0xD7...0xD9).contains(lead), let first = word.first, semiticProclitics.contains(first), word.count - 1 >= minimumStem else { return nil }
        return String(word.dropFirst())
    }
}
