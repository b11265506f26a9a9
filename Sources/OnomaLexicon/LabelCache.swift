import OnomaText

/// The canonicalizer's cache of the words seen: an open-addressing hash table from a word's
/// key (`WordTable.Key`: its UTF-8 bytes and language) to its `UnitIDs`, held in the slot next
/// to the key, so that a probe of a known word reads one cache line and nothing else: a slot
/// is 64 bytes and the slots start at a multiple of 64. (A `WordTable` of positions in an
/// array of ids took two dependent loads, each mostly a cache miss for the words that are not
/// frequent; 40-byte slots in an array straddled two lines in every other slot.) Keys longer
/// than 16 bytes are kept in one byte array, as `WordTable` keeps them.
///
/// A class: it owns its aligned slots, which a copy would share.
final class LabelCache {
    private struct Slot {
        /// A short key's bytes; a long key's offset in `longKeys` (low 32 bits) and length
        /// (high 32 bits), and its hash.
        var low: UInt64
        var high: UInt64
        var ids: UnitIDs
        /// A short key's length, `longKey` for a longer one, 0 for an empty slot (all of
        /// whose bytes are zero).
        var length: UInt8
        /// To 64 bytes, one cache line.
        private var padding: (UInt64, UInt64, UInt64) = (0, 0, 0)

        init(low: UInt64, high: UInt64, ids: UnitIDs, length: UInt8) {
            self.low = low
            self.high = high
            self.ids = ids
            self.length = length
        }
    }

    /// Slots of 64 bytes from a multiple of 64, all bytes zero at first (an empty slot).
    private final class Lines {
        let slots: UnsafeMutablePointer<Slot>
        let count: Int

        init(count: Int) {
            precondition(MemoryLayout<Slot>.stride == 64, "a label cache slot is not one cache line")
            let raw = UnsafeMutableRawPointer.allocate(byteCount: count * 64, alignment: 64)
            raw.initializeMemory(as: UInt8.self, repeating: 0, count: count * 64)
            slots = raw.bindMemory(to: Slot.self, capacity: count)
            self.count = count
        }

        deinit {
            slots.deallocate()
        }
    }

    private static let longKey: UInt8 = 0xFF
    private var lines = Lines(count: 1024)
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
        let slots = lines.slots, mask = lines.count - 1
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
    func insert(_ key: WordTable.Key, _ text: [UInt8], _ range: Range<Int>, _ language: WordTable.Language, ids: UnitIDs) {
        precondition(Int(ids.store) == count, "label cache stores out of order")
        if (count + 1) * 2 > lines.count { grow() }
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
    func noteNoFuzzyForm(_ store: Int32, in script: Script) {
        lines.slots[Int(positions[Int(store)])].ids.noteNoFuzzyForm(in: script)
    }

    /// Empties the table.
    func removeAll() {
        lines = Lines(count: 1024)
        longKeys = []
        positions = []
    }

    /// Puts `slot` in the first free slot from `hash` on and returns where.
    private func place(_ slot: Slot, hash: UInt64) -> Int {
        let slots = lines.slots, mask = lines.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].length != 0 { index = (index + 1) & mask }
        slots[index] = slot
        return index
    }

    /// Doubles the slots. A short key's hash is recomputed from its bytes, which its slot holds.
    private func grow() {
        let old = lines
        lines = Lines(count: old.count * 2)
        for slot in UnsafeBufferPointer(start: old.slots, count: old.count) where slot.length != 0 {
            let hash = slot.length == Self.longKey ? slot.high : WordTable.shortKey(slot.low, slot.high, length: Int(slot.length)).hash
            positions[Int(slot.ids.store)] = Int32(place(slot, hash: hash))
        }
    }
}
