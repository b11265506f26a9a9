import OnomaLexicon
import OnomaText

/// What a document is compared on, computed in one pass over its tokens.
///
/// - `minHash`: the MinHash signature of the hashed character n-grams (shingles) of the folded
///   token stream in which entity mentions are their entity ids and numbers are their values,
///   for same-language near-duplicates;
/// - `fingerprint`: the language-independent evidence a translation keeps (entities, numbers,
///   rare names) for cross-lingual links.
public struct DocumentFeatures: Sendable {
    public let minHash: [UInt64]
    public let fingerprint: Fingerprint
}

/// Turns documents into features. One extractor per thread: it owns a tokenizer and, with a
/// lexicon, a canonicalizer.
public final class FeatureExtractor {
    /// The character n-gram length of shingles.
    public let shingleSize: Int
    /// What signs the shingles.
    public let minHash: MinHash
    /// "none" without a lexicon, else a hash of its entries: features made with different
    /// lexicons are not comparable, so an index records the one it was built with.
    public let lexiconDigest: String
    private let tokenizer: Tokenizer
    private let canonicalizer: Canonicalizer?
    /// Folded forms and name keys (by language) of the words seen, so that each distinct word
    /// goes through ICU once (folding and name keys were most of the time per document).
    private var folded = FoldedWords(limit: cacheLimit)
    private var nameKeys = NameKeys(limit: cacheLimit)
    /// The stream and fingerprint of the document being read, kept for their buffers.
    private var stream = ShingleStream()
    private var fingerprint = FingerprintBuilder()
    /// The token segments of the document being read, kept for their buffer.
    private var segments: [TokenSegment] = []
    private static let cacheLimit = 1 << 18
    private static let keys = NameKeyMaker()

    /// - Parameters:
    ///   - shingleSize: characters per shingle (5 measured best on news rewrites).
    ///   - minHash: what signs the shingles.
    ///   - index: a lexicon index, so that names in any spelling become one entity id.
    public init(shingleSize: Int, minHash: MinHash, index: LexiconIndex?) throws {
        guard shingleSize >= 2 else { throw DedupeError("the shingle size must be at least 2 characters, got \(shingleSize)") }
        self.shingleSize = shingleSize
        self.minHash = minHash
        tokenizer = try Tokenizer()
        canonicalizer = try index.map { try Canonicalizer(index: $0) }
        lexiconDigest = index.map { Self.lexiconDigest(of: $0.lexicon) } ?? "none"
    }

