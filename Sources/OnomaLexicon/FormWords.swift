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

    let keys: NameKeyMaker
    let labels: LabelTable
    /// Positions in `known` and `knownStems` by word and language.
    private var words = WordTable()
    private var known: [Word] = []
    private var stems = WordTable()
    private var knownStems: [[Int32]] = []

    /// A cache for a lexicon of about `capacity` forms.
    init(keys: NameKeyMaker, labels: LabelTable, capacity: Int) {
        self.keys = keys
        self.labels = labels
        known.reserveCapacity(capacity / 2)
    }

    /// The labels of `text`, a unit of a form in language `lang` (a BCP 47 tag or "*").
    mutating func word(_ text: String, lang: String) -> Word {
        let hash = WordTable.hash(text, lang)
        if let position = words.value(text, lang, hash: hash) { return known[Int(position)] }
        let key = keys.unitKey(for: text, lang: lang == "*" ? nil : lang)
        let first = text.unicodeScalars.first?.properties
        let word = Word(foldedID: labels.intern(Folding.caseFold(text)), key: key,
                        keyID: key.isEmpty ? -1 : labels.intern(key),
                        isNameLike: MatchUnit.isNameLike(text),
                        startsWithCapital: first?.isUppercase == true)
        words.insert(text, lang, hash: hash, value: Int32(known.count))
        known.append(word)
        return word
    }

    /// The stem labels a word of a form matches in inflected text: the keys of its Slavic
    /// stems, or its own `key` (from `word(_:lang:)`) when it has none.
    mutating func stemOptions(_ text: String, lang: String?, key: String) -> [Int32] {
        let hash = WordTable.hash(text, lang ?? "*")
        if let position = stems.value(text, lang ?? "*", hash: hash) { return knownStems[Int(position)] }
        let stemmed = Inflection.slavicStems(ofLemma: text)
        let options = stemmed.isEmpty ? [key]
            : stemmed.map { keys.unitKey(for: $0, lang: lang) }.uniqued()
        let ids = options.map { labels.intern($0) }
        stems.insert(text, lang ?? "*", hash: hash, value: Int32(knownStems.count))
        knownStems.append(ids)
        return ids
    }
}
