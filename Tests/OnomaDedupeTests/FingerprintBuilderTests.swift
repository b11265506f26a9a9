import Testing
@testable import OnomaDedupe

@Suite struct FingerprintBuilderTests {
    /// The integer keys of ASCII strings must sort and deduplicate as `Set(strings).sorted()`:
    /// prefixes, a shared first 16 bytes, exactly 16 bytes, the empty string, and arrays that
    /// fall back to `String` comparison (non-ASCII, canonically equivalent strings).
    @Test func namesAreSortedWithoutRepeatsAsStringsSortThem() {
        let lists: [[String]] = [
            ["zelensky", "abc", "abcd", "ab", "abc", "Abc", "a b", "a-b", "~x", "0", "10", "9"],
            ["finanzinstrumenten", "finanzinstrumente", "finanzinstrumentenb", "finanzinstrumenten", "abcdefghijklmnop", "abcdefghijklmnopq", ""],
            ["lodz", "łódź", "lodz", "e\u{301}", "\u{E9}", "zz"],
        ]
        for names in lists {
            var builder = FingerprintBuilder()
            for name in names where name.utf8.count >= 4 { builder.addName(name) }
            for name in names { builder.addEntity(name) }
            let fingerprint = builder.build()
            #expect(fingerprint.names == Set(names.filter { $0.utf8.count >= 4 }).sorted())
            #expect(fingerprint.entities == Set(names).sorted())
        }
    }
}
