/// The text that shingles are cut from: a document's folded words, entity ids ("⟨Q61⟩") and
/// number values ("#12000") joined by single spaces, written as UTF-8 into one buffer that
/// `FeatureExtractor` reuses from one document to the next, without a `String` per item.
///
///     var stream = ShingleStream()
///     stream.append(entity: "Q61")
///     stream.append(word: "visited")
///     stream.shingles(size: 5)   // hashes of "⟨Q61⟩", "Q61⟩ ", …, "isited"
struct ShingleStream {
    private var bytes: [UInt8] = []
    /// Byte offsets in `bytes` where characters (scalars) start, and the end: kept for its capacity.
    private var starts: [Int] = []
    private var items = 0

    /// Empties the stream, keeping its buffers.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        items = 0
    }

    mutating func append(word: String) {
        separate()
        bytes.append(contentsOf: word.utf8)
    }

    /// Appends `word` lowercased when it is ASCII (its `Folding.matchKey`); returns false and
    /// appends nothing otherwise.
    mutating func append(asciiLowercased word: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in word where byte >= 0x80 { return false }
        separate()
        for byte in word { bytes.append(byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte) }
        return true
    }

    /// Appends an entity id as "⟨id⟩".
    mutating func append(entity: String) {
        separate()
        bytes.append(contentsOf: [0xE2, 0x9F, 0xA8])  // ⟨
        bytes.append(contentsOf: entity.utf8)
        bytes.append(contentsOf: [0xE2, 0x9F, 0xA9])  // ⟩
    }

    /// Appends a number in canonical form as "#value".
    mutating func append(number: String) {
        separate()
        bytes.append(UInt8(ascii: "#"))
        bytes.append(contentsOf: number.utf8)
    }

    private mutating func separate() {
        if items > 0 { bytes.append(0x20) }
        items += 1
    }

    /// Hashed character n-grams of `size` characters, with repeats (MinHash ignores them); a
    /// stream shorter than `size` characters is one shingle, an empty one none.
    mutating func shingles(size: Int) -> [UInt64] {
        starts.removeAll(keepingCapacity: true)
        for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { starts.append(offset) }
        starts.append(bytes.count)
        let characters = starts.count - 1
        guard characters > 0 else { return [] }
        return bytes.withUnsafeBytes { bytes in
            guard characters >= size else { return [FeatureHash.hash(bytes)] }
            return starts.withUnsafeBufferPointer { starts in
                (0...(characters - size)).map { i in
                    FeatureHash.hash(UnsafeRawBufferPointer(rebasing: bytes[starts[i]..<starts[i + size]]))
                }
            }
        }
    }
}
