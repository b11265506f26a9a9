import Dispatch
import OnomaText

/// The lookup structures the canonicalizer and the resolver share, built once per lexicon:
/// tries over the units of every form (case-folded, normalised keys, Slavic stems) and a
/// skeleton index for fuzzy candidates.
public final class LexiconIndex: @unchecked Sendable {
    /// A form prepared for matching.
    struct Form {
        let entry: LexiconEntry
        /// The whole form's key: what fuzzy scoring compares.
        let key: NameKey
    }

    /// What matching checks of a form at every candidate, kept apart from `Form` so that
    /// reading it copies no strings.
    struct Traits {
        /// The entry's entity: its position in `entityIDs`.
        let entity: Int32
        let role: FormRole
        /// The primary language of the form (or "*"), as a position in `languageIDs`.
        let language: Int32
        /// The script of the form's first letters.
        let script: Script
        /// Whether the form starts with a capital in a script with case: it then only matches
        /// capitalised text.
        let needsCapital: Bool

        /// Whether a key or fuzzy match from text in `language` (see `languageID(_:)`) may use
        /// this form: forms in that language, in English (the lexicons' common language) or
        /// marked "*". Exact matches ignore this: a name as written is a name in any language.
        func acceptsKeyMatch(inLanguage language: Int32) -> Bool {
            self.language == LexiconIndex.anyLanguage || self.language == LexiconIndex.english || self.language == language
        }

        /// Text in `script` may match this form by key or fuzzily: forms in the same script, and
        /// Latin forms from any script. A Latin word never matches a transliterated
        /// Cyrillic acronym ("On" is not ООН, "She" is not США).
        func acceptsKeyMatch(from script: Script) -> Bool {
            let own = self.script
            return own == script || own == .latin || own.isShared || script.isShared
        }
    }

    public let lexicon: Lexicon
    let keys: NameKeyMaker
    /// The labels of all tries, interned.
    let labels: LabelTable
    /// Each form's key (see `Form.key`), and its entry's position in `lexicon.entries`: the
    /// index keeps no copy of the entries.
    let formKeys: [NameKey]
    let formEntries: [Int32]
    let traits: [Traits]
    /// The primary languages of the forms ("*" and "en" first), by position.
    let languageIDs: [String: Int32]
    static let anyLanguage: Int32 = 0
    static let english: Int32 = 1
    let exact: UnitTrie
    let normalized: UnitTrie
    let stems: UnitTrie
    let bySkeleton: KeyBuckets
    let byPrefix: KeyBuckets
    /// Prefix buckets larger than this are not searched: too common to block anything.
    static let prefixBucketLimit = 256
    /// The most units in any form: the longest match to try.
    let maximumUnits: Int
    /// Label ids of the case-folded first units of forms that start without a capital (in a
    /// script with case): the only lowercase words a match can start at.
    let lowercaseStarts: Set<Int32>
    /// Each entity's position in `entityIDs` (order of first appearance in the lexicon): ties
    /// go to the earlier one.
    let entityOrdinals: [String: Int32]
    /// The lexicon's entity ids in order of first appearance, and the entities they name (nil
    /// for an entity without canonical form or alias).
    let entityIDs: [String]
    let entities: [Lexicon.Entity?]

    /// Indexes every form of `lexicon`. Keys are computed once per distinct word and language.
    ///
    /// - Complexity: O(n) in the total length of the forms (ICU transliteration of each
    ///   distinct non-Latin word dominates).
    public convenience init(lexicon: Lexicon, keys: NameKeyMaker = NameKeyMaker()) throws {
        try self.init(lexicon: lexicon, keys: keys, ordinals: EntityOrdinals(lexicon.entries))
    }

