import OnomaText
import Synchronization

/// Finds the lexicon's Latin-script names a name in another script may be a spelling of: the
/// candidates share a consonant-skeleton key with the query (or with its cheapest English
/// rendering), and each is scored by the `LetterModel` of the query's script; regnal numbers
/// (Clement V, 클레멘스 5세) are compared as numbers (`RegnalNumber`), not as letters.
///
/// The index over the lexicon is built on the first query that needs it.
final class CrossScriptIndex: Sendable {
    /// A Latin-script lexicon form, as the model reads it.
    private struct Name {
        let entity: String
        /// The framed letter codes of each word order tried (as written, reversed, last first),
        /// and for a one-word query also of each word alone (Trump for Donald Trump).
        let orders: [[UInt8]], words: [[UInt8]]
        /// The regnal number its letters leave out (`RegnalNumber`).
        let number: Int?

        /// The spellings a query of `wordCount` words is compared with.
        func variants(wordCount: Int) -> [[UInt8]] {
            wordCount == 1 ? orders + words : orders
        }
    }

    private struct Built {
        let names: [Name]
        /// Each blocking key's bucket (keys hashed, see `addKeys`), and the names in each bucket.
        let buckets: IntegerTable
        let blocks: FlatBuckets

        /// The names that have blocking key `key`.
        func names(withKey key: UInt64) -> ArraySlice<Int32> {
            buckets[key].map { blocks[Int($0)] } ?? []
        }
    }

    private let lexicon: Lexicon
    private let built = Mutex<Built?>(nil)

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// The model that reads `name` and the language to transliterate it as, or nil when `name`
    /// is in Latin script or in a script without a model.
    static func model(for name: String, lang: String?) -> (model: LetterModel, language: String)? {
        guard let (script, kana) = LanguageGuess.mainScript(of: name) else { return nil }
        let given = lang.flatMap { $0 == "*" ? nil : LanguageTag.primary($0) }
        let family: String
        switch script {
        case .cyrillic: family = "ru"
        case .arabic: family = "ar"
        case .hebrew: family = "he"
        case .hangul: family = "ko"
        case .hiragana, .katakana: family = "ja"
        case .han: family = kana > 0 || given == "ja" ? "ja" : "zh"
        default: return nil
        }
        guard let model = LetterModel.model(for: family) else { return nil }
        return (model, given ?? LanguageGuess.fromScript(name) ?? family)
    }

    /// How many of the best-matching spellings (by likelihood ratio) compete in the posterior,
    /// as in the data the posterior was fitted on.
    private static let competitors = 10

    /// A name prepared for scoring against Latin-script names.
    private struct Query {
        let calibration: ModelCalibration
        /// The folded words of its transliteration (a one-word query is also compared with the
        /// single words of multi-word names).
        let words: [String]
        /// What blocking looks up: the folded transliteration and the model's English rendering.
        let strings: [String]
        /// The regnal number its letters leave out (`RegnalNumber`).
        let number: Int?
        /// Whether its script writes English names as British English sounds them, without an
        /// r before a consonant or at the end (Starmer: 스타머, スターマー, 斯塔默).
        let readsNonRhotic: Bool
        /// The likelihood ratio and raw score against a framed English spelling, with a further
        /// log-likelihood ratio added (the regnal numbers' evidence).
        let score: ([UInt8], Double) -> (ratio: Double, raw: Double)
    }

