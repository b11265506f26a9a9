import OnomaText

/// The labels of the words of lexicon forms, computed once per distinct word and language while
/// an index is built: names share their first and last names, and transliteration is the
/// costly part of indexing.
///
/// The index first registers every word (`id(_:lang:needsStems:)`), then `prepare()` computes
/// the keys of all distinct words on every core (`NameKeyMaker` and `Transliterator` are safe
/// to share; ICU 72 still transliterates one word at a time in a process, so the non-Latin
/// words of a lexicon gain nothing from the second core), and the index reads them back in
/// form order: labels are interned on first read, so they get the same ids as when every
/// word was keyed in turn.
struct FormWords {
    /// What the index needs of one word of a form.
    struct Word {
        /// Label id of the case-folded word.
        let foldedID: Int32
        /// Label id of the word's name key (-1 when the key is empty).
        let keyID: Int32
        /// Whether the word starts with an uppercase letter, or has no case.
        let isNameLike: Bool
        /// Whether the word starts with an uppercase letter.
        let startsWithCapital: Bool
    }

    /// A distinct word in a language, as registered.
    private struct Registered: Sendable {
        let text: String
        let lang: String
        var needsStems: Bool
    }

    /// What is computed of a word without the label table.
    private struct Computed: Sendable {
        let folded: String
        let key: String
        let isNameLike: Bool
        let startsWithCapital: Bool
        /// The keys of its Slavic stems (nil when it has none, or they are not needed).
        let stemKeys: [String]?
    }

    let keys: NameKeyMaker
    let labels: LabelTable
    /// Positions in `registered` by word and language.
    private var table: WordTable
    private var registered: [Registered] = []
    private var computed: [Computed] = []
    private var words: [Word?] = []
    private var stems: [[Int32]?] = []

    /// A cache for a lexicon of about `capacity` forms.
    init(keys: NameKeyMaker, labels: LabelTable, capacity: Int) {
        self.keys = keys
        self.labels = labels
        table = WordTable(capacity: capacity / 2)
        registered.reserveCapacity(capacity / 2)
    }

    /// The id of `text`, a unit of a form in language `lang` (a BCP 47 tag or "*"), registered
    /// if new; `needsStems` when the form has Cyrillic words (see `stemOptions(_:)`).
    mutating func id(_ text: String, lang: String, needsStems: Bool) -> Int32 {
        let key = WordTable.key(text, lang)
        if let id = table.value(key, text, lang) {
            if needsStems { registered[Int(id)].needsStems = true }
            return id
        }
        let id = Int32(registered.count)
        table.insert(key, text, lang, value: id)
        registered.append(Registered(text: text, lang: lang, needsStems: needsStems))
        return id
    }

    /// Computes the keys of every registered word, in parallel over the cores.
    mutating func prepare() {
        let registered = registered, keys = keys
        computed = concurrentChunks(count: registered.count, minimumChunk: 1024) { range in
            range.map { Self.compute(registered[$0], keys: keys) }
        }.flatMap { $0 }
        words = Array(repeating: nil, count: computed.count)
        stems = Array(repeating: nil, count: computed.count)
    }

    private static func compute(_ word: Registered, keys: NameKeyMaker) -> Computed {
        let lang = word.lang == "*" ? nil : word.lang
        let key = keys.unitKey(for: word.text, lang: lang)
        let stemKeys = word.needsStems && CaseForm.hasCyrillic(word.text) ? CaseForm.stemKeys(ofLemma: word.text, lang: lang, keys: keys) : nil
        return Computed(folded: Folding.caseFold(word.text), key: key, isNameLike: MatchUnit.isNameLike(word.text),
                        startsWithCapital: word.text.unicodeScalars.first?.properties.isUppercase == true, stemKeys: stemKeys)
    }

    /// The key of each form that has words (`words[starts[i]..<starts[i + 1]]` not empty), in
    /// order (see `NameKeyMaker.joining(_:)`), and the key's prefix (see
    /// `LexiconIndex.prefix(of:)`), computed on every core after `prepare()`.
    func formKeys(words: [Int32], starts: [Int]) -> (keys: [NameKey], prefixes: [String?]) {
        let computed = computed
        let parts = concurrentChunks(count: starts.count - 1, minimumChunk: 4096) { range in
            var keys: [NameKey] = [], prefixes: [String?] = []
            for form in range where starts[form] < starts[form + 1] {
                let key = NameKeyMaker.joining(words[starts[form]..<starts[form + 1]].lazy.map { computed[Int($0)].key })
                keys.append(key)
                prefixes.append(LexiconIndex.prefix(of: key.key))
            }
            return (keys, prefixes)
        }
        return (parts.flatMap(\.0), parts.flatMap(\.1))
    }

    /// The labels of word `id` (after `prepare()`).
    mutating func word(_ id: Int32) -> Word {
        if let word = words[Int(id)] { return word }
        let computed = computed[Int(id)]
        let word = Word(foldedID: labels.intern(computed.folded),
                        keyID: computed.key.isEmpty ? -1 : labels.intern(computed.key),
                        isNameLike: computed.isNameLike, startsWithCapital: computed.startsWithCapital)
        words[Int(id)] = word
        return word
    }

    /// The stem labels word `id` matches in inflected text: the keys of its Slavic stems, or
    /// its own key when it has none. Only for words registered with `needsStems`.
    mutating func stemOptions(_ id: Int32) -> [Int32] {
        if let known = stems[Int(id)] { return known }
        let computed = computed[Int(id)]
        let ids = (computed.stemKeys ?? [computed.key]).map { labels.intern($0) }
        stems[Int(id)] = ids
        return ids
    }
}
