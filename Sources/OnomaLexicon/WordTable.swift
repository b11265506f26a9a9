/// An open-addressing hash table from (word, language) to a small integer, hashed with FNV-1a
/// over the UTF-8 bytes: the canonicalizer looks up every word of every document and the index
/// every word of every form, and words hash faster this way than through the seeded `Hasher`,
/// which normalises non-ASCII text first. Canonically equivalent words written in different
/// normalisation forms hash apart, so they are two keys here (each with its own value).
struct WordTable {
    /// One slot holds its hash, value and key together, so that a probe reads one cache line
    /// rather than one per array.
    private struct Slot {
        var hash: UInt64 = 0
        /// Value + 1; 0 marks an empty slot.
        var value: Int32 = 0
        var word = ""
        var language = ""
    }

    private var slots: [Slot]
    private(set) var count = 0

    /// A table that holds `capacity` words before it grows.
    init(capacity: Int = 512) {
        var size = 1024
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: Slot(), count: size)
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
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].value != 0 {
            if slots[index].hash == hash && slots[index].word == word && slots[index].language == language { return slots[index].value - 1 }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Adds `word` in `language` (not yet in the table) with `value`.
    mutating func insert(_ word: String, _ language: String, hash: UInt64, value: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        place(Slot(hash: hash, value: value + 1, word: word, language: language))
        count += 1
    }

    mutating func removeAll() {
        self = WordTable()
    }

    private mutating func place(_ slot: Slot) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: slot.hash) & mask
        while slots[index].value != 0 { index = (index + 1) & mask }
        slots[index] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        for slot in old where slot.value != 0 { place(slot) }
    }
}
