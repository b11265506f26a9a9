/// A separator between digit groups, before a language says what it means. Its raw value is
/// the byte that stands for it in a `Numeral`'s literal.
enum NumeralMark: UInt8 {
    /// "," or ".": a decimal mark or a thousands separator, by language and digits.
    case comma = 0x2C, dot = 0x2E
    /// A space or apostrophe ("3 000", "3'000"), or the Arabic "٬": always groups thousands.
    case group = 0x27
    /// The Arabic decimal separator "٫": always a decimal mark.
    case decimal = 0x3B

    init?(_ scalar: Unicode.Scalar) {
        switch scalar {
        case ",": self = .comma
        case ".": self = .dot
        case "'", "\u{2019}", "\u{00A0}", "\u{2007}", "\u{2009}", "\u{202F}", "\u{066C}": self = .group
        case "\u{066B}": self = .decimal
        default: return nil
        }
    }
}

/// The digit groups and separators at the start of a token: "1.234,5" is groups "1", "234",
/// "5" and marks `.dot`, `.comma`; digits of any script become ASCII ("٣٠٠٠" is "3000").
struct Numeral {
    /// The groups and marks as ASCII digits and marks' raw values, never empty: "1.234,5",
    /// "3'000" for "3’000". A slice of the text itself when its digits and marks are ASCII, so
    /// reading a number of ASCII digits copies nothing.
    private(set) var literal: ArraySlice<UInt8>
    /// The UTF-8 offsets of what follows the digits in the token ("bn" in "1.25bn"); empty when
    /// nothing but whitespace follows.
    private(set) var suffix: Range<Int>

    /// Whether the token at `range` of UTF-8 `text` may start with a decimal digit, judged by
    /// its first byte: an ASCII digit, or the lead byte of a scalar beyond U+07FF or of a
    /// two-byte scalar range that holds digits (Arabic-Indic, NKo). Most words fail at once,
    /// without decoding a scalar.
    @inline(__always)
    static func mayStart(_ text: [UInt8], _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        return mayStart(lead: text[range.lowerBound])
    }

    /// `mayStart(_:_:)` of a token whose first byte is `lead`.
    @inline(__always)
    static func mayStart(lead: UInt8) -> Bool {
        lead < 0x80 ? lead &- UInt8(ascii: "0") < 10 : lead >= 0xE0 || twoByteLeadsWithDigits & 1 << (lead & 0x1F) != 0
    }

    /// Whether the token at `range` of UTF-8 `text` starts with a decimal digit: whether
    /// `init(_:_:)` reads a numeral there, without reading it.
    @inline(__always)
    static func starts(_ text: [UInt8], _ range: Range<Int>) -> Bool {
        guard mayStart(text, range) else { return false }
        return text[range.lowerBound] < 0x80 || UTF8Decoding.firstScalar(of: text[range]).flatMap(digit) != nil
    }

    /// Bit n set when a two-byte scalar whose lead byte is 0xC0 + n is a decimal digit for
    /// some continuation byte: computed from the scalar properties `digit` reads.
    private static let twoByteLeadsWithDigits: UInt32 = (0..<32).reduce(0) { mask, low in
        let hasDigit = (0..<64).contains { (trail: UInt32) in
            Unicode.Scalar(UInt32(low) << 6 | trail).map { $0.value >= 0x80 && digit($0) != nil } ?? false
        }
        return hasDigit ? mask | 1 << low : mask
    }

    /// Reads the digits at the start of the token at `range` of UTF-8 `text`; nil unless it
    /// starts with a decimal digit.
    init?(_ text: [UInt8], _ range: Range<Int>) {
        guard Self.mayStart(text, range) else { return nil }
        if text[range.lowerBound] < 0x80, let ascii = Self(ascii: text, range) {
            self = ascii
            return
        }
        // Scalars and where each starts, decoded as `String(decoding:as:)` does.
        var scalars: [(scalar: Unicode.Scalar, offset: Int)] = []
        var offset = range.lowerBound
        while offset < range.upperBound {
            let (scalar, length) = UTF8Decoding.repairedScalar(at: offset, of: text, before: range.upperBound)
            scalars.append((scalar, offset))
            offset += length
        }
        guard let first = scalars.first, Self.digit(first.scalar) != nil else { return nil }
        var literal: [UInt8] = []
        var i = 0
        while i < scalars.count {
            if let digit = Self.digit(scalars[i].scalar) {
                literal.append(digit)
            } else if let mark = NumeralMark(scalars[i].scalar), i + 1 < scalars.count, Self.digit(scalars[i + 1].scalar) != nil {
                literal.append(mark.rawValue)
            } else {
                break
            }
            i += 1
        }
        self.literal = literal[...]
        suffix = Self.suffix(text, (i < scalars.count ? scalars[i].offset : range.upperBound)..<range.upperBound)
    }

