import OnomaText

extension SuggestionMiner {
    func collectVariants(_ mentions: [Mention], _ units: [MatchUnit], _ covered: [Int?], _ initial: Set<Int>,
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
    func isPlausible(_ evidence: Evidence) -> Bool {
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
    static func loose(_ form: String) -> String {
        String(Folding.caseFold(form).unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }

    /// Names the canonicalizer left alone that the resolver still ties to a known entity by
    /// their whole key or a close one (a lone "Kiev" once Kiev is unlisted): variants, keyed
    /// like `variants`.
    func resolveVariants(_ pieces: [Piece]) -> (variants: [String: Evidence], rest: [Piece]) {
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
        return (found, rest)
    }

    /// Whether some word of a name keeps to few other words: a name's words recur with the same
    /// partners ("Emmanuel Macron", "Wall Street"), while common nouns, which German
    /// capitalises, combine with many ("Milliarden Euro", "Millionen Euro", "Millionen Dollar";
    /// "Anfang Juli", "Ende Juli", "Mitte Juli"). Names of one non-Latin word pass.
    func hasNameWord(_ piece: Piece, partners: [String: Int]) -> Bool {
        let words = Self.words(of: piece.surface)
        guard words.count > 1 else { return true }
        return words.contains { !Self.connectors.contains($0) && partners[$0, default: 0] <= 2 }
    }

    /// How many different names each word (lowercased) is part of.
    static func partners(_ pieces: [Piece]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for surface in Set(pieces.map { Folding.caseFold($0.surface) }) {
            for word in Set(words(of: surface)) { counts[word, default: 0] += 1 }
        }
        return counts
    }

    static func words(of surface: String) -> [String] {
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
    func isDerived(_ key: String) -> Bool {
        let singular = key.hasSuffix("s") ? String(key.dropLast()) : key
        for candidate in Set([key, singular]) {
            for ending in Canonicalizer.derivedEndings where candidate.count > ending.count && candidate.hasSuffix(ending) {
                let base = String(candidate.dropLast(ending.count))
                if formKeys.contains(base) || formKeys.contains(base + "e") || formKeys.contains(base + "a") { return true }
            }
        }
        return false
    }

    /// Variant lines grouped by entity (the entity with the most mentions first), each group
    /// after the entity's canonical line marked `known`.
    func variantSuggestions(_ variants: [Evidence]) -> [Suggestion] {
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
}
