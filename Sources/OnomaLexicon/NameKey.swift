import OnomaText
import Synchronization

/// The normalised forms of a name that matching compares: a `key` (transliterated to Latin,
/// folded to ASCII, variant rules applied, doubled letters collapsed) and a consonant
/// `skeleton` that blocks candidates for fuzzy matching.
///
///     let keys = NameKeyMaker()
///     keys.key(for: "Зеленський", lang: "uk").key     // "zelenski"
///     keys.key(for: "Zelenskyy", lang: "en").key      // "zelenski"
///     keys.key(for: "젤렌스키", lang: "ko").skeleton   // "slnsk"
public struct NameKey: Hashable, Sendable {
    /// The normalised words, lowercase ASCII, separated by single spaces.
    public let key: String
    /// The key's consonants by sound class, without spaces: the blocking key.
    public let skeleton: String

    /// The key's words.
    public var words: [Substring] { key.split(separator: " ") }

    /// The key's words run together: transliterations space some syllables where the names
    /// they stand for join them (习近平 xi jin ping, Xi Jinping).
    public var unspaced: String { key.split(separator: " ").joined() }
}

/// Computes name keys; safe to share between threads.
public final class NameKeyMaker: Sendable {
    public let rules: [NameKeyRule]
    /// Per language: its transliterator to ASCII and the rules that apply to it.
    private let languages = Mutex<[String: (transliterator: Transliterator, rules: [NameKeyRule])]>([:])

    public init(rules: [NameKeyRule] = NameKeyRules.all) {
        self.rules = rules
    }

    /// The key of a name in language `lang` (BCP 47; nil guesses from the script).
    public func key(for name: String, lang: String?) -> NameKey {
        let text = keyText(for: name, lang: lang, spaced: true)
        return NameKey(key: text, skeleton: Self.skeleton(ofKey: text))
    }

    /// The normalised words of `name`, separated by single spaces when `spaced`, else run
    /// together (a unit key: no skeleton made, no spaces taken out again).
    private func keyText(for name: String, lang: String?, spaced: Bool) -> String {
        let language = Self.effectiveLanguage(of: name, lang: lang)
        let (transliterator, rules) = self.rules(for: language)
        // ASCII needs neither case folding nor transliteration: the words come out lowercase.
        var latin = transliterator.keepsASCII && Folding.isASCII(name) ? name
            : transliterator.transliterateToken(Folding.caseFold(name))
        var key: [UInt8] = []
        key.reserveCapacity(latin.utf8.count)
        latin.withUTF8 { bytes in
            Self.forEachASCIIWord(in: bytes) { raw in
                let word = Self.normalise(raw, rules: rules)
                guard !word.isEmpty else { return }
                if spaced && !key.isEmpty { key.append(UInt8(ascii: " ")) }
                key += word
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// The key of a name made of units whose keys are known: the unit keys in order. Both
    /// strings are written in place, without intermediate arrays.
    static func joining(_ unitKeys: some Collection<String>) -> NameKey {
        var capacity = 0
        for unitKey in unitKeys { capacity += unitKey.utf8.count + 1 }
        let key = String(unsafeUninitializedCapacity: capacity) { buffer in
            var count = 0
            for var unitKey in unitKeys where !unitKey.isEmpty {
                if count > 0 {
                    buffer[count] = UInt8(ascii: " ")
                    count += 1
                }
                count += unitKey.withUTF8 { UnsafeMutableBufferPointer(rebasing: buffer[count...]).initialize(fromContentsOf: $0) }
            }
            return count
        }
        return NameKey(key: key, skeleton: skeleton(ofKey: key))
    }

    /// The blocking key of a key (words separated by spaces): consonants mapped to sound
    /// classes (b p f v → b, c k q g → k, s z j x → s, d t → t, l r → l), vowels, h, w and
    /// spaces dropped, repeats collapsed: Zelensky, Selenskyj, 젤렌스키 (jellenseuki) and
    /// ゼレンスキー (zerensuki) all give "slnsk".
    static func skeleton(ofKey key: String) -> String {
        var key = key
        return key.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                var count = 0
                for byte in bytes {
                    guard let sound = soundClass(byte), count == 0 || buffer[count - 1] != sound else { continue }
                    buffer[count] = sound
                    count += 1
                }
                return count
            }
        }
    }

    /// The key of one unit (a word, or a Han character) as one label: its key words run
    /// together, so "U.S." and "US" both give "us".
    public func unitKey(for unit: String, lang: String?) -> String {
        keyText(for: unit, lang: lang, spaced: false)
    }

    /// The language rules apply for: the given one, else one guessed from the script.
    public static func effectiveLanguage(of name: String, lang: String?) -> String {
        if let lang, lang != "*" { return LanguageTag.primary(lang) }
        return LanguageGuess.fromScript(name) ?? "und"
    }

    /// The transliterator and the rules for `language`, looked up once per language.
    private func rules(for language: String) -> (transliterator: Transliterator, rules: [NameKeyRule]) {
        if let known = languages.withLock({ $0[language] }) { return known }
        let found = (Transliterator.toLatin(lang: language, ascii: true), rules.filter { $0.languages?.contains(language) ?? true })
        languages.withLock { $0[language] = found }
        return found
    }

    /// One word through the rules of its language, then doubled letters collapsed.
    private static func normalise(_ word: [UInt8], rules: [NameKeyRule]) -> [UInt8] {
        var result = word
        // Most rules' patterns have a byte the word lacks: those are not scanned.
        var bytes = NameKeyRule.byteSet(result)
        for index in rules.indices where rules[index].patternBytes & ~bytes == 0 {
            result = rules[index].apply(to: result)
            bytes = NameKeyRule.byteSet(result)
        }
        return collapsingDoubles(result)
    }

    /// Calls `body` with each run of ASCII letters and digits in `bytes`, lowercased, split at
    /// everything else; apostrophes and quotes vanish inside words (O'Brien → obrien) rather
    /// than splitting them.
    static func forEachASCIIWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: ([UInt8]) -> Void) {
        var current: [UInt8] = []
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte | 0x20)
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"): continue
            default:
                if !current.isEmpty { body(current) }
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { body(current) }
    }

    static func collapsingDoubles(_ word: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(word.count)
        for byte in word where result.last != byte { result.append(byte) }
        return result
    }

    static func soundClass(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "b"), UInt8(ascii: "p"), UInt8(ascii: "f"), UInt8(ascii: "v"): UInt8(ascii: "b")
        case UInt8(ascii: "c"), UInt8(ascii: "k"), UInt8(ascii: "q"), UInt8(ascii: "g"): UInt8(ascii: "k")
        case UInt8(ascii: "s"), UInt8(ascii: "z"), UInt8(ascii: "j"), UInt8(ascii: "x"): UInt8(ascii: "s")
        case UInt8(ascii: "d"), UInt8(ascii: "t"): UInt8(ascii: "t")
        case UInt8(ascii: "l"), UInt8(ascii: "r"): UInt8(ascii: "l")
        case UInt8(ascii: "m"): UInt8(ascii: "m")
        case UInt8(ascii: "n"): UInt8(ascii: "n")
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte
        default: nil
        }
    }
}
