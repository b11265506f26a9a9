import Foundation
import GRDB
import OnomaLexicon

/// What adding a batch to a `StoryIndex` gave.
public struct IndexedBatch: Sendable {
    /// One assignment per signature of the batch, in order, with clusters that span every
    /// batch; the links found for the batch's new documents (to each other and to documents
    /// of earlier batches); the LSH buckets skipped as boilerplate.
    public let clustering: Clustering
    /// Documents added.
    public let added: Int
    /// Signatures not added because the index (or the batch, earlier) had their id.
    public let alreadyIndexed: Int
    /// Documents of earlier batches whose cluster id changed: their cluster merged with
    /// another, or a new document became its representative.
    public let relabelled: Int
}

extension StoryIndex {
    /// Matches a batch against everything indexed and adds it, in one transaction.
    ///
    /// The links and clusters are those `Clusterer.cluster(_:crossLingual:)` gives for all
    /// documents together, with these differences: MinHash similarities are estimated from the
    /// stored 8-bit values (`CompactSignature`); links between documents of earlier batches
    /// are not revisited (a link made then stays, even when a later translation would now be
    /// a better mutual match; a feature's document frequency is the one of the documents
    /// indexed so far); and documents whose id the index has are not added again.
    /// When a batch merges clusters or brings a better representative (an earlier date), the
    /// stored cluster ids of the older documents change in the same transaction.
    ///
    /// - Complexity: O(n·b) lookups for n new documents and b bands, plus the stored documents
    ///   they share a band or a rare fingerprint feature with.
    public func add(_ signatures: [DocumentSignature], crossLingual: Bool) throws(StoryIndexError) -> IndexedBatch {
        do {
            return try database.writeWithoutTransaction { db in
                var batch: IndexedBatch?
                try db.inTransaction(.immediate) {
                    batch = try BatchWriter(db: db, parameters: parameters, crossLingual: crossLingual).add(signatures)
                    return .commit
                }
                return batch!
            }
        } catch {
            throw StoryIndexError(path: path, message: "cannot add the batch (\(Self.describe(error))); the index is as it was before the batch")
        }
    }
}

/// One batch inside its transaction.
private struct BatchWriter {
    let db: Database
    let parameters: DedupeParameters
    let crossLingual: Bool

    /// A document of an earlier batch that a new one may link to.
    struct Stored {
        let id: Int64
        let signature: DocumentSignature
        let group: Int64
        let cluster: Int64
        let features: [UInt32]
    }

    func add(_ batch: [DocumentSignature]) throws -> IndexedBatch {
        var seen = Set<String>(), unique: [DocumentSignature] = []
        for signature in batch where seen.insert(signature.id).inserted { unique.append(signature) }
        let indexed = try clusterNames(of: unique.map(\.id))
        let fresh = unique.filter { indexed[$0.id] == nil }
        var links: [DocumentLink] = [], skipped = 0, relabelled = 0
        if !fresh.isEmpty { (links, skipped, relabelled) = try insert(fresh) }
        links.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        let clusters = try clusterNames(of: unique.map(\.id))
        let assignments = batch.map { signature in ClusterAssignment(id: signature.id, cluster: clusters[signature.id]!) }
        return IndexedBatch(clustering: Clustering(assignments: assignments, links: links, skippedBuckets: skipped),
                            added: fresh.count, alreadyIndexed: batch.count - fresh.count, relabelled: relabelled)
    }

    /// The cluster id (its representative's name) of each of `names` that the index has, by
    /// name: a statement per chunk of their name hashes.
    private func clusterNames(of names: [String]) throws -> [String: String] {
        let wanted = Set(names)
        var clusters: [String: String] = [:]
        try db.forEachValuesChunk("""
            WITH k(h) AS ({values})
            SELECT d.name, r.name FROM k JOIN document d ON d.name_hash = k.h JOIN document r ON r.id = d.cluster
            """, columns: 1, of: Set(names.map(CompactSignature.nameHash)).sorted()) { statement in
            let rows = try Row.fetchCursor(statement)
            while let row = try rows.next() {
                let name: String = row[0]
                if wanted.contains(name) { clusters[name] = row[1] }
            }
        }
        return clusters
    }

