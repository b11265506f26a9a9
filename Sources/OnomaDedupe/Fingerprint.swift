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
        kinds.flatMap { kind in kind.values.map { kind.prefix + $0 } }
    }

    /// The features by kind, in `features`' order, with the prefix that spells each kind.
    var kinds: [(prefix: String, values: [String])] {
        [("e:", entities), ("n:", numbers), ("w:", names)]
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
/// sorts, which is cheaper than hashing every string into a set (a document repeats few). Names
/// come as indices of `NameKeys`, which adds each once per document and knows its sort key.
/// One builder serves document after document (`removeAll`), keeping its buffers.
struct FingerprintBuilder {
    private var entities: [String] = []
    private var numbers: [String] = []
    private var names: [Int32] = []

    /// Empties the builder for the next document, keeping its buffers.
    mutating func removeAll() {
        entities.removeAll(keepingCapacity: true)
        numbers.removeAll(keepingCapacity: true)
        names.removeAll(keepingCapacity: true)
    }

    mutating func addEntity(_ id: String) { entities.append(id) }

    /// Adds a number given with its `Fingerprint.canonical` form, when it is informative
    /// (`Fingerprint.isInformative`).
    mutating func addNumber(_ value: Double, canonical: String) {
        if Fingerprint.isInformative(value) { numbers.append(canonical) }
    }

    /// Whether a word counts as a name: it starts with a capital and does not start a
    /// sentence, or its script has no case. `token` and `previous` are segments of `text`
    /// (UTF-8). A name is added by its name key (`NameKeys`, then `addName`).
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

    /// Whether a name key is evidence: it has four bytes or more.
    static func isEvidence(_ key: String) -> Bool {
        key.utf8.count >= 4
    }

    /// Adds a name by its index in the `NameKeys` that `build` is given: one that `NameKeys`
    /// returned for this document (so each at most once, its key evidence).
    mutating func addName(_ index: Int32) { names.append(index) }

    /// The fingerprint of what was added, the names' keys read from `nameKeys`.
    func build(nameKeys: NameKeys) -> Fingerprint {
        Fingerprint(entities: Self.sortedWithoutRepeats(entities), numbers: Self.sortedWithoutRepeats(numbers),
                    names: Self.sortedNames(names, nameKeys))
    }

    /// `sortedWithoutRepeats` of the keys at `indices` of `nameKeys`, by the ASCII keys made
    /// when each word was first seen.
    private static func sortedNames(_ indices: [Int32], _ nameKeys: NameKeys) -> [String] {
        var keyed: [Keyed] = []
        keyed.reserveCapacity(indices.count)
        for index in indices {
            guard let key = nameKeys.asciiKeys[Int(index)] else { return sortedStrings(indices.map { nameKeys.keys[Int($0)] }) }
            keyed.append(Keyed(key: key, index: index))
        }
        return sortedWithoutRepeats(keyed, of: nameKeys.keys)
    }

    /// `Set(strings).sorted()`: of equal strings (canonically equivalent ones too) the first.
    private static func sortedWithoutRepeats(_ strings: [String]) -> [String] {
        if strings.count > 1, let keyed = asciiKeys(strings) { return sortedWithoutRepeats(keyed, of: strings) }
        return sortedStrings(strings)
    }

    /// `sortedWithoutRepeats` by `String` comparison.
    private static func sortedStrings(_ strings: [String]) -> [String] {
        var sorted = strings
        sorted.sort()  // stable: equal strings stay in order of appearance
        var result: [String] = []
        result.reserveCapacity(sorted.count)
        for string in sorted where result.last != string { result.append(string) }
        return result
    }

    /// An ASCII string without NUL bytes, by its first 16 bytes as two big-endian words
    /// (zero-padded): keys compare as the strings' bytes do, which for ASCII is how the strings
    /// compare, except that strings longer than 16 bytes with the same first 16 compare their
    /// bytes.
    struct ASCIIKey {
        let high: UInt64
        let low: UInt64
        let isLong: Bool

        /// The key of `string` when it is ASCII without NUL bytes.
        init?(_ string: String) {
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
            isLong = string.utf8.count > 16
        }
    }

    /// An `ASCIIKey` and the index of its string.
    private struct Keyed {
        let key: ASCIIKey
        let index: Int32
    }

    /// The keys of `strings` when all are such strings (entity ids and numbers mostly are),
    /// else nil.
    private static func asciiKeys(_ strings: [String]) -> [Keyed]? {
        var keyed: [Keyed] = []
        keyed.reserveCapacity(strings.count)
        for (index, string) in strings.enumerated() {
            guard let key = ASCIIKey(string) else { return nil }
            keyed.append(Keyed(key: key, index: Int32(index)))
        }
        return keyed
    }

    /// `sortedWithoutRepeats` of the strings at the indices of `keyed` in `strings`, given with
    /// their `ASCIIKey`s, comparing two words per string rather than `String`s (a third of a
    /// fingerprint's time was `String` comparisons). Up to `insertionLimit` strings, each is
    /// inserted by binary search among the distinct ones before it: a document repeats its
    /// names, and this took less than a stable sort of all.
    private static func sortedWithoutRepeats(_ keyed: [Keyed], of strings: [String]) -> [String] {
        func precedes(_ a: Keyed, _ b: Keyed) -> Bool {
            if a.key.high != b.key.high { return a.key.high < b.key.high }
            if a.key.low != b.key.low { return a.key.low < b.key.low }
            return (a.key.isLong || b.key.isLong) && strings[Int(a.index)].utf8.lexicographicallyPrecedes(strings[Int(b.index)].utf8)
        }
        func equal(_ a: Keyed, _ b: Keyed) -> Bool {
            a.key.high == b.key.high && a.key.low == b.key.low
                && (!(a.key.isLong || b.key.isLong) || strings[Int(a.index)].utf8.elementsEqual(strings[Int(b.index)].utf8))
        }
        var distinct: [Keyed] = []
        if keyed.count <= insertionLimit {
            // In place, in a copy of `keyed`: the distinct keys so far take at most the places of
            // the keys read so far. `Array.insert` checked uniqueness and capacity at every key.
            distinct = keyed
            let count = distinct.withUnsafeMutableBufferPointer { buffer in
                var count = 0
                guard let base = buffer.baseAddress else { return count }
                for next in 0..<buffer.count {
                    let key = base[next]
                    var low = 0, high = count
                    while low < high {
                        let middle = (low &+ high) &>> 1
                        if precedes(base[middle], key) { low = middle &+ 1 } else { high = middle }
                    }
                    if low < count, equal(base[low], key) { continue }
                    (base + (low &+ 1)).moveInitialize(from: base + low, count: count &- low)
                    (base + low).initialize(to: key)
                    count &+= 1
                }
                return count
            }
            distinct.removeLast(distinct.count - count)
        } else {
            var sorted = keyed
            sorted.sort(by: precedes)
            distinct.reserveCapacity(sorted.count)
            for key in sorted where distinct.last.map({ !equal($0, key) }) ?? true { distinct.append(key) }
        }
        return distinct.map { strings[Int($0.index)] }
    }

    /// Beyond this many strings, insertion (quadratic in the worst case) gives way to a sort.
    private static let insertionLimit = 256

    @inline(__always)
    private static func endsSentence(_ token: TokenSegment, in text: [UInt8]) -> Bool {
        guard token.kind == .punctuation else { return false }
        // A one-byte mark (a comma before most capitalised words) by a bit mask of the
        // one-byte ends, not compared with each end.
        if token.range.count == 1 {
            let byte = text[token.range.lowerBound]
            return byte < 64 && oneByteSentenceEnds & (1 &<< UInt64(byte)) != 0
        }
        return text.withUnsafeBufferPointer { text in
            let mark = UnsafeBufferPointer(rebasing: text[token.range])
            return sentenceEnds.contains { $0.elementsEqual(mark) }
        }
    }

    /// The UTF-8 bytes of the punctuation that ends a sentence (or opens or closes a quote).
    private static let sentenceEnds = [".", "!", "?", ":", "…", "。", "！", "？", "\"", "“", "”", "«", "»"].map { Array($0.utf8) }

    /// A bit for each one-byte `sentenceEnds` (all below 64).
    private static let oneByteSentenceEnds: UInt64 = sentenceEnds.filter { $0.count == 1 }.reduce(0) { $0 | 1 << UInt64($1[0]) }
}
