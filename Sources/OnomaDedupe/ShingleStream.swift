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

    /// Appends the word at `range` of `text` (UTF-8 bytes) lowercased when it is ASCII (its
    /// `Folding.matchKey`); returns false and appends nothing otherwise.
    mutating func append(asciiLowercased range: Range<Int>, of text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { text in
            let word = UnsafeBufferPointer(rebasing: text[range])
            for byte in word where byte >= 0x80 { return false }
            separate()
            let start = bytes.count
            bytes.append(contentsOf: word)
            bytes.withUnsafeMutableBufferPointer { bytes in
                for i in start..<bytes.count where bytes[i] &- UInt8(ascii: "A") < 26 { bytes[i] |= 0x20 }
            }
            return true
        }
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
    ///
    /// The window moves a character at a time over the bytes; eight zero bytes after the stream
    /// let `FeatureHash` read a shingle's last word in one load, and are a character start that
    /// ends the last window. A stream without multi-byte characters (most documents without a
    /// lexicon) has a window at every byte.
    mutating func shingles(size: Int) -> [UInt64] {
        let count = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: 8))
        defer { bytes.removeLast(8) }
        return bytes.withUnsafeBytes { padded in
            let base = padded.baseAddress!
            func isStart(_ offset: Int) -> Bool { padded[offset] & 0xC0 != 0x80 }
            let characters = Self.characterStarts(base, count: count)
            guard characters > 0 else { return [] }
            guard characters >= size else { return [FeatureHash.hash(padded: base, count: count)] }
            let windows = characters - size + 1
            return [UInt64](unsafeUninitializedCapacity: windows) { hashes, initialized in
                if characters == count {
                    for window in 0..<windows { hashes[window] = FeatureHash.hash(padded: base + window, count: size) }
                } else {
                    // The window [low, high) of `size` characters.
                    var low = 0, high = 0
                    for _ in 0..<size {
                        high &+= 1
                        while !isStart(high) { high &+= 1 }
                    }
                    for window in 0..<windows {
                        hashes[window] = FeatureHash.hash(padded: base + low, count: high &- low)
                        low &+= 1
                        while !isStart(low) { low &+= 1 }
                        high &+= 1
                        while !isStart(high) { high &+= 1 }
                    }
                }
                initialized = windows
            }
        }
    }

    /// The number of bytes that start a character among the `count` bytes at `bytes` (which
    /// are followed by eight readable bytes): all but the continuation bytes (10xxxxxx), counted
    /// eight at a time.
    private static func characterStarts(_ bytes: UnsafeRawPointer, count: Int) -> Int {
        var continuations = 0, offset = 0
        while offset < count {
            var word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            if count &- offset < 8 { word &= (1 &<< (8 &* UInt64(truncatingIfNeeded: count &- offset))) &- 1 }
            continuations &+= (word & ~(word &<< 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            offset &+= 8
        }
        return count &- continuations
    }
}
