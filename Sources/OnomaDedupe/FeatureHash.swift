/// A fast, seedable 64-bit hash for shingles and band keys (the wyhash mixing step), stable
/// across runs, processes and machines: signatures written today match those of next year.
///
///     FeatureHash.hash(Array("zelenski".utf8))   // the same value on every machine
public enum FeatureHash {
    /// Hashes bytes with `seed`.
    ///
    /// - Complexity: O(n).
    public static func hash<C: Collection<UInt8>>(_ bytes: C, seed: UInt64 = 0) -> UInt64 {
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
        h = mix(h ^ word ^ (UInt64(bytes.count) << 56), 0x8EBC_6AF0_9C88_C6E3)
        return mix(h, 0x5899_65CC_7537_4CC3)
    }

    /// Combines a 64-bit value with a seed: a cheap independent hash per permutation.
    @inline(__always)
    public static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }
}
