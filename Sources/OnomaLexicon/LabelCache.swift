import OnomaText

/// The canonicalizer's cache of the words seen: an open-addressing hash table from a word's
/// key (`WordTable.Key`: its UTF-8 bytes and language) to its `UnitIDs`, held in the slot next
/// to the key, so that a probe of a known word reads one 40-byte slot and nothing else. (A
/// `WordTable` of positions in an array of ids took two dependent loads, each mostly a cache
/// miss for the words that are not frequent.) Keys longer than 16 bytes are kept in one byte
/// array, as `WordTable` keeps them.
struct LabelCache {
    private struct Slot {
        /// A short key's bytes; a long key's offset in `longKeys` (low 32 bits) and length
        /// (high 32 bits), and its hash.
        var low: UInt64 = 0
        var high: UInt64 = 0
        var ids = LabelCache.emptyIDs
        /// A short key's length, `longKey` for a longer one, 0 for an empty slot.
        var length: UInt8 = 0
    }

    private static let emptyIDs = UnitIDs(store: -1, folded: -1, key: -1, stem: -1, isNameLike: false, isLong: false,
                                          hasBareKeys: false, language: -1, mayStart: false)
    private static let longKey: UInt8 = 0xFF
    private var slots = [Slot](repeating: Slot(), count: 1024)
    private var longKeys: [UInt8] = []
    /// The slot of each word, by its ids' `store`.
    private var positions: [Int32] = []

    /// The words held; their ids' `store`s are 0..<count.
    var count: Int { positions.count }

    /// The ids of the word at `range` of `text` in `language` (UTF-8 bytes), given their `key`.
    @inline(__always)
    func ids(_ key: WordTable.Key, _ text: [UInt8], _ range: Range<Int>, _ language: WordTable.Language) -> UnitIDs? {
        if key.length <= WordTable.shortLength { return ids(key, long: nil) }
        return WordTable.withBytes(text, range, language.bytes) { ids(key, long: ($0, $1)) }
    }

    @inline(__always)
    private func ids(_ key: WordTable.Key, long: (word: UnsafeBufferPointer<UInt8>, language: UnsafeBufferPointer<UInt8>)?) -> UnitIDs? {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: key.hash) & mask
        while true {
            let slot = slots[index]
            if slot.length == 0 { return nil }
            if let long {
                if slot.length == Self.longKey, slot.high == key.hash, slot.low >> 32 == UInt64(UInt32(key.length)),
                   WordTable.storedKey(at: Int(slot.low & 0xFFFF_FFFF), in: longKeys, equals: long.word, long.language) {
                    return slot.ids
                }
            } else if slot.length == UInt8(truncatingIfNeeded: key.length), slot.low == key.low, slot.high == key.high {
                return slot.ids
            }
            index = (index + 1) & mask
        }
    }

    /// Adds the word at `range` of `text` in `language`, not yet in the table, with their `key`
    /// and its `ids`, whose `store` is `count`.
    mutating func insert(_ key: WordTable.Key, _ text: [UInt8], _ range: Range<Int>, _ language: WordTable.Language, ids: UnitIDs) {
        precondition(Int(ids.store) == count, "label cache stores out of order")
        if (count + 1) * 2 > slots.count { grow() }
        var slot = Slot(low: key.low, high: key.high, ids: ids, length: UInt8(truncatingIfNeeded: key.length))
        if key.length > WordTable.shortLength {
            precondition(longKeys.count <= Int(UInt32.max) - Int(key.length), "label cache keys beyond 4 GiB")
            slot.low = UInt64(longKeys.count) | UInt64(UInt32(key.length)) << 32
            slot.high = key.hash
            slot.length = Self.longKey
            longKeys.append(contentsOf: text[range])
            longKeys.append(0xFF)
            longKeys.append(contentsOf: language.bytes)
        }
        positions.append(Int32(place(slot, hash: key.hash)))
    }

    /// Records that the word with `store` alone matches no fuzzy form in `script`.
    mutating func noteNoFuzzyForm(_ store: Int32, in script: Script) {
        slots[Int(positions[Int(store)])].ids.noteNoFuzzyForm(in: script)
    }

    /// Empties the table.
    mutating func removeAll() {
        self = LabelCache()
    }

    /// Puts `slot` in the first free slot from `hash` on and returns where.
    private mutating func place(_ slot: Slot, hash: UInt64) -> Int {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].length != 0 { index = (index + 1) & mask }
        slots[index] = slot
        return index
    }

    /// Doubles the slots. A short key's hash is recomputed from its bytes, which its slot holds.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        for slot in old where slot.length != 0 {
            let hash = slot.length == Self.longKey ? slot.high : WordTable.shortKey(slot.low, slot.high, length: Int(slot.length)).hash
            positions[Int(slot.ids.store)] = Int32(place(slot, hash: hash))
        }
    }
}
