/// The settings that make signatures comparable: two signatures can only be compared when
/// they were made with the same parameters (the persistent index stores them).
public struct DedupeParameters: Sendable, Hashable {
    /// MinHash permutations.
    public var permutations = 128
    /// The seed of the MinHash permutations and band hashes.
    public var seed: UInt64 = 1
    /// Characters per shingle.
    public var shingleSize = 5
    /// The estimated Jaccard similarity from which two documents are duplicates.
    public var threshold = 0.35
    /// Explicit LSH banding; nil derives it from the threshold.
    public var bands: Int? = nil
    public var rows: Int? = nil
    /// The fingerprint similarity from which documents in different languages are translations.
    public var translationThreshold = 0.15
    /// LSH buckets with more documents than this are boilerplate (a shared footer, an empty
    /// text): they are skipped rather than turned into a quadratic number of candidate pairs.
    public var bucketLimit = 1000

    public init() {}

    /// The banding these parameters give.
    public func lsh() throws(DedupeError) -> LSHParameters {
        if let bands, let rows { return try LSHParameters(bands: bands, rows: rows, permutations: permutations) }
        if bands != nil || rows != nil { throw DedupeError("give both --bands and --rows, or neither (then the threshold decides)") }
        return try LSHParameters(threshold: threshold, permutations: permutations)
    }
}
