import OnomaText

/// Finds the names of lexicon entities in documents.
///
///     let index = try LexiconIndex(lexicon: Lexicon.load(path: "Lexicons").lexicon)
///     let canon = try Canonicalizer(index: index)
///     canon.mentions(in: "Зеленського привітали у Києві", lang: "uk")
///     // Зеленського → Q3874799 (normalized, 0.9), Києві → Q1899 (normalized, 0.9)
///
/// At each word it tries, longest first: the forms as listed (exact, up to case), the forms'
/// name keys (other transliterations and spellings), Slavic stems and Korean and Semitic
/// clitics (inflected forms), then fuzzy candidates that share the span's skeleton. A form that
/// fits several entities takes the one the rest of the document names, or stays ambiguous.
///
/// A canonicalizer owns a tokenizer and caches, so use one per thread; the index is shared.
public final class Canonicalizer {
    /// Matching knobs.
    public struct Options: Sendable {
        /// The least key similarity a fuzzy match needs.
        public var fuzzyThreshold: Double = 0.84
        /// Whether unlisted spellings are looked for at all.
        public var fuzzy = true

        public init() {}
    }

    public let index: LexiconIndex
    public let options: Options
    private let tokenizer: Tokenizer
    /// The token segments of the text being read, kept for their buffer.
    @exclusivity(unchecked) private var segments: [TokenSegment] = []
    /// The words whose labels wait until a walk reaches them.
    private let plainWords: PlainWordFilter
    /// The endings Latin-script names take, by language id (`LexiconIndex.languageID`).
    private let endingsByLanguage: [Int32: LatinVariant.Endings]
    /// Labels of the words seen, by text and language (`noLanguage` when guessed from each
    /// word): their ids in the cache's slots, read for every word, and the rest at the ids'
    /// `store` in `labelStore` and `fuzzyStore`. A canonicalizer is used by one thread at a
    /// time, so its caches skip the exclusivity checks.
    @exclusivity(unchecked) private var labelCache = LabelCache()
    @exclusivity(unchecked) private var labelStore: [UnitLabels] = []
    /// The fuzzy match of a unit alone once looked for: the script it was looked for in, the
    /// match, and whether a blocked form of the unit excludes its entity.
    @exclusivity(unchecked) private var fuzzyStore: [(script: Script, match: (form: Int32, score: Double)?, blocked: Bool)?] = []
    private static let labelLimit = 200_000
    private static let noLanguage = "\u{0}"
    /// Fuzzy results by span key, language and script (`fuzzyCacheWord`): positions in
    /// `fuzzyResults`. Capitalised words recur in news under several spellings of one key. A
    /// `WordTable` of the key's bytes rather than a `Dictionary` hashing the key's `String`: a
    /// look-up and an insertion were about 2,000 instructions, and almost every key is new (the
    /// unit and span caches answer repeats before).
    @exclusivity(unchecked) private var fuzzyCache = WordTable()
    @exclusivity(unchecked) private var fuzzyResults: [(form: Int32, score: Double)?] = []

    /// `candidates(of:)` by entity, filled as entities are mentioned.
    @exclusivity(unchecked) private var candidateLists: [[String]?] = []

    /// Fuzzy results of spans of two or three units, by their labels (positions in
    /// `labelStore`) and script: positions in `spanFuzzyStore`. A `WordTable` of integer keys
    /// rather than a `Dictionary`: one multiply-mix hash per span instead of seeded hashing.
    @exclusivity(unchecked) private var spanFuzzyCache = WordTable()
    @exclusivity(unchecked) private var spanFuzzyStore: [(match: (form: Int32, score: Double)?, blocked: Bool)] = []

    /// The keys a unit can match: its key, and keys of its bare forms and stem.
    private struct UnitLabels {
        let key: String
        /// Keys of the unit without Korean particles or Semitic proclitics, and their label ids.
        let bareKeys: [String]
        let bareIDs: [Int32]
        /// Key of the Slavic stem, for Cyrillic units.
        let stemKey: String?
    }

    /// The index tables that listed matching reads, loaded once per document: read through
    /// `index` at every word, each one was retained and released there.
    private struct Tables {
        let exact: UnitTrie
        let normalized: UnitTrie
        let stems: UnitTrie
        let traits: [LexiconIndex.Traits]
    }