    /// `init(_:_:)` of a token whose digits and separators are ASCII, read from its bytes
    /// without decoding scalars; nil when a byte the scalar reading would look at is not ASCII.
    private init?(ascii text: [UInt8], _ range: Range<Int>) {
        func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
        // The ASCII marks are their own raw values: ",", "." and "'".
        func isMark(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "'") }
        var i = range.lowerBound
        while i < range.upperBound {
            let byte = text[i]
            guard byte < 0x80 else { return nil }
            if !isDigit(byte) {
                // A mark counts only before a digit.
                guard isMark(byte), i + 1 < range.upperBound, text[i + 1] >= 0x80 || isDigit(text[i + 1]) else { break }
                guard text[i + 1] < 0x80 else { return nil }
            }
            i += 1
        }
        literal = text[range.lowerBound..<i]
        suffix = Self.suffix(text, i..<range.upperBound)
    }

    /// `rest`, or an empty range when its characters are all whitespace (ICU keeps a narrow
    /// no-break space after digits in the token: "45\u{202F}%").
    private static func suffix(_ text: [UInt8], _ rest: Range<Int>) -> Range<Int> {
        let blank = rest.upperBound..<rest.upperBound
        // `Character.isWhitespace` judges a character by its first scalar, and an ASCII byte
        // always starts a character: one that is not whitespace decides at once.
        var hasOtherBytes = false
        for i in rest {
            if text[i] >= 0x80 {
                hasOtherBytes = true
            } else if text[i] != UInt8(ascii: " "), !(9...13).contains(text[i]) {
                return rest
            }
        }
        guard hasOtherBytes else { return blank }
        return String(decoding: text[rest], as: UTF8.self).allSatisfy(\.isWhitespace) ? blank : rest
    }

    /// The number of digits before the first mark.
    var firstGroupLength: Int {
        (literal.firstIndex { NumeralMark(rawValue: $0) != nil } ?? literal.endIndex) - literal.startIndex
    }

    /// Whether the numeral is digits only or, when `allowingOneMark`, digits with one "," or
    /// "." ("000,50"), with no suffix.
    func isBare(allowingOneMark: Bool) -> Bool {
        guard suffix.isEmpty else { return false }
        var marks = literal.lazy.compactMap { NumeralMark(rawValue: $0) }.makeIterator()
        guard let first = marks.next() else { return true }
        return allowingOneMark && first != .group && marks.next() == nil
    }

    /// Joins the next token's digits across a grouping space ("3" + "000").
    mutating func appendGroup(_ next: Numeral) {
        literal = ArraySlice(Array(literal) + [NumeralMark.group.rawValue] + next.literal)
        suffix = next.suffix
    }

    /// The integer and fraction digits, the separators read by the convention of a language whose
    /// decimal mark is `decimalMark` (nil: unknown); nil when malformed or ambiguous.
    ///
    /// The decimal mark, if any, is the last mark: the split reads the literal in place.
    func split(decimalMark: NumeralMark?) -> (integer: LazyFilterCollection<ArraySlice<UInt8>>, fraction: ArraySlice<UInt8>)? {
        let marks = literal.indices.lazy.filter { NumeralMark(rawValue: literal[$0]) != nil }
        func mark(_ i: Int) -> NumeralMark { NumeralMark(rawValue: literal[i])! }
        guard let lastAt = marks.last else { return (Self.digits(of: literal), []) }
        let last = mark(lastAt)
        var decimalAt: Int?
        switch last {
        case .decimal: decimalAt = lastAt
        case .group: decimalAt = nil
        case .comma, .dot:
            if marks.count(where: { mark($0) == last }) > 1 {
                decimalAt = nil
            } else if marks.first != lastAt {
                decimalAt = lastAt  // "1.234,5": the last, different separator
            } else {
                let thousands = lastAt - literal.startIndex <= 3 && literal.endIndex - lastAt - 1 == 3
                switch decimalMark {
                case last: decimalAt = lastAt
                case nil where !thousands: decimalAt = lastAt
                case nil: guard last == .comma else { return nil }  // "3.000": 3 or 3000
                default: guard thousands else { return nil }  // German "3.5", "24.12."
                }
            }
        }
        let integer = literal[..<(decimalAt ?? literal.endIndex)]
        // Marks that group the integer's digits: all the first mark, none decimal, between
        // groups of 1–3 digits then exactly 3 each.
        let first = mark(marks.first!)
        var groupStart = integer.startIndex
        for at in marks.prefix(while: { $0 < integer.endIndex }) {
            guard mark(at) == first, first != .decimal, at - groupStart == 3 || groupStart == integer.startIndex && at - groupStart <= 3 else {
                return nil
            }
            groupStart = at + 1
        }
        guard groupStart == integer.startIndex || integer.endIndex - groupStart == 3 else { return nil }
        return (Self.digits(of: integer), decimalAt.map { literal[($0 + 1)...] } ?? [])
    }

    /// The digits of part of a literal, without its marks.
    private static func digits(of part: ArraySlice<UInt8>) -> LazyFilterCollection<ArraySlice<UInt8>> {
        part.lazy.filter { NumeralMark(rawValue: $0) == nil }
    }

    /// A decimal digit of any script as an ASCII digit.
    private static func digit(_ scalar: Unicode.Scalar) -> UInt8? {
        if scalar.isASCII { return ("0"..."9").contains(scalar) ? UInt8(scalar.value) : nil }
        guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue else { return nil }
        return UInt8(ascii: "0") + UInt8(value)
    }
}
