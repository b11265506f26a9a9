import Foundation
import OnomaLexicon

/// A link between two documents and why.
public struct DocumentLink: Sendable, Hashable {
    public enum Relation: String, Sendable {
        /// Same language, near-identical text: a syndicated copy or a rewrite.
        case duplicate
        /// Different languages, same entities, numbers and names: a translation.
        case translation
    }

    public let a: String
    public let b: String
    public let similarity: Double
    public let relation: Relation
}

/// Where a document ended up.
public struct ClusterAssignment: Sendable, Hashable {
    public let id: String
    /// The cluster's id: its representative's id, so it is stable across runs on the same input.
    public let cluster: String
    /// The id of the cluster's representative: the cluster id.
    public var representative: String { cluster }
}

/// The outcome of clustering: an assignment per document (in input order), the links found,
/// and how many LSH buckets were skipped as boilerplate.
public struct Clustering: Sendable {
    public let assignments: [ClusterAssignment]
    public let links: [DocumentLink]
    public let skippedBuckets: Int
}

/// Clusters signatures: LSH candidates verified on MinHash similarity (duplicates), plus, when
/// asked, fingerprint candidates in other languages verified on weighted overlap (translations);
/// then connected components, each represented by its earliest document (by date) or else its
/// longest.
public struct Clusterer: Sendable {
    public let parameters: DedupeParameters

    public init(parameters: DedupeParameters) {
        self.parameters = parameters
    }

    /// - Complexity: O(n·b) for n documents and b bands, plus the candidate pairs.
    public func cluster(_ signatures: [DocumentSignature], crossLingual: Bool) -> Clustering {
        let duplicates = duplicatePairs(signatures)
        var linked = Set(duplicates.pairs.map(\.pair))
        var links = duplicates.pairs.map { pair, similarity in
            DocumentLink(a: signatures[pair.low].id, b: signatures[pair.high].id, similarity: similarity, relation: .duplicate)
        }
        if crossLingual {
            var groups = UnionFind(count: signatures.count)
            for pair in linked { groups.union(pair.low, pair.high) }
            let candidates = TranslationLinker(features: signatures.map(\.fingerprint.features), languages: signatures.map(\.lang),
                                               threshold: parameters.translationThreshold).pairs()
            for (pair, similarity) in mutualBest(candidates, groups: &groups, languages: signatures.map(\.lang)) where !linked.contains(pair) {
                linked.insert(pair)
                links.append(DocumentLink(a: signatures[pair.low].id, b: signatures[pair.high].id,
                                          similarity: similarity, relation: .translation))
            }
        }
        links.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        return Clustering(assignments: assign(signatures, linked), links: links, skippedBuckets: duplicates.skipped)
    }

    /// Same-language near-duplicates: pairs that share an LSH band and whose MinHash similarity
    /// reaches the threshold. Pairs of two documents before `knownCount` (linked in an earlier
    /// batch) are not compared again. An `AgreementBound` rules out most pairs before the
    /// full comparison.
    func duplicatePairs(_ signatures: [DocumentSignature], knownCount: Int = 0) -> (pairs: [(pair: Pair, similarity: Double)], skipped: Int) {
        duplicatePairs(signatures, knownCount: knownCount, similarity: MinHash.similarity, bound: AgreementBound(signatures.map(\.minHash)))
    }