    /// One match before ambiguity is settled.
    private struct Span {
        let units: Range<Int>
        /// The forms matched: usually a slice of a trie's values, shared rather than copied.
        let forms: ArraySlice<Int32>
        let method: Mention.Method
        let score: Double
    }

    public init(index: LexiconIndex, options: Options = Options()) throws {
        self.index = index
        self.options = options
        endingsByLanguage = index.languageIDs.reduce(into: [:]) { $0[$1.value] = LatinVariant.Endings.of(language: $1.key == "*" ? nil : $1.key) }
        tokenizer = try Tokenizer()
        plainWords = PlainWordFilter(lowercaseStarts: index.labels.labels(index.lowercaseStarts))
    }

    /// The mentions in `text`, in text order. `lang` (BCP 47) picks transliteration and
    /// inflection rules; nil guesses from each word's script.
    ///
    /// - Complexity: O(n) hash lookups in the number of words, plus fuzzy scoring of the few
    ///   capitalised spans that share a skeleton with a lexicon form.
    public func mentions(in text: String, lang: String?) -> [Mention] {
        tokenizer.segments(of: text, into: &segments)
        return mentions(inUTF8: Array(text.utf8), segments: segments, lang: lang)
    }

    /// The mentions in `text` whose token segments the caller already has
    /// (`Tokenizer.forEachSegment(in: text)`, or `Token.segment`), so that the text is not
    /// segmented twice.
    public func mentions(in text: String, segments: [TokenSegment], lang: String?) -> [Mention] {
        mentions(inUTF8: Array(text.utf8), segments: segments, lang: lang)
    }

    /// `mentions(in:segments:lang:)` of the text with UTF-8 `bytes`, for a caller that has them.
    ///
    /// Each unit is looked up by its bytes as it is cut, and only a word not seen before becomes
    /// a `String`. The segments are cut in a loop here rather than through a closure called
    /// per segment (the cut of news-20000 took 727 M instructions that way, 472 M this way).
    public func mentions(inUTF8 bytes: [UInt8], segments: [TokenSegment], lang: String?) -> [Mention] {
        var units: [UnitPlace] = []
        // Most segments are a unit or punctuation; Han runs grow the array.
        units.reserveCapacity(segments.count)
        var cutter = UnitCutter()
        bytes.withUnsafeBufferPointer { bytes in
            for segment in segments {
                cutter.cut(segment, in: bytes) { units.append($0) }
            }
        }
        return mentions(in: bytes, units: units, lang: lang)
    }

    /// The mentions among `units`, the units of `text`.
    func mentions(in text: String, units: [MatchUnit], lang: String?) -> [Mention] {
        let bytes = Array(text.utf8)
        let places = units.map { UnitPlace(range: $0.range, script: $0.script, breakBefore: $0.breakBefore) }
        return mentions(in: bytes, units: places, lang: lang)
    }

    /// The mentions among `units`, the units of the text with UTF-8 `bytes`, in language `lang`.
    private func mentions(in bytes: [UInt8], units: [UnitPlace], lang: String?) -> [Mention] {
        let labeler = labeler(lang)
        var labels = unitIDs(bytes, units, labeler)
        // Listed forms first, everywhere; fuzzy matches only in the gaps they leave, so that a
        // loose span never swallows a word that a listed form would take.
        var listed: [Span] = []
        let tables = Tables(exact: index.exact, normalized: index.normalized, stems: index.stems, traits: index.traits)
        let words = Words(text: bytes, units: units, labeler: labeler)
        var i = 0
        while i < units.count {
            if labels[i].mayStart, let end = listedMatch(at: i, words, &labels, tables, into: &listed) {
                i = end
            } else {
                i += 1
            }
        }
        var spans: [Span] = []
        var gapStart = 0
        for span in listed + [Span(units: units.count..<units.count, forms: [], method: .exact, score: 0)] {
            var j = gapStart
            while j < span.units.lowerBound {
                if let fuzzy = fuzzyMatch(at: j, limit: span.units.lowerBound, units, labels) {
                    spans.append(fuzzy)
                    j = fuzzy.units.upperBound
                } else {
                    j += 1
                }
            }
            if !span.forms.isEmpty { spans.append(span) }
            gapStart = span.units.upperBound
        }
        return settle(spans, units, bytes)
    }

