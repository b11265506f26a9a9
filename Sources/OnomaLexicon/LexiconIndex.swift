import OnomaText

/// The lookup structures the canonicalizer and the resolver share, built once per lexicon:
/// tries over the units of every form (case-folded, normalised keys, Slavic stems) and a
/// skeleton index for fuzzy candidates.
public final class LexiconIndex: @unchecked Sendable {
    /// A form prepared for matching.
    struct Form {
        let entry: LexiconEntry
        let units: [MatchUnit]
        /// The whole form's key: what fuzzy scoring compares.
        let key: NameKey

        /// The primary language of the form, or "*".
        var language: String { entry.lang == "*" ? "*" : LanguageTag.primary(entry.lang) }

        /// Whether a key or fuzzy match from text in `language` may use this form: forms in
        /// that language, in English (the lexicons' common language) or marked "*". Exact
        /// matches ignore this: a name as written is a name in any language.
        func acceptsKeyMatch(inLanguage language: String) -> Bool {
            let own = self.language
            return own == "*" || own == "en" || own == language
        }

        /// The script of the form's first letters.
        var script: Script { units.first { !$0.script.isShared }?.script ?? .common }

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
    private(set) var forms: [Form] = []
    private(set) var exact = UnitTrie()
    private(set) var normalized = UnitTrie()
    private(set) var stems = UnitTrie()
    private(set) var bySkeleton: [String: [Int32]] = [:]
    private(set) var byPrefix: [String: [Int32]] = [:]
    /// Prefix buckets larger than this are not searched: too common to block anything.
    static let prefixBucketLimit = 256
    /// The most units in any form: the longest match to try.
    private(set) var maximumUnits = 1
    /// Case-folded first units of forms that start without a capital (in a script with case):
    /// the only lowercase words a match can start at.
    private(set) var lowercaseStarts = Set<String>()
    /// Each entity's position of first appearance in the lexicon: ties go to the earlier one.
    private(set) var entityRank: [String: Int] = [:]

    /// Indexes every form of `lexicon`. Keys are computed once per form.
    ///
    /// - Complexity: O(n) in the total length of the forms (ICU transliteration of each
    ///   distinct non-Latin word dominates).
    public init(lexicon: Lexicon, keys: NameKeyMaker = NameKeyMaker()) throws {
        self.lexicon = lexicon
        self.keys = keys
        let tokenizer = try Tokenizer()
        forms.reserveCapacity(lexicon.entries.count)
        for (position, entry) in lexicon.entries.enumerated() where entityRank[entry.entity] == nil {
            entityRank[entry.entity] = position
        }
        for entry in lexicon.entries {
            let units = MatchUnit.units(of: tokenizer.tokenize(entry.form), in: entry.form)
            guard !units.isEmpty else { continue }
            let id = Int32(forms.count)
            let lang = entry.lang == "*" ? nil : entry.lang
            let unitKeys = units.map { keys.unitKey(for: $0.text, lang: lang) }
            let key = NameKeyMaker.joining(unitKeys)
            forms.append(Form(entry: entry, units: units, key: key))
            maximumUnits = max(maximumUnits, units.count)
            exact.insert(units.map { Folding.caseFold($0.text) }, value: id)
            if !units[0].isNameLike { lowercaseStarts.insert(Folding.caseFold(units[0].text)) }
            if unitKeys.allSatisfy({ !$0.isEmpty }) { normalized.insert(unitKeys, value: id) }
            if units.contains(where: { $0.script == .cyrillic }) {
                for path in Self.stemPaths(units, keys: keys, lang: lang) { stems.insert(path, value: id) }
            }
            if !key.skeleton.isEmpty { bySkeleton[key.skeleton, default: []].append(id) }
            if let prefix = Self.prefix(of: key.key) { byPrefix[prefix, default: []].append(id) }
        }
    }

    /// Every combination of the units' stem keys (a Ukrainian stem may alternate: Київ/Києв).
    private static func stemPaths(_ units: [MatchUnit], keys: NameKeyMaker, lang: String?) -> [[String]] {
        var paths: [[String]] = [[]]
        for unit in units {
            let stems = Inflection.slavicStems(ofLemma: unit.text)
            let options = stems.isEmpty ? [keys.unitKey(for: unit.text, lang: lang)]
                : stems.map { keys.unitKey(for: $0, lang: lang) }.uniqued()
            paths = paths.flatMap { path in options.map { path + [$0] } }
            if paths.count > 64 { break }
        }
        return paths.filter { $0.count == units.count }
    }

    /// Whether a match may start at `unit`: a capitalised word, a word in a script without case,
    /// or a lowercase word that starts some form.
    func mayStartMatch(_ unit: MatchUnit) -> Bool {
        unit.isNameLike || lowercaseStarts.contains(Folding.caseFold(unit.text))
    }

    /// Candidate forms for fuzzy matching: those sharing the key's skeleton (transliteration
    /// changes vowels and sound-alike consonants) or its first four letters (a misspelling
    /// late in the name can change the skeleton).
    func fuzzyCandidates(_ key: NameKey) -> [Int32] {
        let bySound = bySkeleton[key.skeleton] ?? []
        guard let prefix = Self.prefix(of: key.key), let byStart = byPrefix[prefix],
              byStart.count <= Self.prefixBucketLimit else { return bySound }
        return bySound.isEmpty ? byStart : (bySound + byStart).uniqued()
    }

    /// The first four letters of a key (spaces left out), or nil for shorter keys.
    static func prefix(of key: String) -> String? {
        let letters = key.utf8.filter { $0 != UInt8(ascii: " ") }.prefix(4)
        return letters.count == 4 ? String(decoding: letters, as: UTF8.self) : nil
    }

    func form(_ id: Int32) -> Form { forms[Int(id)] }

    /// Hash-table entries used, for memory reports.
    public var tableEntries: Int { exact.edgeCount + normalized.edgeCount + stems.edgeCount + bySkeleton.count + byPrefix.count }
}
