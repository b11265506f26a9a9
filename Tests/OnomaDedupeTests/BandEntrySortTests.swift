import Testing
@testable import OnomaDedupe

@Suite struct BandEntrySortTests {
    /// Entries in order of document, several per document, with keys that share bytes, repeat
    /// within and across documents, and take the extremes.
    private static func entries(documents: Int, seed: UInt64) -> [(key: UInt64, member: Int32)] {
        var state = seed
        func random() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
        let keys: [UInt64] = [0, .max, 1 << 63, 0xFF, 0x0100] + (0..<40).map { _ in random() & 0x00FF_00FF_0000_FFFF }
        var entries: [(key: UInt64, member: Int32)] = []
        for document in 0..<documents {
            for _ in 0..<Int(random() % 6) { entries.append((keys[Int(random() % UInt64(keys.count))], Int32(document))) }
        }
        return entries
    }

    @Test func sortsByKeyThenDocumentAsTheComparisonSortDoes() {
        for seed: UInt64 in [1, 2, 3] {
            var entries = Self.entries(documents: 500, seed: seed)
            let expected = entries.sorted { ($0.key, $0.member) < ($1.key, $1.member) }
            BandEntrySort.sort(&entries)
            #expect(entries.map(\.key) == expected.map(\.key))
            #expect(entries.map(\.member) == expected.map(\.member))
        }
    }

    @Test func keysThatShareEveryByteButOneSortOnThatByte() {
        var entries: [(key: UInt64, member: Int32)] = [(0xAB00, 0), (0x0100, 0), (0xAB00, 1), (0x0000, 2)]
        BandEntrySort.sort(&entries)
        #expect(entries.map(\.key) == [0x0000, 0x0100, 0xAB00, 0xAB00])
        #expect(entries.map(\.member) == [2, 0, 0, 1])
    }
}