    // MARK: Listed forms

    /// The best match of a span while the tries are walked, as plain values: an optional
    /// `Span` was copied and destroyed through outlined functions at each start (about 150
    /// instructions).
    private struct BestMatch {
        /// The end of the span matched, or -1 before a match.
        var end = -1
        var forms: ArraySlice<Int32> = []
        var method = Mention.Method.exact
        var score = 0.0
    }

    /// Appends the longest match of a listed form, its key or its stems at unit `start` to
    /// `spans` and returns its end; nil when none matches.
    private func listedMatch(at start: Int, _ words: Words, _ labels: inout [UnitIDs], _ tables: Tables,
                             into spans: inout [Span]) -> Int? {
        // `best` is passed inout rather than captured by a local function, which would box it
        // and check exclusivity at run time on every match.
        var best = BestMatch()
        let script = words.units[start].script, unit = labels[start]
        let traits = tables.traits
        walk(tables.exact, from: start, words, &labels, { $0.folded }) { consider(&best, $0, $1, .exact, 1, script, unit, traits) }
        walk(tables.normalized, from: start, words, &labels, { $0.key }) { consider(&best, $0, $1, .normalized, 0.95, script, unit, traits) }
        if unit.hasBareKeys {
            walkBare(tables.normalized, from: start, words, &labels) { consider(&best, $0, $1, .normalized, 0.9, script, unit, traits) }
        }
        walk(tables.stems, from: start, words, &labels, { $0.stem }) { consider(&best, $0, $1, .normalized, 0.9, script, unit, traits) }
        guard best.end >= 0 else { return nil }
        spans.append(Span(units: start..<best.end, forms: best.forms, method: best.method, score: best.score))
        return best.end
    }

    /// Makes `forms` over the span that ends at `end` the best match when it is longer than
    /// `best` (or as long and scores higher) and some of its forms may match `first`, the span's
    /// first unit, written in `script`.
    @inline(__always)
    private func consider(_ best: inout BestMatch, _ end: Int, _ forms: ArraySlice<Int32>, _ method: Mention.Method,
                          _ score: Double, _ script: Script, _ first: UnitIDs, _ traits: [LexiconIndex.Traits]) {
        if best.end > end || (best.end == end && best.score >= score) { return }
        func accepts(_ id: Int32) -> Bool {
            let form = traits[Int(id)]
            return (first.isNameLike || !form.needsCapital)
                && (method == .exact || form.acceptsKeyMatch(from: script) && form.acceptsKeyMatch(inLanguage: first.language))
        }
        guard forms.contains(where: accepts) else { return }
        best.forms = forms.allSatisfy(accepts) ? forms : ArraySlice(forms.filter(accepts))
        best.end = end
        best.method = method
        best.score = score
    }

    /// Walks `trie` from unit `start` along each unit's `label`, reporting each node with forms.
    @inline(__always)
    private func walk(_ trie: UnitTrie, from start: Int, _ words: Words, _ labels: inout [UnitIDs],
                      _ label: (UnitIDs) -> Int32, found: (Int, ArraySlice<Int32>) -> Void) {
        let units = words.units
        var node = UnitTrie.root
        var position = start
        while position < units.count, position - start < index.maximumUnits {
            if position > start && units[position].breakBefore { return }
            guard let next = trie.child(node, label(self.labels(at: position, words, &labels))) else { return }
            let forms = trie.values(at: next)
            if !forms.isEmpty { found(position + 1, forms) }
            node = next
            position += 1
        }
    }

    /// Walks `trie` from unit `start` through every bare key of each unit, reporting each node
    /// with forms.
    private func walkBare(_ trie: UnitTrie, from start: Int, _ words: Words, _ labels: inout [UnitIDs],
                          found: (Int, ArraySlice<Int32>) -> Void) {
        let units = words.units
        func step(_ node: UnitTrie.Node, _ position: Int, _ labels: inout [UnitIDs]) {
            guard position < units.count, position - start < index.maximumUnits else { return }
            if position > start && units[position].breakBefore { return }
            for label in labelStore[Int(self.labels(at: position, words, &labels).store)].bareIDs {
                guard let next = trie.child(node, label) else { continue }
                let forms = trie.values(at: next)
                if !forms.isEmpty { found(position + 1, forms) }
                step(next, position + 1, &labels)
            }
        }
        step(UnitTrie.root, start, &labels)
    }

