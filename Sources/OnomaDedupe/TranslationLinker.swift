import Foundation

/// Finds translations: documents in different languages whose fingerprints share rare
/// features. Candidates come from an inverted index over fingerprint features (features found
/// in too many documents are not searched); each candidate pair is scored by the cosine of the
/// two fingerprints with features weighted by inverse document frequency.
///
/// The documents before `knownCount` were linked in an earlier batch (they come from a
/// `StoryIndex`): only pairs with at least one later document are scored, and the document
/// frequencies are the collection's, not the working set's.
struct TranslationLinker<Feature: Hashable> {
    /// Document frequencies over a whole collection of which the linker sees a part.
    struct Collection {
        let documentCount: Int
        let frequency: (Feature) -> Int
    }

    private let features: [[Feature]]
    private let languages: [String?]
    private let threshold: Double
    private let knownCount: Int
    private let limit: Int
    private var postings: [Feature: [Int32]] = [:]
    private var frequencies: [Feature: Int] = [:]
    private var weights: [Feature: Double] = [:]
    private var norms: [Double] = []
    /// Features in more than this share of documents say nothing about one story.
    private static var maximumDocumentShare: Double { 0.05 }

    /// - Parameters:
    ///   - features: each document's fingerprint features, without repeats.
    ///   - collection: the document frequencies when the documents are part of a larger
    ///     collection; nil counts them over `features`.
    init(features: [[Feature]], languages: [String?], threshold: Double, knownCount: Int = 0, collection: Collection? = nil) {
        self.features = features
        self.languages = languages
        self.threshold = threshold
        self.knownCount = knownCount
        for (index, documentFeatures) in features.enumerated() {
            for feature in documentFeatures { postings[feature, default: []].append(Int32(index)) }
        }
        let documentCount = collection?.documentCount ?? features.count
        for (feature, documents) in postings {
            let frequency = collection?.frequency(feature) ?? documents.count
            frequencies[feature] = frequency
            weights[feature] = log(Double(max(documentCount, 1)) / Double(frequency)) + 1
        }
        limit = Self.searchLimit(documentCount: documentCount)
        norms = features.map { documentFeatures in
            sqrt(documentFeatures.reduce(0) { $0 + pow(weights[$1] ?? 0, 2) })
        }
    }

    /// The most documents a feature may be in and still be searched for candidates.
    static func searchLimit(documentCount: Int) -> Int {
        max(2, Int(Double(documentCount) * maximumDocumentShare))
    }

    /// Pairs in different languages, at least one of them not known, whose similarity reaches
    /// the threshold.
    func pairs() -> [(Pair, Double)] {
        var result: [(Pair, Double)] = []
        for index in knownCount..<features.count {
            var dot: [Int: Double] = [:]
            for feature in features[index] {
                guard let documents = postings[feature], frequencies[feature]! <= limit, let weight = weights[feature] else { continue }
                for other in documents where (Int(other) > index || Int(other) < knownCount) && languages[Int(other)] != languages[index] {
                    dot[Int(other), default: 0] += weight * weight
                }
            }
            for (other, product) in dot {
                guard norms[index] > 0, norms[other] > 0 else { continue }
                let similarity = product / (norms[index] * norms[other])
                if similarity >= threshold { result.append((Pair(index, other), similarity)) }
            }
        }
        return result
    }
}
