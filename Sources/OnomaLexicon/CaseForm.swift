import OnomaText

/// Whether a Cyrillic name is a case form of another (Зеленського of Зеленський, Києві of Київ,
/// Курській області of Курська область), read as the canonicalizer reads inflected names in
/// text: word by word, the key of the inflected word's stem is among the keys of the lemma
/// word's stems.
enum CaseForm {
    /// The key an inflected word is looked up by: its stem's, in `lang`.
    static func stemKey(ofInflected word: String, lang: String, keys: NameKeyMaker) -> String {
        keys.unitKey(for: Inflection.slavicStem(word) ?? word, lang: lang)
    }

    /// The keys under which a lexicon word is found in inflected text: those of its Slavic
    /// stems, or its own key when it has none.
    static func stemKeys(ofLemma word: String, lang: String?, keys: NameKeyMaker) -> [String] {
        let stems = Inflection.slavicStems(ofLemma: word)
        return stems.isEmpty ? [keys.unitKey(for: word, lang: lang)] : stems.map { keys.unitKey(for: $0, lang: lang) }.uniqued()
    }

    /// The language an inflected name is read in: `lang`, else guessed from its letters.
    static func language(of name: String, lang: String?) -> String {
        lang ?? LanguageGuess.fromScript(name) ?? "und"
    }

    /// Whether `inflected` is a case form of `lemma`: both have Cyrillic letters and as many
    /// words, and each word's stem matches.
    static func matches(_ inflected: String, lang: String?, lemma: String, lang lemmaLang: String?, keys: NameKeyMaker) -> Bool {
        guard hasCyrillic(inflected), hasCyrillic(lemma) else { return false }
        let words = inflected.split(whereSeparator: \.isWhitespace), lemmaWords = lemma.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty, words.count == lemmaWords.count else { return false }
        let language = language(of: inflected, lang: lang)
        return zip(words, lemmaWords).allSatisfy { word, lemmaWord in
            stemKeys(ofLemma: String(lemmaWord), lang: lemmaLang, keys: keys)
                .contains(stemKey(ofInflected: String(word), lang: language, keys: keys))
        }
    }

    static func hasCyrillic(_ text: String) -> Bool {
        text.unicodeScalars.contains { Script.of($0) == .cyrillic }
    }
}