    // MARK: Fuzzy

    /// The best fuzzy match of one to three capitalised units starting at `start`, ending
    /// before `limit`. A one-letter word does not start a name (Ukrainian "У", English "A").
    /// Inlined, so that the other words of a gap, most of them, cost no call.
    @inline(__always)
    private func fuzzyMatch(at start: Int, limit: Int, _ units: [UnitPlace], _ labels: [UnitIDs]) -> Span? {
        guard options.fuzzy, labels[start].isNameLike, labels[start].isLong, units[start].script != .han else { return nil }
        // Most such words match nothing alone (known once looked for) and start no span of
        // several: answered here, without the call and its set-up (about 170 instructions).
        // The ids carry what was known when the document's words were looked up; the store
        // also what this document found.
        if labels[start].matchesNoFuzzyForm(in: units[start].script)
            || fuzzyStore[Int(labels[start].store)].map({ $0.script == units[start].script && $0.match == nil }) ?? false,
           !continuesSpan(start + 1, limit: limit, units, labels) { return nil }
        return fuzzyNameMatch(at: start, limit: limit, units, labels)
    }

    /// Whether a fuzzy span may take unit `position` after its first: a name-like unit, not
    /// Han, before `limit` and not after a break.
    @inline(__always)
    private func continuesSpan(_ position: Int, limit: Int, _ units: [UnitPlace], _ labels: [UnitIDs]) -> Bool {
        position < limit && !units[position].breakBefore && labels[position].isNameLike && units[position].script != .han
    }

    /// `fuzzyMatch` at a name-like unit of more than one character, not Han.
    private func fuzzyNameMatch(at start: Int, limit: Int, _ units: [UnitPlace], _ labels: [UnitIDs]) -> Span? {
        let store = Int(labels[start].store)
        let language = labels[start].language
        let script = units[start].script
        // The unit alone, cached with its labels: capitalised words that are not names recur.
        if fuzzyStore[store]?.script != script {
            let keys = spanKeys(labels[start..<(start + 1)])
            let match = bestFuzzyForm(keys, language: language, script: script)
            let blocked = match.map { isBlocked($0.form, keys: keys) } ?? false
            fuzzyStore[store] = (script, match, blocked)
            if match == nil { labelCache.noteNoFuzzyForm(labels[start].store, in: script) }
        }
        // The best match so far as plain values: a `Span` (with its array of forms) is made
        // only for the one returned, not for every name-like word.
        let single = fuzzyStore[store]!
        var best = single.match.map { (end: start + 1, form: $0.form, score: $0.score) }
        var blocked = single.blocked
        var end = start + 1
        while end < start + 3, continuesSpan(end, limit: limit, units, labels) {
            end += 1
            let spanKey = WordTable.key(labels[start].store, labels[start + 1].store,
                                        end == start + 3 ? labels[start + 2].store : -1, script.rawValue)
            let found: (match: (form: Int32, score: Double)?, blocked: Bool)
            if let known = spanFuzzyCache.value(spanKey) {
                found = spanFuzzyStore[Int(known)]
            } else {
                let keys = spanKeys(labels[start..<end])
                let match = bestFuzzyForm(keys, language: language, script: script)
                found = (match: match, blocked: match.map { isBlocked($0.form, keys: keys) } ?? false)
                if spanFuzzyStore.count > Self.labelLimit { removeSpanFuzzyResults() }
                spanFuzzyCache.insert(spanKey, value: Int32(spanFuzzyStore.count))
                spanFuzzyStore.append(found)
            }
            guard let (id, score) = found.match, score >= (best?.score ?? 0) else { continue }
            best = (end, id, score)
            blocked = found.blocked
        }
        // A fuzzy match must not reach an entity that blocks this spelling.
        guard !blocked, let best else { return nil }
        return Span(units: start..<best.end, forms: [best.form], method: .fuzzy, score: best.score)
    }

