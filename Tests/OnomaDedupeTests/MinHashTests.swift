import Testing
@testable import OnomaDedupe
import OnomaLexicon

@Suite struct MinHashTests {
    @Test func similarityEstimatesJaccard() {
        // |A ∩ B| = 500, |A ∪ B| = 1500: Jaccard 1/3.
        let a = (0..<1000).map { FeatureHash.hash(Array("w\($0)".utf8)) }
        let b = (500..<1500).map { FeatureHash.hash(Array("w\($0)".utf8)) }
        let minHash = MinHash(permutations: 256, seed: 1)
        let estimate = MinHash.similarity(minHash.signature(of: a), minHash.signature(of: b))
        #expect(abs(estimate - 1.0 / 3.0) < 0.08)
    }

    @Test func identicalSetsAgreeEverywhereAndDisjointAlmostNowhere() {
        let minHash = MinHash(permutations: 128, seed: 7)
        let a = (0..<300).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        let c = (1000..<1300).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        #expect(MinHash.similarity(minHash.signature(of: a), minHash.signature(of: a.reversed())) == 1)
        #expect(MinHash.similarity(minHash.signature(of: a), minHash.signature(of: c)) < 0.05)
    }

    @Test func emptyDocumentsAreSimilarToNothing() {
        let minHash = MinHash(permutations: 16, seed: 1)
        #expect(MinHash.similarity(minHash.signature(of: []), minHash.signature(of: [])) == 0)
    }

    @Test func theSeedFixesTheSignature() {
        let features = [UInt64(1), 2, 3]
        #expect(MinHash(permutations: 8, seed: 3).signature(of: features) == MinHash(permutations: 8, seed: 3).signature(of: features))
        #expect(MinHash(permutations: 8, seed: 3).signature(of: features) != MinHash(permutations: 8, seed: 4).signature(of: features))
    }

    @Test func featureHashIsStableAcrossRuns() {
        // Fixed values: signatures stored in an index must still match next year.
        #expect(FeatureHash.hash(Array("zelenski".utf8)) == 12_507_641_504_541_517_058)
        #expect(MinHash(permutations: 4, seed: 1).signature(of: [1, 2, 3]) == [16_396_229_020_753_013_558, 5_605_519_684_122_544_341, 9_893_872_116_969_295_594, 16_396_229_020_753_013_558])
        #expect(FeatureHash.hash(Array("zelenski".utf8)) != FeatureHash.hash(Array("zelenska".utf8)))
    }

    @Test func sparseDocumentsFillEveryPositionByDensification() {
        // 10 features in 128 bins leave most bins empty; each borrows a filled bin's value.
        let features = (0..<10).map { FeatureHash.hash(Array("w\($0)".utf8)) }
        let signature = MinHash(permutations: 128, seed: 1).signature(of: features)
        #expect(!signature.contains(.max))
        #expect(Set(signature).count <= 10)
    }

    @Test func repeatedFeaturesChangeNothing() {
        let minHash = MinHash(permutations: 64, seed: 2)
        let features = (0..<50).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        #expect(minHash.signature(of: features + features) == minHash.signature(of: features))
    }
}

@Suite struct LSHParametersTests {
    @Test func thresholdGivesABandingWhoseCurveStepsThere() throws {
        // Like datasketch's MinHashLSH(threshold=0.5, num_perm=128): pairs well above the
        // threshold almost always become candidates, pairs well below it almost never.
        let lsh = try LSHParameters(threshold: 0.5, permutations: 128)
        #expect(lsh.bands * lsh.rows <= 128)
        #expect(lsh.candidateProbability(atSimilarity: 0.8) > 0.95)
        #expect(lsh.candidateProbability(atSimilarity: 0.2) < 0.1)
    }

    @Test func tooManyBandsAndRowsIsRefusedWithAHint() {
        #expect(throws: DedupeError.self) { try LSHParameters(bands: 20, rows: 10, permutations: 128) }
    }

    @Test func thresholdOutsideTheOpenUnitIntervalIsRefused() {
        #expect(throws: DedupeError.self) { try LSHParameters(threshold: 1.5, permutations: 128) }
    }
}

@Suite struct UnionFindTests {
    @Test func unionsAreTransitive() {
        var sets = UnionFind(count: 5)
        sets.union(0, 1)
        sets.union(3, 4)
        sets.union(1, 4)
        #expect(sets.find(0) == sets.find(3))
        #expect(sets.find(2) != sets.find(0))
    }
}
