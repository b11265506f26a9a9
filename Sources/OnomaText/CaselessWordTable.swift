/// A table of lowercase words and phrases, looked up by the UTF-8 bytes of tokens in any case:
/// what `table[String(decoding: bytes[range], as: UTF8.self).lowercased()]` finds, without
/// making a `String` or hashing one.
///
///     let units = CaselessWordTable(["km": "km", "square miles": "square miles"])
///     let bytes = Array("380 Square Miles".utf8)
///     units.value(of: [4..<10, 11..<16], in: bytes)   // "square miles"
///
/// A phrase of several tokens matches the key that joins their lowercased texts with single
/// spaces. The keys hash into an open-addressed slot array; a hit is confirmed byte by byte,
/// so a collision never gives a wrong value.
struct CaselessWordTable<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        let hash: UInt64
        let key: [UInt8]
        let value: Value
    }

    private let entries: [Entry]
    /// For each slot, the position of its entry in `entries`, or -1; the count is a power of two.
    private let slots: [Int32]

    /// A table of `words`, whose keys are lowercase.
    init(_ words: [String: Value]) {
        let entries = words.map { key, value in
            let bytes = Array(key.utf8)
            return Entry(hash: CaselessKey(CollectionOfOne(bytes.indices), in: bytes).hash, key: bytes, value: value)
        }
        var slots = [Int32](repeating: -1, count: max(8, 1 << (Int.bitWidth - (entries.count * 2).leadingZeroBitCount)))
        for (position, entry) in entries.enumerated() {
            var slot = Self.slot(of: entry.hash, count: slots.count)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(position)
        }
        self.entries = entries
        self.slots = slots
    }

    /// The value of the word at `range` of UTF-8 `bytes`, in any case.
    func value(of range: Range<Int>, in bytes: [UInt8]) -> Value? {
        value(of: CaselessKey(CollectionOfOne(range), in: bytes), in: bytes)
    }

    /// The value of the phrase of the words at `ranges` of UTF-8 `bytes`, in any case.
    ///
    /// - Complexity: O(n) in the length of the words.
    func value(of ranges: some Collection<Range<Int>>, in bytes: [UInt8]) -> Value? {
        value(of: CaselessKey(ranges, in: bytes), in: bytes)
    }

    /// The value of the phrase `key` of UTF-8 `bytes`: a key made once serves several tables.
    func value(of key: CaselessKey<some Collection<Range<Int>>>, in bytes: [UInt8]) -> Value? {
        var slot = Self.slot(of: key.hash, count: slots.count)
        while slots[slot] >= 0 {
            let entry = entries[Int(slots[slot])]
            if entry.hash == key.hash, key.equals(entry.key, in: bytes) { return entry.value }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Whether the table has the phrase `key` of `bytes`.
    func contains(_ key: CaselessKey<some Collection<Range<Int>>>, in bytes: [UInt8]) -> Bool {
        value(of: key, in: bytes) != nil
    }

    private static func slot(of hash: UInt64, count: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ hash >> 29) & (count - 1)
    }
}

/// A word or phrase of a text, given as the byte ranges of its words, with the hash of its
/// lowercased text: what `CaselessWordTable` looks up.
struct CaselessKey<Words: Collection<Range<Int>>> {
    let words: Words
    /// FNV-1a of the lowercased words joined by spaces.
    let hash: UInt64

    init(_ words: Words, in bytes: [UInt8]) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        Self.forEachByte(of: words, in: bytes) { byte in hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        self.words = words
        self.hash = hash
    }

    /// Whether the lowercased words joined by spaces are `key`.
    func equals(_ key: [UInt8], in bytes: [UInt8]) -> Bool {
        var matched = 0, equal = true
        Self.forEachByte(of: words, in: bytes) { byte in
            equal = equal && matched < key.count && key[matched] == byte
            matched += 1
        }
        return equal && matched == key.count
    }

    /// Calls `body` with each byte of the lowercased words joined by spaces.
    private static func forEachByte(of words: Words, in bytes: [UInt8], _ body: (UInt8) -> Void) {
        var first = true
        for range in words {
            if !first { body(UInt8(ascii: " ")) }
            first = false
            Lowercasing.forEachByte(of: bytes, in: range, body)
        }
    }
}
