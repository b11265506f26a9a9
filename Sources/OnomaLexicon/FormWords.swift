import OnomaText

/// The labels of the words of lexicon forms, computed once per distinct word and language while
/// an index is built: names share their first and last names, and transliteration is the
/// costly part of indexing.
struct FormWords {
    /// What the index needs of one word of a form.
    struct Word {
        /// Label id of the case-folded word.
        let foldedID: Int32
        /// The word's name key, and its label id (-1 when the key is empty).
        let key: String
        let keyID: Int32
        /// Whether the word starts with an uppercase letter, or has no case.
        let isNameLike: Bool
        /// Whether the word starts with an uppercase letter.
        let startsWithCapital: Bool
    }

    private struct CacheKey: Hashable {
        let word: String
        let lang: String
    }

    let keys: NameKeyMaker
    let labels: LabelTable
    private var words: [CacheKey: Word] = [:]
    private var stems: [CacheKey: [Int32]] = [:]

    init(keys: NameKeyMaker, labels: LabelTable) {
        self.keys = keys
        self.labels = labels
    }

    /// The labels of `text`, a unit of a form in language `lang` (a BCP 47 tag or "*").
    mutating func word(_ text: String, lang: String) -> Word {
        let cacheKey = CacheKey(word: text, lang: lang)
        if let known = words[cacheKey] { return known }
        let key = keys.unitKey(for: text, lang: lang == "*" ? nil : lang)
        let first = text.unicodeScalars.first?.properties
        let word = Word(foldedID: labels.intern(Folding.caseFold(text)), key: key,
                        keyID: key.isEmpty ? -1 : labels.intern(key),
                        isNameLike: MatchUnit.isNameLike(text),
                        startsWithCapital: first?.isUppercase == true)
        words[cacheKey] = word
        return word
    }

    /// The stem labels a word of a form matches in inflected text: the keys of its Slavic
    /// stems, or its own key when it has none.
    mutating func stemOptions(_ text: String, lang: String?) -> [Int32] {
        let cacheKey = CacheKey(word: text, lang: lang ?? "*")
        if let known = stems[cacheKey] { return known }
        let stemmed = Inflection.slavicStems(ofLemma: text)
        let options = stemmed.isEmpty ? [keys.unitKey(for: text, lang: lang)]
            : stemmed.map { keys.unitKey(for: $0, lang: lang) }.uniqued()
        let ids = options.map { labels.intern($0) }
        stems[cacheKey] = ids
        return ids
    }
}