    /// The form among the fuzzy matches of `keys` with the highest score (the first key's on
    /// a tie).
    private func bestFuzzyForm(_ keys: [String], language: Int32, script: Script) -> (form: Int32, score: Double)? {
        var best: (form: Int32, score: Double)?
        for key in keys {
            guard let match = bestFuzzyForm(key, language: language, script: script), match.score > best?.score ?? -1 else { continue }
            best = match
        }
        return best
    }

    /// Adjective and demonym endings: "Russian" is not Russia, "North Korean" not North Korea.
    static let derivedEndings = ["n", "an", "ian", "ese", "i", "ish", "er", "ern"]

    /// Whether `key` is the name `base` plus an adjective or demonym ending. "-n" makes one of a
    /// name ending in "a" (Russian, Korean); after "e" it is a German case ending (Niederlanden).
    static func isDerivedWord(_ key: String, of base: String) -> Bool {
        guard key.count > base.count, key.hasPrefix(base) else { return false }
        let ending = String(key.dropFirst(base.count))
        return derivedEndings.contains(ending) && (ending != "n" || base.hasSuffix("a"))
    }

    /// The closest form to `key` above the threshold, cached. Keys under four letters get no
    /// fuzzy match: with a large lexicon, short capitalised words ("The", "Mr") would find a
    /// short name one vowel away. A Latin-script unit matches a Latin-script form only as
    /// `LatinVariant` allows.
    private func bestFuzzyForm(_ key: String, language: Int32, script: Script) -> (form: Int32, score: Double)? {
        let word = Self.fuzzyCacheWord(key, language: language, script: script), range = 0..<word.count
        let cacheKey = WordTable.key(word, range, Self.fuzzyCacheLanguage)
        if let known = fuzzyCache.value(cacheKey, word, range, Self.fuzzyCacheLanguage) { return fuzzyResults[Int(known)] }
        let letters = key.utf8.count { $0 != UInt8(ascii: " ") }
        var best: (form: Int32, score: Double)?
        if letters >= 4 {
            // A Latin-script key is also looked up without its language's endings: the skeleton
            // of German "Frankreichs" is not Frankreich's.
            let endings = script == .latin ? latinEndings(language) : nil
            var candidates = index.fuzzyCandidates(NameKey(key: key, skeleton: NameKeyMaker.skeleton(ofKey: key)))
            let bySkeleton = candidates.count
            for lemma in endings.map({ LatinVariant.lemmaKeys(of: key, endings: $0) }) ?? [] {
                candidates += index.normalizedForms(ofKey: lemma)
            }
            for (position, id) in candidates.enumerated() {
                let form = index.traits[Int(id)], formKey = index.formKeys[Int(id)].key
                let formLetters = formKey.utf8.count
                // Each letter of length difference costs at least 0.5: skip forms too long or short to reach the threshold.
                guard 1 - 0.5 * Double(abs(formLetters - letters)) / Double(max(formLetters, letters)) >= options.fuzzyThreshold,
                      form.role != .blocked, form.acceptsKeyMatch(from: script),
                      form.acceptsKeyMatch(inLanguage: language), !Self.isDerivedWord(key, of: formKey) else { continue }
                var score = NameSimilarity.score(key, formKey)
                // A form found by its skeleton must pass on its score; one found without an
                // ending may pass as an inflection.
                guard score >= options.fuzzyThreshold || position >= bySkeleton else { continue }
                // Between Latin-script spellings, only inflections (scored as Slavic case forms
                // are) and typing errors.
                if let endings, form.script == .latin {
                    guard let relation = LatinVariant.relation(of: key, to: formKey, endings: endings) else { continue }
                    if relation == .inflection { score = max(score, Resolver.inflectedScore) }
                }
                if score >= options.fuzzyThreshold, score > best?.score ?? 0 { best = (id, score) }
            }
        }
        if fuzzyResults.count > 200_000 {
            fuzzyCache.removeAll()
            fuzzyResults.removeAll(keepingCapacity: true)
        }
        fuzzyCache.insert(cacheKey, word, range, Self.fuzzyCacheLanguage, value: Int32(fuzzyResults.count))
        fuzzyResults.append(best)
        return best
    }

