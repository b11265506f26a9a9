import Testing
@testable import OnomaDedupe

@Suite struct AgreementBoundTests {
    /// Signatures that agree with a base signature on a growing share of positions, some of
    /// the others differing only above the low byte (the bound cannot tell those apart).
    private func signatures(permutations: Int) -> [[UInt64]] {
        let base = (0..<permutations).map { FeatureHash.mix(UInt64($0), 0x9E37_79B9_7F4A_7C15) }
        return (0...permutations).map { agreeing in
            base.enumerated().map { position, value in
                position < agreeing ? value : position % 3 == 0 ? value ^ 0x100 : value ^ 0x5A
            }
        }
    }

    @Test func neverRulesOutAPairThatReachesTheThreshold() throws {
        for permutations in [128, 100, 1] {
            let all = signatures(permutations: permutations)
            let bound = try #require(AgreementBound(all))
            for threshold in [0.1, 0.35, 0.5, 0.9] {
                for a in all.indices {
                    let b = (a * 7 + 3) % all.count
                    if MinHash.similarity(all[a], all[b]) >= threshold { #expect(bound.reaches(threshold, a, b)) }
                }
            }
        }
    }

    @Test func rulesOutPairsThatDifferInTheLowByte() throws {
        let all = signatures(permutations: 128)
        let bound = try #require(AgreementBound(all))
        // Signature 0 agrees with signature 128 nowhere; a third of the positions differ only above the low byte.
        #expect(!bound.reaches(0.35, 0, 128))
        #expect(bound.reaches(0.3, 0, 128))
        #expect(bound.reaches(1, 5, 5))
    }

    @Test func countsAgreementOfLongSignatures() throws {
        // 512 words of low bytes: the byte lanes are summed before they overflow.
        let long = (0..<4_096).map { UInt64($0) }
        let bound = try #require(AgreementBound([long, long, long.map { $0 ^ 1 }]))
        #expect(bound.reaches(1, 0, 1))
        #expect(!bound.reaches(0.01, 0, 2))
    }

    @Test func signaturesOfDifferentLengthsGiveNoBound() {
        #expect(AgreementBound([[1, 2], [1]]) == nil)
        #expect(AgreementBound([]) == nil)
    }
}
