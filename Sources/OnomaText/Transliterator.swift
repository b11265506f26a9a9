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
/// one when all are in use). `transliterateToken(_:)` and `transliterate(document:using:)` go
/// through a cache of distinct tokens, because ICU's compound transforms run at about 2 MB/s
/// over whole text while news repeats most of its words.
public final class Transliterator: Sendable {
    /// The transform id, or the name given to custom rules.
    public let id: String
    /// Whether ASCII text is known to come out unchanged (true for transforms to Latin and ASCII),
    /// which lets ASCII tokens skip ICU.
    public let keepsASCII: Bool
    private let pool: Mutex<[TransliteratorHandle]>
    private let cache = Mutex<[String: String]>([:])
    private let prototype: TransliteratorHandle
    private static let cacheLimit = 200_000

    /// Opens an ICU transform id such as "Any-Latin", "Russian-Latin/BGN" or a compound
    /// "Any-Latin; Latin-ASCII; Lower". Throws an error listing the closest valid ids when the id
    /// is unknown. Calls `utrans_openU`.
    public convenience init(id: String) throws(TransliteratorError) {
        try self.init(id: id, rules: nil, keepsASCII: Self.targetsLatin(id))
    }

    /// Compiles custom ICU transform rules, which may include compound steps such as
    /// `::Any-Latin;`. `name` identifies them in errors.
    public convenience init(rules: String, name: String = "custom", keepsASCII: Bool = false) throws(TransliteratorError) {
        try self.init(id: name, rules: rules, keepsASCII: keepsASCII)
    }

    private init(id: String, rules: String?, keepsASCII: Bool) throws(TransliteratorError) {
        self.id = id
        self.keepsASCII = keepsASCII
        prototype = try TransliteratorHandle(id: id, rules: rules)
        pool = Mutex([])
    }

    /// Transliterates `text` as one string, without the cache.
    ///
    /// - Complexity: O(n); ICU's compound transforms are slow (about 2 MB/s for Any-Latin).
    public func transliterate(_ text: String) -> String {
        if keepsASCII && text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        let handle = pool.withLock { $0.popLast() } ?? prototype.clone()
        defer { pool.withLock { $0.append(handle) } }
        return handle.apply(text)
    }

    /// Transliterates one token through the cache.
    public func transliterateToken(_ token: String) -> String {
        if keepsASCII && token.utf8.allSatisfy({ $0 < 0x80 }) { return token }
        if let hit = cache.withLock({ $0[token] }) { return hit }
        let result = transliterate(token)
        cache.withLock { cache in
            if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[token] = result
        }
        return result
    }

    /// Transliterates a whole document token by token through the cache, copying the text
    /// between tokens unchanged. Context-sensitive rules that look across a token boundary do
    /// not apply; for names and news text that loses nothing measurable.
    ///
    /// - Complexity: O(n) plus ICU time for each distinct token not yet cached.
    public func transliterate(document text: String, using tokenizer: Tokenizer) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + text.utf8.count / 4)
        let utf8 = Array(text.utf8)
        var copied = 0
        tokenizer.forEachToken(in: text) { token in
            if token.range.lowerBound > copied {
                output += String(decoding: utf8[copied..<token.range.lowerBound], as: UTF8.self)
            }
            output += transliterateToken(token.text)
            copied = token.range.upperBound
        }
        if copied < utf8.count { output += String(decoding: utf8[copied...], as: UTF8.self) }
        return output
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
