import OnomaLexicon
import OnomaText

/// The language-independent evidence that two documents tell the same story, kept by
/// translation: canonical entity ids, number values, and rare names (capitalised words inside
/// sentences) as name keys, so that "Mattersburg", "Зеленський" and "Zelensky" survive
/// translation and transliteration.
///
///     fingerprint.features   // ["e:Q3874799", "n:12000", "w:matersburg", …]
public struct Fingerprint: Sendable, Hashable, Codable {
    /// Entity ids, sorted, without repeats.
    public let entities: [String]
    /// Number values in canonical decimal form, sorted, without repeats.
    public let numbers: [String]
    /// Name keys of rare names, sorted, without repeats.
    public let names: [String]

    public init(entities: [String], numbers: [String], names: [String]) {
        self.entities = entities
        self.numbers = numbers
        self.names = names
    }

    /// All features with their kind as a prefix: "e:" entity, "n:" number, "w:" name.
    public var features: [String] {
        entities.map { "e:" + $0 } + numbers.map { "n:" + $0 } + names.map { "w:" + $0 }
    }

    /// Whether a number carries information: not 0–10, which every text is full of.
    static func isInformative(_ value: Double) -> Bool {
        abs(value) > 10
    }

    /// A number in the shortest decimal form that reads back the same ("12000", "1.25").
    public static func canonical(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

/// Collects a fingerprint while the extractor walks the tokens: repeats are kept until `build`
/// sorts, which is cheaper than hashing every string into a set (a document repeats few).
struct FingerprintBuilder {
    private var entities: [String] = []
    private var numbers: [String] = []
    private var names: [String] = []

    mutating func addEntity(_ id: String) { entities.append(id) }

    /// Adds a number given with its `Fingerprint.canonical` form, when it is informative
    /// (`Fingerprint.isInformative`).
    mutating func addNumber(_ value: Double, canonical: String) {
        if Fingerprint.isInformative(value) { numbers.append(canonical) }
    }

    /// Whether a word counts as a name: it starts with a capital and does not start a
    /// sentence, or its script has no case. `token` and `previous` are segments of `text`
    /// (UTF-8). A name is added by its name key (`addName`).
    @inline(__always)
    static func isName(_ token: TokenSegment, previous: TokenSegment?, in text: [UInt8]) -> Bool {
        guard !token.range.isEmpty else { return false }
        let byte = text[token.range.lowerBound]
        let cased: Bool, upper: Bool
        if byte < 0x80 {
            (cased, upper) = ((0x61...0x7A).contains(byte | 0x20), (0x41...0x5A).contains(byte))
        } else {
            guard let first = UTF8Decoding.firstScalar(of: text[token.range]) else { return false }
            (cased, upper) = caseOf(first)
        }
        if cased {
            guard upper, let previous, !endsSentence(previous, in: text) else { return false }
        }
        return true
    }

    /// Whether `scalar` is cased (changes when lowercased or uppercased) and whether it is
    /// uppercase. Below U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic) from a table made once:
    /// three property lookups cost about 900 instructions, at every word that starts with such
    /// a letter.
    private static func caseOf(_ scalar: Unicode.Scalar) -> (cased: Bool, upper: Bool) {
        guard scalar.value < 0x800 else { return propertyCase(of: scalar) }
        let bits = casesBelow0800[Int(scalar.value)]
        return (bits & 1 != 0, bits & 2 != 0)
    }

    private static func propertyCase(of scalar: Unicode.Scalar) -> (cased: Bool, upper: Bool) {
        let properties = scalar.properties
        return (properties.changesWhenLowercased || properties.changesWhenUppercased, properties.isUppercase)
    }

    /// `propertyCase` of U+0000–U+07FF: bit 0 cased, bit 1 uppercase.
    private static let casesBelow0800: [UInt8] = (0..<0x800).map { value in
        let (cased, upper) = propertyCase(of: Unicode.Scalar(UInt32(value))!)
        return (cased ? 1 : 0) | (upper ? 2 : 0)
    }

    /// Adds the name key of a word that `isName` accepts, when the key has four letters or more.
    mutating func addName(_ key: String) {
        if key.utf8.count >= 4 { names.append(key) }
    }

    func build() -> Fingerprint {
        Fingerprint(entities: Self.sortedWithoutRepeats(entities), numbers: Self.sortedWithoutRepeats(numbers),
                    names: Self.sortedWithoutRepeats(names))
    }

    /// `Set(strings).sorted()`: of equal strings (canonically equivalent ones too) the first.
    private static func sortedWithoutRepeats(_ strings: [String]) -> [String] {
        if strings.count > 1, let keys = asciiKeys(strings) { return sortedWithoutRepeats(strings, keys) }
        var sorted = strings
        sorted.sort()  // stable: equal strings stay in order of appearance
        var result: [String] = []
        result.reserveCapacity(sorted.count)
        for string in sorted where result.last != string { result.append(string) }
        return result
    }

    /// An ASCII string without NUL bytes, by its first 16 bytes as two big-endian words
    /// (zero-padded) and its place: keys compare as the strings' bytes do, which for ASCII is
    /// how the strings compare, except that strings longer than 16 bytes with the same first 16
    /// compare their bytes.
    private struct ASCIIKey {
        let high: UInt64
        let low: UInt64
        let index: Int32
        let isLong: Bool

        /// The key of `string`, the `index`th string, when it is ASCII without NUL bytes.
        init?(_ string: String, index: Int) {
            var string = string
            let words: (UInt64, UInt64)? = string.withUTF8 { bytes in
                var all: UInt8 = 0, least: UInt8 = 0xFF
                for byte in bytes {
                    all |= byte
                    least = Swift.min(least, byte)
                }
                guard all < 0x80, least > 0 else { return nil }
                var padded: (UInt64, UInt64) = (0, 0)
                withUnsafeMutableBytes(of: &padded) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes).prefix(16))) }
                return (UInt64(bigEndian: padded.0), UInt64(bigEndian: padded.1))
            }
            guard let words else { return nil }
            (high, low) = words
            self.index = Int32(index)
            isLong = string.utf8.count > 16
        }
    }

    /// The keys of `strings` when all are such strings (entity ids, numbers and name keys
    /// mostly are), else nil.
    private static func asciiKeys(_ strings: [String]) -> [ASCIIKey]? {
        var keys: [ASCIIKey] = []
        keys.reserveCapacity(strings.count)
        for (index, string) in strings.enumerated() {
            guard let key = ASCIIKey(string, index: index) else { return nil }
            keys.append(key)
        }
        return keys
    }

    /// `sortedWithoutRepeats` of strings given with their `asciiKeys`, comparing two words per
    /// string rather than `String`s (a third of a fingerprint's time was `String` comparisons).
    /// Up to `insertionLimit` strings, each is inserted by binary search among the distinct ones
    /// before it: a document repeats its names, and this took less than a stable sort of all.
    private static func sortedWithoutRepeats(_ strings: [String], _ keys: [ASCIIKey]) -> [String] {
        func precedes(_ a: ASCIIKey, _ b: ASCIIKey) -> Bool {
            if a.high != b.high { return a.high < b.high }
            if a.low != b.low { return a.low < b.low }
            return (a.isLong || b.isLong) && strings[Int(a.index)].utf8.lexicographicallyPrecedes(strings[Int(b.index)].utf8)
        }
        func equal(_ a: ASCIIKey, _ b: ASCIIKey) -> Bool {
            a.high == b.high && a.low == b.low
                && (!(a.isLong || b.isLong) || strings[Int(a.index)].utf8.elementsEqual(strings[Int(b.index)].utf8))
        }
        var distinct: [ASCIIKey] = []
        if keys.count <= insertionLimit {
            distinct.reserveCapacity(keys.count)
            for key in keys {
                var low = 0, high = distinct.count
                while low < high {
                    let middle = (low &+ high) &>> 1
                    if precedes(distinct[middle], key) { low = middle &+ 1 } else { high = middle }
                }
                if low < distinct.count, equal(distinct[low], key) { continue }
                distinct.insert(key, at: low)
            }
        } else {
            var sorted = keys
            sorted.sort(by: precedes)
            distinct.reserveCapacity(sorted.count)
            for key in sorted where distinct.last.map({ !equal($0, key) }) ?? true { distinct.append(key) }
        }
        return distinct.map { strings[Int($0.index)] }
    }

    /// Beyond this many strings, insertion (quadratic in the worst case) gives way to a sort.
    private static let insertionLimit = 256

    private static func endsSentence(_ token: TokenSegment, in text: [UInt8]) -> Bool {
        guard token.kind == .punctuation else { return false }
        return text.withUnsafeBufferPointer { text in
            let mark = UnsafeBufferPointer(rebasing: text[token.range])
            return sentenceEnds.contains { $0.elementsEqual(mark) }
        }
    }

    /// The UTF-8 bytes of the punctuation that ends a sentence (or opens or closes a quote).
    private static let sentenceEnds = [".", "!", "?", ":", "…", "。", "！", "？", "\"", "“", "”", "«", "»"].map { Array($0.utf8) }
}
