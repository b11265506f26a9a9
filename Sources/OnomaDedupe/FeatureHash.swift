/// A fast, seedable 64-bit hash for shingles and band keys (the wyhash mixing step), stable
/// across runs, processes and machines: signatures written today match those of next year.
///
///     FeatureHash.hash(Array("zelenski".utf8))   // the same value on every machine
public enum FeatureHash {
    /// Hashes bytes with `seed`.
    ///
    /// - Complexity: O(n).
    public static func hash<C: Collection<UInt8>>(_ bytes: C, seed: UInt64 = 0) -> UInt64 {
        if let value = bytes.withContiguousStorageIfAvailable({ hash(UnsafeRawBufferPointer($0), seed: seed) }) { return value }
        var h = seed ^ 0xA076_1D64_78BD_642F
        var word: UInt64 = 0
        var filled = 0
        for byte in bytes {
            word |= UInt64(byte) << (8 * UInt64(filled))
            filled += 1
            if filled == 8 {
                h = mix(h ^ word, 0xE703_7ED1_A0B4_28DB)
                word = 0
                filled = 0
            }
        }
        return finish(h, word, count: bytes.count)
    }

    /// Hashes contiguous bytes with `seed`, eight at a time: the value of `hash(_:seed:)`.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        guard let base = bytes.baseAddress else { return finish(seed ^ 0xA076_1D64_78BD_642F, 0, count: 0) }
        let (h, wordsEnd) = wholeWords(base, count: bytes.count, seed: seed)
        var offset = wordsEnd, word: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            word |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        return finish(h, word, count: bytes.count)
    }

    /// `hash(_:seed:)` of the `count` bytes at `bytes`, whose next eight bytes are readable too:
    /// the last word is one load, masked. Wrapping arithmetic: shingles call this once per
    /// window, and overflow checks were half of its instructions.
    @inline(__always)
    static func hash(padded bytes: UnsafeRawPointer, count: Int) -> UInt64 {
        let (h, offset) = wholeWords(bytes, count: count, seed: 0)
        let rest = UInt64(truncatingIfNeeded: count &- offset)  // 0..<8
        let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) & ((1 &<< (8 &* rest)) &- 1)
        return finish(h, word, count: count)
    }

    /// `hash(_:seed:)` of the little-endian bytes of `first` and then of `rest`, without
    /// writing them out: whole eight-byte words, each mixed in as it is.
    static func hash(_ first: UInt64, then rest: UnsafeBufferPointer<UInt64>, seed: UInt64) -> UInt64 {
        var h = mix(seed ^ 0xA076_1D64_78BD_642F ^ first, 0xE703_7ED1_A0B4_28DB)
        for word in rest { h = mix(h ^ word, 0xE703_7ED1_A0B4_28DB) }
        return finish(h, 0, count: 8 &* (rest.count &+ 1))
    }

    /// `hash(padded:count:)` for one `count` below 8 at every call, with the mask of its bytes
    /// and its length word made once: the shingles of an ASCII run are all `size` bytes.
    struct Short {
        private let mask: UInt64
        /// The state before the last word, the length mixed in.
        private let start: UInt64

        /// The hash of `count` bytes, when `count` is below 8.
        init?(count: Int) {
            guard (0..<8).contains(count) else { return nil }
            mask = (1 &<< (8 &* UInt64(count))) &- 1
            start = 0xA076_1D64_78BD_642F ^ (UInt64(count) &<< 56)
        }

        /// `hash(padded: bytes, count: count)`.
        @inline(__always)
        func callAsFunction(padded bytes: UnsafeRawPointer) -> UInt64 {
            let word = UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self)) & mask
            return mix(mix(start ^ word, 0x8EBC_6AF0_9C88_C6E3), 0x5899_65CC_7537_4CC3)
        }
    }

    /// `hash(padded:count:)` for one `count` at every call.
    struct Sized {
        let count: Int

        @inline(__always)
        func callAsFunction(padded bytes: UnsafeRawPointer) -> UInt64 {
            hash(padded: bytes, count: count)
        }
    }

    /// The hash state after the whole eight-byte words of the `count` bytes at `bytes`, and
    /// where the rest starts.
    @inline(__always)
    private static func wholeWords(_ bytes: UnsafeRawPointer, count: Int, seed: UInt64) -> (UInt64, Int) {
        var h = seed ^ 0xA076_1D64_78BD_642F
        var offset = 0
        while offset &+ 8 <= count {
            h = mix(h ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)), 0xE703_7ED1_A0B4_28DB)
            offset &+= 8
        }
        return (h, offset)
    }

    @inline(__always)
    private static func finish(_ h: UInt64, _ word: UInt64, count: Int) -> UInt64 {
        mix(mix(h ^ word ^ (UInt64(truncatingIfNeeded: count) &<< 56), 0x8EBC_6AF0_9C88_C6E3), 0x5899_65CC_7537_4CC3)
    }

    /// Combines a 64-bit value with a seed: a cheap independent hash per permutation.
    @inline(__always)
    public static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }
}
