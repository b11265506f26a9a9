import Foundation
import Synchronization

/// An ICU transform, safe to share between threads, with a per-token cache.
///
///     let t = try Transliterator(id: "Any-Latin; Latin-ASCII")
///     t.transliterate("Зеленський")        // "Zelens'kij"
///     let uk = Transliterator.toLatin(lang: "uk")
///     uk.transliterate("Київ")              // "Kyyiv"
///
/// ICU transliterators are not thread-safe, so each call borrows one from a pool (cloning a new
/// one when all are in use); ICU 72 also runs only one rule-based transform at a time in a
/// process, whatever the thread. A transform may run in stages, the later ones skipped once the
/// text is ASCII (see `toLatin(lang:ascii:)`). `transliterateToken(_:)` and
/// `transliterate(document:using:)` go through a cache of distinct tokens, because ICU's
/// compound transforms run at about 2 MB/s over whole text while news repeats most of its words.
public final class Transliterator: Sendable {
    /// The transform id, or the name given to custom rules.
    public let id: String
    /// Whether ASCII text is known to come out unchanged (true for transforms to Latin and ASCII
    /// that ICU confirms leave ASCII alone), which lets ASCII tokens skip ICU.
    public let keepsASCII: Bool
    private let pool: Mutex<[[TransliteratorHandle]]>
    private let cache = Mutex<[CacheKey: String]>([:])
    /// The transform's stages, run in order; every stage after the first keeps ASCII.
    private let prototype: [TransliteratorHandle]
    /// Whether the text is put in NFC (by the normalizer, not a transform) before the stages.
    private let normalizesFirst: Bool
    /// The transform of plain Latin letters, made on the first word of them (with `keepsASCII`).
    private let latinLetters = Mutex<LatinLetterTable?>(nil)
    private static let cacheLimit = 200_000

    /// Opens an ICU transform id such as "Any-Latin", "Russian-Latin/BGN" or a compound
    /// "Any-Latin; Latin-ASCII; Lower". Throws an error listing the closest valid ids when the id
    /// is unknown. Calls `utrans_openU`.
    public convenience init(id: String) throws(TransliteratorError) {
        try self.init(id: id, rules: nil, keepsASCII: Self.targetsLatin(id))
    }

    /// Compiles custom ICU transform rules, which may include compound steps such as
    /// `::Any-Latin;`. `name` identifies them in errors; `keepsASCII` claims that ASCII passes
    /// unchanged, and holds when ICU confirms it.
    public convenience init(rules: String, name: String = "custom", keepsASCII: Bool = false) throws(TransliteratorError) {
        try self.init(id: name, rules: rules, keepsASCII: keepsASCII)
    }

    private init(id: String, rules: String?, keepsASCII: Bool) throws(TransliteratorError) {
        self.id = id
        prototype = [try TransliteratorHandle(id: id, rules: rules)]
        // Some transforms to Latin still rewrite ASCII (Greek-Latin turns ; into ?): ask ICU.
        self.keepsASCII = keepsASCII && prototype[0].apply(Self.asciiSample).utf8.elementsEqual(Self.asciiSample.utf8)
        normalizesFirst = false
        pool = Mutex([])
    }

    /// Compiles a transform to Latin given as rules in stages, "::NFC;" and the joined stages
    /// being the whole transform: the text is put in NFC, then each stage's output is the next
    /// one's input. Every stage must keep ASCII, as ICU confirms; the stages after the first are
    /// skipped on ASCII.
    init(stages: [String], name: String) throws(TransliteratorError) {
        id = name
        var handles: [TransliteratorHandle] = []
        for rules in stages {
            let handle = try TransliteratorHandle(id: name, rules: rules)
            // A stage that rewrote ASCII would make skipping it wrong: the rules are onoma's own.
            precondition(handle.apply(Self.asciiSample).utf8.elementsEqual(Self.asciiSample.utf8),
                         "transform stage '\(rules)' changes ASCII")
            handles.append(handle)
        }
        prototype = handles
        keepsASCII = true
        normalizesFirst = true
        pool = Mutex([])
    }

    /// Printable ASCII, tab and line breaks.
    private static let asciiSample = "\t\n\r" + String((0x20..<0x7F).map { Character(Unicode.Scalar(UInt8($0))) })

    /// Transliterates `text` as one string, without the cache.
    ///
    /// - Complexity: O(n); ICU's compound transforms are slow (about 2 MB/s for Any-Latin).
    public func transliterate(_ text: String) -> String {
        withoutICU(text) ?? transliterateWithICU(text)
    }

    /// `text` as the transform writes it when that needs no ICU (a transform that keeps ASCII,
    /// on ASCII or on words of the letter table), else nil.
    private func withoutICU(_ text: String) -> String? {
        guard keepsASCII else { return nil }
        if Folding.isASCII(text) { return text }
        return LatinLetterTable.mayApply(to: text) ? latinLetterTable().transliterate(text) : nil
    }

