import Foundation

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
    public let representative: String
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
        var links: [DocumentLink] = []
        var skipped = 0
        var linked = Set<Pair>()
        // Same-language near-duplicates through LSH.
        var buckets: [UInt64: [Int32]] = [:]
        for (index, signature) in signatures.enumerated() {
            for key in signature.bandKeys { buckets[key, default: []].append(Int32(index)) }
        }
        for (_, members) in buckets where members.count > 1 {
            if members.count > parameters.bucketLimit { skipped += 1; continue }
            for i in 0..<members.count {
                for j in (i + 1)..<members.count {
                    let pair = Pair(Int(members[i]), Int(members[j]))
                    guard !linked.contains(pair) else { continue }
                    let a = signatures[pair.low], b = signatures[pair.high]
                    let similarity = MinHash.similarity(a.minHash, b.minHash)
                    guard similarity >= parameters.threshold else { continue }
                    linked.insert(pair)
                    links.append(DocumentLink(a: a.id, b: b.id, similarity: similarity, relation: .duplicate))
                }
            }
        }
        if crossLingual {
            for (pair, similarity) in translationLinks(signatures, duplicates: linked) where !linked.contains(pair) {
                linked.insert(pair)
                links.append(DocumentLink(a: signatures[pair.low].id, b: signatures[pair.high].id,
                                          similarity: similarity, relation: .translation))
            }
        }
        links.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        return Clustering(assignments: assign(signatures, linked), links: links, skippedBuckets: skipped)
    }

    /// Translation links between same-language clusters: each cluster's best-scoring cluster
    /// in every other language, kept when the choice is mutual and the score reaches the
    /// threshold. One link per cluster pair (its best document pair) joins the two clusters;
    /// requiring a mutual best keeps a related story (the same scandal a day later) from
    /// gluing two stories together.
    private func translationLinks(_ signatures: [DocumentSignature], duplicates: Set<Pair>) -> [(Pair, Double)] {
        var sets = UnionFind(count: signatures.count)
        for pair in duplicates { sets.union(pair.low, pair.high) }
        // The best document pair for each pair of clusters.
        var best: [Pair: (pair: Pair, score: Double)] = [:]
        for (pair, score) in TranslationLinker(signatures, threshold: parameters.translationThreshold).pairs() {
            let clusters = Pair(sets.find(pair.low), sets.find(pair.high))
            if score > best[clusters]?.score ?? 0 { best[clusters] = (pair, score) }
        }
        // Each cluster's best partner per language.
        var favourite: [Int: [String: (cluster: Int, score: Double)]] = [:]
        for (clusters, link) in best {
            for (from, to) in [(clusters.low, clusters.high), (clusters.high, clusters.low)] {
                let language = signatures[to].lang ?? "und"
                if link.score > favourite[from]?[language]?.score ?? 0 { favourite[from, default: [:]][language] = (to, link.score) }
            }
        }
        return best.compactMap { clusters, link in
            let languageHigh = signatures[clusters.high].lang ?? "und", languageLow = signatures[clusters.low].lang ?? "und"
            guard favourite[clusters.low]?[languageHigh]?.cluster == clusters.high,
                  favourite[clusters.high]?[languageLow]?.cluster == clusters.low else { return nil }
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
            let representative = signatures[best[sets.find(index)]!].id
            return ClusterAssignment(id: signatures[index].id, cluster: representative, representative: representative)
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