    /// The bytes `fuzzyCache` keeps a key under: the key's, then the language id's and the
    /// script's (four bytes each). The suffix has a fixed length, so different triples give
    /// different bytes.
    private static func fuzzyCacheWord(_ key: String, language: Int32, script: Script) -> [UInt8] {
        var word: [UInt8] = []
        word.reserveCapacity(key.utf8.count + 8)
        word += key.utf8
        withUnsafeBytes(of: language.littleEndian) { word += $0 }
        withUnsafeBytes(of: script.rawValue.littleEndian) { word += $0 }
        return word
    }

    /// `fuzzyCache` keys words without a language: the language is in the word's bytes.
    private static let fuzzyCacheLanguage = WordTable.Language("")

    /// The endings of names in the language with id `language`; a language the lexicon does
    /// not have, or one guessed from the script, takes the Germanic ones.
    private func latinEndings(_ language: Int32) -> LatinVariant.Endings {
        endingsByLanguage[language] ?? .of(language: nil)
    }

    /// The keys a span may stand for, each once: its words' keys joined by spaces, the same
    /// with the stems' keys (for Cyrillic), and a single word's bare keys.
    ///
    /// Built by appending to the first word's keys, not by arrays of labels and keys joined and
    /// made unique (about 4,400 instructions a span).
    private func spanKeys(_ ids: ArraySlice<UnitIDs>) -> [String] {
        let first = labelStore[Int(ids[ids.startIndex].store)]
        guard ids.count > 1 else {
            var keys = [first.key]
            if let stem = first.stemKey, stem != first.key { keys.append(stem) }
            for bare in first.bareKeys where !keys.contains(bare) { keys.append(bare) }
            return keys
        }
        // Unit keys hold no spaces, so the two joins are equal exactly when every word's stem
        // key is its key.
        var plain = first.key, stemmed = first.stemKey ?? first.key
        var stems = stemmed != plain
        for id in ids.dropFirst() {
            let labels = labelStore[Int(id.store)]
            plain.append(" ")
            plain.append(labels.key)
            stemmed.append(" ")
            stemmed.append(labels.stemKey ?? labels.key)
            stems = stems || labels.stemKey.map { $0 != labels.key } ?? false
        }
        return stems ? [plain, stemmed] : [plain]
    }

    /// Whether a form of the span's keys blocks the entity of form `id`.
    private func isBlocked(_ id: Int32, keys: [String]) -> Bool {
        let entity = index.traits[Int(id)].entity
        return keys.contains { key in
            index.normalizedForms(ofKey: key).contains { index.traits[Int($0)].role == .blocked && index.traits[Int($0)].entity == entity }
        }
    }

    // MARK: Labels

    /// The language a document's words are looked up in and the tag their keys are made for.
    private struct Labeler {
        /// The primary language subtag, or `noLanguage` when the language is guessed from
        /// each word.
        let language: WordTable.Language
        /// The primary language subtag, or nil to guess it from each word's script.
        let lang: String?

        init(_ lang: String?) {
            self.lang = lang.map(LanguageTag.primary)
            language = WordTable.Language(self.lang ?? Canonicalizer.noLanguage)
        }
    }

    /// The labeler of a document in language `lang`. Empties the label caches first when they
    /// have grown too large: never within a document, whose units hold positions in them.
    private func labeler(_ lang: String?) -> Labeler {
        if labelStore.count > Self.labelLimit {
            labelStore.removeAll(keepingCapacity: true)
            fuzzyStore.removeAll(keepingCapacity: true)
            labelCache.removeAll()
            removeSpanFuzzyResults()
        }
        return Labeler(lang)
    }

    private func removeSpanFuzzyResults() {
        spanFuzzyCache.removeAll()
        spanFuzzyStore.removeAll(keepingCapacity: true)
    }

    /// A document's text (UTF-8), its units and its labeler: what a walk needs to label a unit
    /// that `unitIDs` left for later.
    private struct Words {
        let text: [UInt8]
        let units: [UnitPlace]
        let labeler: Labeler
    }