    /// `text` through ICU, without the table of Latin letters: stage after stage until the
    /// text is ASCII.
    func transliterateWithICU(_ text: String) -> String {
        let handles = pool.withLock { $0.popLast() } ?? prototype.map { $0.clone() }
        defer { pool.withLock { $0.append(handles) } }
        var text = handles[0].apply(normalizesFirst ? Normalization.nfc.normalize(text) : text)
        for handle in handles.dropFirst() where !Folding.isASCII(text) { text = handle.apply(text) }
        return text
    }

    private func latinLetterTable() -> LatinLetterTable {
        latinLetters.withLock { table in
            if let table { return table }
            let made = LatinLetterTable(transliterateWithICU)
            table = made
            return made
        }
    }

    /// Transliterates one token: words of ASCII and plain Latin letters from the table (quicker
    /// than the cache), others through the cache.
    public func transliterateToken(_ token: String) -> String {
        if let result = withoutICU(token) { return result }
        let key = CacheKey(token)
        if let hit = cache.withLock({ $0[key] }) { return hit }
        let result = transliterateWithICU(token)
        cache.withLock { cache in
            if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[key] = result
        }
        return result
    }

    /// Transliterates a whole document token by token through the cache, copying the text
    /// between tokens unchanged. Context-sensitive rules that look across a token boundary do
    /// not apply; for names and news text that loses nothing measurable.
    ///
    /// When the transform keeps ASCII, only tokens with a non-ASCII character are looked at,
    /// and the tokenizer skips long ASCII runs without segmenting them.
    ///
    /// - Complexity: O(n) plus ICU time for each distinct token not yet cached.
    public func transliterate(document text: String, using tokenizer: Tokenizer) -> String {
        var text = text
        return text.withUTF8 { source in
            var output: [UInt8] = []
            output.reserveCapacity(source.count + source.count / 4)
            // Tokens seen in this document, keyed by their bytes in `source`: no String, no lock.
            var seen: [SourceBytes: String] = [:]
            seen.reserveCapacity(min(source.count / 16, 1 << 16))
            var copied = 0
            tokenizer.forEachSegment(in: source, nonASCIIOnly: keepsASCII) { segment in
                let token = UnsafeBufferPointer(rebasing: source[Int(segment.start)..<Int(segment.end)])
                output.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied..<Int(segment.start)]))
                copied = Int(segment.end)
                let key = SourceBytes(token)
                if let hit = seen[key] {
                    output.append(contentsOf: hit.utf8)
                    return
                }
                let result = transliterateToken(String(decoding: token, as: UTF8.self))
                if seen.count >= Self.cacheLimit { seen.removeAll(keepingCapacity: true) }
                seen[key] = result
                output.append(contentsOf: result.utf8)
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied...]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Every transform id ICU knows, e.g. "Any-Latin", "Russian-Latin/BGN".
    public static let availableIDs: [String] = TransliteratorHandle.availableIDs().sorted()

    /// The valid ids nearest to `id` by edit distance, best first.
    public static func closestIDs(to id: String, count: Int) -> [String] {
        let query = Array(id.lowercased().unicodeScalars)
        return availableIDs
            .map { (id: $0, distance: EditDistance.levenshtein(query, Array($0.lowercased().unicodeScalars))) }
            .sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
            .prefix(count)
            .map(\.id)
    }

    /// Whether every step of a compound id ends in Latin or ASCII, so ASCII passes unchanged.
    private static func targetsLatin(_ id: String) -> Bool {
        id.split(separator: ";").allSatisfy { step in
            let target = step.split(separator: "-").last.map { $0.split(separator: "/")[0] }?
                .trimmingCharacters(in: .whitespaces).lowercased()
            return ["latin", "ascii", "nfc", "nfd", "nfkc", "nfkd"].contains(target ?? "")
                || ["nfc", "nfd", "nfkc", "nfkd"].contains(step.trimmingCharacters(in: .whitespaces).lowercased())
        }
    }
}

/// A token as a cache key, compared byte by byte: faster than String's Unicode-aware hashing and
/// equality, and canonically equivalent spellings (NFC, NFD) stay apart, as ICU may treat them.
private struct CacheKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: CacheKey, b: CacheKey) -> Bool {
        var x = a.text, y = b.text
        return x.withUTF8 { x in y.withUTF8 { y in SourceBytes(x) == SourceBytes(y) } }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// Bytes as a dictionary key, compared with memcmp; valid while the bytes are.
private struct SourceBytes: Hashable {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    static func == (a: SourceBytes, b: SourceBytes) -> Bool {
        a.bytes.count == b.bytes.count && (a.bytes.isEmpty || memcmp(a.bytes.baseAddress!, b.bytes.baseAddress!, a.bytes.count) == 0)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(bytes: UnsafeRawBufferPointer(bytes)) }
}