    /// `name` without a leading title (`LeadingTitle`) or patronymic (`Patronymic`) and with its
    /// regnal number apart (`RegnalNumber`), prepared for the model of its script: the Han
    /// character model for Chinese, else the letter model; nil when no model reads the script,
    /// no words when there is nothing to score (no letters, or text too long to be a name).
    private static func query(_ name: String, lang: String?) -> Query? {
        guard let (model, language) = model(for: name, lang: lang) else { return nil }
        let untitled = LeadingTitle.strip(name) ?? name
        let named = Patronymic.strip(untitled) ?? untitled
        let regnal = RegnalNumber.query(named)
        let text = regnal?.name ?? named
        let latin = Transliterator.toLatin(lang: language, ascii: false).transliterateToken(text)
        let words = LetterFold.words(latin, lang: language)
        let source = String(words.joined().unicodeScalars.filter { ("a"..."z").contains($0) || $0 == "'" })
        let framed = LetterModel.framed(source)
        guard framed.count > 2, framed.count <= maximumLetters else {
            return Query(calibration: model.calibration, words: [], strings: [], number: nil, readsNonRhotic: false,
                         score: { _, _ in (-.infinity, -.infinity) })
        }
        let nonRhotic = nonRhoticLanguages.contains(model.language)
        let han = text.unicodeScalars.filter(HanModel.isHan).map(Character.init)
        if model.language == "zh", !han.isEmpty, let hanModel = HanModel.shared {
            let query = hanModel.query(han)
            return Query(calibration: hanModel.calibration.facing(source: source), words: words,
                         strings: [source, hanModel.rendering(han)], number: regnal?.number, readsNonRhotic: nonRhotic) { english, evidence in
                hanModel.score(query, english: english.dropFirst().dropLast().map { $0 + UInt8(ascii: "a") - 1 }, evidence: evidence)
            }
        }
        return Query(calibration: model.calibration.facing(source: source), words: words, strings: [source, model.rendering(framed)],
                     number: regnal?.number, readsNonRhotic: nonRhotic) { english, evidence in
            model.score(query: framed, english: english, evidence: evidence)
        }
    }

    /// The index over the lexicon, built on first use.
    private func index() -> Built {
        built.withLock { built in
            if built == nil { built = Self.build(lexicon) }
            return built!
        }
    }

    /// Each entity's best raw score among the candidates for `name` that compete, and the
    /// calibration of the model that scored them; nil when no model reads the name's script.
    func scores(for name: String, lang: String?) -> (calibration: ModelCalibration, scores: [String: Double])? {
        guard let query = Self.query(name, lang: lang) else { return nil }
        guard !query.words.isEmpty else { return (query.calibration, [:]) }
        let index = self.index()
        var keys: [UInt64] = []
        for nonRhotic in query.readsNonRhotic ? [false, true] : [false] {
            for string in query.strings { Self.addKeys(of: Self.skeleton(string), word: false, nonRhotic: nonRhotic, to: &keys) }
            for word in query.words.count > 1 ? query.words : query.strings {
                let skeleton = Self.skeleton(word)
                if skeleton.count >= Self.wordKeyMinimum { Self.addKeys(of: skeleton, word: true, nonRhotic: nonRhotic, to: &keys) }
            }
        }
        var candidates: [Int32] = []
        for key in keys { candidates += index.names(withKey: key) }
        candidates.sort()
        candidates = candidates.withoutAdjacentRepeats()
        var scored: [(entity: String, ratio: Double, raw: Double)] = []
        for candidate in candidates {
            let name = index.names[Int(candidate)]
            let evidence = RegnalNumber.evidence(query: query.number, name: name.number)
            for variant in name.variants(wordCount: query.words.count) {
                let score = query.score(variant, evidence)
                scored.append((name.entity, score.ratio, score.raw))
            }
        }
        scored.sort { ($0.ratio, $1.entity) > ($1.ratio, $0.entity) }
        var best: [String: Double] = [:]
        for score in scored.prefix(Self.competitors) where score.raw > best[score.entity] ?? -.infinity {
            best[score.entity] = score.raw
        }
        return (query.calibration, best)
    }

    /// The raw score of a name in another script against one Latin-script name, and the
    /// calibration of the model that scored it; nil when no model reads the first name's script.
    static func score(_ name: String, lang: String?, latin english: String) -> (calibration: ModelCalibration, score: Double)? {
        guard let query = query(name, lang: lang) else { return nil }
        let regnal = RegnalNumber.english(english)
        let letters = letters(LetterFold.words(regnal?.name ?? english, lang: "en"))
        guard !query.words.isEmpty,
              let english = self.name(entity: "", letters: letters, orders: orders(of: letters), number: regnal?.number) else {
            return (query.calibration, -.infinity)
        }
        let evidence = RegnalNumber.evidence(query: query.number, name: english.number)
        return (query.calibration, english.variants(wordCount: query.words.count).map { query.score($0, evidence).raw }.max()!)
    }

