/// The `Double` a decimal literal of ASCII digits stands for.
enum DecimalDigits {
    /// The value of `integer` "." `fraction` × 10^`exponent`, correctly rounded as
    /// `Double("<integer>.<fraction>e<exponent>")` reads it; nil when not finite.
    ///
    ///     DecimalDigits.value(integer: "1".utf8, fraction: "25".utf8, exponent: 9)   // 1250000000
    ///
    /// Digits that fit a 53-bit integer with a power of ten up to 10^22 are exact doubles, so
    /// one multiplication or division rounds correctly (Clinger's fast path) and no `String` is
    /// made; other literals are parsed.
    static func value(integer: some Collection<UInt8>, fraction: some Collection<UInt8>, exponent: Int) -> Double? {
        // One pass: the significand of the first 19 digits (which fit 64 bits), and the counts.
        var significand: UInt64 = 0, digitCount = 0, fractionCount = 0
        for digit in integer {
            if digitCount < 19 { significand = significand * 10 + UInt64(digit &- UInt8(ascii: "0")) }
            digitCount += 1
        }
        for digit in fraction {
            if digitCount < 19 { significand = significand * 10 + UInt64(digit &- UInt8(ascii: "0")) }
            digitCount += 1
            fractionCount += 1
        }
        let power = exponent - fractionCount
        if digitCount <= 19, significand <= 1 << 53, (-22...22).contains(power) {
            let exact = Double(significand)
            return power >= 0 ? exact * powersOfTen[power] : exact / powersOfTen[-power]
        }
        var literal = Array(integer)
        if fractionCount > 0 { literal += [UInt8(ascii: ".")] + fraction }
        guard let value = Double(String(decoding: literal, as: UTF8.self) + "e\(exponent)"), value.isFinite else {
            return nil
        }
        return value
    }

    /// 10^0 through 10^22: the powers of ten that are exact doubles.
    private static let powersOfTen: [Double] = (0...22).map { power in
        (0..<power).reduce(1.0) { product, _ in product * 10 }
    }
}