    /// `duplicatePairs(_:knownCount:)` with `similarity` comparing two MinHash signatures, and
    /// `bound`, when given, ruling out pairs first (it must rule out only pairs that
    /// `similarity` puts below the threshold).
    func duplicatePairs(_ signatures: [DocumentSignature], knownCount: Int, similarity: ([UInt64], [UInt64]) -> Double,
                        bound: AgreementBound? = nil) -> (pairs: [(pair: Pair, similarity: Double)], skipped: Int) {
        var pairs: [(pair: Pair, similarity: Double)] = []
        var skipped = 0
        var linked = Set<Pair>()
        // Buckets as runs of one key in a sorted array of (key, document): 16 bytes a band key,
        // where a dictionary of arrays took about 70 (2 GB more at a million documents).
        var entries: [(key: UInt64, member: Int32)] = []
        entries.reserveCapacity(signatures.reduce(0) { $0 + $1.bandKeys.count })
        for (index, signature) in signatures.enumerated() {
            for key in signature.bandKeys { entries.append((key, Int32(index))) }
        }
        BandEntrySort.sort(&entries)
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count && entries[end].key == entries[start].key { end += 1 }
            defer { start = end }
            guard end - start > 1 else { continue }
            if end - start > parameters.bucketLimit { skipped += 1; continue }
            for i in start..<end {
                for j in (i + 1)..<end {
                    let pair = Pair(Int(entries[i].member), Int(entries[j].member))
                    guard pair.high >= knownCount, bound?.reaches(parameters.threshold, pair.low, pair.high) ?? true,
                          !linked.contains(pair) else { continue }
                    let estimate = similarity(signatures[pair.low].minHash, signatures[pair.high].minHash)
                    guard estimate >= parameters.threshold else { continue }
                    linked.insert(pair)
                    pairs.append((pair, estimate))
                }
            }
        }
        return (pairs, skipped)
    }

    /// A translation link made in an earlier batch, seen from the working set: `a` and `b` are
    /// positions in it, or, for documents outside it, numbers from the working set's count up
    /// (one per duplicate group).
    struct KnownTranslation {
        let a: Int
        let b: Int
        let languageA: String?
        let languageB: String?
        let similarity: Double
    }

    /// Translation links between same-language clusters (`groups`, the components of the
    /// duplicate links): each cluster's best-scoring cluster in every other language, kept when
    /// the choice is mutual and the score reaches the threshold. One link per cluster pair (its
    /// best document pair) joins the two clusters; requiring a mutual best keeps a related story
    /// (the same scandal a day later) from gluing two stories together. `known` links compete
    /// for the best partner too, and a cluster pair they already join gets no second link.
    func mutualBest(_ candidates: [(Pair, Double)], groups: inout UnionFind, languages: [String?],
                    known: [KnownTranslation] = []) -> [(Pair, Double)] {
        // A cluster is named by its least document, so that ties break the same way whatever
        // order the duplicate links were joined in.
        var least: [Int: Int] = [:]
        for index in languages.indices {
            let root = groups.find(index)
            least[root] = min(least[root] ?? index, index)
        }
        func cluster(_ document: Int) -> Int {
            document < languages.count ? least[groups.find(document)]! : document
        }
        // The best document pair for each pair of clusters (ties go to the lower pair).
        var best: [Pair: (pair: Pair, score: Double)] = [:]
        for (pair, score) in candidates {
            let clusters = Pair(cluster(pair.low), cluster(pair.high))
            if let current = best[clusters], current.score > score || current.score == score && (current.pair.low, current.pair.high) < (pair.low, pair.high) { continue }
            best[clusters] = (pair, score)
        }
        var language: [Int: String?] = [:]
        var scores = best.map { (clusters: $0.key, score: $0.value.score) }
        var joined = Set<Pair>()
        for link in known {
            let a = cluster(link.a), b = cluster(link.b)
            guard a != b else { continue }
            language[a] = link.languageA
            language[b] = link.languageB
            joined.insert(Pair(a, b))
            scores.append((Pair(a, b), link.similarity))
        }
        func languageOf(_ cluster: Int) -> String { (cluster < languages.count ? languages[cluster] : language[cluster] ?? nil) ?? "und" }
        // Each cluster's best partner per language (ties go to the lower cluster).
        var favourite: [Int: [String: (cluster: Int, score: Double)]] = [:]
        for (clusters, score) in scores {
            for (from, to) in [(clusters.low, clusters.high), (clusters.high, clusters.low)] {
                let target = languageOf(to)
                if let current = favourite[from]?[target], current.score > score || current.score == score && current.cluster < to { continue }
                favourite[from, default: [:]][target] = (to, score)
            }
        }
        return best.compactMap { clusters, link in
            guard !joined.contains(clusters),
                  favourite[clusters.low]?[languageOf(clusters.high)]?.cluster == clusters.high,
                  favourite[clusters.high]?[languageOf(clusters.low)]?.cluster == clusters.low else { return nil }
            return (link.pair, link.score)
        }.sorted { ($0.0.low, $0.0.high) < ($1.0.low, $1.0.high) }
    }

    private func assign(_ signatures: [DocumentSignature], _ pairs: Set<Pair>) -> [ClusterAssignment] {
        var sets = UnionFind(count: signatures.count)
        for pair in pairs { sets.union(pair.low, pair.high) }
        var best: [Int: Int] = [:]
        for index in signatures.indices {
            let root = sets.find(index)
            if let current = best[root], !Self.represents(signatures[index], better: signatures[current]) { continue }
            best[root] = index
        }
        return signatures.indices.map { index in
            ClusterAssignment(id: signatures[index].id, cluster: signatures[best[sets.find(index)]!].id)
        }
    }

    /// Whether `a` represents a cluster better than `b`: dated before it, else longer, else
    /// the smaller id (so that the choice never depends on input order).
    static func represents(_ a: DocumentSignature, better b: DocumentSignature) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if a.length != b.length { return a.length > b.length }
        return a.id < b.id
    }
}

/// An unordered pair of document positions.
struct Pair: Hashable {
    let low: Int
    let high: Int

    init(_ a: Int, _ b: Int) {
        low = min(a, b)
        high = max(a, b)
    }
}
