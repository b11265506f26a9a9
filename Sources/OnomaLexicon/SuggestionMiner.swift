import OnomaText

/// Mines documents for lexicon additions: (a) unlisted variants of known entities, the
/// mentions the canonicalizer resolves by a close key (Sirsky → Syrskyi) but whose form the
/// entity does not list; (b) new entities, recurring capitalised multi-word names (and
/// capitalised non-Latin words) that no lexicon form covers, grouped by name key and skeleton so
/// that the spellings and scripts of one name make one proposal.
///
///     let miner = try SuggestionMiner(index: index)
///     for document in documents { miner.add(document) }
///     let suggestions = miner.suggestions()
///
/// Sentence-initial capitals and common words are kept out with statistics of the corpus
/// itself: a word seen more often in lowercase than capitalised inside a sentence ("The",
/// "However", German "Die") splits a name, and so does a title ("President"), which votes for
/// the name's type instead (see `TypeGuess`). Words never seen capitalised inside a sentence do
/// not start a name.
public final class SuggestionMiner {
    /// Mining knobs.
    public struct Options: Sendable {
        /// The fewest mentions a new entity needs.
        public var minCount = 3
        /// The fewest mentions a variant needs.
        public var minVariantCount = 1
        /// Language of documents that do not give one (nil: guessed from the script, else "*").
        public var lang: String?

        public init() {}
    }

    public let index: LexiconIndex
    public let options: Options
    /// Documents and UTF-8 bytes read so far.
    public private(set) var documents = 0
    public private(set) var bytes = 0
    private let canonicalizer: Canonicalizer
    private let tokenizer: Tokenizer
    /// "entity TAB case-folded form" of every listed form.
    private let listed: Set<String>
    /// The same with punctuation left out: "US" is not a new variant where "U.S." is listed.
    private let listedLoose: Set<String>
    /// Keys of every lexicon form, to recognise derived words ("North Korean", "Ukrainians").
    private let formKeys: Set<String>
    private let resolver: Resolver
    /// Each entity's canonical line.
    private let canonicalEntries: [String: LexiconEntry]
    private var variants: [String: Evidence] = [:]
    private var runs: [String: Run] = [:]
    private var wordStats: [String: WordStats] = [:]

    /// What was seen of one form.
    private struct Evidence {
        var entity = ""
        var count = 0
        var score = 0.0
        var surfaces: [String: Int] = [:]
        var langs: [String: Int] = [:]
        var examples: [Suggestion.Example] = []
        /// Mentions of one word, and those of them next to another capitalised word (Bruno in
        /// "Bruno Le Maire" is not Brunei).
        var singleWord = 0
        var besideName = 0
        /// Mentions in a document that also names the entity by a listed form or its key.
        var corroborated = 0
    }

    /// A run of capitalised words as written, and what was seen around it.
    private struct Run {
        var words: [String]
        /// What separates each word from the next: " " or a hyphen.
        var gaps: [String]
        var lang: String
        var count = 0
        var votes: [EntityType: Double] = [:]
        var examples: [Suggestion.Example] = []
    }

    private struct WordStats {
        var lowercase = 0
        var capitalisedInside = 0
        /// Times the word was a capitalised name on its own, and inside a longer one.
        var alone = 0
        var inRun = 0
    }

    /// Lowercase words that may sit inside a name ("Bank of England", "Ursula von der Leyen").
    static let connectors: Set<String> = ["of", "de", "del", "della", "di", "da", "do", "dos", "du", "des", "la", "le",
                                          "von", "van", "der", "den", "al", "el", "bin", "ibn", "y"]

    /// German articles, which join a name only after von/van ("Ursula von der Leyen"), never
    /// on their own ("Rückgang der Wertschöpfung").
    static let germanArticles: Set<String> = ["der", "den", "des", "dem", "die", "das"]

    public init(index: LexiconIndex, options: Options = Options()) throws {
        self.index = index
        self.options = options
        canonicalizer = try Canonicalizer(index: index)
        tokenizer = try Tokenizer()
        listed = Set(index.lexicon.entries.map { "\($0.entity)\t\(Folding.caseFold($0.form))" })
        listedLoose = Set(index.lexicon.entries.map { "\($0.entity)\t\(Self.loose($0.form))" })
        formKeys = Set(index.forms.map(\.key.key))
        resolver = Resolver(index: index)
        var canonicalEntries: [String: LexiconEntry] = [:]
        for entry in index.lexicon.entries where entry.role == .canonical && canonicalEntries[entry.entity] == nil {
            canonicalEntries[entry.entity] = entry
        }
        self.canonicalEntries = canonicalEntries
    }

