/// An open-addressing hash table from (word, language) to a small integer, keyed by UTF-8
/// bytes: the canonicalizer looks up every word of every document straight from the document's
/// bytes, without making a `String`, and the index every word of every form. Canonically
/// equivalent words written in different normalisation forms are two keys here (each with its
/// own value).
///
/// A key is the word's bytes, 0xFF (never in UTF-8) and the language's bytes. A key of up to 16
/// bytes, as most words with their language are, is held in its slot, so that a lookup reads
/// one slot and no other memory; longer keys are kept in one byte array.
public struct WordTable {
    /// A key of up to 16 bytes, packed into two words (zero-padded), and its hash.
    public struct Key {
        let hash: UInt64
        /// Bytes 0..<8 and 8..<16 of a short key (little-endian); unused for a longer one.
        let low: UInt64
        let high: UInt64
        let length: Int32
    }

    private struct Slot {
        /// A short key's bytes; a longer key's offset in `longKeys` and its hash.
        var low: UInt64 = 0
        var high: UInt64 = 0
        /// Value + 1; 0 marks an empty slot.
        var value: Int32 = 0
        var length: Int32 = 0
    }

    static let shortLength = 16
    private var slots: [Slot]
    /// The bytes of the keys longer than 16 bytes, one after another.
    private var longKeys: [UInt8] = []
    public private(set) var count = 0

