import Foundation
import GRDB
import Testing
@testable import OnomaDedupe

@Suite struct StoryIndexTests {
    /// A fresh directory for index files, removed at the end.
    final class Directory {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-index-\(UUID().uuidString)")

        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }

        deinit { try? FileManager.default.removeItem(at: url) }

        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    static let story = ClustererTests.story
    static let rewrite = ClustererTests.rewrite
    static let other = ClustererTests.other
    static let german = "Der ukrainische Präsident Wolodymyr Selenskyj sagte am Samstag, dass etwa 3000 nordkoreanische Soldaten in der Region Kursk getötet oder verwundet worden seien, wo die Ukraine im August eingedrungen war. Auch Mattersburg und Burgenland."
    static let french = "Le président ukrainien Volodymyr Zelensky a déclaré samedi qu'environ 3000 soldats nord-coréens avaient été tués ou blessés dans la région de Koursk, où l'Ukraine a lancé une incursion en août. Aussi Mattersburg et Burgenland."

    private func signatures(_ documents: [(id: String, text: String, lang: String?, date: String?)],
                            parameters: DedupeParameters = DedupeParameters()) throws -> [DocumentSignature] {
        let signer = try Signer(parameters: parameters)
        return documents.map { signer.signature(id: $0.id, text: $0.text, lang: $0.lang, date: $0.date) }
    }

    private func firstBatch() throws -> [DocumentSignature] {
        try signatures([("story", Self.story, "en", "2024-12-29"), ("bank", Self.other, "en", nil), ("de", Self.german, "de", nil)])
    }

    private func secondBatch() throws -> [DocumentSignature] {
        try signatures([("rewrite", Self.rewrite, "en", "2024-12-28"), ("fr", Self.french, "fr", nil)])
    }

    @Test func secondBatchFindsDuplicatesAndTranslationsOfTheFirst() throws {
        let directory = try Directory()
        let index = try StoryIndex(path: directory.path("news.db"), parameters: DedupeParameters(), lexiconDigest: "none")
        _ = try index.add(try firstBatch(), crossLingual: true)
        let batch = try index.add(try secondBatch(), crossLingual: true)
        #expect(batch.added == 2)
        #expect(batch.clustering.links.contains { $0.a == "story" && $0.b == "rewrite" && $0.relation == .duplicate })
        #expect(batch.clustering.links.contains { $0.a == "de" && $0.b == "fr" && $0.relation == .translation })
        // The rewrite is dated earlier: it now represents the story's cluster, old members included.
        #expect(batch.clustering.assignments.map(\.cluster) == ["rewrite", "rewrite"])
        let stored = Dictionary(uniqueKeysWithValues: try index.assignments().map { ($0.id, $0.cluster) })
        #expect(stored == ["story": "rewrite", "bank": "bank", "de": "rewrite", "rewrite": "rewrite", "fr": "rewrite"])
        #expect(batch.relabelled == 2)
    }

    @Test func reopenedIndexMatchesLikeTheOneThatWroteIt() throws {
        let directory = try Directory()
        _ = try StoryIndex(path: directory.path("news.db"), parameters: DedupeParameters(), lexiconDigest: "none").add(try firstBatch(), crossLingual: false)
        let reopened = try StoryIndex(path: directory.path("news.db"), parameters: DedupeParameters(), lexiconDigest: "none")
        #expect(try reopened.documentCount() == 3)
        let batch = try reopened.add(try secondBatch(), crossLingual: false)
        #expect(batch.clustering.links.map { [$0.a, $0.b] } == [["story", "rewrite"]])
    }

    @Test func reAddingTheSameBatchChangesNothing() throws {
        let directory = try Directory()
        let index = try StoryIndex(path: directory.path("news.db"), parameters: DedupeParameters(), lexiconDigest: "none")
        let batch = try firstBatch() + secondBatch()
        let first = try index.add(batch, crossLingual: true)
        let before = try index.assignments()
        let again = try index.add(batch, crossLingual: true)
        #expect(again.added == 0)
        #expect(again.alreadyIndexed == 5)
        #expect(again.relabelled == 0)
        #expect(try index.assignments() == before)
        #expect(again.clustering.assignments == first.clustering.assignments)
        #expect(again.clustering.links.isEmpty)
    }

    @Test func aRepeatedIdKeepsTheFirstDocument() throws {
        let directory = try Directory()
        let index = try StoryIndex(path: directory.path("news.db"), parameters: DedupeParameters(), lexiconDigest: "none")
        _ = try index.add(try signatures([("x", Self.story, "en", nil)]), crossLingual: false)
        // Same id, other text: not added, and its cluster is the stored one.
        let batch = try index.add(try signatures([("x", Self.other, "en", nil), ("y", Self.rewrite, "en", nil)]), crossLingual: false)
        #expect(batch.added == 1)
        #expect(batch.clustering.links.map { [$0.a, $0.b] } == [["x", "y"]])
        #expect(try index.documentCount() == 2)
    }