    /// Longer queries are text, not a name: the model does not score them (alignment is
    /// quadratic in the length).
    private static let maximumLetters = 120
    /// Skeletons shorter than this do not get one-deletion keys.
    private static let oneDeletionMinimum = 2
    /// Skeletons at least this long also get two-deletion keys.
    private static let twoDeletionMinimum = 6
    /// Longer skeletons (not names but text) get no deletion keys: their neighbourhood would be
    /// quadratic in their length.
    private static let deletionMaximum = 24
    /// Words of a multi-word name with a skeleton this long get keys of their own, so one
    /// well-matching word (the surname) is enough to be a candidate.
    private static let wordKeyMinimum = 3
    /// The script families whose spellings of English names leave out r where British English
    /// does not sound it: Korean, Japanese and Chinese.
    private static let nonRhoticLanguages: Set<String> = ["ko", "ja", "zh"]

    /// Forms prepared on all cores at a time, between additions to the tables (in order).
    private static let buildBlock = 65_536

    private static func build(_ lexicon: Lexicon) -> Built {
        let entries = lexicon.entries
        var names: [Name] = []
        var buckets = IntegerTable()
        var pending: [(bucket: Int32, value: Int32)] = []
        for blockStart in stride(from: 0, to: entries.count, by: buildBlock) {
            let block = blockStart..<min(entries.count, blockStart + buildBlock)
            let prepared = concurrentChunks(count: block.count, minimumChunk: 4096) { range in
                range.compactMap { prepare(entries[block.lowerBound + $0]) }
            }
            for (name, keys) in prepared.joined() {
                let id = Int32(names.count)
                for key in keys {
                    let bucket = buckets[key] ?? {
                        let bucket = Int32(buckets.count)
                        buckets[key] = bucket
                        return bucket
                    }()
                    pending.append((bucket, id))
                }
                names.append(name)
            }
        }
        return Built(names: names, buckets: buckets, blocks: FlatBuckets(pending, count: buckets.count))
    }

    /// A lexicon form as the index holds it, and its blocking keys (sorted, without repeats);
    /// nil for a blocked or non-Latin form, or one without letters.
    private static func prepare(_ entry: LexiconEntry) -> (name: Name, keys: [UInt64])? {
        guard entry.role != .blocked, isLatin(entry.form) else { return nil }
        let regnal = RegnalNumber.english(entry.form)
        let words = LetterFold.words(regnal?.name ?? entry.form, lang: "en")
        let letters = letters(words), orders = orders(of: letters)
        guard let name = name(entity: entry.entity, letters: letters, orders: orders, number: regnal?.number) else { return nil }
        var keys: [UInt64] = []
        let quiet = words.map(withoutNonRhoticR)
        for (spelling, nonRhotic) in quiet == words ? [(words, false)] : [(words, false), (quiet, true)] {
            for order in nonRhotic ? self.orders(of: self.letters(spelling)) : orders {
                addKeys(of: skeleton(order), word: false, nonRhotic: nonRhotic, to: &keys)
            }
            guard spelling.count > 1 else { continue }
            for word in spelling {
                let skeleton = skeleton(word)
                if skeleton.count >= wordKeyMinimum { addKeys(of: skeleton, word: true, nonRhotic: nonRhotic, to: &keys) }
            }
        }
        if letters.count > 1 { keys.append(readingKey(letters.joined())) }
        keys.sort()
        return (name, keys.withoutAdjacentRepeats())
    }

    /// The entities with a Latin-script name of two words or more whose letters spell `name`
    /// as a Korean personal name is romanised (`korean`: 김우빈, Kim Woo-bin) and as the
    /// Mandarin reading of a Chinese name written in Korean (`mandarin`: 장헌충, Zhang
    /// Xianzhong), by `KoreanNameReading`; empty for a name in another script or of another
    /// shape.
    func readingMatches(for name: String, lang: String?) -> (korean: Set<String>, mandarin: Set<String>) {
        guard Self.model(for: name, lang: lang)?.model.language == "ko" else { return ([], []) }
        let korean = KoreanNameReading.spellings(of: name), mandarin = KoreanNameReading.mandarinSpellings(of: name)
        guard !korean.isEmpty || !mandarin.isEmpty else { return ([], []) }
        let index = self.index()
        func entities(_ spellings: Set<String>) -> Set<String> {
            var entities = Set<String>()
            for spelling in spellings {
                let framed = LetterModel.framed(spelling)
                for id in index.names(withKey: Self.readingKey(spelling)) where index.names[Int(id)].orders.first == framed {
                    entities.insert(index.names[Int(id)].entity)
                }
            }
            return entities
        }
        return (entities(korean), entities(mandarin))
    }