    /// Indexes every form of `lexicon`, whose entities `ordinals` numbers.
    init(lexicon: Lexicon, keys: NameKeyMaker, ordinals: EntityOrdinals) throws {
        self.lexicon = lexicon
        self.keys = keys
        labels = LabelTable(capacity: lexicon.entries.count / 2)
        var words = FormWords(keys: keys, labels: labels, capacity: lexicon.entries.count)
        var languages: [String: Int32] = [:], languageIDs: [String: Int32] = ["*": Self.anyLanguage, "en": Self.english]
        var traits: [Traits] = []
        traits.reserveCapacity(lexicon.entries.count)
        var formEntries: [Int32] = []
        var maximumUnits = 1, lowercaseStarts = Set<Int32>()
        formEntries.reserveCapacity(lexicon.entries.count)
        // The units of every form as distinct words, whose keys are then computed in parallel.
        let units = try FormUnits(lexicon.entries)
        var unitWords: [Int32] = [], unitStarts: [Int] = [0]
        unitWords.reserveCapacity(lexicon.entries.count * 2)
        unitStarts.reserveCapacity(lexicon.entries.count + 1)
        for position in lexicon.entries.indices {
            let lang = lexicon.entries[position].lang, needsStems = units.hasCyrillic[position]
            for text in units.texts(of: position) {
                unitWords.append(words.id(text, lang: lang, needsStems: needsStems))
            }
            unitStarts.append(unitWords.count)
        }
        words.prepare()
        let (formKeys, prefixes) = words.formKeys(words: unitWords, starts: unitStarts)
        // The sequential part: labels are interned in form order, each unit's folded and key
        // labels and each Cyrillic form's stem paths written down for the tries below.
        var folded = [Int32](repeating: 0, count: unitWords.count), keyed = folded
        var stemPaths = LabelPaths()
        var lastLanguage: (tag: String, id: Int32)?
        for position in lexicon.entries.indices where unitStarts[position] < unitStarts[position + 1] {
            let range = unitStarts[position]..<unitStarts[position + 1]
            let id = Int32(formEntries.count)
            let first = words.word(unitWords[range.lowerBound])
            for unit in range {
                let word = unit == range.lowerBound ? first : words.word(unitWords[unit])
                folded[unit] = word.foldedID
                keyed[unit] = word.keyID
            }
            let tag = lexicon.entries[position].lang
            let language: Int32
            if let last = lastLanguage, last.tag == tag {
                language = last.id
            } else {
                language = languages[tag] ?? {
                    let primary = tag == "*" ? "*" : LanguageTag.primary(tag)
                    let id = languageIDs[primary] ?? Int32(languageIDs.count)
                    languageIDs[primary] = id
                    languages[tag] = id
                    return id
                }()
                lastLanguage = (tag, language)
            }
            formEntries.append(Int32(position))
            traits.append(Traits(entity: ordinals.ofEntry[position], role: lexicon.entries[position].role, language: language,
                                 script: units.scripts[position], needsCapital: first.startsWithCapital))
            maximumUnits = max(maximumUnits, range.count)
            if !first.isNameLike { lowercaseStarts.insert(first.foldedID) }
            if units.hasCyrillic[position] {
                stemPaths.appendCombinations(range.map { words.stemOptions(unitWords[$0]) }, value: id)
            }
        }
        let forms = formEntries.map { unitStarts[Int($0)]..<unitStarts[Int($0) + 1] }
        (exact, normalized, stems, bySkeleton, byPrefix) = Self.tables(
            labels: labels, forms: forms, folded: folded, keyed: keyed, stemPaths: stemPaths, formKeys: formKeys, prefixes: prefixes)
        self.formKeys = formKeys
        self.formEntries = formEntries
        self.traits = traits
        self.languageIDs = languageIDs
        self.maximumUnits = maximumUnits
        self.lowercaseStarts = lowercaseStarts
        entityOrdinals = ordinals.byID
        entityIDs = ordinals.ids
        entities = ordinals.ids.map { lexicon.entities[$0] }
    }

    /// The tries and buckets of the forms whose units are `folded[forms[id]]` (case-folded
    /// labels) and `keyed[forms[id]]` (key labels, -1 for an empty key). They are independent
    /// of each other, so each is built on its own thread, in form order.
    private static func tables(labels: LabelTable, forms: [Range<Int>], folded: [Int32], keyed: [Int32], stemPaths: LabelPaths,
                               formKeys: [NameKey], prefixes: [String?])
        -> (exact: UnitTrie, normalized: UnitTrie, stems: UnitTrie, bySkeleton: KeyBuckets, byPrefix: KeyBuckets) {
        // Each task writes only its own structure, and concurrentPerform returns when all are done.
        nonisolated(unsafe) let exact = UnitTrie(labels: labels), normalized = UnitTrie(labels: labels), stems = UnitTrie(labels: labels)
        nonisolated(unsafe) var bySkeleton = KeyBuckets(capacity: forms.count / 2, values: forms.count),
            byPrefix = KeyBuckets(capacity: 0, values: forms.count)
        DispatchQueue.concurrentPerform(iterations: 4) { task in
            switch task {
            case 0:
                for (id, range) in forms.enumerated() { exact.insert(folded[range], value: Int32(id)) }
                exact.finish()
            case 1:
                for (id, range) in forms.enumerated() where keyed[range].allSatisfy({ $0 >= 0 }) {
                    normalized.insert(keyed[range], value: Int32(id))
                }
                normalized.finish()
            case 2:
                stemPaths.forEach { stems.insert($0, value: $1) }
                stems.finish()
            default:
                for (id, key) in formKeys.enumerated() {
                    if !key.skeleton.isEmpty { bySkeleton.append(key.skeleton, Int32(id)) }
                    if let prefix = prefixes[id] { byPrefix.append(prefix, Int32(id)) }
                }
                bySkeleton.finish()
                byPrefix.finish()
            }
        }
        return (exact, normalized, stems, bySkeleton, byPrefix)
    }