    @Test func bucketsOverTheLimitAcrossBatchesAreSkippedAsBoilerplate() throws {
        var parameters = DedupeParameters()
        parameters.bucketLimit = 2
        let directory = try Directory()
        let index = try StoryIndex(path: directory.path("news.db"), parameters: parameters, lexiconDigest: "none")
        let first = try index.add(try signatures([("a", Self.story, "en", nil), ("b", Self.story, "en", nil)], parameters: parameters), crossLingual: false)
        #expect(first.clustering.links.map { [$0.a, $0.b] } == [["a", "b"]])
        // Two stored copies and a third: every bucket of the third would hold three.
        let copy = try signatures([("c", Self.story, "en", nil)], parameters: parameters)
        let second = try index.add(copy, crossLingual: false)
        #expect(second.clustering.skippedBuckets == Set(copy[0].bandKeys.map(CompactSignature.bandKey)).count)
        #expect(second.clustering.links.isEmpty)
        #expect(second.clustering.assignments.map(\.cluster) == ["c"])
    }

    @Test func batchesGiveTheClustersOfOneRun() throws {
        // Variants of three stories: each base text with words dropped at different places.
        let bases = [Self.story, Self.other, Self.rewrite + " " + Self.other]
        var documents: [(id: String, text: String, lang: String?, date: String?)] = []
        for (story, base) in bases.enumerated() {
            let words = base.split(separator: " ")
            for variant in 0..<8 {
                let kept = words.enumerated().filter { $0.offset % 9 != variant }.map(\.element)
                documents.append(("s\(story)v\(variant)", kept.joined(separator: " "), "en", "2024-12-\(10 + (variant * 7 + story) % 19)"))
            }
        }
        documents.sort { FeatureHash.hash(Array($0.id.utf8)) < FeatureHash.hash(Array($1.id.utf8)) }
        let all = try signatures(documents)
        let together = Clusterer(parameters: DedupeParameters()).cluster(all, crossLingual: false)
        let directory = try Directory()
        let index = try StoryIndex(path: directory.path("news.db"), parameters: DedupeParameters(), lexiconDigest: "none")
        for batch in [all[0..<7], all[7..<15], all[15...]] { _ = try index.add(Array(batch), crossLingual: false) }
        let stored = Dictionary(uniqueKeysWithValues: try index.assignments().map { ($0.id, $0.cluster) })
        #expect(stored == Dictionary(uniqueKeysWithValues: together.assignments.map { ($0.id, $0.cluster) }))
    }

    @Test func otherParametersAreRefusedNamingEachDifference() throws {
        let directory = try Directory()
        let path = directory.path("news.db")
        _ = try StoryIndex(path: path, parameters: DedupeParameters(), lexiconDigest: "none")
        var other = DedupeParameters()
        other.permutations = 64
        other.shingleSize = 4
        let error = #expect(throws: StoryIndexError.self) { try StoryIndex(path: path, parameters: other, lexiconDigest: "none") }
        #expect(error?.message.hasPrefix("the index was built with shingle size 5, not 4, and permutations 128, not 64, and bands 32, not") == true)
        #expect(error?.message.hasSuffix("use the same options or a new --index") == true)
        let lexicon = #expect(throws: StoryIndexError.self) { try StoryIndex(path: path, parameters: DedupeParameters(), lexiconDigest: "0123456789abcdef") }
        #expect(lexicon?.message == "the index was built with lexicon none, not 0123456789abcdef; use the same options or a new --index")
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndLeftUntouched() throws {
        let directory = try Directory()
        let path = directory.path("notes.db")
        let bytes = Data("these are my notes, not a database\n".utf8 + (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try bytes.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoryIndexError.self) { try StoryIndex(path: path, parameters: DedupeParameters(), lexiconDigest: "none") }
        #expect(error?.message.hasPrefix("is not an SQLite database") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func anotherApplicationsDatabaseIsRefusedAndLeftUntouched() throws {
        let directory = try Directory()
        let path = directory.path("players.db")
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE player (name TEXT, score INTEGER); INSERT INTO player VALUES ('Arthur', 100)")
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: StoryIndexError.self) { try StoryIndex(path: path, parameters: DedupeParameters(), lexiconDigest: "none") }
        #expect(error?.message.hasPrefix("is an SQLite database but not an onoma index") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func aDamagedIndexIsRefusedAndLeftUntouched() throws {
        let directory = try Directory()
        let path = directory.path("news.db")
        _ = try StoryIndex(path: path, parameters: DedupeParameters(), lexiconDigest: "none").add(try firstBatch(), crossLingual: true)
        // Keep the 100-byte SQLite header, overwrite the rest of the schema page.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for offset in 100..<4096 { bytes[offset] = UInt8(truncatingIfNeeded: offset &* 7) }
        try bytes.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoryIndexError.self) { try StoryIndex(path: path, parameters: DedupeParameters(), lexiconDigest: "none") }
        #expect(error?.message.contains("the file was left as it was") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func theIndexIsInWALModeWithItsParametersInMeta() throws {
        let directory = try Directory()
        let path = directory.path("news.db")
        _ = try StoryIndex(path: path, parameters: DedupeParameters(), lexiconDigest: "none")
        let (mode, meta) = try DatabaseQueue(path: path).read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM meta").map { ($0[0] as String, $0[1] as String) }))
        }
        #expect(mode == "wal")
        #expect(meta == ["application": "onoma story index", "format": "2", "seed": "1", "shingle_size": "5", "permutations": "128",
                         "bands": "32", "rows": "4", "minhash_bits": "8", "lexicon": "none"])
    }
}

