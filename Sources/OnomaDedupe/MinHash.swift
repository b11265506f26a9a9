/// MinHash signatures: for each of `permutations` seeded hash functions, the least hash of the
/// document's features. The share of equal positions in two signatures estimates the Jaccard
/// similarity of their feature sets.
///
///     let minHash = MinHash(permutations: 128, seed: 1)
///     let a = minHash.signature(of: featuresA), b = minHash.signature(of: featuresB)
///     MinHash.similarity(a, b)   // ≈ |A ∩ B| / |A ∪ B|
public struct MinHash: Sendable, Hashable {
    public let permutations: Int
    public let seed: UInt64
    private let multipliers: [UInt64]

    public init(permutations: Int, seed: UInt64) {
        precondition(permutations > 0, "a MinHash needs at least one permutation")
        self.permutations = permutations
        self.seed = seed
        var state = seed
        multipliers = (0..<permutations).map { _ in
            // splitmix64: well-spread odd multipliers, fixed by the seed.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return (z ^ (z >> 31)) | 1
        }
    }

    /// The signature of a feature set (hashed features). An empty set gives all `UInt64.max`.
    ///
    /// - Complexity: O(k·n) for k permutations and n features.
    public func signature(of features: [UInt64]) -> [UInt64] {
        var minimums = [UInt64](repeating: .max, count: permutations)
        minimums.withUnsafeMutableBufferPointer { mins in
            for feature in features {
                for i in 0..<permutations {
                    let value = FeatureHash.mix(feature, multipliers[i])
                    if value < mins[i] { mins[i] = value }
                }
            }
        }
        return minimums
    }

    /// The estimated Jaccard similarity: the share of positions where two signatures agree.
    public static func similarity(_ a: [UInt64], _ b: [UInt64]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var equal = 0
        for i in a.indices where a[i] == b[i] && a[i] != .max { equal += 1 }
        return Double(equal) / Double(a.count)
    }
}