    /// Links and adds documents new to the index.
    private func insert(_ fresh: [DocumentSignature]) throws -> (links: [DocumentLink], skipped: Int, relabelled: Int) {
        let storedCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0
        let firstID = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM document") ?? 0) + 1
        let freshIDs = fresh.indices.map { firstID + Int64($0) }

        // LSH: the stored members of each bucket of a new document, unless it is boilerplate.
        let freshKeys = fresh.map { signature in
            var keys = signature.bandKeys.map(CompactSignature.bandKey)
            keys.sort()
            return keys.withoutAdjacentRepeats()
        }
        // Each key of the batch with the number of new documents in its bucket.
        var allKeys = freshKeys.flatMap { $0 }
        allKeys.sort()
        var batchKeys: [Int64] = [], batchMembers: [Int] = []
        for key in allKeys {
            if batchKeys.last == key { batchMembers[batchMembers.count - 1] += 1 } else { batchKeys.append(key); batchMembers.append(1) }
        }
        var bucketsOf: [Int64: [UInt64]] = [:]
        var boilerplate = Set<Int64>()
        let storedMembers = try bucketMembers(of: batchKeys)
        for (key, count) in zip(batchKeys, batchMembers) {
            let members = storedMembers[key] ?? []
            if members.count + count > parameters.bucketLimit { boilerplate.insert(key); continue }
            for member in members { bucketsOf[member, default: []].append(UInt64(bitPattern: key)) }
        }

        // Fingerprint features: document frequencies, and stored documents sharing a searchable one.
        let freshFeatures = fresh.map { CompactSignature.featureHashes($0.fingerprint) }
        var batchFrequency: [UInt32: Int] = [:]
        for features in freshFeatures { for feature in features { batchFrequency[feature, default: 0] += 1 } }
        var storedFrequency = try documentFrequencies(of: batchFrequency.keys.sorted())
        let documentCount = storedCount + fresh.count
        var translationCandidates = Set<Int64>()
        if crossLingual {
            let limit = TranslationLinker<UInt32>.searchLimit(documentCount: documentCount)
            let postings = try db.cachedStatement(sql: "SELECT postings FROM feature WHERE hash = ?")
            for (feature, stored) in storedFrequency where stored + batchFrequency[feature]! <= limit {
                translationCandidates.formUnion(CompactSignature.decode(documents: try Data.fetchOne(postings, arguments: [Int64(feature)])!))
            }
        }

        // The working set: stored candidates in order of addition, then the new documents.
        let stored = try load(Set(bucketsOf.keys).union(translationCandidates).sorted(), bandKeys: bucketsOf)
        let known = stored.count
        let working = stored.map(\.signature) + zip(fresh, freshKeys).map { signature, keys in
            DocumentSignature(id: signature.id, lang: signature.lang, date: signature.date, length: signature.length,
                              minHash: CompactSignature.truncated(signature.minHash),
                              bandKeys: keys.filter { !boilerplate.contains($0) }.map { UInt64(bitPattern: $0) },
                              fingerprint: signature.fingerprint)
        }
        let ids = stored.map(\.id) + freshIDs
        let clusterer = Clusterer(parameters: parameters)
        let duplicates = clusterer.duplicatePairs(working, knownCount: known, similarity: CompactSignature.similarity)
        var groups = UnionFind(count: working.count)
        Self.join(&groups, stored.map(\.group))
        for (pair, _) in duplicates.pairs { groups.union(pair.low, pair.high) }
        var translations: [(Pair, Double)] = []
        if crossLingual {
            let unknown = Set(stored.flatMap(\.features)).filter { storedFrequency[$0] == nil }.sorted()
            let frequencies = try documentFrequencies(of: unknown)
            for feature in unknown { storedFrequency[feature] = frequencies[feature] ?? 0 }
            let collection = TranslationLinker<UInt32>.Collection(documentCount: documentCount) {
                storedFrequency[$0, default: 0] + batchFrequency[$0, default: 0]
            }
            let candidates = TranslationLinker(features: stored.map(\.features) + freshFeatures, languages: working.map(\.lang),
                                               threshold: parameters.translationThreshold, knownCount: known, collection: collection).pairs()
            let linked = Set(duplicates.pairs.map(\.pair))
            translations = clusterer.mutualBest(candidates, groups: &groups, languages: working.map(\.lang),
                                                known: try knownTranslations(stored, count: working.count))
                .filter { !linked.contains($0.0) }
        }

        // Clusters: the stored ones the batch touches, joined by the new links.
        let newPairs: [(Pair, Double, DocumentLink.Relation)] = duplicates.pairs.map { ($0.pair, $0.similarity, .duplicate) }
            + translations.map { ($0.0, $0.1, .translation) }
        var clusters = UnionFind(count: working.count)
        Self.join(&clusters, stored.map(\.cluster))
        for (pair, _, _) in newPairs { clusters.union(pair.low, pair.high) }
        var relabelled = 0
        let clusterOf = try labels(of: Self.components(&clusters, count: working.count, from: known), count: working.count) { members in
            let (label, old) = try representative(of: members, stored: stored, working: working, ids: ids)
            for oldLabel in old where oldLabel != label {
                try db.cachedStatement(sql: "UPDATE document SET cluster = ? WHERE cluster = ?").execute(arguments: [label, oldLabel])
                relabelled += db.changesCount
            }
            return label
        }
        let groupOf = try labels(of: Self.components(&groups, count: working.count, from: known), count: working.count) { members in
            let old = Set(members.filter { $0 < known }.map { stored[$0].group })
            let label = (old + members.filter { $0 >= known }.map { ids[$0] }).min()!
            for oldLabel in old where oldLabel != label {
                try db.cachedStatement(sql: "UPDATE document SET duplicate_group = ? WHERE duplicate_group = ?").execute(arguments: [label, oldLabel])
            }
            return label
        }

        try write(fresh, ids: freshIDs, keys: freshKeys, features: freshFeatures, clusters: Array(clusterOf[known...]),
                  groups: Array(groupOf[known...]), storedFeatures: Set(storedFrequency.keys))
        // Translation links compete with later candidates for a mutual best: they are kept.
        let insertTranslation = try db.cachedStatement(sql: "INSERT OR REPLACE INTO translation (a, b, similarity) VALUES (?, ?, ?)")
        for (pair, similarity) in translations { try insertTranslation.execute(arguments: [ids[pair.low], ids[pair.high], similarity]) }
        let links = newPairs.map { pair, similarity, relation in
            DocumentLink(a: working[pair.low].id, b: working[pair.high].id, similarity: similarity, relation: relation)
        }
        return (links, boilerplate.count, relabelled)
    }

