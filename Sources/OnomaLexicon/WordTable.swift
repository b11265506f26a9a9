/// An open-addressing hash table from (word, language) to a small integer, keyed by the word's
/// UTF-8 bytes: the canonicalizer looks up every word of every document straight from the
/// document's bytes, without making a `String`, and the index every word of every form. Words
/// hash eight bytes at a time, faster than through the seeded `Hasher`, which normalises
/// non-ASCII text first. Canonically equivalent words written in different normalisation forms
/// hash apart, so they are two keys here (each with its own value).
struct WordTable {
    /// One slot holds its hash, value, the place of its word's bytes in `bytes` and its language
    /// together, so that a probe reads one cache line rather than one per array.
    private struct Slot {
        var hash: UInt64 = 0
        /// Value + 1; 0 marks an empty slot.
        var value: Int32 = 0
        var length: Int32 = 0
        var offset = 0
        var language = ""
    }

    private var slots: [Slot]
    /// The bytes of every word in the table, one after another.
    private var bytes: [UInt8] = []
    private(set) var count = 0

    /// A table that holds `capacity` words before it grows.
    init(capacity: Int = 512) {
        var size = 1024
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: Slot(), count: size)
    }

    /// The hash of `word` in `language`.
    static func hash(_ word: String, _ language: String) -> UInt64 {
        withBytes(word) { hash($0, languageHash: languageHash(language)) }
    }

    /// The part of a word's hash that its language gives: computed once for many words.
    static func languageHash(_ language: String) -> UInt64 {
        withBytes(language) { mix($0, 0x5851_f42d_4c95_7f2d) }
    }

    /// The hash of the word `word` in the language of `languageHash`.
    static func hash(_ word: ArraySlice<UInt8>, languageHash: UInt64) -> UInt64 {
        word.withUnsafeBytes { hash($0, languageHash: languageHash) }
    }

    private static func hash(_ word: UnsafeRawBufferPointer, languageHash: UInt64) -> UInt64 {
        // murmur3's 64-bit finaliser, so that the low bits, which pick the slot, depend on all.
        var hash = mix(word, languageHash)
        hash = (hash ^ (hash >> 33)) &* 0xff51_afd7_ed55_8ccd
        hash = (hash ^ (hash >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        return hash ^ (hash >> 33)
    }

    /// Folds `bytes` into `seed` eight bytes at a time (multiply and rotate, as FxHash does).
    @inline(__always)
    private static func mix(_ bytes: UnsafeRawBufferPointer, _ seed: UInt64) -> UInt64 {
        let k: UInt64 = 0x517c_c1b7_2722_0a95
        var hash = (seed ^ UInt64(bytes.count)) &* k
        var i = 0
        while i + 8 <= bytes.count {
            hash = ((hash << 5 | hash >> 59) ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k
            i += 8
        }
        if i < bytes.count {
            var tail: UInt64 = 0, shift: UInt64 = 0
            while i < bytes.count {
                tail |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
            hash = ((hash << 5 | hash >> 59) ^ tail) &* k
        }
        return hash
    }

    /// Calls `body` with the UTF-8 bytes of `text` (every native string has them contiguous).
    private static func withBytes<R>(_ text: String, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        text.utf8.withContiguousStorageIfAvailable { body(UnsafeRawBufferPointer($0)) } ?? Array(text.utf8).withUnsafeBytes(body)
    }

    /// The value of `word` in `language`, given its `hash(_:_:)`.
    func value(_ word: String, _ language: String, hash: UInt64) -> Int32? {
        Self.withBytes(word) { value($0, language, hash: hash) }
    }

    /// The value of the word with UTF-8 bytes `word` in `language`, given its hash.
    func value(_ word: ArraySlice<UInt8>, _ language: String, hash: UInt64) -> Int32? {
        word.withUnsafeBytes { value($0, language, hash: hash) }
    }

    private func value(_ word: UnsafeRawBufferPointer, _ language: String, hash: UInt64) -> Int32? {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        return bytes.withUnsafeBytes { stored in
            while slots[index].value != 0 {
                let slot = slots[index]
                if slot.hash == hash && Int(slot.length) == word.count && slot.language == language
                    && Self.equal(UnsafeRawBufferPointer(rebasing: stored[slot.offset..<(slot.offset + word.count)]), word) {
                    return slot.value - 1
                }
                index = (index + 1) & mask
            }
            return nil
        }
    }

    /// Whether `a` and `b`, of equal length, hold the same bytes.
    @inline(__always)
    private static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        while i + 8 <= a.count {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        while i < a.count {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// Adds `word` in `language` (not yet in the table) with `value`.
    mutating func insert(_ word: String, _ language: String, hash: UInt64, value: Int32) {
        insert(word.utf8, language, hash: hash, value: value)
    }

    /// Adds the word with UTF-8 bytes `word` in `language` (not yet in the table) with `value`.
    mutating func insert(_ word: some Collection<UInt8>, _ language: String, hash: UInt64, value: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        place(Slot(hash: hash, value: value + 1, length: Int32(word.count), offset: bytes.count, language: language))
        bytes.append(contentsOf: word)
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
