import OnomaText

/// The signatures to cluster together, in input order, one per document id: what
/// `onoma dedupe` collects from documents and `onoma dedupe cluster` from signature records,
/// so that both cluster the same set.
///
///     var batch = SignatureBatch(allowsRepeatedIDs: false)
///     if let problem = batch.add(signature, path: "news.jsonl", line: 7) { print(problem) }
///     Clusterer(parameters: parameters).cluster(batch.signatures, crossLingual: false)
public struct SignatureBatch: Sendable {
    public private(set) var signatures: [DocumentSignature] = []
    /// Whether a repeated id is a separate document rather than an error.
    public let allowsRepeatedIDs: Bool
    private var firstSeen: [String: String] = [:]

    public init(allowsRepeatedIDs: Bool) {
        self.allowsRepeatedIDs = allowsRepeatedIDs
    }

    /// Adds the signature of the document read at `path` (and `line`), or, when its id was
    /// seen before and repeats are not allowed, leaves it out and returns the error.
    public mutating func add(_ signature: DocumentSignature, path: String, line: Int?) -> Diagnostic? {
        if let earlier = firstSeen[signature.id], !allowsRepeatedIDs {
            return Diagnostic(.error, "duplicate id '\(signature.id)' (first at \(earlier)); use --allow-duplicate-ids to keep both",
                              path: path, line: line)
        }
        firstSeen[signature.id] = firstSeen[signature.id] ?? "\(path)\(line.map { ":\($0)" } ?? "")"
        signatures.append(signature)
        return nil
    }
}