    /// The members of each set that has a position from `start` on, in order of the first
    /// such position.
    private static func components(_ sets: inout UnionFind, count: Int, from start: Int) -> [[Int]] {
        var byRoot: [Int: [Int]] = [:]
        for position in 0..<count { byRoot[sets.find(position), default: []].append(position) }
        var seen = Set<Int>()
        return (start..<count).compactMap { position in
            let root = sets.find(position)
            return seen.insert(root).inserted ? byRoot[root] : nil
        }
    }

    /// A label for every position of `components`, chosen per component by `label`.
    private func labels(of components: [[Int]], count: Int, _ label: ([Int]) throws -> Int64) rethrows -> [Int64] {
        var labels = [Int64](repeating: 0, count: count)
        for members in components {
            let value = try label(members)
            for member in members { labels[member] = value }
        }
        return labels
    }

    /// Unions the positions that share a stored label.
    private static func join(_ sets: inout UnionFind, _ labels: [Int64]) {
        var first: [Int64: Int] = [:]
        for (position, label) in labels.enumerated() {
            if let other = first[label] { sets.union(position, other) } else { first[label] = position }
        }
    }

    /// The representative of a cluster (by `Clusterer.represents`, among the stored
    /// representatives of the clusters it joins and its new documents), and the stored cluster
    /// ids it replaces.
    private func representative(of members: [Int], stored: [Stored], working: [DocumentSignature],
                                ids: [Int64]) throws -> (label: Int64, old: Set<Int64>) {
        let old = Set(members.filter { $0 < stored.count }.map { stored[$0].cluster })
        let row = try db.cachedStatement(sql: "SELECT name, date, length FROM document WHERE id = ?")
        var candidates: [(label: Int64, signature: DocumentSignature)] = try old.map { label in
            let document = try Row.fetchOne(row, arguments: [label])!
            return (label, DocumentSignature(id: document[0], lang: nil, date: document[1], length: document[2], minHash: [], bandKeys: [],
                                             fingerprint: Fingerprint(entities: [], numbers: [], names: [])))
        }
        candidates += members.filter { $0 >= stored.count }.map { (ids[$0], working[$0]) }
        let best = candidates.dropFirst().reduce(candidates[0]) { Clusterer.represents($1.signature, better: $0.signature) ? $1 : $0 }
        return (best.label, old)
    }