    /// Reads one document.
    public func add(_ document: Document) {
        documents += 1
        bytes += document.text.utf8.count
        let lang = document.lang ?? options.lang
        let tokens = tokenizer.tokenize(document.text)
        let units = MatchUnit.units(in: document.text, tokens: tokens)
        let mentions = canonicalizer.mentions(in: document.text, units: units, lang: lang)
        let initial = Self.sentenceStarts(tokens, document.text)
        let utf8 = Array(document.text.utf8)
        let covered = Self.covered(units, by: mentions)
        collectVariants(mentions, units, covered, initial, document, lang, utf8)
        countWords(units, initial)
        collectRuns(units, covered: covered, initial: initial, document, lang, utf8)
    }

    // MARK: Variants

    private func collectVariants(_ mentions: [Mention], _ units: [MatchUnit], _ covered: [Int?], _ initial: Set<Int>,
                                 _ document: Document, _ lang: String?, _ utf8: [UInt8]) {
        let named = Set(mentions.filter { $0.method != .fuzzy }.compactMap(\.entity))
        var unitIndex = 0
        for (m, mention) in mentions.enumerated() {
            while unitIndex < units.count && covered[unitIndex] != m { unitIndex += 1 }
            var last = unitIndex
            while last + 1 < units.count && covered[last + 1] == m { last += 1 }
            guard let entity = mention.entity else { continue }
            // Fuzzy matches, and whole-key matches (another spelling); not inflected forms.
            guard mention.method == .fuzzy || mention.method == .normalized && mention.score > 0.9 else { continue }
            let folded = Folding.caseFold(mention.text)
            let key = "\(entity)\t\(folded)"
            guard !listed.contains(key), !listedLoose.contains("\(entity)\t\(Self.loose(mention.text))") else { continue }
            var evidence = variants[key] ?? Evidence()
            evidence.entity = entity
            evidence.count += 1
            evidence.score = max(evidence.score, mention.score)
            evidence.surfaces[mention.text, default: 0] += 1
            evidence.langs[formLanguage(mention.text, lang), default: 0] += 1
            if named.contains(entity) { evidence.corroborated += 1 }
            if last == unitIndex && unitIndex < units.count {
                evidence.singleWord += 1
                // A neighbour is part of a name when capitalised, not a title and not a sentence's first word.
                func isNamePart(_ k: Int) -> Bool {
                    Self.isCapitalised(units[k]) && !initial.contains(units[k].range.lowerBound)
                        && !TypeGuess.isTitle(Folding.caseFold(units[k].text))
                }
                let before = unitIndex > 0 && !units[unitIndex].breakBefore && isNamePart(unitIndex - 1)
                let after = last + 1 < units.count && !units[last + 1].breakBefore && isNamePart(last + 1)
                if before || after { evidence.besideName += 1 }
            }
            Self.addExample(&evidence.examples, document.id, mention.range, utf8)
            variants[key] = evidence
        }
    }

    /// Whether a variant is worth proposing: a fuzzy one needs a document that also names the
    /// entity; a single word needs a score of at least 0.9, must mostly stand alone (not be a
    /// first name or part of a longer name) and must not be a common word.
    private func isPlausible(_ evidence: Evidence) -> Bool {
        // A fuzzy match (not the same key) must be backed by a document that names the entity
        // otherwise too: "John Kerry" is not John Kirby, "Albany" not Albania.
        if evidence.score < 0.95 && evidence.corroborated == 0 { return false }
        guard evidence.singleWord > 0 else { return true }
        let surface = Self.mostCommon(evidence.surfaces)
        // All-capital short words are acronyms, which meet country codes and short names by chance.
        let isAcronym = surface.count <= 5 && surface.allSatisfy { $0.isUppercase || !$0.isLetter }
        return evidence.score >= 0.9 && evidence.besideName * 2 < evidence.count && !isCommon(surface.lowercased()) && !isAcronym
    }

