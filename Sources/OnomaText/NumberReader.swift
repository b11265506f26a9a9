/// Reads number expressions from token segments: digit groups joined across spaces ("3 000"),
/// then a sign and currency before them and scale words and a unit after them.
///
/// It works on the text's UTF-8 bytes: a token that starts with a digit is read as a `Numeral`,
/// and the words around it are compared and looked up as bytes (`CaselessWordTable`).
struct NumberReader {
    let tokens: [TokenSegment]
    let bytes: [UInt8]
    private let locale: NumberLocale

    /// All numbers in `segments` of UTF-8 `bytes` (whitespace segments are skipped), read as
    /// language `lang` writes them.
    ///
    /// - Complexity: O(n) in the number of segments; most stretches of text have no number,
    ///   and those cost one byte test per token.
    static func values(in segments: [TokenSegment], of bytes: [UInt8], lang: String?) -> [NumberValue] {
        // The segments themselves (shared, not copied) when none is whitespace, as a tokenizer
        // without whitespace segments gives them.
        let tokens = segments.contains { $0.kind == .whitespace } ? segments.filter { $0.kind != .whitespace } : segments
        guard let first = candidate(in: tokens[...], of: bytes) else { return [] }
        return NumberReader(tokens: tokens, bytes: bytes, locale: .of(lang: lang)).values(from: first)
    }

    /// The first of `tokens` that may start a numeral, judged by its kind and first byte: a
    /// loop of its own, which the numeral reader's work does not slow down, over the buffers
    /// (bounds checks of the slice and the bytes were half of its instructions per token).
    private static func candidate(in tokens: ArraySlice<TokenSegment>, of bytes: [UInt8]) -> Int? {
        tokens.withUnsafeBufferPointer { segments in
            bytes.withUnsafeBufferPointer { bytes in
                var i = 0
                while i < segments.count {
                    let range = segments[i].range
                    if segments[i].isWordLike, !range.isEmpty, Numeral.mayStart(lead: bytes[range.lowerBound]) { return tokens.startIndex &+ i }
                    i &+= 1
                }
                return nil
            }
        }
    }

    private init(tokens: [TokenSegment], bytes: [UInt8], locale: NumberLocale) {
        self.tokens = tokens
        self.bytes = bytes
        self.locale = locale
    }

    /// The numeral token `i` starts with, or nil.
    private func numeral(_ i: Int) -> Numeral? {
        tokens[i].isWordLike ? Numeral(bytes, tokens[i].range) : nil
    }

    /// Whether token `i` starts with a numeral.
    func hasNumeral(_ i: Int) -> Bool {
        tokens[i].isWordLike && Numeral.starts(bytes, tokens[i].range)
    }

    /// The text of token `i`.
    func text(_ i: Int) -> String {
        String(decoding: bytes[tokens[i].range], as: UTF8.self)
    }

    /// Whether token `i` is exactly one of `texts`, given as UTF-8.
    func token(_ i: Int, isOneOf texts: [[UInt8]]) -> Bool {
        let range = tokens[i].range
        return texts.contains { $0.count == range.count && bytes[range].elementsEqual($0) }
    }

    /// The numbers from token `start` on, which is the first that may start one.
    private func values(from start: Int) -> [NumberValue] {
        var found: [NumberValue] = []
        var candidate: Int? = start
        while let i = candidate {
            // Only a token that starts with a digit can start a number.
            guard let numeral = numeral(i) else {
                candidate = Self.candidate(in: tokens[(i + 1)...], of: bytes)
                continue
            }
            let run = digitRun(at: i, startingWith: numeral)
            var end = run.upperBound
            func read(_ digits: Range<Int>) {
                guard let (value, next) = expression(digits, startingWith: digits.lowerBound == i ? numeral : nil) else {
                    return
                }
                found.append(value)
                end = max(end, next)
            }
            // Most runs are one token, and need no list of pieces.
            if run.count == 1 {
                read(run)
            } else {
                pieces(of: run).forEach(read)
            }
            candidate = Self.candidate(in: tokens[end...], of: bytes)
        }
        return found
    }