    /// The stored documents `ids`, in that order, with the band keys they share with the batch.
    private func load(_ ids: [Int64], bandKeys: [Int64: [UInt64]]) throws -> [Stored] {
        var stored: [Int64: Stored] = [:]
        try db.forEachValuesChunk("""
            WITH k(v) AS ({values})
            SELECT d.id, name, lang, date, length, duplicate_group, cluster, minhash, features FROM k JOIN document d ON d.id = k.v
            """, columns: 1, of: ids) { statement in
            let rows = try Row.fetchCursor(statement)
            while let row = try rows.next() {
                let id: Int64 = row[0]
                let signature = DocumentSignature(id: row[1], lang: row[2], date: row[3], length: row[4],
                                                  minHash: CompactSignature.decode(minHash: row[7]), bandKeys: bandKeys[id] ?? [],
                                                  fingerprint: Fingerprint(entities: [], numbers: [], names: []))
                stored[id] = Stored(id: id, signature: signature, group: row[5], cluster: row[6],
                                    features: crossLingual ? CompactSignature.decode(features: row[8]) : [])
            }
        }
        return ids.map { stored[$0]! }
    }

    /// The translation links already made from the duplicate groups of stored documents in the
    /// working set, each end as a position of its group there, or a number past `count`.
    private func knownTranslations(_ stored: [Stored], count: Int) throws -> [Clusterer.KnownTranslation] {
        var position: [Int64: Int] = [:]
        for (index, document) in stored.enumerated() where position[document.group] == nil { position[document.group] = index }
        var outside: [Int64: Int] = [:]
        func number(_ group: Int64) -> Int {
            if let index = position[group] { return index }
            if let index = outside[group] { return index }
            outside[group] = count + outside.count
            return outside[group]!
        }
        let members = try db.cachedStatement(sql: "SELECT id FROM document WHERE duplicate_group = ?")
        let linksOf = try db.cachedStatement(sql: """
            SELECT t.similarity, x.duplicate_group, x.lang, y.duplicate_group, y.lang
            FROM translation t JOIN document x ON x.id = t.a JOIN document y ON y.id = t.b
            WHERE t.a = ?1 OR t.b = ?1
            """)
        var seen = Set<[Int64]>()
        var known: [Clusterer.KnownTranslation] = []
        for group in position.keys.sorted() {
            for member in try Int64.fetchAll(members, arguments: [group]) {
                for row in try Row.fetchAll(linksOf, arguments: [member]) {
                    let a: Int64 = row[1], b: Int64 = row[3]
                    guard seen.insert([a, b]).inserted else { continue }
                    known.append(Clusterer.KnownTranslation(a: number(a), b: number(b), languageA: row[2], languageB: row[4], similarity: row[0]))
                }
            }
        }
        return known
    }

    /// The stored members of the LSH buckets `keys`, at most `bucketLimit + 1` per bucket (the
    /// first ones by id); buckets without stored members are left out.
    private func bucketMembers(of keys: [Int64]) throws -> [Int64: [Int64]] {
        var found: [Int64: [Int64]] = [:]
        try db.forEachValuesChunk("""
            WITH k(v) AS ({values})
            SELECT k.v, (SELECT group_concat(document) FROM (SELECT document FROM band WHERE key = k.v LIMIT \(parameters.bucketLimit + 1)))
            FROM k WHERE EXISTS (SELECT 1 FROM band WHERE key = k.v)
            """, columns: 1, of: keys) { members in
            let rows = try Row.fetchCursor(members)
            while let row = try rows.next() {
                let list: String = row[1]
                found[row[0]] = list.split(separator: ",").map { Int64($0)! }
            }
        }
        return found
    }

