import OnomaText

/// One matchable piece of text: a word (its possessive `'s` left out) or a single Han character.
/// Lexicon forms and documents are cut into units the same way, so multi-word names match unit
/// by unit.
struct MatchUnit: Hashable {
    /// The unit's text as written (without a possessive suffix).
    let text: String
    /// UTF-8 byte range in the source.
    let range: Range<Int>
    let script: Script
    /// Whether sentence punctuation or a line break separates this unit from the previous one,
    /// so that no name runs across it.
    let breakBefore: Bool

    /// Whether `text` starts with an uppercase letter or a letter of a script without case.
    static func isNameLike(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        if first < 0x80 { return first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z") }
        let scalar = text.unicodeScalars.first!
        if scalar.properties.isUppercase { return true }
        return !scalar.properties.changesWhenUppercased && scalar.properties.isAlphabetic
    }

    /// Cuts `text` into units with `tokenizer`. Hyphens and the katakana middle dot join the
    /// parts of one name; other punctuation and line breaks break names.
    static func units(in text: String, tokenizer: Tokenizer) -> [MatchUnit] {
        asciiLetterUnits(in: text) ?? units(in: text) { tokenizer.forEachToken(in: text, $0) }
    }

    /// The units of a name of ASCII letters separated by single spaces ("Donald Trump"), cut
    /// at the spaces as ICU's word break cuts it (ASCII letters never break apart), without
    /// running ICU; nil for any other text.
    private static func asciiLetterUnits(in text: String) -> [MatchUnit]? {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        guard text.utf8.allSatisfy({ isLetter($0) || $0 == UInt8(ascii: " ") }) else { return nil }
        let bytes = Array(text.utf8)
        var units: [MatchUnit] = []
        var start = 0
        for end in bytes.indices where end == bytes.count - 1 || bytes[end + 1] == UInt8(ascii: " ") {
            // A word ends at `end`: it must start with a letter after one space (or the start).
            guard start <= end, isLetter(bytes[start]) else { return nil }
            units.append(MatchUnit(text: String(decoding: bytes[start...end], as: UTF8.self), range: start..<(end + 1),
                                   script: .latin, breakBefore: false))
            start = end + 2
        }
        return units.isEmpty ? nil : units
    }

    /// Cuts `text` into units from its tokens, as `Tokenizer.tokenize` gives them.
    static func units(in text: String, tokens: [Token]) -> [MatchUnit] {
        units(in: text) { tokens.forEach($0) }
    }

    private static func units(in text: String, _ forEachToken: ((Token) -> Void) -> Void) -> [MatchUnit] {
        var units: [MatchUnit] = []
        units.reserveCapacity(text.utf8.count / 6)
        var pendingBreak = false
        var previousEnd = 0
        let bytes = Array(text.utf8)
        forEachToken { token in
            if token.range.lowerBound > previousEnd, bytes[previousEnd..<token.range.lowerBound].contains(UInt8(ascii: "\n")) {
                pendingBreak = true
            }
            previousEnd = token.range.upperBound
            switch token.kind {
            case .word, .number:
                if token.script == .han && token.text.unicodeScalars.count > 1 {
                    var offset = token.range.lowerBound
                    for character in token.text {
                        let length = character.utf8.count
                        units.append(MatchUnit(text: String(character), range: offset..<(offset + length), script: .han, breakBefore: pendingBreak))
                        pendingBreak = false
                        offset += length
                    }
                } else {
                    let end = token.range.upperBound - token.possessiveSuffixLength
                    units.append(MatchUnit(text: token.nameText, range: token.range.lowerBound..<end, script: token.script, breakBefore: pendingBreak))
                    pendingBreak = false
                }
            case .punctuation:
                if !isConnector(token.text) { pendingBreak = true }
            case .symbol, .emoji, .whitespace:
                pendingBreak = true
            }
        }
        return units
    }

    /// Punctuation inside one name: hyphens and the middle dots.
    static func isConnector(_ text: String) -> Bool {
        guard let value = singleScalar(text) else { return false }
        return value == 0x2D || value == 0x2010 || value == 0x2011 || isMiddleDot(value)
    }

    /// Whether `text` is a middle dot between the parts of a foreign name: katakana (・),
    /// Latin-1 (·) or halfwidth katakana (･).
    static func isMiddleDot(_ text: String) -> Bool {
        singleScalar(text).map(isMiddleDot) ?? false
    }

    private static func isMiddleDot(_ value: UInt32) -> Bool {
        value == 0x30FB || value == 0xB7 || value == 0xFF65
    }

    /// The value of the one scalar of `text`, or nil: compared as values, because string
    /// equality with non-ASCII literals is the slow path.
    private static func singleScalar(_ text: String) -> UInt32? {
        var scalars = text.unicodeScalars.makeIterator()
        guard let scalar = scalars.next(), scalars.next() == nil else { return nil }
        return scalar.value
    }
}