    /// The `lexiconDigest` of extractors made with `lexicon`.
    public static func lexiconDigest(of lexicon: Lexicon) -> String {
        // Each entry as "entity\ttype\tlang\tform\trole\n", its fields' bytes appended one by one
        // (a string interpolated per entry cost about 3,500 instructions, this about 1,350).
        var bytes: [UInt8] = []
        func add(_ field: String, then separator: Unicode.Scalar) {
            bytes.append(contentsOf: field.utf8)
            bytes.append(UInt8(separator.value))
        }
        for entry in lexicon.entries {
            add(entry.entity, then: "\t")
            add(entry.type.rawValue, then: "\t")
            add(entry.lang, then: "\t")
            add(entry.form, then: "\t")
            add(entry.role.rawValue, then: "\n")
        }
        let hex = String(FeatureHash.hash(bytes), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The features of a text, given as its UTF-8 bytes (valid UTF-8), in language `lang`: a
    /// primary language subtag, resolved by the caller (as `Signer` does); nil when unknown.
    ///
    /// Works on token segments and the text's bytes: a word becomes a `String` only when it is
    /// not ASCII and not in the caches.
    ///
    /// - Complexity: O(n) in the text length, plus canonicalization.
    public func features(ofUTF8 source: [UInt8], lang: String?) -> DocumentFeatures {
        tokenizer.segments(ofUTF8: source, into: &segments)
        let tokens = segments
        let mentions = canonicalizer?.mentions(inUTF8: source, segments: tokens, lang: lang).filter { $0.entity != nil } ?? []
        let numbers = NumberValue.values(in: tokens, of: source, lang: lang)
        // The caches and the stream go inout once per document: a class's stored property
        // changed in place costs a dynamic exclusivity check at every access (two per word).
        Self.walk(tokens, in: source, mentions: mentions, numbers: numbers, lang: lang,
                  folded: &folded, nameKeys: &nameKeys, stream: &stream, fingerprint: &fingerprint)
        var shingles = ShingleStream.Shingles(stream: stream, size: shingleSize)
        return DocumentFeatures(minHash: minHash.signature(of: &shingles), fingerprint: fingerprint.build(nameKeys: nameKeys))
    }

    /// Writes the shingle stream and the fingerprint of the text `source` (UTF-8) from its
    /// tokens, mentions and numbers.
    private static func walk(
        _ tokens: [TokenSegment], in source: [UInt8], mentions: [Mention], numbers: [NumberValue], lang: String?,
        folded: inout FoldedWords, nameKeys: inout NameKeys, stream: inout ShingleStream, fingerprint: inout FingerprintBuilder
    ) {
        stream.removeAll()
        fingerprint.removeAll()
        nameKeys.startDocument()
        let language = WordTable.Language(lang ?? "")
        // The tokens through their buffer: a bounds check at every token read.
        tokens.withUnsafeBufferPointer { tokens in
            var mentionIndex = 0, numberIndex = 0
            // Where the mention or number at `mentionIndex` or `numberIndex` starts, whichever is
            // first: a token before it neither starts nor passes one, so most tokens skip both tests.
            var nextStart = 0
            var i = 0
            while i < tokens.count {
                let token = tokens[i]
                if token.range.lowerBound >= nextStart {
                    while mentionIndex < mentions.count, mentions[mentionIndex].range.upperBound <= token.range.lowerBound { mentionIndex += 1 }
                    while numberIndex < numbers.count, numbers[numberIndex].range.upperBound <= token.range.lowerBound { numberIndex += 1 }
                    nextStart = Swift.min(mentionIndex < mentions.count ? mentions[mentionIndex].range.lowerBound : .max,
                                          numberIndex < numbers.count ? numbers[numberIndex].range.lowerBound : .max)
                    if mentionIndex < mentions.count, mentions[mentionIndex].range.lowerBound <= token.range.lowerBound {
                        let mention = mentions[mentionIndex]
                        stream.append(entity: mention.entity!)
                        fingerprint.addEntity(mention.entity!)
                        i = firstToken(after: mention.range.upperBound, in: tokens, from: i)
                        continue
                    }
                    if numberIndex < numbers.count, numbers[numberIndex].range.lowerBound <= token.range.lowerBound {
                        let number = numbers[numberIndex]
                        let canonical = Fingerprint.canonical(number.value)
                        stream.append(number: canonical)
                        fingerprint.addNumber(number.value, canonical: canonical)
                        i = firstToken(after: number.range.upperBound, in: tokens, from: i)
                        continue
                    }
                }
                if token.isWordLike {
                    let name = token.nameRange
                    // ASCII folds by lowercasing, faster than a cache lookup.
                    if !stream.append(asciiLowercased: name, of: source) {
                        let word = folded.range(of: name, in: source) { Folding.matchKey(String(decoding: source[name], as: UTF8.self)) }
                        stream.append(word: word, of: folded.bytes)
                    }
                    // A closure per word (the name key, made only for names) retained and released
                    // its captures at every word: the test comes first, the closure only for names.
                    if token.kind == .word, FingerprintBuilder.isName(token, previous: i > 0 ? tokens[i - 1] : nil, in: source),
                       let index = nameKeys.add(name, in: source, language: language, {
                           keys.unitKey(for: String(decoding: source[name], as: UTF8.self), lang: lang)
                       }) {
                        fingerprint.addName(index)
                    }
                }
                i += 1
            }
        }
    }

    private static func firstToken(after offset: Int, in tokens: UnsafeBufferPointer<TokenSegment>, from index: Int) -> Int {
        var j = index
        while j < tokens.count, tokens[j].range.lowerBound < offset { j += 1 }
        return j
    }
}
