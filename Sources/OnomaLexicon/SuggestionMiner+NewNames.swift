import OnomaText

extension SuggestionMiner {
    /// For each unit, the index of the mention covering it.
    static func covered(_ units: [MatchUnit], by mentions: [Mention]) -> [Int?] {
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
    static func sentenceStarts(_ tokens: [Token], _ text: String) -> Set<Int> {
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

    static func isCapitalised(_ unit: MatchUnit) -> Bool {
        unit.text.unicodeScalars.first?.properties.isUppercase == true
    }

    func countWords(_ units: [MatchUnit], _ initial: Set<Int>) {
        for unit in units {
            guard let first = unit.text.unicodeScalars.first, first.properties.isAlphabetic else { continue }
            if first.properties.isLowercase {
                wordStats[unit.text.lowercased(), default: WordStats()].lowercase += 1
            } else if first.properties.isUppercase && !initial.contains(unit.range.lowerBound) {
                wordStats[unit.text.lowercased(), default: WordStats()].capitalisedInside += 1
            }
        }
    }

    func collectRuns(_ units: [MatchUnit], covered: [Int?], initial: Set<Int>, _ document: Document,
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

    func formLanguage(_ text: String, _ lang: String?) -> String {
        lang ?? LanguageGuess.fromScript(text) ?? "*"
    }

    /// One form of a proposed entity.
    struct Piece {
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

    func newEntitySuggestions(_ pieces: [Piece]) -> [Suggestion] {
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
        joinAcrossScripts(pieces, &groups)
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
            .map { indices -> (pieces: [Piece], total: Int, firstSurface: String) in
                let group = indices.map { pieces[$0] }
                return (group, group.reduce(0) { $0 + $1.count }, group.map(\.surface).min()!)
            }
            .filter { $0.total >= options.minCount }
            .sorted { a, b in a.total != b.total ? a.total > b.total : a.firstSurface < b.firstSurface }
            .flatMap { proposal(for: $0.pieces, total: $0.total, givenNames: givenNames, usedIDs: &usedIDs) }
    }

    /// Joins each name in a script that a letter model reads to the Latin-script name it
    /// transliterates best, when the model's calibrated score passes `NameMatch`'s threshold
    /// ("올렉산드르 시르스키" to "Oleksandr Syrskyi").
    private func joinAcrossScripts(_ pieces: [Piece], _ groups: inout UnionFind) {
        let latin = pieces.indices.filter { CrossScriptIndex.isLatin(pieces[$0].surface) }
        guard !latin.isEmpty else { return }
        let forms = Lexicon(entries: latin.map {
            LexiconEntry(entity: String($0), type: .other, lang: pieces[$0].lang, form: pieces[$0].surface, role: .canonical)
        })
        let crossScript = CrossScriptIndex(lexicon: forms)
        for (i, piece) in pieces.enumerated() where !CrossScriptIndex.isLatin(piece.surface) {
            guard let (calibration, scores) = crossScript.scores(for: piece.surface, lang: piece.lang == "*" ? nil : piece.lang),
                  let best = scores.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
                  calibration.calibrated(best.value, at: NameMatch.defaultThreshold, for: .lexicon) >= NameMatch.defaultThreshold,
                  let other = Int(best.key) else { continue }
            groups.union(i, other)
        }
    }

    /// The lines of one proposed entity (`total` mentions): its canonical form, then its other forms.
    private func proposal(for group: [Piece], total: Int, givenNames: Set<String>, usedIDs: inout Set<String>) -> [Suggestion] {
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
        var id = Self.newEntityPrefix + slug
        var suffix = 2
        while usedIDs.contains(id) {
            id = "\(Self.newEntityPrefix)\(slug)-\(suffix)"
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
    func namePieces() -> [Piece] {
        var merged: [String: Piece] = [:]
        let uncased = Set(runs.values.filter { !$0.cased }.map { $0.lang + "\t" + $0.words.joined(separator: "\u{1}") })
        // In key order, so that merged examples, and so the output, are the same on every run.
        for (_, run) in runs.sorted(by: { $0.key < $1.key }) {
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
                let stemmed = run.cased ? run.words[range].map { Inflection.slavicStem($0) ?? $0 }.joined(separator: " ") : surface
                let nameKey = index.keys.key(for: surface, lang: lang)
                merged[key] = Piece(surface: surface, lang: run.lang, count: run.count, votes: votes, examples: run.examples,
                                    key: nameKey, stemKey: stemmed == surface ? nameKey.key : index.keys.key(for: stemmed, lang: lang).key,
                                    isLatinWord: isLatinWord)
            }
            if !run.cased {
                // A span found without capitals may run on into the next word ("סירסקי ביקר",
                // "... visited"): the longest shorter span found on its own is the name.
                let known = (1..<run.words.count).last { uncased.contains(run.lang + "\t" + run.words[..<$0].joined(separator: "\u{1}")) }
                emit(known ?? run.words.count)
                continue
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
        return merged.sorted { $0.key < $1.key }.map(\.value)
    }
}
