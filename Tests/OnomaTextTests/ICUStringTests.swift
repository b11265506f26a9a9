import Testing
@testable import OnomaText

/// ICU hands strings back as UTF-16; `ICUString.string(utf16:)` turns them into Swift strings.
@Suite struct ICUStringTests {
    @Test func utf16OfEveryLengthAndLoneSurrogatesDecodeAsTheStandardLibraryDecodes() {
        // ASCII, two- and three-byte scalars, a surrogate pair (👍), and lone surrogates at
        // every position: the standard library replaces each lone one with U+FFFD.
        let pieces: [[UInt16]] = [[0x41], [0xE9], [0x416], [0xD55C], [0xD83D, 0xDC4D], [0xD83D], [0xDC4D], [0xFFFF], [0x7F], [0x80], [0x7FF], [0x800]]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<20_000 {
            var units: [UInt16] = []
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for step in 0..<Int(state >> 60) {
                units += pieces[Int((state >> UInt64(step * 4)) & 0xFFFF) % pieces.count]
            }
            let decoded = units.withUnsafeBufferPointer(ICUString.string(utf16:))
            #expect(Array(decoded.utf8) == Array(String(decoding: units, as: UTF16.self).utf8), "\(units)")
        }
    }
}
