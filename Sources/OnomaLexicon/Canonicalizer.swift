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
    private var labelCache: [UnitLabelKey: UnitLabels] = [:]
    /// Fuzzy results by span key and language: news repeats its capitalised words.
    private var fuzzyCache: [UnitLabelKey: (form: Int32, score: Double)?] = [:]

    private struct UnitLabelKey: Hashable {
        let text: String
        let lang: String
    }

    /// What a unit can match: its case-folded text, its key, and keys of its bare forms.
    private struct UnitLabels {
        let folded: String
        let key: String
        /// Keys of the unit without Korean particles or Semitic proclitics.
        let bareKeys: [String]
        /// Key of the Slavic stem, for Cyrillic units.
        let stemKey: String?
    }

    /// One match before ambiguity is settled.
    private struct Span {
        let units: Range<Int>
        let forms: [Int32]
        let method: Mention.Method
        let score: Double
    }

    public init(index: LexiconIndex, options: Options = Options()) throws {
        self.index = index
        self.options = options
        tokenizer = try Tokenizer()
    }

    /// The mentions in `text`, in text order. `lang` (BCP 47) picks transliteration and
    /// inflection rules; nil guesses from each word's script.
    ///
    /// - Complexity: O(n) hash lookups in the number of words, plus fuzzy scoring of the few
    ///   capitalised spans that share a skeleton with a lexicon form.
    public func mentions(in text: String, lang: String?) -> [Mention] {
        let units = MatchUnit.units(of: tokenizer.tokenize(text), in: text)
        let language = lang.map(LanguageTag.primary)
        // Listed forms first, everywhere; fuzzy matches only in the gaps they leave, so that a
        // loose span never swallows a word that a listed form would take.
        var listed: [Span] = []
        var i = 0
        while i < units.count {
            if index.mayStartMatch(units[i]), let span = listedMatch(at: i, units, language) {
                listed.append(span)
                i = span.units.upperBound
            } else {
                i += 1
            }
        }
        var spans: [Span] = []
        var gapStart = 0
        for span in listed + [Span(units: units.count..<units.count, forms: [], method: .exact, score: 0)] {
            var j = gapStart
            while j < span.units.lowerBound {
                if let fuzzy = fuzzyMatch(at: j, limit: span.units.lowerBound, units, language) {
                    spans.append(fuzzy)
                    j = fuzzy.units.upperBound
                } else {
                    j += 1
                }
            }
            if !span.forms.isEmpty { spans.append(span) }
            gapStart = span.units.upperBound
        }
        return settle(spans, units, text)
    }

    // MARK: Listed forms

    /// The longest match of a listed form, its key or its stems at unit `start`.
    private func listedMatch(at start: Int, _ units: [MatchUnit], _ lang: String?) -> Span? {
        var best: Span?
        let script = units[start].script
        let language = textLanguage(units[start], lang)
        func consider(_ end: Int, _ forms: [Int32], _ method: Mention.Method, _ score: Double) {
            let forms = forms.filter { id in
                let form = index.form(id)
                return caseFits(units[start], form)
                    && (method == .exact || form.acceptsKeyMatch(from: script) && form.acceptsKeyMatch(inLanguage: language))
            }
            guard !forms.isEmpty else { return }
            if let current = best, current.units.upperBound > end || (current.units.upperBound == end && current.score >= score) { return }
            best = Span(units: start..<end, forms: forms, method: method, score: score)
        }
        walk(index.exact, from: start, units) { [labels($0, lang).folded] } found: { consider($0, $1, .exact, 1) }
        walk(index.normalized, from: start, units) { [labels($0, lang).key] } found: { consider($0, $1, .normalized, 0.95) }
        walk(index.normalized, from: start, units) { labels($0, lang).bareKeys } found: { consider($0, $1, .normalized, 0.9) }
        walk(index.stems, from: start, units) { labels($0, lang).stemKey.map { [$0] } ?? [labels($0, lang).key] } found: {
            consider($0, $1, .normalized, 0.9)
        }
        return best
    }

    /// Walks `trie` from unit `start` through every label choice, reporting each node with forms.
    private func walk(_ trie: UnitTrie, from start: Int, _ units: [MatchUnit],
                      labels: (MatchUnit) -> [String], found: (Int, [Int32]) -> Void) {
        func step(_ node: UnitTrie.Node, _ position: Int) {
            guard position < units.count, position - start < index.maximumUnits else { return }
            if position > start && units[position].breakBefore { return }
            for label in labels(units[position]) where !label.isEmpty {
                guard let next = trie.child(node, label) else { continue }
                let forms = trie.values(at: next)
                if !forms.isEmpty { found(position + 1, forms) }
                step(next, position + 1)
            }
        }
        step(UnitTrie.root, start)
    }

    /// A form written with a capital (in a script with case) only matches capitalised text:
    /// "Trump" but not "trump card", "NATO" but not Italian "nato".
    private func caseFits(_ unit: MatchUnit, _ form: LexiconIndex.Form) -> Bool {
        guard let first = form.units.first, first.isNameLike,
              first.text.unicodeScalars.first?.properties.isUppercase == true else { return true }
        return unit.isNameLike
    }

    // MARK: Fuzzy

    /// The best fuzzy match of one to three capitalised units starting at `start`, ending
    /// before `limit`. A one-letter word does not start a name (Ukrainian "У", English "A").
    private func fuzzyMatch(at start: Int, limit: Int, _ units: [MatchUnit], _ lang: String?) -> Span? {
        guard options.fuzzy, units[start].isNameLike, units[start].script != .han, units[start].text.count > 1 else { return nil }
        let language = textLanguage(units[start], lang)
        var best: Span?
        var end = start
        while end < min(limit, start + 3) {
            if end > start && (units[end].breakBefore || !units[end].isNameLike || units[end].script == .han) { break }
            end += 1
            let keys = spanKeys(units[start..<end], lang)
            for key in keys {
                guard let (id, score) = bestFuzzyForm(key, language: language, script: units[start].script) else { continue }
                guard score > (best?.score ?? 0) || end > (best?.units.upperBound ?? 0) && score >= (best?.score ?? 0) else { continue }
                best = Span(units: start..<end, forms: [id], method: .fuzzy, score: score)
            }
        }
        guard let best else { return nil }
        // A fuzzy match must not reach an entity that blocks this spelling.
        let blocked = blockedEntities(for: spanKeys(units[best.units], lang))
        return blocked.contains(index.form(best.forms[0]).entry.entity) ? nil : best
    }

    /// The language of a unit: the document's, else guessed from the unit's script, else "und".
    private func textLanguage(_ unit: MatchUnit, _ lang: String?) -> String {
        lang ?? LanguageGuess.fromScript(unit.text) ?? "und"
    }

    /// Adjective and demonym endings: "Russian" is not Russia, "North Korean" not North Korea.
    static let derivedEndings = ["n", "an", "ian", "ese", "i", "ish", "er", "ern"]

    /// Whether `key` is the name `base` plus an adjective or demonym ending.
    static func isDerivedWord(_ key: String, of base: String) -> Bool {
        guard key.count > base.count, key.hasPrefix(base) else { return false }
        return derivedEndings.contains(String(key.dropFirst(base.count)))
    }

    /// The closest form to `key` above the threshold, cached. Keys under four letters get no
    /// fuzzy match: with a large lexicon, short capitalised words ("The", "Mr") would find a
    /// short name one vowel away.
    private func bestFuzzyForm(_ key: String, language: String, script: Script) -> (Int32, Double)? {
        let cacheKey = UnitLabelKey(text: key, lang: language + script.code)
        if let cached = fuzzyCache[cacheKey] { return cached }
        let letters = key.utf8.filter { $0 != UInt8(ascii: " ") }.count
        var best: (form: Int32, score: Double)?
        if letters >= 4 {
            let words = key.split(separator: " ").map { Array($0.utf8) }
            for id in index.fuzzyCandidates(NameKey(key: key, skeleton: NameKeyMaker.skeleton(of: words))) {
                let form = index.form(id)
                let formLetters = form.key.key.utf8.count
                // Each letter of length difference costs at least 0.5: skip forms too long or short to reach the threshold.
                guard 1 - 0.5 * Double(abs(formLetters - letters)) / Double(max(formLetters, letters)) >= options.fuzzyThreshold,
                      form.entry.role != .blocked, form.acceptsKeyMatch(from: script),
                      form.acceptsKeyMatch(inLanguage: language), !Self.isDerivedWord(key, of: form.key.key) else { continue }
                let score = NameSimilarity.score(key, form.key.key)
                if score >= options.fuzzyThreshold, score > best?.score ?? 0 { best = (id, score) }
            }
        }
        if fuzzyCache.count > 200_000 { fuzzyCache.removeAll(keepingCapacity: true) }
        fuzzyCache[cacheKey] = best
        return best
    }

    /// The keys a span may stand for: its words' keys, and for Cyrillic its stems' keys.
    private func spanKeys(_ span: ArraySlice<MatchUnit>, _ lang: String?) -> [String] {
        let plain = span.map { labels($0, lang).key }.joined(separator: " ")
        let stemmed = span.map { labels($0, lang).stemKey ?? labels($0, lang).key }.joined(separator: " ")
        let bare = span.count == 1 ? labels(span[span.startIndex], lang).bareKeys : []
        return ([plain, stemmed] + bare).uniqued()
    }

    private func blockedEntities(for keys: [String]) -> Set<String> {
        var entities = Set<String>()
        for key in keys {
            var node = UnitTrie.root
            for word in key.split(separator: " ") {
                guard let next = index.normalized.child(node, String(word)) else { node = -1; break }
                node = next
            }
            guard node >= 0 else { continue }
            for id in index.normalized.values(at: node) where index.form(id).entry.role == .blocked {
                entities.insert(index.form(id).entry.entity)
            }
        }
        return entities
    }

    // MARK: Labels

    private func labels(_ unit: MatchUnit, _ lang: String?) -> UnitLabels {
        let language = lang ?? LanguageGuess.fromScript(unit.text) ?? "und"
        let cacheKey = UnitLabelKey(text: unit.text, lang: language)
        if let cached = labelCache[cacheKey] { return cached }
        let keys = index.keys
        let bare = [Inflection.koreanBase(unit.text), Inflection.semiticBase(unit.text)].compactMap { $0 }
        let stem = Inflection.slavicStem(unit.text)
        let labels = UnitLabels(
            folded: Folding.caseFold(unit.text),
            key: keys.unitKey(for: unit.text, lang: language),
            bareKeys: bare.map { keys.unitKey(for: $0, lang: language) },
            stemKey: stem.map { keys.unitKey(for: $0, lang: language) }
        )
        if labelCache.count > 200_000 { labelCache.removeAll(keepingCapacity: true) }
        labelCache[cacheKey] = labels
        return labels
    }

    // MARK: Ambiguity

    /// Turns spans into mentions: drops entities whose form is blocked, and settles a span that
    /// fits several entities by the entities the document names unambiguously elsewhere.
    private func settle(_ spans: [Span], _ units: [MatchUnit], _ text: String) -> [Mention] {
        func entities(of span: Span) -> [String] {
            let blocked = Set(span.forms.map(index.form).filter { $0.entry.role == .blocked }.map(\.entry.entity))
            var seen = Set<String>()
            return span.forms.map(index.form).filter { $0.entry.role != .blocked && !blocked.contains($0.entry.entity) }
                .map(\.entry.entity).filter { seen.insert($0).inserted }
        }
        let candidates = spans.map(entities)
        var named = Set<String>()
        for list in candidates where list.count == 1 { named.insert(list[0]) }
        let utf8 = Array(text.utf8)
        var mentions: [Mention] = []
        for (span, entityIDs) in zip(spans, candidates) where !entityIDs.isEmpty {
            let range = units[span.units.lowerBound].range.lowerBound..<units[span.units.upperBound - 1].range.upperBound
            let mentionText = String(decoding: utf8[range], as: UTF8.self)
            var chosen: String? = entityIDs.count == 1 ? entityIDs[0] : nil
            var score = span.score
            if chosen == nil {
                let inContext = entityIDs.filter(named.contains)
                if inContext.count == 1 {
                    chosen = inContext[0]
                    score *= 0.9
                }
            }
            let entity = chosen.flatMap { index.lexicon.entities[$0] }
            mentions.append(Mention(range: range, text: mentionText, entity: chosen, canonical: entity?.canonical,
                                    type: entity?.type, score: score, method: span.method,
                                    candidates: chosen.map { [$0] } ?? entityIDs))
        }
        return mentions
    }
}
