/// One variant-normalisation rule for name keys: replace a letter sequence by another where its
/// neighbours fit. Rules work on lowercase ASCII (after transliteration and folding).
///
///     NameKeyRule("kh → h", "kh", "h")                                        // Kharkiv → harkiv
///     NameKeyRule("Korean epenthetic eu", "eu", "", left: .consonant, right: .consonantOrEnd)
public struct NameKeyRule: Hashable, Sendable {
    /// What may stand next to the replaced sequence.
    public enum Context: Hashable, Sendable {
        case any, wordStart, wordEnd, vowel, consonant, consonantOrEnd
    }

    /// The linguistic phenomenon the rule normalises: its tests are named after it.
    public let phenomenon: String
    public let pattern: [UInt8]
    public let replacement: [UInt8]
    public let left: Context
    public let right: Context
    /// Primary language subtags whose names get this rule; nil for every name.
    public let languages: Set<String>?
    /// The pattern's bytes as a set (see `byteSet(_:)`): a word lacking one cannot match.
    let patternBytes: UInt64

    public init(_ phenomenon: String, _ pattern: String, _ replacement: String,
                left: Context = .any, right: Context = .any, languages: Set<String>? = nil) {
        self.phenomenon = phenomenon
        self.pattern = Array(pattern.utf8)
        self.replacement = Array(replacement.utf8)
        self.left = left
        self.right = right
        self.languages = languages
        patternBytes = Self.byteSet(self.pattern)
    }

    /// The bytes of `word` as a set of bits (byte value modulo 64): if a byte is in the word,
    /// its bit is set, so a rule whose `patternBytes` are not all set cannot match.
    static func byteSet(_ word: [UInt8]) -> UInt64 {
        var set: UInt64 = 0
        for byte in word { set |= 1 << UInt64(byte & 63) }
        return set
    }

    /// Applies the rule to one word, left to right, without re-scanning replaced text.
    func apply(to word: [UInt8]) -> [UInt8] {
        guard let first = firstMatch(in: word, from: 0) else { return word }
        var output = Array(word[..<first])
        output.reserveCapacity(word.count + replacement.count)
        var i = first
        while i < word.count {
            if let next = firstMatch(in: word, from: i) {
                output += word[i..<next]
                output += replacement
                i = next + pattern.count
            } else {
                output += word[i...]
                break
            }
        }
        return output
    }

    /// The first position at or after `start` where the pattern matches in context.
    private func firstMatch(in word: [UInt8], from start: Int) -> Int? {
        guard !pattern.isEmpty, word.count - start >= pattern.count else { return nil }
        let head = pattern[0]
        var i = start
        while i + pattern.count <= word.count {
            if word[i] == head, matches(word, at: i), fits(left, before: i, in: word),
               fits(right, after: i + pattern.count, in: word) {
                return i
            }
            i += 1
        }
        return nil
    }

    private func matches(_ word: [UInt8], at index: Int) -> Bool {
        var k = 1
        while k < pattern.count {
            if word[index + k] != pattern[k] { return false }
            k += 1
        }
        return true
    }

    private func fits(_ context: Context, before index: Int, in word: [UInt8]) -> Bool {
        switch context {
        case .any: true
        case .wordStart: index == 0
        case .wordEnd: false
        case .vowel: index > 0 && Self.isVowel(word[index - 1])
        case .consonant, .consonantOrEnd: index > 0 && Self.isConsonant(word[index - 1])
        }
    }

    private func fits(_ context: Context, after index: Int, in word: [UInt8]) -> Bool {
        switch context {
        case .any: true
        case .wordStart: false
        case .wordEnd: index == word.count
        case .vowel: index < word.count && Self.isVowel(word[index])
        case .consonant: index < word.count && Self.isConsonant(word[index])
        case .consonantOrEnd: index == word.count || Self.isConsonant(word[index])
        }
    }

    static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): true
        default: false
        }
    }

    static func isConsonant(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") && !isVowel(byte)
    }
}
