// Currencies before a number and units after it, read from the text's bytes.

extension NumberReader {
    /// `NumberValue.unitWords` looked up by token bytes.
    static let units = CaselessWordTable(NumberValue.unitWords)

    /// The proper prefixes of units of several tokens ("square" of "square miles").
    static let unitPrefixes = CaselessWordTable(Dictionary(
        NumberValue.unitWords.keys.flatMap { key in
            let words = key.split(separator: " ")
            return (1..<words.count).map { (words[..<$0].joined(separator: " "), ()) }
        },
        uniquingKeysWith: { first, _ in first }
    ))

    /// `NumberValue.ordinalSuffixes`, each giving itself.
    static let ordinalSuffixes = CaselessWordTable(Dictionary(uniqueKeysWithValues: NumberValue.ordinalSuffixes.map { ($0, $0) }))

    /// `NumberValue.currencyScaleSuffixes` looked up by bytes.
    static let currencyScaleSuffixes = CaselessWordTable(NumberValue.currencyScaleSuffixes)

    /// A currency symbol or ISO code just before token `i` ("$", "US$", "€ ", "EUR "), and where it starts.
    func currency(before i: Int) -> (String, start: Int)? {
        let j = i - 1
        guard j >= 0, gap(j, i) != .other else { return nil }
        if isCurrencySymbol(j) {
            if token(j, isOneOf: Self.dollar), j > 0, gap(j - 1, j) == .none, tokens[j - 1].kind == .word,
                isCountryCode(j - 1)
            {
                let country = text(j - 1)
                return (country == "US" ? "$" : country + "$", j - 1)
            }
            return (Self.units.value(of: tokens[j].range, in: bytes) ?? text(j), j)
        }
        return currencyCode(at: j).map { ($0, j) }
    }

    /// The longest unit of up to three tokens from `i` ("km", "square miles", "кв. км") and the
    /// index after it.
    func unit(at i: Int) -> (String, next: Int)? {
        let isSymbol = isCurrencySymbol(i)
        // Each phrase is hashed once, for the units and for the prefixes of longer ones.
        var phrase = CaselessKey(words(i..<i + 1), in: bytes)
        var found = (Self.units.value(of: phrase, in: bytes) ?? (isSymbol ? text(i).lowercased() : nil))
            .map { ($0, next: i + 1) }
        // A currency that starts the next number ("2024 $5bn") is not this one's.
        if isSymbol || currencyCode(at: i) != nil, i + 1 < tokens.count, gap(i, i + 1) != .other, hasNumeral(i + 1) {
            found = nil
        }
        var end = i + 1
        while end < min(i + 3, tokens.count), Self.unitPrefixes.contains(phrase, in: bytes), gap(end - 1, end) != .other {
            end += 1
            phrase = CaselessKey(words(i..<end), in: bytes)
            if let unit = Self.units.value(of: phrase, in: bytes) { found = (unit, end) }
        }
        return found
    }

    /// The byte ranges of tokens `range`, the words of a phrase.
    private func words(_ range: Range<Int>) -> LazyMapCollection<ArraySlice<TokenSegment>, Range<Int>> {
        tokens[range].lazy.map(\.range)
    }

    /// Whether token `i` is one currency symbol ("$", "€").
    private func isCurrencySymbol(_ i: Int) -> Bool {
        guard tokens[i].kind == .symbol, let scalar = UTF8Decoding.firstScalar(of: bytes[tokens[i].range]) else {
            return false
        }
        return UTF8.width(scalar) == tokens[i].range.count && scalar.properties.generalCategory == .currencySymbol
    }

    /// The currency of token `i` when it is an upper-case ISO 4217 code in the unit table ("USD", "EUR").
    private func currencyCode(at i: Int) -> String? {
        guard tokens[i].kind == .word, tokens[i].range.count == 3, isCountryCode(i) else { return nil }
        return Self.units.value(of: tokens[i].range, in: bytes)
    }

    /// Whether token `i` is one to three ASCII capital letters ("US", "C" of "C$").
    private func isCountryCode(_ i: Int) -> Bool {
        let range = tokens[i].range
        return range.count <= 3 && bytes[range].allSatisfy { $0 &- UInt8(ascii: "A") < 26 }
    }

    private static let dollar = [Array("$".utf8)]
}