    /// The label ids of `units`, units of the UTF-8 bytes `text`, made and cached for the words
    /// not seen before; a plain word (`PlainWordFilter`) is left `unlabeled`, for `labels(at:_:_:)`
    /// to look up when a walk reaches it (no match and no fuzzy span starts at it).
    ///
    /// One pass keys each unit, probes the cache and copies a known word's ids into place; a
    /// second pass, over the words the first did not find, makes their labels. The probes of
    /// the first pass do not depend on each other, so the processor overlaps their cache
    /// misses. (Before, the keys went into an array of their own and the positions found into
    /// another, read by two more passes: about 50 instructions a unit more.)
    private func unitIDs(_ text: [UInt8], _ units: [UnitPlace], _ labeler: Labeler) -> [UnitIDs] {
        let language = labeler.language
        var ids = [UnitIDs](repeating: Self.unlabeled, count: units.count)
        var missing = false
        let plainWords = plainWords
        text.withUnsafeBytes { bytes in
            for i in units.indices {
                let range = units[i].range
                if plainWords.passes(bytes, range) { continue }
                if let known = labelCache.ids(WordTable.key(text, range, language), text, range, language) {
                    ids[i] = known
                } else {
                    ids[i] = Self.missing
                    missing = true
                }
            }
        }
        guard missing else { return ids }
        for i in units.indices where ids[i].store == Self.missing.store {
            // A word new to the cache may repeat within the document: the first occurrence adds it.
            ids[i] = labels(of: units[i].range, text, labeler)
        }
        return ids
    }

    /// The labels of the word at `range` of `text`, from the cache or made and cached.
    private func labels(of range: Range<Int>, _ text: [UInt8], _ labeler: Labeler) -> UnitIDs {
        let language = labeler.language, key = WordTable.key(text, range, language)
        if let known = labelCache.ids(key, text, range, language) { return known }
        let (unit, labels) = makeLabels(String(decoding: text[range], as: UTF8.self), labeler.lang, store: Int32(labelStore.count))
        labelCache.insert(key, text, range, language, ids: unit)
        labelStore.append(labels)
        fuzzyStore.append(nil)
        return unit
    }

    /// The labels of unit `position` of `words`, looked up now when `unitIDs` left them.
    @inline(__always)
    private func labels(at position: Int, _ words: Words, _ labels: inout [UnitIDs]) -> UnitIDs {
        let known = labels[position]
        if known.store != Self.unlabeled.store { return known }
        let found = self.labels(of: words.units[position].range, words.text, words.labeler)
        labels[position] = found
        return found
    }

    /// What `unitIDs` holds for a plain word whose labels wait (`store` -1): not name-like, no
    /// start.
    private static let unlabeled = UnitIDs(store: -1, folded: -1, key: -1, stem: -1, isNameLike: false, isLong: false,
                                           hasBareKeys: false, language: -1, mayStart: false)
    /// What `unitIDs` holds for a word not found in the first pass (`store` -2): never returned.
    private static let missing = UnitIDs(store: -2, folded: -1, key: -1, stem: -1, isNameLike: false, isLong: false,
                                         hasBareKeys: false, language: -1, mayStart: false)

    private func makeLabels(_ text: String, _ lang: String?, store: Int32) -> (UnitIDs, UnitLabels) {
        let language = lang ?? LanguageGuess.fromScript(text) ?? "und"
        let keys = index.keys
        let elided = Inflection.elidedBase(text)
        let bare = [Inflection.koreanBase(text), Inflection.semiticBase(text), elided].compactMap { $0 }
        let stem = Inflection.slavicStem(text)
        let key = keys.unitKey(for: text, lang: language)
        let bareKeys = bare.map { keys.unitKey(for: $0, lang: language) }
        let stemKey = stem.map { keys.unitKey(for: $0, lang: language) }
        let folded = index.labels.id(Folding.caseFold(text))
        let keyID = index.labels.id(key), stemID = index.labels.id(stemKey ?? key)
        let bareIDs = bareKeys.map(index.labels.id)
        // "l'Ukraine" is as name-like as "Ukraine".
        let isNameLike = MatchUnit.isNameLike(elided ?? text)
        // A listed match starts with an edge from a trie's root: without one, none is tried.
        let root = UnitTrie.root
        let startsForm = index.exact.child(root, folded) != nil || index.normalized.child(root, keyID) != nil
            || index.stems.child(root, stemID) != nil || bareIDs.contains { index.normalized.child(root, $0) != nil }
        let ids = UnitIDs(store: store, folded: folded, key: keyID, stem: stemID,
                          isNameLike: isNameLike, isLong: Self.hasSeveralCharacters(text), hasBareKeys: !bareIDs.isEmpty,
                          language: index.languageID(language),
                          mayStart: startsForm && (isNameLike || index.lowercaseStarts.contains(folded)))
        return (ids, UnitLabels(key: key, bareKeys: bareKeys, bareIDs: bareIDs, stemKey: stemKey))
    }

