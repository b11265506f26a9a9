@testable import OnomaText
import Testing

/// What `Double(String)` reads for the literal, the value `DecimalDigits.value` must give.
private func parsed(_ integer: String, _ fraction: String, _ exponent: Int) -> Double? {
    Double(integer + (fraction.isEmpty ? "" : "." + fraction) + "e\(exponent)").flatMap { $0.isFinite ? $0 : nil }
}

@Test func decimalDigitsAreReadAsDoubleReadsTheLiteral() {
    let literals: [(String, String, Int)] = [
        ("0", "", 0), ("3", "", 0), ("007", "", 3), ("1", "25", 9), ("3", "5", 0), ("0", "1", 0),
        ("1234567", "89", 0), ("2", "5", 6), ("9007199254740993", "", 0), ("9007199254740992", "", 0),
        ("123", "456", -20), ("1", "", 22), ("1", "", 23), ("12345678901234567890", "", 0),
        ("1", "1234567890123456789", 0), ("1", "", 308), ("2", "", 308), ("5", "", -330), ("0", "", 400),
        (String(repeating: "9", count: 300), "", 12),
    ]
    for (integer, fraction, exponent) in literals {
        let value = DecimalDigits.value(integer: integer.utf8, fraction: fraction.utf8, exponent: exponent)
        #expect(value == parsed(integer, fraction, exponent), "\(integer).\(fraction)e\(exponent)")
    }
}

@Test func decimalDigitsOfRandomLiteralsMatchDoubleParsing() {
    var generator = SplitMix64(state: 4)
    for _ in 0..<2000 {
        let integer = String(UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator))
        let fraction = String(String(UInt64.random(in: 0...UInt64.max, using: &generator)).prefix(Int.random(in: 0...12, using: &generator)))
        let exponent = Int.random(in: -30...30, using: &generator)
        let value = DecimalDigits.value(integer: integer.utf8, fraction: fraction.utf8, exponent: exponent)
        #expect(value == parsed(integer, fraction, exponent), "\(integer).\(fraction)e\(exponent)")
    }
}

/// A seeded generator, so that a failure repeats.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ z >> 30) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ z >> 27) &* 0x94D0_49BB_1331_11EB
        return z ^ z >> 31
    }
}