    /// An index of tables built before (see `LexiconSnapshot`).
    init(lexicon: Lexicon, keys: NameKeyMaker, labels: LabelTable, formKeys: [NameKey], formEntries: [Int32], traits: [Traits],
         languageIDs: [String: Int32], exact: UnitTrie, normalized: UnitTrie, stems: UnitTrie, bySkeleton: KeyBuckets,
         byPrefix: KeyBuckets, maximumUnits: Int, lowercaseStarts: Set<Int32>, entityIDs: [String], entities: [Lexicon.Entity?]) {
        self.lexicon = lexicon
        self.keys = keys
        self.labels = labels
        self.formKeys = formKeys
        self.formEntries = formEntries
        self.traits = traits
        self.languageIDs = languageIDs
        self.exact = exact
        self.normalized = normalized
        self.stems = stems
        self.bySkeleton = bySkeleton
        self.byPrefix = byPrefix
        self.maximumUnits = maximumUnits
        self.lowercaseStarts = lowercaseStarts
        self.entityIDs = entityIDs
        self.entities = entities
        entityOrdinals = Dictionary(uniqueKeysWithValues: entityIDs.enumerated().map { ($1, Int32($0)) })
    }

    /// Candidate forms for fuzzy matching: those sharing the key's skeleton (transliteration
    /// changes vowels and sound-alike consonants) or its first four letters (a misspelling
    /// late in the name can change the skeleton), each once, those by skeleton first.
    func fuzzyCandidates(_ key: NameKey) -> [Int32] {
        let bySound = bySkeleton[key.skeleton] ?? []
        guard let prefix = Self.prefix(of: key.key), let byStart = byPrefix[prefix],
              byStart.count <= Self.prefixBucketLimit else { return Array(bySound) }
        return Self.appendingNew(byStart, to: bySound)
    }

    /// `first` followed by the values of `second` that `first` lacks. Both are buckets of
    /// `bySkeleton` or `byPrefix`, whose form ids ascend (forms are added in id order): one
    /// merge-like pass, not a hash set (`uniqued()` of the two was 90 M instructions of
    /// news-20000 for 2,156 calls).
    private static func appendingNew(_ second: ArraySlice<Int32>, to first: ArraySlice<Int32>) -> [Int32] {
        var result = Array(first)
        result.reserveCapacity(first.count + second.count)
        var i = first.startIndex
        for id in second {
            while i < first.endIndex, first[i] < id { i += 1 }
            if i == first.endIndex || first[i] != id { result.append(id) }
        }
        return result
    }

    /// The first four letters of a key (spaces left out), or nil for shorter keys.
    static func prefix(of key: String) -> String? {
        var letters = 0
        for byte in key.utf8 where byte != UInt8(ascii: " ") {
            letters += 1
            if letters == 4 { break }
        }
        guard letters == 4 else { return nil }
        return String(unsafeUninitializedCapacity: 4) { buffer in
            var count = 0
            for byte in key.utf8 where byte != UInt8(ascii: " ") {
                buffer[count] = byte
                count += 1
                if count == 4 { break }
            }
            return count
        }
    }

    func form(_ id: Int32) -> Form { Form(entry: lexicon.entries[Int(formEntries[Int(id)])], key: formKeys[Int(id)]) }

    /// The forms whose name key is `key` (words separated by spaces).
    func normalizedForms(ofKey key: String) -> ArraySlice<Int32> {
        forms(in: normalized, words: key)
    }

    /// The forms written as `folded` (case-folded, one space between words), up to case: a
    /// form whose units are its space-separated words. A form's key depends on its language
    /// (Polish Kijów's on "j" for "y"), so a name's key may miss its own listed form.
    func exactForms(ofFolded folded: String) -> ArraySlice<Int32> {
        forms(in: exact, words: folded)
    }

    /// The forms at the end of the path of `words`' space-separated words in `trie`.
    private func forms(in trie: UnitTrie, words: String) -> ArraySlice<Int32> {
        var node = UnitTrie.root
        // Split by bytes and looked up by bytes (`LabelTable.id(_:_:)`), without a `String`
        // per word: this runs for every unlisted name-like word.
        let bytes = Array(words.utf8)
        var start = 0
        while start < bytes.count {
            guard bytes[start] != UInt8(ascii: " ") else {
                start += 1
                continue
            }
            var end = start + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: " ") { end += 1 }
            guard let next = trie.child(node, labels.id(bytes, start..<end)) else { return [] }
            node = next
            start = end
        }
        return trie.values(at: node)
    }

    /// The position of a primary language among the forms' languages, or -1 when no form has it.
    func languageID(_ language: String) -> Int32 {
        languageIDs[language] ?? -1
    }

    /// Hash-table entries used, for memory reports.
    public var tableEntries: Int { exact.edgeCount + normalized.edgeCount + stems.edgeCount + bySkeleton.count + byPrefix.count + labels.count }
}
