import Foundation

/// Finds translations: documents in different languages whose fingerprints share rare
/// features. Candidates come from an inverted index over fingerprint features (features found
/// in too many documents are not searched); each candidate pair is scored by the cosine of the
/// two fingerprints with features weighted by inverse document frequency.
struct TranslationLinker {
    private let signatures: [DocumentSignature]
    private let threshold: Double
    private var postings: [String: [Int32]] = [:]
    private var weights: [String: Double] = [:]
    private var norms: [Double] = []
    /// Features in more than this share of documents say nothing about one story.
    private static let maximumDocumentShare = 0.05

    init(_ signatures: [DocumentSignature], threshold: Double) {
        self.signatures = signatures
        self.threshold = threshold
        for (index, signature) in signatures.enumerated() {
            for feature in signature.fingerprint.features { postings[feature, default: []].append(Int32(index)) }
        }
        let count = Double(max(signatures.count, 1))
        for (feature, documents) in postings { weights[feature] = log(count / Double(documents.count)) + 1 }
        norms = signatures.map { signature in
            sqrt(signature.fingerprint.features.reduce(0) { $0 + pow(weights[$1] ?? 0, 2) })
        }
    }

    /// Pairs in different languages whose similarity reaches the threshold.
    func pairs() -> [(Pair, Double)] {
        let limit = max(2, Int(Double(signatures.count) * Self.maximumDocumentShare))
        var result: [(Pair, Double)] = []
        for (index, signature) in signatures.enumerated() {
            var dot: [Int: Double] = [:]
            for feature in signature.fingerprint.features {
                guard let documents = postings[feature], documents.count <= limit, let weight = weights[feature] else { continue }
                for other in documents where Int(other) > index {
                    dot[Int(other), default: 0] += weight * weight
                }
            }
            for (other, product) in dot {
                guard signatures[other].lang != signature.lang, norms[index] > 0, norms[other] > 0 else { continue }
                let similarity = product / (norms[index] * norms[other])
                if similarity >= threshold { result.append((Pair(index, other), similarity)) }
            }
        }
        return result
    }
}