@Suite struct CompactSignatureTests {
    @Test func minHashKeepsItsLowBits() {
        let values: [UInt64] = [0, 1, 0xFFFF, 0x1_2345, .max]
        #expect(CompactSignature.decode(minHash: CompactSignature.encode(minHash: values)) == CompactSignature.truncated(values))
        #expect(CompactSignature.truncated(values) == values.map { $0 & (1 << UInt64(CompactSignature.valueBits) - 1) })
        #expect(CompactSignature.encode(minHash: values).count == CompactSignature.valueBits / 8 * values.count)
    }

    /// Stored indexes hold these bytes: the encoder must keep writing them (k, then unary
    /// quotients, of more than 32 ones in the last case, and k-bit remainders, padded with ones).
    @Test func featureListsKeepTheirRiceCodeBytes() {
        #expect(CompactSignature.encode(features: [3, 70, 71, 4000, 4_000_000_000])
                == Data([29, 0, 0, 0, 12, 0, 0, 4, 48, 0, 0, 0, 64, 0, 15, 89, 254, 115, 88, 195, 7]))
        #expect(CompactSignature.encode(features: [5, 9, 12, 13, 2_000_000]) == Data([18, 0, 0, 160, 0, 16, 0, 1, 128, 0, 31, 234, 17, 207]))
        let longRun = CompactSignature.encode(features: Array(1...300) + [370])
        #expect(longRun == Data([1] + Array(repeating: 85, count: 75) + [255, 255, 255, 255, 231]))
        #expect(CompactSignature.decode(features: longRun) == Array(1...300) + [370])
    }

    /// The walk from an estimate picks the k that trying every k would: the first of the fewest bits.
    @Test func riceParameterIsTheFirstOfTheFewestBits() {
        var state: UInt64 = 7
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            return state >> 32
        }
        for count in [1, 2, 3, 10, 50, 200] {
            for spread: UInt64 in [4, 1_000, 1 << 20, 1 << 32] {
                let features = Set((0..<count).map { _ in UInt32(truncatingIfNeeded: next() % spread) }).sorted()
                let gaps = zip(features, [0] + features).map { UInt64($0 - $1) }
                let costs = (0..<32).map { k in gaps.reduce(0) { $0 + Int($1 >> UInt64(k)) } + k * gaps.count }
                let cheapest = costs.indices.min { costs[$0] < costs[$1] }!
                #expect(CompactSignature.encode(features: features).first == UInt8(cheapest), "features \(features)")
            }
        }
    }

    @Test func featureHashesAreThoseOfTheFeatureTexts() {
        let fingerprint = Fingerprint(entities: ["Q1", "Q42"], numbers: ["12000", "1.25"], names: ["matersburg", "zelenski", ""])
        let hashes = Set(fingerprint.features.map { UInt32(truncatingIfNeeded: FeatureHash.hash(Array($0.utf8))) }).sorted()
        #expect(CompactSignature.featureHashes(fingerprint) == hashes)
        #expect(CompactSignature.featureHashes(Fingerprint(entities: [], numbers: [], names: [])) == [])
    }

    @Test func documentListsRoundTripThroughVarints() {
        let documents: [Int64] = [3, 4, 130, 20_000, 5_000_000]
        let data = CompactSignature.encode(documents: documents)
        #expect(CompactSignature.decode(documents: data) == documents)
        // A later list appended without knowing the stored one's last number.
        let more = data + CompactSignature.encode(appending: [5_000_001, 6_000_000])
        #expect(CompactSignature.decode(documents: more) == documents + [5_000_001, 6_000_000])
    }

    @Test func featuresRoundTripThroughRiceCodes() {
        #expect(CompactSignature.decode(features: CompactSignature.encode(features: [])) == [])
        for features: [UInt32] in [[0], [0, 7, 0xDEAD_BEEF, .max], [5, 6, 7, 8], [.max]] {
            #expect(CompactSignature.decode(features: CompactSignature.encode(features: features)) == features)
        }
        // Fifty random hashes: fewer than 4 bytes each.
        var state: UInt64 = 42
        let random = Set((0..<50).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1
            return UInt32(truncatingIfNeeded: state >> 32)
        }).sorted()
        let encoded = CompactSignature.encode(features: random)
        #expect(CompactSignature.decode(features: encoded) == random)
        #expect(encoded.count < 4 * random.count)
    }
}