    /// A table that holds `capacity` words before it grows.
    public init(capacity: Int = 512) {
        var size = 1024
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: Slot(), count: size)
    }

    // MARK: Keys

    /// The key of `word` and `language`: a short one packed into two words (memory order), a
    /// long one hashed from its bytes eight at a time.
    private static func key(_ word: UnsafeBufferPointer<UInt8>, _ language: UnsafeBufferPointer<UInt8>) -> Key {
        let length = word.count + 1 + language.count
        guard length <= shortLength else {
            let hash = mix(bytes: UnsafeRawBufferPointer(language), mix(bytes: UnsafeRawBufferPointer(word), 0x2545_f491_4f6c_dd1d))
            return Key(hash: finish(hash, length: length), low: 0, high: 0, length: Int32(truncatingIfNeeded: length))
        }
        var packed: (low: UInt64, high: UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &packed) { bytes in
            bytes.copyMemory(from: UnsafeRawBufferPointer(word))
            bytes[word.count] = 0xFF
            UnsafeMutableRawBufferPointer(rebasing: bytes[(word.count + 1)...]).copyMemory(from: UnsafeRawBufferPointer(language))
        }
        return shortKey(packed.low, packed.high, length: length)
    }

    /// The key of the short key with bytes `low` and `high` (zero-padded) and `length`.
    @inline(__always)
    static func shortKey(_ low: UInt64, _ high: UInt64, length: Int) -> Key {
        var hash = mix(0x2545_f491_4f6c_dd1d, low)
        if length > 8 { hash = mix(hash, high) }
        return Key(hash: finish(hash, length: length), low: low, high: high, length: Int32(length))
    }

    /// Mixes eight bytes of a key into `hash` (multiply and rotate, as FxHash does).
    @inline(__always)
    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        ((hash << 5 | hash >> 59) ^ word) &* 0x517c_c1b7_2722_0a95
    }

    /// Mixes `bytes` into `hash` eight at a time, the last ones zero-padded.
    private static func mix(bytes: UnsafeRawBufferPointer, _ hash: UInt64) -> UInt64 {
        var hash = hash, i = 0
        while i + 8 <= bytes.count {
            hash = mix(hash, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[i...])) }
        return mix(hash, tail)
    }

    /// The hash of a key of `length` bytes whose words mixed into `hash`: murmur3's 64-bit
    /// finaliser, so that the low bits, which pick the slot, depend on all.
    @inline(__always)
    private static func finish(_ hash: UInt64, length: Int) -> UInt64 {
        var hash = hash ^ UInt64(length)
        hash = (hash ^ (hash >> 33)) &* 0xff51_afd7_ed55_8ccd
        hash = (hash ^ (hash >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        return hash ^ (hash >> 33)
    }

    /// A 64-bit hash of any bytes (as of a long key's), for checksums.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        finish(mix(bytes: bytes, 0x2545_f491_4f6c_dd1d), length: bytes.count)
    }

    /// The key of `word` in `language`.
    static func key(_ word: String, _ language: String) -> Key {
        withBytes(word, language) { key($0, $1) }
    }

    /// A language that many words are looked up in: its bytes, and the end of a short key
    /// (0xFF and those bytes), computed once.
    public struct Language: Sendable {
        let bytes: [UInt8]
        /// 0xFF and `bytes` as a little-endian number, when they take at most 8 bytes.
        fileprivate let suffix: UInt64?

        public init(_ language: String) {
            bytes = Array(language.utf8)
            suffix = bytes.count < 8 ? bytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } << 8 | 0xFF : nil
        }
    }

    /// The key of the word at `range` of the UTF-8 bytes `text` in `language`. A short key is
    /// read as two words from the text, the language's bytes put after the word's.
    public static func key(_ text: [UInt8], _ range: Range<Int>, _ language: Language) -> Key {
        let count = range.count, length = count + 1 + language.bytes.count
        guard length <= shortLength, range.lowerBound + 16 <= text.count, let suffix = language.suffix else {
            return withBytes(text, range, language.bytes) { key($0, $1) }
        }
        var (low, high) = text.withUnsafeBytes {
            ($0.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt64.self),
             $0.loadUnaligned(fromByteOffset: range.lowerBound + 8, as: UInt64.self))
        }
        // Keep the word's `count` bytes (at most 15) and put the suffix (at most 8 bytes, all
        // of which fit in the 16) right after them.
        if count < 8 {
            low = low & ((1 &<< UInt64(count * 8)) &- 1) | suffix &<< UInt64(count * 8)
            high = count == 0 ? 0 : suffix &>> UInt64(64 - count * 8)
        } else {
            high = high & ((1 &<< UInt64((count - 8) * 8)) &- 1) | suffix &<< UInt64((count - 8) * 8)
        }
        return shortKey(low, high, length: length)
    }

    /// Calls `body` with the UTF-8 bytes of `word` and of `language` (native strings have them
    /// contiguous).
    private static func withBytes<R>(_ word: String, _ language: String,
                                     _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        func bytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
            text.utf8.withContiguousStorageIfAvailable(body) ?? Array(text.utf8).withUnsafeBufferPointer(body)
        }
        return bytes(word) { word in bytes(language) { body(word, $0) } }
    }

    static func withBytes<R>(_ text: [UInt8], _ range: Range<Int>, _ language: [UInt8],
                                     _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        text.withUnsafeBufferPointer { text in
            language.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: text[range]), $0) }
        }
    }

    /// The key of four integers, for a table keyed by small tuples of integers rather than by
    /// words: 16 bytes, so a short key, hashed and compared as two words.
    static func key(_ a: Int32, _ b: Int32, _ c: Int32, _ d: Int32) -> Key {
        shortKey(UInt64(UInt32(bitPattern: a)) | UInt64(UInt32(bitPattern: b)) << 32,
                 UInt64(UInt32(bitPattern: c)) | UInt64(UInt32(bitPattern: d)) << 32, length: shortLength)
    }

    // MARK: Lookup

    /// The value of a key of integers (`key(_:_:_:_:)`).
    func value(_ key: Key) -> Int32? {
        value(key, nil)
    }

    /// The value of `word` in `language`, given their `key`.
    func value(_ key: Key, _ word: String, _ language: String) -> Int32? {
        key.length <= Self.shortLength ? value(key, nil) : Self.withBytes(word, language) { value(key, ($0, $1)) }
    }

    /// The value of the word at `range` of `text` in `language` (UTF-8 bytes), given their `key`.
    public func value(_ key: Key, _ text: [UInt8], _ range: Range<Int>, _ language: Language) -> Int32? {
        key.length <= Self.shortLength ? value(key, nil) : Self.withBytes(text, range, language.bytes) { value(key, ($0, $1)) }
    }

    /// The value of `key`; the bytes of a long key's word and language compare it with the
    /// long keys stored.
    @inline(__always)
    private func value(_ key: Key, _ long: (word: UnsafeBufferPointer<UInt8>, language: UnsafeBufferPointer<UInt8>)?) -> Int32? {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: key.hash) & mask
        while true {
            let slot = slots[index]
            if slot.value == 0 { return nil }
            if slot.length == key.length {
                if let long {
                    if slot.high == key.hash && Self.storedKey(at: Int(slot.low), in: longKeys, equals: long.word, long.language) { return slot.value - 1 }
                } else if slot.low == key.low && slot.high == key.high {
                    return slot.value - 1
                }
            }
            index = (index + 1) & mask
        }
    }

    /// Whether the long key at `offset` in `longKeys` (keys stored one after another) is
    /// `word`, 0xFF, `language`.
    static func storedKey(at offset: Int, in longKeys: [UInt8], equals word: UnsafeBufferPointer<UInt8>,
                          _ language: UnsafeBufferPointer<UInt8>) -> Bool {
        longKeys.withUnsafeBufferPointer { stored in
            let languageStart = offset + word.count + 1
            return stored[languageStart - 1] == 0xFF
                && equal(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: stored[offset..<(languageStart - 1)])),
                         UnsafeRawBufferPointer(word))
                && equal(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: stored[languageStart..<(languageStart + language.count)])),
                         UnsafeRawBufferPointer(language))
        }
    }

    /// Whether `a` and `b`, of equal length, hold the same bytes.
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

    /// Calls `body` with the bytes of each key (the word's, 0xFF, the language's) and its value,
    /// in slot order.
    func forEachKey(_ body: (_ key: [UInt8], _ value: Int32) -> Void) {
        for slot in slots where slot.value != 0 {
            let length = Int(slot.length)
            if length <= Self.shortLength {
                var packed = (slot.low, slot.high)
                body(withUnsafeBytes(of: &packed) { Array($0[..<length]) }, slot.value - 1)
            } else {
                body(Array(longKeys[Int(slot.low)..<(Int(slot.low) + length)]), slot.value - 1)
            }
        }
    }

    // MARK: Insertion

    /// Adds `word` in `language`, not yet in the table, with their `key` and `value`.
    mutating func insert(_ key: Key, _ word: String, _ language: String, value: Int32) {
        if key.length <= Self.shortLength { return insert(key, long: nil, value: value) }
        Self.withBytes(word, language) { insert(key, long: ($0, $1), value: value) }
    }

    /// Adds the word at `range` of `text` in `language` (UTF-8 bytes), not yet in the table,
    /// with their `key` and `value`.
    public mutating func insert(_ key: Key, _ text: [UInt8], _ range: Range<Int>, _ language: Language, value: Int32) {
        if key.length <= Self.shortLength { return insert(key, long: nil, value: value) }
        Self.withBytes(text, range, language.bytes) { insert(key, long: ($0, $1), value: value) }
    }

    /// Adds a key of integers (`key(_:_:_:_:)`), not yet in the table, with `value`.
    mutating func insert(_ key: Key, value: Int32) {
        insert(key, long: nil, value: value)
    }

    private mutating func insert(_ key: Key, long: (word: UnsafeBufferPointer<UInt8>, language: UnsafeBufferPointer<UInt8>)?,
                                 value: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        var slot = Slot(low: key.low, high: key.high, value: value + 1, length: key.length)
        if let long {
            slot.low = UInt64(longKeys.count)
            slot.high = key.hash
            longKeys.append(contentsOf: long.word)
            longKeys.append(0xFF)
            longKeys.append(contentsOf: long.language)
        }
        place(slot, hash: key.hash)
        count += 1
    }

    /// Empties the table.
    public mutating func removeAll() {
        self = WordTable()
    }

    private mutating func place(_ slot: Slot, hash: UInt64) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].value != 0 { index = (index + 1) & mask }
        slots[index] = slot
    }

    /// Doubles the slots. A short key's hash is recomputed from its bytes, which its slot holds.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        for slot in old where slot.value != 0 {
            let length = Int(slot.length)
            place(slot, hash: length <= Self.shortLength ? Self.shortKey(slot.low, slot.high, length: length).hash : slot.high)
        }
    }
}

extension WordTable {
    func encode(into writer: inout SnapshotWriter) {
        writer.integer(Int32(MemoryLayout<Slot>.stride))
        writer.array(slots)
        writer.array(longKeys)
    }

    /// A table read back from a snapshot, checked so that every probe ends (a free slot
    /// remains) and every long key lies inside the stored bytes.
    init(decoding reader: inout SnapshotReader) throws(LexiconSnapshot.Failure) {
        guard try reader.integer(Int32.self) == MemoryLayout<Slot>.stride else { throw .foreign("its word tables have another layout") }
        slots = try reader.array()
        longKeys = try reader.array()
        count = slots.count { $0.value != 0 }
        guard slots.count.nonzeroBitCount == 1, count * 2 <= slots.count,
              slots.allSatisfy({ $0.value >= 0 && $0.length >= 0
                  && ($0.length <= Self.shortLength
                      || (Int($0.length) <= longKeys.count && $0.low <= UInt64(longKeys.count - Int($0.length)))) })
        else { throw .damaged("word table slots out of range") }
    }
}
