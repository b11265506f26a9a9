import OnomaText

/// Mines documents for lexicon additions: (a) unlisted variants of known entities, the
/// mentions the canonicalizer resolves by a close key (Sirsky → Syrskyi) but whose form the
/// entity does not list; (b) new entities, recurring capitalised multi-word names (and
/// capitalised non-Latin words, and in scripts without capitals the names that a title or a
/// middle dot marks) that no lexicon form covers, grouped by name key and skeleton, and across
/// scripts by the letter models, so that the spellings and scripts of one name make one proposal.
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

    /// The start of the provisional id of a proposed new entity ("onoma:new:min-read").
    public static let newEntityPrefix = "onoma:new:"

    public let index: LexiconIndex
    public let options: Options
    /// Documents and UTF-8 bytes read so far.
    public private(set) var documents = 0
    public private(set) var bytes = 0
    let canonicalizer: Canonicalizer
    private let tokenizer: Tokenizer
    /// "entity TAB case-folded form" of every listed form.
    let listed: Set<String>
    /// The same with punctuation left out: "US" is not a new variant where "U.S." is listed.
    let listedLoose: Set<String>
    /// Keys of every lexicon form, to recognise derived words ("North Korean", "Ukrainians").
    let formKeys: Set<String>
    let resolver: Resolver
    /// Each entity's canonical line.
    let canonicalEntries: [String: LexiconEntry]
    var variants: [String: Evidence] = [:]
    var runs: [String: Run] = [:]
    var wordStats: [String: WordStats] = [:]

    /// What was seen of one form.
    struct Evidence {
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

    /// A run of capitalised words as written (or a name span in a script without capitals),
    /// and what was seen around it.
    struct Run {
        var words: [String]
        /// What separates each word from the next: " " or a hyphen (or, without capitals, the
        /// text as written: nothing between Han characters, a middle dot).
        var gaps: [String]
        var lang: String
        /// Capitalised words, which common words and titles split; a span without capitals is
        /// one name as found.
        var cased = true
        var count = 0
        var votes: [EntityType: Double] = [:]
        var examples: [Suggestion.Example] = []
    }

    struct WordStats {
        var lowercase = 0
        var capitalisedInside = 0
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
        formKeys = Set(index.formKeys.map(\.key))
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
        collectUncasedRuns(units, covered: covered, document, lang, utf8)
    }

    // MARK: Results

    /// The suggestions so far: variants by count, then new entities by count, each entity's
    /// canonical form first.
    public func suggestions() -> [Suggestion] {
        let (resolved, pieces) = resolveVariants(namePieces())
        let partners = Self.partners(pieces)
        let all = variants.merging(resolved) { $1 }
        return variantSuggestions(all.values.filter(isPlausible))
            + newEntitySuggestions(pieces.filter { !isDerived($0.key.key) && hasNameWord($0, partners: partners) })
    }

    // MARK: Helpers

    static func mostCommon(_ counts: [String: Int]) -> String {
        counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
    }

    /// Adds the sentence around `range` as an example, at most two, from different documents.
    static func addExample(_ examples: inout [Suggestion.Example], _ document: String, _ range: Range<Int>, _ utf8: [UInt8]) {
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