    /// A word seen more often lowercase than capitalised inside sentences.
    private func isCommon(_ lowercased: String) -> Bool {
        let stats = wordStats[lowercased] ?? WordStats()
        return stats.lowercase > stats.capitalisedInside
    }

    /// Case-folded letters and digits only.
    private static func loose(_ form: String) -> String {
        String(Folding.caseFold(form).unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }

    /// Names the canonicalizer left alone that the resolver still ties to a known entity by
    /// their whole key or a close one (a lone "Kiev" once Kiev is unlisted): variants.
    private func resolveVariants(_ pieces: [Piece]) -> (variants: [Evidence], rest: [Piece]) {
        var found: [String: Evidence] = [:]
        var rest: [Piece] = []
        for piece in pieces {
            let lang = piece.lang == "*" ? nil : piece.lang
            guard piece.count >= options.minVariantCount,
                  !piece.isLatinWord || !isCommon(piece.surface.lowercased()),
                  let best = resolver.resolve(piece.surface, lang: lang, top: 2).first,
                  best.score >= (piece.isLatinWord ? 0.95 : 0.9), !isDerived(piece.key.key),
                  !piece.isLatinWord || isCloseToCanonical(piece, best.entity) else {
                if !piece.isLatinWord { rest.append(piece) }
                continue
            }
            let folded = Folding.caseFold(piece.surface)
            let key = "\(best.entity)\t\(folded)"
            guard !listed.contains(key), !listedLoose.contains("\(best.entity)\t\(Self.loose(piece.surface))") else { continue }
            var evidence = found[key] ?? variants[key] ?? Evidence()
            evidence.entity = best.entity
            evidence.count += piece.count
            evidence.score = max(evidence.score, best.score)
            evidence.surfaces[piece.surface, default: 0] += piece.count
            evidence.langs[piece.lang, default: 0] += piece.count
            evidence.examples = Array((evidence.examples + piece.examples).prefix(2))
            if piece.isLatinWord { evidence.singleWord += piece.count }
            if best.score >= 0.95 { evidence.corroborated += piece.count }
            found[key] = evidence
        }
        return (Array(found.values), rest)
    }

    /// Whether some word of a name keeps to few other words: a name's words recur with the same
    /// partners ("Emmanuel Macron", "Wall Street"), while common nouns, which German
    /// capitalises, combine with many ("Milliarden Euro", "Millionen Euro", "Millionen Dollar";
    /// "Anfang Juli", "Ende Juli", "Mitte Juli"). Names of one non-Latin word pass.
    private func hasNameWord(_ piece: Piece, partners: [String: Int]) -> Bool {
        let words = Self.words(of: piece.surface)
        guard words.count > 1 else { return true }
        return words.contains { !Self.connectors.contains($0) && partners[$0, default: 0] <= 2 }
    }

    /// How many different names each word (lowercased) is part of.
    private static func partners(_ pieces: [Piece]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for surface in Set(pieces.map { Folding.caseFold($0.surface) }) {
            for word in Set(words(of: surface)) { counts[word, default: 0] += 1 }
        }
        return counts
    }

    private static func words(of surface: String) -> [String] {
        surface.split(whereSeparator: { $0 == " " || $0 == "-" }).map { $0.lowercased() }
    }

    /// Whether a word is within fuzzy reach of the entity's canonical form: the resolver also
    /// ties short words to entities through forms in other scripts and languages ("Ende",
    /// "Art" to India), which a lone capitalised word must not be proposed for.
    private func isCloseToCanonical(_ piece: Piece, _ entity: String) -> Bool {
        guard let canonical = canonicalEntries[entity] else { return false }
        let key = index.keys.key(for: canonical.form, lang: canonical.lang == "*" ? nil : canonical.lang).key
        return NameSimilarity.score(piece.key.key, key) >= canonicalizer.options.fuzzyThreshold
    }

    /// Whether `key` is a lexicon form's key plus a demonym or adjective ending, or a plural of one.
    private func isDerived(_ key: String) -> Bool {
        let singular = key.hasSuffix("s") ? String(key.dropLast()) : key
        for candidate in Set([key, singular]) {
            for ending in Canonicalizer.derivedEndings where candidate.count > ending.count && candidate.hasSuffix(ending) {
                let base = String(candidate.dropLast(ending.count))
                if formKeys.contains(base) || formKeys.contains(base + "e") || formKeys.contains(base + "a") { return true }
            }
        }
        return false
    }

    // MARK: New names

    /// For each unit, the index of the mention covering it.
    private static func covered(_ units: [MatchUnit], by mentions: [Mention]) -> [Int?] {
        var covered = [Int?](repeating: nil, count: units.count)
        var m = 0
        for (i, unit) in units.enumerated() {
            while m < mentions.count && mentions[m].range.upperBound <= unit.range.lowerBound { m += 1 }
            if m < mentions.count && mentions[m].range.lowerBound < unit.range.upperBound { covered[i] = m }
        }
        return covered
    }

    /// UTF-8 offsets of the words that start a sentence: the first word, and words after
    /// . ! ? : ; or a line break (quotes and brackets between do not matter).
    private static func sentenceStarts(_ tokens: [Token], _ text: String) -> Set<Int> {
        var starts = Set<Int>()
        var atStart = true
        var previousEnd = 0
        let utf8 = text.utf8
        for token in tokens {
            if token.range.lowerBound > previousEnd {
                let from = utf8.index(utf8.startIndex, offsetBy: previousEnd)
                if utf8[from..<utf8.index(from, offsetBy: token.range.lowerBound - previousEnd)].contains(UInt8(ascii: "\n")) { atStart = true }
            }
            previousEnd = token.range.upperBound
            switch token.kind {
            case .word, .number:
                if atStart { starts.insert(token.range.lowerBound) }
                atStart = false
            case .punctuation:
                if [".", "!", "?", ":", ";", "…", "。", "！", "？"].contains(token.text) { atStart = true }
            default: break
            }
        }
        return starts
    }

    private static func isCapitalised(_ unit: MatchUnit) -> Bool {
        unit.text.unicodeScalars.first?.properties.isUppercase == true
    }

    private func countWords(_ units: [MatchUnit], _ initial: Set<Int>) {
        for unit in units {
            guard let first = unit.text.unicodeScalars.first, first.properties.isAlphabetic else { continue }
            if first.properties.isLowercase {
                wordStats[unit.text.lowercased(), default: WordStats()].lowercase += 1
            } else if first.properties.isUppercase && !initial.contains(unit.range.lowerBound) {
                wordStats[unit.text.lowercased(), default: WordStats()].capitalisedInside += 1
            }
        }
    }

    private func collectRuns(_ units: [MatchUnit], covered: [Int?], initial: Set<Int>, _ document: Document,
                             _ lang: String?, _ utf8: [UInt8]) {
        func joined(_ j: Int) -> Bool { units[j - 1].range.upperBound < units[j].range.lowerBound && gap(j) != " " }
        func gap(_ j: Int) -> String {
            let text = String(decoding: utf8[units[j - 1].range.upperBound..<units[j].range.lowerBound], as: UTF8.self)
            return text.allSatisfy(\.isWhitespace) ? " " : text
        }
        // The capitalised word after one or more connectors starting at `j` ("von der Leyen").
        func capitalisedAfterConnectors(_ j: Int) -> Int? {
            var k = j
            while k < units.count, k - j < 3, !units[k].breakBefore, Self.connectors.contains(units[k].text) { k += 1 }
            guard k > j, k < units.count, !units[k].breakBefore, covered[k] == nil, Self.isCapitalised(units[k]),
                  !(lang.map(LanguageTag.primary) == "de" && Self.germanArticles.contains(units[j].text)) else { return nil }
            return k
        }
        var i = 0
        while i < units.count {
            guard covered[i] == nil, Self.isCapitalised(units[i]) else { i += 1; continue }
            var end = i + 1
            var j = i + 1
            while j < units.count, j - i < 8, !units[j].breakBefore, covered[j] == nil {
                if Self.isCapitalised(units[j]) || joined(j) && units[j].script == units[j - 1].script {
                    j += 1
                    end = j
                } else if let next = capitalisedAfterConnectors(j) {
                    j = next
                } else {
                    break
                }
            }
            for unit in units[i..<end] where Self.isCapitalised(unit) {
                if end > i + 1 { wordStats[unit.text.lowercased(), default: WordStats()].inRun += 1 }
                else if !initial.contains(unit.range.lowerBound) { wordStats[unit.text.lowercased(), default: WordStats()].alone += 1 }
            }
            if end > i + 1 || !initial.contains(units[i].range.lowerBound) {
                let words = units[i..<end].map(\.text)
                let gaps = (i + 1..<end).map(gap)
                var surface = words[0]
                for (word, separator) in zip(words.dropFirst(), gaps) { surface += separator + word }
                let language = formLanguage(surface, lang)
                let key = surface + "\t" + language
                var run = runs[key] ?? Run(words: words, gaps: gaps, lang: language)
                run.count += 1
                for position in [i - 2, i - 1, end] where position >= 0 && position < units.count {
                    if let vote = TypeGuess.vote(forContext: Folding.caseFold(units[position].text)) {
                        run.votes[vote.type, default: 0] += vote.weight
                    }
                }
                Self.addExample(&run.examples, document.id, units[i].range.lowerBound..<units[end - 1].range.upperBound, utf8)
                runs[key] = run
            }
            i = end
        }
    }

    private func formLanguage(_ text: String, _ lang: String?) -> String {
        lang ?? LanguageGuess.fromScript(text) ?? "*"
    }

    // MARK: Results

    /// The suggestions so far: variants by count, then new entities by count, each entity's
    /// canonical form first.
    public func suggestions() -> [Suggestion] {
        let (resolved, pieces) = resolveVariants(namePieces())
        let partners = Self.partners(pieces)
        var all = variants
        for evidence in resolved { all["\(evidence.entity)\t\(Folding.caseFold(Self.mostCommon(evidence.surfaces)))"] = evidence }
        return variantSuggestions(all.values.filter(isPlausible))
            + newEntitySuggestions(pieces.filter { !isDerived($0.key.key) && hasNameWord($0, partners: partners) })
    }

    /// Variant lines grouped by entity (the entity with the most mentions first), each group
    /// after the entity's canonical line marked `known`.
    private func variantSuggestions(_ variants: [Evidence]) -> [Suggestion] {
        var byEntity: [String: [Evidence]] = [:]
        for evidence in variants where evidence.count >= options.minVariantCount { byEntity[evidence.entity, default: []].append(evidence) }
        let total = { (group: [Evidence]) in group.reduce(0) { $0 + $1.count } }
        return byEntity.sorted { (total($1.value), $0.key) < (total($0.value), $1.key) }.flatMap { id, group -> [Suggestion] in
            guard let entity = index.lexicon.entities[id], let canonical = canonicalEntries[id] else { return [] }
            let base = Suggestion.fingerprint(entity: entity.id, type: entity.type, canonical: entity.canonical)
            var plain = canonical
            plain.extra = []
            let known = Suggestion(entry: plain, status: .known, count: 0, score: 1, base: base, note: "known \(entity.type.rawValue)")
            let lines = group.map { evidence in
                Suggestion(entry: LexiconEntry(entity: id, type: entity.type, lang: Self.mostCommon(evidence.langs),
                                               form: Self.mostCommon(evidence.surfaces), role: .alias),
                           count: evidence.count, score: evidence.score, base: base, examples: evidence.examples,
                           note: "variant of \(entity.canonical)")
            }
            return [known] + lines.sorted { ($1.count, $0.entry.form) < ($0.count, $1.entry.form) }
        }
    }

    /// One form of a proposed entity.
    private struct Piece {
        var surface: String
        var lang: String
        var count: Int
        var votes: [EntityType: Double]
        var examples: [Suggestion.Example]
        var key: NameKey
        /// The key with Slavic case endings taken off: inflected forms share it.
        var stemKey: String
        /// A single Latin word: a variant candidate only, never a new entity.
        var isLatinWord: Bool

        /// Whether the form has Slavic case endings (Cyrillic): its inflections make one form.
        var isInflected: Bool { surface.unicodeScalars.contains { Script.of($0) == .cyrillic } }
    }

    private func newEntitySuggestions(_ pieces: [Piece]) -> [Suggestion] {
        // Group: the same stem key, or the same skeleton and a similar key.
        var groups = UnionFind(count: pieces.count)
        var byStem: [String: Int] = [:]
        var bySkeleton: [String: [Int]] = [:]
        for (i, piece) in pieces.enumerated() {
            if let other = byStem[piece.stemKey] { groups.union(i, other) } else { byStem[piece.stemKey] = i }
            bySkeleton[piece.key.skeleton, default: []].append(i)
        }
        for (_, members) in bySkeleton where members.count > 1 && members.count <= 200 {
            for (n, a) in members.enumerated() {
                for b in members[(n + 1)...] where groups.find(a) != groups.find(b) {
                    if NameSimilarity.score(pieces[a].stemKey, pieces[b].stemKey) >= canonicalizer.options.fuzzyThreshold {
                        groups.union(a, b)
                    }
                }
            }
        }
        var members: [Int: [Int]] = [:]
        for i in pieces.indices { members[groups.find(i), default: []].append(i) }
        var usedIDs = Set(index.lexicon.entities.keys)
        // First words of names a title marks as people ("Michael", "Jean") mark other names as people.
        var givenNames = Set<String>()
        for piece in pieces where TypeGuess.decide(piece.votes) == .person {
            let words = Self.words(of: piece.surface)
            if (2...3).contains(words.count) { givenNames.insert(words[0]) }
        }
        return members.values
            .map { group in group.map { pieces[$0] } }
            .filter { $0.reduce(0) { $0 + $1.count } >= options.minCount }
            .sorted { a, b in
                let (x, y) = (a.reduce(0) { $0 + $1.count }, b.reduce(0) { $0 + $1.count })
                return x != y ? x > y : a.map(\.surface).min()! < b.map(\.surface).min()!
            }
            .flatMap { proposal(for: $0, givenNames: givenNames, usedIDs: &usedIDs) }
    }

    /// The lines of one proposed entity: its canonical form, then its other forms.
    private func proposal(for group: [Piece], givenNames: Set<String>, usedIDs: inout Set<String>) -> [Suggestion] {
        // One line per spelling; Cyrillic spellings by stem: the commonest stands for its inflections.
        var forms: [String: Piece] = [:]
        for piece in group {
            let formKey = piece.isInflected ? piece.stemKey : Folding.caseFold(piece.surface)
            guard var form = forms[formKey] else { forms[formKey] = piece; continue }
            let best = piece.count > form.count ? piece : form
            form.surface = best.surface
            form.lang = best.lang
            form.count += piece.count
            form.examples = Array((form.examples + piece.examples).prefix(2))
            form.votes.merge(piece.votes, uniquingKeysWith: +)
            forms[formKey] = form
        }
        let ordered = forms.values.sorted { ($1.count, $0.surface) < ($0.count, $1.surface) }
        let canonical = ordered.first { $0.surface.unicodeScalars.contains { Script.of($0) == .latin } } ?? ordered[0]
        let total = group.reduce(0) { $0 + $1.count }
        var votes: [EntityType: Double] = [:]
        for form in ordered { votes.merge(form.votes, uniquingKeysWith: +) }
        // The head is the last word, or the word before a connector ("University of Michigan").
        let parts = canonical.surface.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        let headWord = parts.firstIndex { Self.connectors.contains($0) }.flatMap { $0 > 0 ? parts[$0 - 1] : nil } ?? parts.last
        if let headWord, let head = TypeGuess.vote(forHead: headWord) {
            votes[head.type, default: 0] += head.weight * Double(total)
        }
        var type = TypeGuess.decide(votes)
        let words = Self.words(of: canonical.surface)
        if type == .other, (2...3).contains(words.count), givenNames.contains(words[0]) { type = .person }
        let slug = canonical.key.key.replacingOccurrences(of: " ", with: "-")
        var id = "onoma:new:\(slug)"
        var suffix = 2
        while usedIDs.contains(id) {
            id = "onoma:new:\(slug)-\(suffix)"
            suffix += 1
        }
        usedIDs.insert(id)
        let base = Suggestion.fingerprint(entity: id, type: type, canonical: canonical.surface)
        let note = "new \(type.rawValue) \(canonical.surface): \(ordered.count) forms, \(total) mentions"
        return ([canonical] + ordered.filter { $0.surface != canonical.surface }).map { form in
            let role: FormRole = form.surface == canonical.surface ? .canonical : .alias
            return Suggestion(entry: LexiconEntry(entity: id, type: type, lang: form.lang, form: form.surface, role: role),
                              count: form.count, score: Double(form.count) / Double(total), base: base,
                              examples: form.examples, note: note)
        }
    }

    /// The runs cut at common words and titles into names of two or more words (one, for
    /// non-Latin scripts), with their keys.
    private func namePieces() -> [Piece] {
        var merged: [String: Piece] = [:]
        for run in runs.values {
            var start = 0
            var titleVotes: Double = 0
            func emit(_ end: Int) {
                var range = start..<end
                while range.count > 0 && Self.connectors.contains(run.words[range.lowerBound]) { range = range.dropFirst() }
                while range.count > 0 && Self.connectors.contains(run.words[range.upperBound - 1]) { range = range.dropLast() }
                guard range.count >= 1 else { return }
                let isLatinWord = range.count == 1 && run.words[range.lowerBound].unicodeScalars.contains { Script.of($0) == .latin }
                var surface = run.words[range.lowerBound]
                for k in range.dropFirst() { surface += run.gaps[k - 1] + run.words[k] }
                let key = surface + "\t" + run.lang
                var votes = run.votes
                if titleVotes > 0 { votes[.person, default: 0] += titleVotes }
                if var piece = merged[key] {
                    piece.count += run.count
                    piece.votes.merge(votes, uniquingKeysWith: +)
                    piece.examples = Array((piece.examples + run.examples).prefix(2))
                    merged[key] = piece
                    return
                }
                let lang = run.lang == "*" ? nil : run.lang
                let stemmed = run.words[range].map { Inflection.slavicStem($0) ?? $0 }.joined(separator: " ")
                merged[key] = Piece(surface: surface, lang: run.lang, count: run.count, votes: votes, examples: run.examples,
                                    key: index.keys.key(for: surface, lang: lang),
                                    stemKey: index.keys.key(for: stemmed, lang: lang).key, isLatinWord: isLatinWord)
            }
            for (k, word) in run.words.enumerated() {
                let lower = word.lowercased()
                let isTitle = TypeGuess.isTitle(Folding.caseFold(word))
                let stats = wordStats[lower] ?? WordStats()
                // A word more often lowercase than capitalised inside sentences is a common word;
                // a first word never capitalised inside a sentence is a sentence's first word.
                let common = !Self.connectors.contains(word)
                    && (stats.lowercase > stats.capitalisedInside || k == 0 && stats.capitalisedInside == 0)
                guard isTitle || common else { continue }
                emit(k)
                start = k + 1
                titleVotes = isTitle ? Double(run.count) : 0
            }
            emit(run.words.count)
        }
        return Array(merged.values)
    }

    // MARK: Helpers

    private static func mostCommon(_ counts: [String: Int]) -> String {
        counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
    }

    /// Adds the sentence around `range` as an example, at most two, from different documents.
    private static func addExample(_ examples: inout [Suggestion.Example], _ document: String, _ range: Range<Int>, _ utf8: [UInt8]) {
        guard examples.count < 2, !examples.contains(where: { $0.document == document }) else { return }
        examples.append(Suggestion.Example(document: document, sentence: sentence(around: range, utf8)))
    }

    /// The sentence around a byte range: back to the previous line break or sentence end, on
    /// to the next, at most 150 bytes each way (cut at a character boundary).
    static func sentence(around range: Range<Int>, _ utf8: [UInt8]) -> String {
        func isEnd(_ i: Int) -> Bool {
            utf8[i] == UInt8(ascii: "\n") || (utf8[i] == UInt8(ascii: ".") || utf8[i] == UInt8(ascii: "!") || utf8[i] == UInt8(ascii: "?"))
                && i + 1 < utf8.count && utf8[i + 1] == UInt8(ascii: " ")
        }
        var start = range.lowerBound
        while start > 0 && range.lowerBound - start < 150 && !isEnd(start - 1) { start -= 1 }
        var end = range.upperBound
        while end < utf8.count && end - range.upperBound < 150 && utf8[end] != UInt8(ascii: "\n") {
            end += 1
            if isEnd(end - 1) { break }
        }
        while start < range.lowerBound && utf8[start] & 0xC0 == 0x80 { start += 1 }
        while end > range.upperBound && end < utf8.count && utf8[end] & 0xC0 == 0x80 { end -= 1 }
        let text = String(decoding: utf8[start..<end], as: UTF8.self)
        return String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