    /// The bare digit tokens from `i`, whose numeral is `first`, on that grouping spaces
    /// separate ("1", "234", "567,5").
    private func digitRun(at i: Int, startingWith first: Numeral) -> Range<Int> {
        guard tokens[i].kind == .number, first.isBare(allowingOneMark: false) else { return i..<i + 1 }
        var end = i + 1
        while end < tokens.count, tokens[end].kind == .number,
            gap(end - 1, end) == .fixedSpace || gap(end - 1, end) == .space && locale.groupsWithSpace,
            end == i + 1 || isBareDigits(end - 1, last: false), isBareDigits(end, last: true)
        {
            end += 1
        }
        return i..<end
    }

    /// A number token of digits only or, when `last`, digits with one "," or "." ("000,50").
    private func isBareDigits(_ i: Int, last: Bool) -> Bool {
        tokens[i].kind == .number && numeral(i)?.isBare(allowingOneMark: last) == true
    }

    /// How a run of digit tokens splits into numbers: whole when its groups are well formed (1–3
    /// digits, then exactly 3 each), a leading number of 4 or more digits (a year) apart from a
    /// well-formed rest ("in 2024 300 000"), or else token by token ("44 123 4567").
    private func pieces(of run: Range<Int>) -> [Range<Int>] {
        let lengths = run.map { numeral($0)!.firstGroupLength }
        let grouped = { (lengths: ArraySlice<Int>) in
            (1...3).contains(lengths.first!) && lengths.dropFirst().allSatisfy { $0 == 3 }
        }
        if grouped(lengths[...]) { return [run] }
        if run.count > 2, lengths[0] > 3, grouped(lengths.dropFirst()) {
            return [run.lowerBound..<run.lowerBound + 1, run.lowerBound + 1..<run.upperBound]
        }
        return run.map { $0..<$0 + 1 }
    }

    /// The expression around the digit tokens `digits`, the first of which reads as `first`
    /// when given, and the index of the token after it.
    private func expression(_ digits: Range<Int>, startingWith first: Numeral?) -> (NumberValue, next: Int)? {
        let firstToken = digits.lowerBound
        guard var numeral = first ?? numeral(firstToken), !isFragment(firstToken) else { return nil }
        for i in digits.dropFirst() { numeral.appendGroup(self.numeral(i)!) }
        guard let (integer, fraction) = numeral.split(decimalMark: locale.decimalMark) else { return nil }

        var start = firstToken, negative = false, unit: String?
        if isMinus(start - 1) { negative = true; start -= 1 }
        if let (currency, begin) = currency(before: start) {
            unit = currency
            start = begin
            if !negative, isMinus(start - 1) { negative = true; start -= 1 }
        }

        var exponent = 0, next = digits.upperBound
        let suffix = numeral.suffix
        if !suffix.isEmpty {
            if let ordinal = Self.ordinalSuffixes.value(of: suffix, in: bytes) {
                guard fraction.isEmpty, Self.ordinal(ordinal, fits: integer) else { return nil }
                return finish()
            } else if let scale = locale.scales.value(of: suffix, in: bytes) {
                guard let power = scale.exponent else { return nil }
                exponent = power
                next = index(after: scale, at: next - 1)
            } else if unit != nil, let power = Self.currencyScaleSuffixes.value(of: suffix, in: bytes) {
                exponent = power
            } else if unit == nil, let glued = Self.units.value(of: suffix, in: bytes) {
                unit = glued
                return finish()
            } else {
                return nil
            }
        }
        var previous = exponent
        while next < tokens.count, tokens[next].kind == .word, gap(next - 1, next) != .other,
            let scale = locale.scales.value(of: tokens[next].range, in: bytes)
        {
            guard let power = scale.exponent, !isHyphenated(next) else { return nil }
            guard power > previous else { break }
            exponent += power
            previous = power
            next = index(after: scale, at: next)
        }
        if unit == nil, next < tokens.count, gap(next - 1, next) != .other, let (written, end) = self.unit(at: next) {
            unit = written
            next = end
        }
        return finish()

        func finish() -> (NumberValue, next: Int)? {
            guard let magnitude = DecimalDigits.value(integer: integer, fraction: fraction, exponent: exponent) else {
                return nil
            }
            let range = tokens[start].range.lowerBound..<tokens[next - 1].range.upperBound
            return (NumberValue(value: negative ? -magnitude : magnitude, range: range, unit: unit), next)
        }
    }

