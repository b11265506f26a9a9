/// Whether a Latin-script word or span not in the lexicon may be a spelling of a Latin-script
/// form: the form inflected, or the form with a typing error. Name keys have already folded the
/// spelling variants that transliteration makes (w/v, kh/h, -sky/-skyy …), so between two
/// Latin-script keys the cheap vowel and sound-class edits of `NameSimilarity` mostly join
/// different words: French Bruno and Brunei, German Leben and Libyen, Pierre and Peru.
///
/// Its arguments are name keys (`NameKeyMaker`): Zelensky's is "zelenski".
///
///     let german = LatinVariant.Endings.of(language: "de")
///     LatinVariant.relation(of: "frankreichs", to: "frankreich", endings: german)                   // .inflection
///     LatinVariant.relation(of: "vereinigten staaten", to: "vereinigte staaten", endings: german)   // .inflection
///     LatinVariant.relation(of: "zelenksi", to: "zelenski", endings: german)                        // .typo
///     LatinVariant.relation(of: "bruno", to: "brunei", endings: german)                             // nil
///     LatinVariant.relation(of: "fica", to: "fico", endings: .of(language: "sk"))                   // .inflection
public enum LatinVariant {
    /// The case and number endings names take in a language.
    public struct Endings: Sendable {
        let endings: [[UInt8]]
        /// Whether an ending may take the place of a name's final vowel (Slovak Fico → Fica).
        let replaceFinalVowel: Bool

        /// German, Dutch and the Scandinavian languages: genitive, dative and plural (Frankreichs,
        /// Vereinigten Staaten, Brasiliens).
        static let germanic = Endings(endings: ["s", "es", "n", "en", "e"].map { Array($0.utf8) }, replaceFinalVowel: false)
        /// Polish, Czech, Slovak, Slovene and Croatian, folded to ASCII: their case endings replace
        /// a name's final vowel (Fico → Fica, Ficovi; Kijów → Kijowie; Ukraina → Ukrainy).
        static let slavic = Endings(endings: ["a", "u", "y", "i", "e", "ie", "em", "om", "ou", "ovi", "owi", "ego", "emu", "ej"].map { Array($0.utf8) },
                                    replaceFinalVowel: true)
        /// Languages whose names take no endings here: English (its possessive is cut off before
        /// names are looked up), French, and every language not listed.
        static let none = Endings(endings: [], replaceFinalVowel: false)

        static let germanicLanguages: Set<String> = ["de", "nl", "lb", "fy", "sv", "da", "nb", "nn", "no", "is", "fo"]
        static let slavicLanguages: Set<String> = ["pl", "cs", "sk", "sl", "hr", "bs", "sr"]

        /// The endings of the language with primary subtag `language`; nil (a language guessed
        /// from the script) takes the Germanic ones.
        public static func of(language: String?) -> Endings {
            guard let language else { return germanic }
            if germanicLanguages.contains(language) { return germanic }
            return slavicLanguages.contains(language) ? slavic : none
        }
    }

    /// The fewest letters both keys need for a typing error (one letter changed, added, left
    /// out or swapped with its neighbour) to count: shorter words one letter apart are mostly
    /// different words (Süden, Sudan; Boden, Biden).
    static let typoLength = 7

    /// How a key may stand for a form's key.
    public enum Relation: Sendable {
        /// Word by word the same or inflected.
        case inflection
        /// One typing error apart.
        case typo
    }

    /// How `key` (a word's or span's name key) may stand for the form with key `formKey`, or
    /// nil: word by word equal or the form's word plus an ending of the language (in a longer
    /// name, a word but the last may instead share a stem with the form's word, each with its
    /// own ending: German "das Weiße Haus", "des Vereinigten Königreichs" for "Weißes Haus",
    /// "Vereinigtes Königreich"), or, over the whole key, one typing error that is not at its
    /// end (Zelenksy, but not Zelenska or Niederländer).
    public static func relation(of key: String, to formKey: String, endings: Endings) -> Relation? {
        let a = Array(key.utf8), b = Array(formKey.utf8)
        let wordsA = a.split(separator: UInt8(ascii: " ")), wordsB = b.split(separator: UInt8(ascii: " "))
        if wordsA.count == wordsB.count, zip(wordsA, wordsB).enumerated().allSatisfy({ position, pair in
            pair.0.elementsEqual(pair.1) || isInflected(pair.0, of: pair.1, endings)
                || position < wordsA.count - 1 && sharesStem(pair.0, pair.1, endings)
        }) {
            return .inflection
        }
        return isTypo(a.filter { $0 != UInt8(ascii: " ") }, b.filter { $0 != UInt8(ascii: " ") }) ? .typo : nil
    }