    /// Whether `text` has more than one character: ASCII without a carriage return (which
    /// joins a line feed) has one per byte, without `String.count`'s grapheme breaking.
    private static func hasSeveralCharacters(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count > 1 else { return false }
        return bytes.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") } || text.count > 1
    }

    // MARK: Ambiguity

    /// The candidates of a mention of `entity` alone, `[id]`: made once per entity and shared by
    /// its mentions, not allocated for each.
    private func candidates(of entity: Int32) -> [String] {
        if candidateLists.isEmpty { candidateLists = Array(repeating: nil, count: index.entityIDs.count) }
        if let list = candidateLists[Int(entity)] { return list }
        let list = [index.entityIDs[Int(entity)]]
        candidateLists[Int(entity)] = list
        return list
    }

    /// Turns spans into mentions: drops entities whose form is blocked, and settles a span that
    /// fits several entities by the entities the document names unambiguously elsewhere.
    private func settle(_ spans: [Span], _ units: [UnitPlace], _ bytes: [UInt8]) -> [Mention] {
        let traits = index.traits, entityIDTable = index.entityIDs, entityTable = index.entities
        // The entities of each span in one array: span i's are entities[bounds[i]..<bounds[i + 1]].
        var entities: [Int32] = [], bounds = [0]
        entities.reserveCapacity(spans.count)
        bounds.reserveCapacity(spans.count + 1)
        for span in spans {
            if span.forms.count == 1 {
                let form = traits[Int(span.forms.first!)]
                if form.role != .blocked { entities.append(form.entity) }
            } else {
                let first = entities.count
                let blocked = span.forms.filter { traits[Int($0)].role == .blocked }.map { traits[Int($0)].entity }
                for id in span.forms {
                    let form = traits[Int(id)]
                    guard form.role != .blocked, !blocked.contains(form.entity), !entities[first...].contains(form.entity) else { continue }
                    entities.append(form.entity)
                }
            }
            bounds.append(entities.count)
        }
        // Whether the document names `entity` unambiguously: asked only of ambiguous spans'
        // entities, from the set of such entities, collected at the first question (a search
        // of all spans per question took quadratic time on long documents).
        var named: Set<Int32>?
        func isNamed(_ entity: Int32) -> Bool {
            if named == nil { named = Set(spans.indices.lazy.filter { bounds[$0 + 1] - bounds[$0] == 1 }.map { entities[bounds[$0]] }) }
            return named!.contains(entity)
        }
        var mentions: [Mention] = []
        mentions.reserveCapacity(spans.count)
        for (position, span) in spans.enumerated() where bounds[position + 1] > bounds[position] {
            let entityIDs = entities[bounds[position]..<bounds[position + 1]]
            let range = units[span.units.lowerBound].range.lowerBound..<units[span.units.upperBound - 1].range.upperBound
            let mentionText = String(decoding: bytes[range], as: UTF8.self)
            var chosen: Int32? = entityIDs.count == 1 ? entityIDs.first : nil
            var score = span.score
            if chosen == nil {
                let inContext = entityIDs.filter(isNamed)
                if inContext.count == 1 {
                    chosen = inContext[0]
                    score *= 0.9
                }
            }
            let entity = chosen.flatMap { entityTable[Int($0)] }
            mentions.append(Mention(range: range, text: mentionText, entity: chosen.map { entityIDTable[Int($0)] },
                                    canonical: entity?.canonical, type: entity?.type, score: score, method: span.method,
                                    candidates: chosen.map(candidates(of:)) ?? entityIDs.map { entityIDTable[Int($0)] }))
        }
        return mentions
    }
}