    /// Whether digits at `i` continue something that is not a number: a name ("F-16",
    /// "COVID-19") or digits after a stray separator (".5", "1..2").
    private func isFragment(_ i: Int) -> Bool {
        guard i > 0, gap(i - 1, i) == .none else { return false }
        if token(i - 1, isOneOf: Self.separators) { return true }
        guard token(i - 1, isOneOf: Self.hyphens), i > 1, gap(i - 2, i - 1) == .none else { return false }
        return tokens[i - 2].kind == .word && !hasNumeral(i - 2)
    }

    /// Whether token `i` is a minus sign for the token after it: touching it, and not joining
    /// two words or numbers ("3-4").
    private func isMinus(_ i: Int) -> Bool {
        guard i >= 0, gap(i, i + 1) == .none, token(i, isOneOf: Self.minusSigns) else { return false }
        return i == 0 || gap(i - 1, i) != .none || !tokens[i - 1].isWordLike
    }

    /// The index after scale word `i`, past its abbreviation dot if it has one ("Mio.").
    private func index(after scale: ScaleWord, at i: Int) -> Int {
        let dotted = scale.isAbbreviation && i + 1 < tokens.count && token(i + 1, isOneOf: Self.dot) && gap(i, i + 1) == .none
        return dotted ? i + 2 : i + 1
    }

    /// Whether word `i` is the start of a hyphenated compound ("5 Bio-Eier": organic, not 10^12).
    private func isHyphenated(_ i: Int) -> Bool {
        i + 1 < tokens.count && token(i + 1, isOneOf: Self.hyphens) && gap(i, i + 1) == .none
    }

    /// What separates two tokens in the text.
    enum Gap { case none, space, fixedSpace, other }

    func gap(_ a: Int, _ b: Int) -> Gap {
        let from = tokens[a].range.upperBound, to = tokens[b].range.lowerBound
        guard from <= to, to <= bytes.count else { return .other }
        if from == to { return .none }
        if to - from == 1, bytes[from] == UInt8(ascii: " ") { return .space }
        let between = bytes[from..<to]
        return Self.fixedSpaces.contains { between.elementsEqual($0) } ? .fixedSpace : .other
    }

    /// NO-BREAK SPACE, NARROW NO-BREAK SPACE, THIN SPACE, FIGURE SPACE in UTF-8.
    private static let fixedSpaces: [[UInt8]] = [
        [0xC2, 0xA0], [0xE2, 0x80, 0xAF], [0xE2, 0x80, 0x89], [0xE2, 0x80, 0x87],
    ]

    private static let hyphens = ["-", "\u{2010}", "\u{2011}"].map { Array($0.utf8) }
    private static let minusSigns = ["-", "\u{2212}"].map { Array($0.utf8) }
    private static let separators = [".", ","].map { Array($0.utf8) }
    private static let dot = [Array(".".utf8)]

    /// Whether an English ordinal suffix fits the number ("1st", "12th", "23rd"); the other
    /// languages' suffixes fit any number.
    private static func ordinal(_ suffix: String, fits digits: some Collection<UInt8>) -> Bool {
        guard ["st", "nd", "rd", "th"].contains(suffix) else { return true }
        let integer = Array(digits)
        let ones = integer[integer.count - 1] - UInt8(ascii: "0")
        let tens = integer.count > 1 ? integer[integer.count - 2] - UInt8(ascii: "0") : 0
        let expected = tens == 1 ? "th" : [1: "st", 2: "nd", 3: "rd"][ones] ?? "th"
        return suffix == expected
    }
}
