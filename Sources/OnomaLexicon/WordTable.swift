/// An open-addressing hash table from (word, language) to a small integer, hashed with FNV-1a
/// over the UTF-8 bytes: the canonicalizer looks up every word of every document and the index
/// every word of every form, and words hash faster this way than through the seeded `Hasher`,
/// which normalises non-ASCII text first. Canonically equivalent words written in different
/// normalisation forms hash apart, so they are two keys here (each with its own value).
struct WordTable {
    private var hashes: [UInt64]
    /// Value + 1 per slot; 0 marks an empty slot.
    private var values: [Int32]
    private var words: [(word: String, language: String)]
    private(set) var count = 0

    /// A table that holds `capacity` words before it grows.
    init(capacity: Int = 512) {
        var slots = 1024
        while slots < capacity * 2 { slots *= 2 }
        hashes = Array(repeating: 0, count: slots)
        values = Array(repeating: 0, count: slots)
        words = Array(repeating: ("", ""), count: slots)
    }

    static func hash(_ word: String, _ language: String) -> UInt64 {
        var hash = fnv(word.utf8, 0xcbf2_9ce4_8422_2325)
        hash = (hash ^ 0xff) &* 0x100_0000_01b3
        return fnv(language.utf8, hash)
    }

    /// FNV-1a of `bytes` from `hash`, over the contiguous UTF-8 (every native string has it):
    /// iterating a `String.UTF8View` byte by byte costs several times more.
    private static func fnv(_ bytes: String.UTF8View, _ hash: UInt64) -> UInt64 {
        func fold(_ bytes: some Sequence<UInt8>) -> UInt64 {
            var hash = hash
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return hash
        }
        return bytes.withContiguousStorageIfAvailable(fold) ?? fold(bytes)
    }

    /// The value of `word` in `language`, given its `hash(_:_:)`.
    func value(_ word: String, _ language: String, hash: UInt64) -> Int32? {
        let mask = values.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while values[slot] != 0 {
            if hashes[slot] == hash && words[slot].word == word && words[slot].language == language { return values[slot] - 1 }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds `word` in `language` (not yet in the table) with `value`.
    mutating func insert(_ word: String, _ language: String, hash: UInt64, value: Int32) {
        if (count + 1) * 2 > values.count { grow() }
        place(word, language, hash: hash, value: value + 1)
        count += 1
    }

    mutating func removeAll() {
        self = WordTable()
    }

    private mutating func place(_ word: String, _ language: String, hash: UInt64, value: Int32) {
        let mask = values.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while values[slot] != 0 { slot = (slot + 1) & mask }
        hashes[slot] = hash
        values[slot] = value
        words[slot] = (word, language)
    }

    private mutating func grow() {
        let old = (hashes, values, words)
        hashes = Array(repeating: 0, count: old.0.count * 2)
        values = Array(repeating: 0, count: old.0.count * 2)
        words = Array(repeating: ("", ""), count: old.0.count * 2)
        for slot in old.1.indices where old.1[slot] != 0 {
            place(old.2[slot].word, old.2[slot].language, hash: old.0[slot], value: old.1[slot])
        }
    }
}