    /// The number of stored documents with each of `features` that the index has.
    private func documentFrequencies(of features: [UInt32]) throws -> [UInt32: Int] {
        var found: [UInt32: Int] = [:]
        try db.forEachValuesChunk("WITH k(v) AS ({values}) SELECT f.hash, f.documents FROM k JOIN feature f ON f.hash = k.v",
                                  columns: 1, of: features.map(Int64.init)) { frequencies in
            let rows = try Row.fetchCursor(frequencies)
            while let row = try rows.next() { found[UInt32(row[0] as Int64)] = row[1] }
        }
        return found
    }

    /// Inserts the new documents, their band keys and their fingerprint features.
    private func write(_ fresh: [DocumentSignature], ids: [Int64], keys: [[Int64]], features: [[UInt32]],
                       clusters: [Int64], groups: [Int64], storedFeatures: Set<UInt32>) throws {
        var documents: [DatabaseValue] = []
        documents.reserveCapacity(10 * fresh.count)
        var postings: [UInt32: [Int64]] = [:]
        // Band rows as (key, position in the batch) in one sortable number: the key (32 bits,
        // signed) moved to unsigned order above, the position below.
        var bands: [UInt64] = []
        bands.reserveCapacity(keys.reduce(0) { $0 + $1.count })
        for (index, signature) in fresh.enumerated() {
            documents += [ids[index].databaseValue, signature.id.databaseValue, CompactSignature.nameHash(signature.id).databaseValue,
                          signature.lang?.databaseValue ?? .null, signature.date?.databaseValue ?? .null, signature.length.databaseValue,
                          groups[index].databaseValue, clusters[index].databaseValue, CompactSignature.encode(minHash: signature.minHash).databaseValue,
                          CompactSignature.encode(features: features[index]).databaseValue]
            for key in keys[index] { bands.append(UInt64(UInt32(bitPattern: Int32(key)) ^ 0x8000_0000) << 32 | UInt64(index)) }
            for feature in features[index] { postings[feature, default: []].append(ids[index]) }
        }
        try db.forEachValuesChunk("""
            INSERT INTO document (id, name, name_hash, lang, date, length, duplicate_group, cluster, minhash, features) {values}
            """, columns: 10, of: documents) { try $0.execute() }
        // In key order, the inserts walk the B-tree once.
        bands.sort()
        var values: [Int64] = []
        values.reserveCapacity(2 * bands.count)
        for band in bands {
            values.append(Int64(Int32(bitPattern: UInt32(band >> 32) ^ 0x8000_0000)))
            values.append(ids[Int(band & 0xFFFF_FFFF)])
        }
        try db.forEachValuesChunk("INSERT OR IGNORE INTO band (key, document) {values}", columns: 2, of: values) { try $0.execute() }
        var appended: [DatabaseValue] = [], inserted: [DatabaseValue] = []
        for (feature, documents) in postings.sorted(by: { $0.key < $1.key }) {
            if storedFeatures.contains(feature) {
                appended += [Int64(feature).databaseValue, documents.count.databaseValue, CompactSignature.encode(appending: documents).databaseValue]
            } else {
                inserted += [Int64(feature).databaseValue, documents.count.databaseValue, CompactSignature.encode(documents: documents).databaseValue]
            }
        }
        try db.forEachValuesChunk("""
            UPDATE feature SET documents = documents + v.column2, postings = CAST(postings || v.column3 AS BLOB)
            FROM ({values}) v WHERE hash = v.column1
            """, columns: 3, of: appended) { try $0.execute() }
        try db.forEachValuesChunk("INSERT INTO feature (hash, documents, postings) {values}", columns: 3, of: inserted) { try $0.execute() }
    }
}
