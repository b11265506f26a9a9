import OnomaText

/// Looks up the lexicon entities a name may refer to, best first.
///
///     let resolver = Resolver(index: index)
///     resolver.resolve("Сирський", lang: "uk")
///     // [Candidate(entity: "onoma:oleksandr-syrskyi", canonical: "Oleksandr Syrskyi", score: 1, method: .exact)]
public struct Resolver: Sendable {
    /// One entity a name may refer to.
    public struct Candidate: Hashable, Sendable {
        public let entity: String
        public let canonical: String
        public let score: Double
        public let method: NameMatch.Method
    }

    public let index: LexiconIndex
    public let threshold: Double
    private let match: NameMatch
    private let crossScript: CrossScriptIndex
    /// By entity ordinal: whether the entity has a Latin-script form (not blocked).
    private let hasLatinForm: [Bool]

    /// The posterior probability from which a cross-script candidate scored by a letter model
    /// counts: more likely this person than anyone else, the lexicon's others included.
    public static let crossScriptAcceptance = 0.5
    /// The posterior from which a Latin-script form with the same name key as a name in another
    /// script is a candidate: key and model agreeing pass below `crossScriptAcceptance`. On the
    /// Wikidata pairs (scripts/names/evaluate.py) this takes Russian from 0.629 to 0.671, Arabic
    /// from 0.371 to 0.386 and Japanese from 0.398 to 0.416 accuracy@1, for 0.1 to 0.2 points
    /// more false accepts (1.3%, 1.5%, 2.1%).
    public static let keyAgreementAcceptance = 0.4
    /// The score of a Chinese name written in Korean against a form spelling its Mandarin
    /// reading: below a Korean reading's 0.95 (박승 is Park Seung before Fu Sheng).
    public static let mandarinReadingScore = 0.9
    /// The score of a form matched by the Slavic stems of an inflected name (Зеленського):
    /// the canonicalizer's for the same match.
    public static let inflectedScore = 0.9

    public init(index: LexiconIndex, threshold: Double = NameMatch.defaultThreshold) {
        self.index = index
        self.threshold = threshold
        match = NameMatch(keys: index.keys, use: .lexicon)
        crossScript = CrossScriptIndex(lexicon: index.lexicon)
        var hasLatinForm = [Bool](repeating: false, count: index.entityIDs.count)
        for traits in index.traits where traits.script == .latin && traits.role != .blocked {
            hasLatinForm[Int(traits.entity)] = true
        }
        self.hasLatinForm = hasLatinForm
    }

    /// Up to `top` entities whose forms score at least the threshold against `name`, best
    /// first; ties go to the entity listed first. Forms blocked for an entity exclude it.
    /// `lang` nil guesses from the script.
    ///
    /// A name in a script with a `LetterModel` (Cyrillic, Arabic, Hebrew, Hangul, kana, Han) is
    /// compared with the lexicon's Latin-script forms by that model instead of by keys (forms
    /// in its own script still match by key): its score is the posterior probability that the
    /// candidate is the person named, which passes at `crossScriptAcceptance`, or at
    /// `keyAgreementAcceptance` with score 0.95 for a form whose key equals the name's (a Han
    /// name passes at 0.95 without the model against a form of two words or more that spells
    /// its pinyin, 李强, Li Qiang; so does a Korean name against such a form spelling one of its
    /// romanisations, 김우빈, Kim Woo-bin). A name
    /// whose transliteration stands for several English names (`NameAmbiguity`) needs a
    /// clearer lead to pass. A Latin-script name is scored against an entity's forms in other
    /// scripts (by a letter model or key similarity) only when the entity has no Latin-script
    /// form; with `lang` given, a one-word Latin-script name matches Latin-script forms by key
    /// or fuzzily only in that language, English or "*"; and fuzzily only as an inflection or
    /// typing error of them (`LatinVariant`).
    ///
    /// - Complexity: O(k·m·n) for the k forms sharing the name's skeleton.
    public func resolve(_ name: String, lang: String?, top: Int = 5) -> [Candidate] {
        explain(name, lang: lang, top: top).candidates
    }

