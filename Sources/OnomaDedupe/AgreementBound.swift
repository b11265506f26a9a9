/// The low byte of every MinHash value of a batch of signatures, side by side in one array: a
/// cheap upper bound on how many positions two signatures agree on, since equal values have
/// equal low bytes.
///
/// Clustering verifies every pair of documents that share an LSH band, and on news most share
/// a band without being duplicates (861,195 pairs for 17,233 links on 20,000 articles): reading
/// two signatures of 1 KB each from anywhere in memory was 7% of `onoma dedupe`. The bound reads
/// 128 bytes of each from an array 8 times smaller, and only pairs it lets through are compared
/// in full, so the links are exactly those of the full comparison.
///
///     let bound = AgreementBound(signatures.map(\.minHash))
///     bound?.reaches(0.35, 3, 7)   // false: documents 3 and 7 cannot have a similarity of 0.35
struct AgreementBound {
    private let words: [UInt64]
    /// Words of low bytes per signature, the last one padded with zero bytes.
    private let stride: Int
    private let permutations: Int

    /// Nil unless every signature has the same number of values (at least one).
    init?(_ signatures: [[UInt64]]) {
        guard let permutations = signatures.first?.count, permutations > 0,
              signatures.allSatisfy({ $0.count == permutations }) else { return nil }
        self.permutations = permutations
        stride = (permutations + 7) / 8
        let stride = stride
        // Through the buffers, with wrapping arithmetic: checks per value were most of the work.
        words = [UInt64](unsafeUninitializedCapacity: signatures.count * stride) { words, initialized in
            words.initialize(repeating: 0)
            for (document, signature) in signatures.enumerated() {
                let row = words.baseAddress! + document &* stride
                signature.withUnsafeBufferPointer { signature in
                    for position in 0..<permutations {
                        row[position &>> 3] |= (signature[position] & 0xFF) &<< UInt64(truncatingIfNeeded: (position & 7) &* 8)
                    }
                }
            }
            initialized = signatures.count * stride
        }
    }

    /// Whether documents `a` and `b` may agree on `threshold` of their positions or more (the
    /// share `MinHash.similarity` gives); false only when they cannot.
    ///
    /// Equal bytes are counted per byte lane, 255 words at most before the lanes are summed:
    /// `nonzeroBitCount` is a software popcount on baseline x86-64, and one per word was most
    /// of the instructions of clustering.
    func reaches(_ threshold: Double, _ a: Int, _ b: Int) -> Bool {
        let stride = stride
        let equal = words.withUnsafeBufferPointer { words in
            // Wrapping arithmetic on the two rows' starts: overflow checks per word were a third
            // of the loop.
            let rowA = words.baseAddress! + a &* stride, rowB = words.baseAddress! + b &* stride
            var equal = 0, word = 0
            while word < stride {
                // Each byte of `lanes` counts the words whose byte there was equal in both.
                var lanes: UInt64 = 0
                let end = Swift.min(stride, word &+ 255)
                while word < end {
                    // The high bit of each byte of `zero` is set where the bytes of the two words are equal.
                    let x = rowA[word] ^ rowB[word]
                    let zero = ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x | 0x7F7F_7F7F_7F7F_7F7F)
                    lanes &+= zero >> 7
                    word &+= 1
                }
                // Byte lanes into four 16-bit lanes (at most 510 each), then their sum.
                let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ (lanes >> 8 & 0x00FF_00FF_00FF_00FF)
                equal += Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
            }
            return equal
        }
        // Padding bytes are zero in both, so they agree: take them out.
        return Double(equal - (stride * 8 - permutations)) / Double(permutations) >= threshold
    }
}