    /// The key under which a name of several words is found by its letters run together, in a
    /// key space of its own.
    private static func readingKey(_ letters: String) -> UInt64 {
        tableKey([UInt8(8)] + Array(letters.utf8))
    }

    /// `bytes` hashed to a key of the blocking table (which keeps `UInt64.max` for itself).
    private static func tableKey(_ bytes: [UInt8]) -> UInt64 {
        let hash = bytes.withUnsafeBytes(WordTable.hash)
        return hash == .max ? hash - 1 : hash
    }

    /// A Latin name prepared for scoring from its words' `letters` and their `orders`, or nil
    /// when it has no letters.
    private static func name(entity: String, letters: [String], orders: [String], number: Int?) -> Name? {
        guard !orders.isEmpty else { return nil }
        return Name(entity: entity, orders: orders.map(LetterModel.framed),
                    words: letters.count > 1 ? letters.map(LetterModel.framed) : [], number: number)
    }

    /// The words' letters a-z, without words that have none.
    static func letters(_ words: [String]) -> [String] {
        words.map { String($0.unicodeScalars.filter { ("a"..."z").contains($0) }) }.filter { !$0.isEmpty }
    }

    /// The word orders a Latin name is compared in, each joined into one string: as written,
    /// and for several words reversed and last word first (family name first in Korean,
    /// Chinese and Japanese).
    private static func orders(of words: [String]) -> [String] {
        guard !words.isEmpty else { return [] }
        var orders = [words]
        if words.count > 1 { orders.append(words.reversed()) }
        if words.count > 2 { orders.append([words.last!] + words.dropLast()) }
        return orders.map { $0.joined() }
    }

    /// Whether a form's letters are all Latin.
    static func isLatin(_ form: String) -> Bool {
        var latin = false
        for scalar in form.unicodeScalars where scalar.properties.isAlphabetic {
            let script = Script.of(scalar)
            if script == .latin { latin = true } else if !script.isShared { return false }
        }
        return latin
    }

    /// Consonants by sound class; h, w and apostrophes transparent (a class repeated across
    /// them counts once), vowels separate repeats (r-a-r keeps two). Unlike
    /// `NameKeyMaker.skeleton`, which buckets keys, this is the blocking key the models'
    /// candidate sets and calibration were measured with (`scripts/names/blocking.py`).
    static func skeleton(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        var previous: UInt8?
        for byte in text.utf8 {
            guard let sound = NameKeyMaker.soundClass(byte) else {
                if byte != UInt8(ascii: "h") && byte != UInt8(ascii: "w") && byte != UInt8(ascii: "'") { previous = nil }
                continue
            }
            if sound == previous { continue }
            result.append(sound)
            previous = sound
        }
        return result
    }

    /// `word` (lowercase letters) without the r's British English does not sound: those before
    /// a consonant or at the end (starmer: stame, kirby: kiby).
    static func withoutNonRhoticR(_ word: String) -> String {
        let bytes = Array(word.utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        for (i, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "r"), i + 1 == bytes.count || !"aeiouy".utf8.contains(bytes[i + 1]) { continue }
            kept.append(byte)
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// Adds the keys of a skeleton to `keys`: the skeleton and its deletion neighbourhood (with
    /// one class deleted, and for long skeletons two, so skeletons one or two edits apart share a
    /// key), hashed to 64 bits; keys of a single word (`word`) and of a spelling without
    /// non-rhotic r (`nonRhotic`) differ from those of a whole name as written.
    static func addKeys(of skeleton: [UInt8], word: Bool, nonRhotic: Bool, to keys: inout [UInt64]) {
        guard !skeleton.isEmpty else { return }
        var key: [UInt8] = []
        key.reserveCapacity(skeleton.count + 1)
        func add(deleting first: Int, _ second: Int) {
            key.removeAll(keepingCapacity: true)
            key.append((word ? 1 : 0) | (nonRhotic ? 2 : 0))
            for (index, sound) in skeleton.enumerated() where index != first && index != second { key.append(sound) }
            keys.append(tableKey(key))
        }
        add(deleting: -1, -1)
        guard skeleton.count <= deletionMaximum else { return }
        if skeleton.count >= oneDeletionMinimum {
            for i in skeleton.indices { add(deleting: i, -1) }
        }
        if skeleton.count >= twoDeletionMinimum {
            for i in skeleton.indices {
                for j in (i + 1)..<skeleton.count { add(deleting: i, j) }
            }
        }
    }
}