    /// The keys `key` may be an inflection of: its last word without each ending it has (and
    /// where the language's endings replace a final vowel, with a, o or e in its place).
    public static func lemmaKeys(of key: String, endings: Endings) -> [String] {
        let bytes = Array(key.utf8)
        let lastWord = bytes.count - (bytes.lastIndex(of: UInt8(ascii: " ")).map { $0 + 1 } ?? 0)
        var lemmas: [String] = []
        for ending in endings.endings where lastWord >= ending.count + 3 && bytes.reversed().starts(with: ending.reversed()) {
            let stem = String(decoding: bytes.dropLast(ending.count), as: UTF8.self)
            lemmas.append(stem)
            guard endings.replaceFinalVowel else { continue }
            lemmas += ["a", "o", "e"].map { stem + $0 }
        }
        return lemmas
    }

    /// Whether `word` is `lemma` plus an ending (or, where the language allows, the ending in
    /// place of the lemma's final vowel, for lemmas of four letters or more). Outside the Slavic
    /// languages, whose endings are mostly vowels (Polish Kijów, Kijowa), lemmas of three or
    /// four letters take only endings that start with a consonant (German Kiews, Irans; but
    /// "Seule" is not Seoul), and shorter ones none.
    private static func isInflected(_ word: ArraySlice<UInt8>, of lemma: ArraySlice<UInt8>, _ endings: Endings) -> Bool {
        func endsWith(_ stem: ArraySlice<UInt8>) -> Bool {
            guard stem.count >= 3, word.count > stem.count, word.starts(with: stem) else { return false }
            let ending = word.dropFirst(stem.count)
            return endings.endings.contains { $0.elementsEqual(ending) }
        }
        guard lemma.count >= 3 else { return false }
        if endsWith(lemma), lemma.count >= 5 || endings.replaceFinalVowel || !NameKeyRule.isVowel(word[word.startIndex + lemma.count]) {
            return true
        }
        guard endings.replaceFinalVowel, lemma.count >= 4, let last = lemma.last, NameKeyRule.isVowel(last) else { return false }
        return endsWith(lemma.dropLast())
    }

    /// Whether `a` and `b` are one stem of at least four letters, each with no ending or one of
    /// the language's.
    private static func sharesStem(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>, _ endings: Endings) -> Bool {
        let stem = zip(a, b).prefix { $0 == $1 }.count
        guard stem >= 4 else { return false }
        func isEnding(_ rest: ArraySlice<UInt8>) -> Bool { rest.isEmpty || endings.endings.contains { $0.elementsEqual(rest) } }
        return isEnding(a.dropFirst(stem)) && isEnding(b.dropFirst(stem))
    }

    /// Whether `a` and `b` are one typing error apart, not at the end of the longer, and both
    /// at least `typoLength` letters long.
    private static func isTypo(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard min(a.count, b.count) >= typoLength, abs(a.count - b.count) <= 1, a != b else { return false }
        let common = zip(a, b).prefix { $0 == $1 }.count
        if a.count == b.count {
            // One letter changed before the last, or two neighbours swapped.
            let rest = a.count - common
            if rest > 1, a[(common + 1)...].elementsEqual(b[(common + 1)...]) { return true }
            return rest >= 2 && a[common] == b[common + 1] && a[common + 1] == b[common]
                && a[(common + 2)...].elementsEqual(b[(common + 2)...])
        }
        // One letter added or left out, before the last letter of the longer.
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        return common < short.count && long[(common + 1)...].elementsEqual(short[common...])
    }
}