    /// `resolve`'s candidates, and the evidence of the letter model that scored the name (nil
    /// when no model reads its script).
    public func explain(_ name: String, lang: String?, top: Int = 5) -> (candidates: [Candidate], evidence: Evidence?) {
        let key = index.keys.key(for: name, lang: lang)
        guard !key.key.isEmpty else { return ([], nil) }
        var best: [String: Candidate] = [:]
        var blocked = Set<String>()
        let modelled = crossScript.scores(for: name, lang: lang)
        func add(_ entityID: String, _ score: Double, _ method: NameMatch.Method) {
            guard score > (best[entityID]?.score ?? -1), let entity = index.lexicon.entities[entityID] else { return }
            best[entityID] = Candidate(entity: entityID, canonical: entity.canonical, score: score, method: method)
        }
        var posteriors: [String: Double] = [:]
        if let (calibration, scores) = modelled {
            let entities = Array(scores.keys)
            posteriors = Dictionary(uniqueKeysWithValues: zip(entities, calibration.posteriors(entities.map { scores[$0]! })))
        }
        var keyAgreeing = Set<String>()
        // A Korean person's name in one of its romanisations (김우빈, Kim Woo-bin) needs no
        // model either (`KoreanNameReading`); a Chinese name written in Korean and spelled in
        // its Mandarin reading (장헌충, Zhang Xianzhong) needs the model to count the form among
        // its competitors, and passes below a Korean reading.
        // `spelled`: the score each reading gives its entity.
        let readings = crossScript.readingMatches(for: name, lang: lang)
        var spelled = Dictionary(uniqueKeysWithValues: readings.korean.map { ($0, 0.95) })
        for entity in readings.mandarin where spelled[entity] == nil && modelled?.scores[entity] != nil {
            spelled[entity] = Self.mandarinReadingScore
        }
        // A Chinese person's name is romanised as its characters' Mandarin reading: for a name
        // in Han script, a form of two words or more that spells that reading (spaces aside:
        // 习近平 xi jin ping, Xi Jinping) is a candidate whatever the model, which learned
        // foreign names, says. A one-word form needs the model's agreement, as in other
        // scripts: short foreign names meet pinyin by chance (米兰 mi lan, Milan).
        let pinyin = CrossScriptIndex.model(for: name, lang: lang)?.model.language == "zh" ? key.unspaced : nil
        let folded = Folding.caseFold(name)
        let isLatinName = modelled == nil && CrossScriptIndex.isLatin(name)
        // With a language given, a one-word Latin-script name matches Latin-script spelling
        // variants (by key or fuzzily) only among the forms of that language, English and "*",
        // as the canonicalizer does: German "Willen" and "Hand" are not another language's names
        // of Portugal and India. A longer name, all of whose words must agree, may take a
        // neighbouring language's form (German "Tschechische Republik", Luxembourgish
        // "Tschechesch Republik").
        let primary = lang.flatMap { $0 == "*" ? nil : LanguageTag.primary($0) }
        let endings = isLatinName ? LatinVariant.Endings.of(language: primary) : nil
        let variantLanguage = key.key.contains(" ") ? nil : primary.map(index.languageID)
        for id in candidateForms(key, folded: folded, endings: endings) {
            let form = index.form(id)
            if modelled != nil, form.entry.role != .blocked, index.traits[Int(id)].script == .latin {
                // The letter model scores these below; here only the spelling as listed and the same key count.
                if Folding.caseFold(form.entry.form) == folded, 1 >= threshold { add(form.entry.entity, 1, .exact) }
                else if let pinyin, form.key.key.contains(" "), form.key.unspaced == pinyin {
                    spelled[form.entry.entity] = 0.95
                } else if form.key.key == key.key {
                    keyAgreeing.insert(form.entry.entity)
                    if 0.95 >= threshold, posteriors[form.entry.entity] ?? 0 >= Self.keyAgreementAcceptance { add(form.entry.entity, 0.95, .normalized) }
                }
                continue
            }
            let formLang = form.entry.lang == "*" ? nil : form.entry.lang
            var (score, method) = match.compare(name, lang: lang, form.entry.form, lang: formLang)
            if form.entry.role == .blocked {
                if score >= 0.95 { blocked.insert(form.entry.entity) }
                continue
            }
            // A Latin-script name reaches an entity with Latin-script forms through those forms;
            // its forms in other scripts count only as written or with the same key, and in an
            // abjad only as written. A fuzzy score against them lets common words through:
            // German "U-Bahn" scored 0.999 against Kashmiri بِنِن (Benin), whose three consonants
            // fit many words; and an abjad key has few vowels to disagree ("Andr" is the key of
            // Arabic أندورا, Andorra).
            let traits = index.traits[Int(id)]
            if isLatinName, method == .fuzzy || method == .normalized && (traits.script == .arabic || traits.script == .hebrew),
               traits.script != .latin, hasLatinForm[Int(traits.entity)] {
                continue
            }
            if isLatinName, method != .exact, let variantLanguage, traits.script == .latin,
               !traits.acceptsKeyMatch(inLanguage: variantLanguage) {
                continue
            }
            // Between Latin-script spellings, only inflections (scored as Slavic case forms are)
            // and typing errors, and no demonyms ("Russian"), as in canon.
            if let endings, method == .fuzzy, traits.script == .latin {
                guard !Canonicalizer.isDerivedWord(key.key, of: form.key.key),
                      let relation = LatinVariant.relation(of: key.key, to: form.key.key, endings: endings) else { continue }
                if relation == .inflection { score = max(score, Self.inflectedScore) }
            }
            if score >= threshold { add(form.entry.entity, score, method) }
        }
        for (entity, posterior) in posteriors where posterior >= Self.crossScriptAcceptance {
            add(entity, posterior, .fuzzy)
        }
        for (entity, score) in spelled where score >= threshold { add(entity, score, .normalized) }
        // An inflected Slavic name scores as the canonicalizer scores its stem match (its forms
        // are looked up only when that score passes the threshold).
        if Self.inflectedScore >= threshold {
            for id in index.inflectedForms(of: name, lang: lang) {
                let entry = index.form(id).entry
                if entry.role == .blocked { blocked.insert(entry.entity) } else { add(entry.entity, Self.inflectedScore, .normalized) }
            }
        }
        let rank = index.entityOrdinals
        let candidates = best.values.filter { !blocked.contains($0.entity) }
            .sorted { ($0.score, rank[$1.entity] ?? 0) > ($1.score, rank[$0.entity] ?? 0) }
            .prefix(top).map { $0 }
        let evidence = modelled.map { calibration, scores in
            Evidence(model: calibration.name, beta: calibration.beta, background: calibration.background,
                     spellings: calibration.spellings,
                     scored: scores.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.compactMap { entity, raw in
                         index.lexicon.entities[entity].map {
                             Evidence.Scored(entity: entity, canonical: $0.canonical, raw: raw, posterior: posteriors[entity] ?? 0,
                                             keyAgrees: keyAgreeing.contains(entity), spelled: spelled[entity] != nil)
                         }
                     })
        }
        return (candidates, evidence)
    }

    /// The forms to score: those listed under the name's folded text or key, those sharing its
    /// skeleton, and for a Latin-script name those of its key without an ending.
    private func candidateForms(_ key: NameKey, folded: String, endings: LatinVariant.Endings?) -> [Int32] {
        var ids = Set(index.fuzzyCandidates(key))
        ids.formUnion(index.normalizedForms(ofKey: key.key))
        ids.formUnion(index.exactForms(ofFolded: folded))
        for lemma in endings.map({ LatinVariant.lemmaKeys(of: key.key, endings: $0) }) ?? [] {
            ids.formUnion(index.normalizedForms(ofKey: lemma))
        }
        return ids.sorted()
    }
}
