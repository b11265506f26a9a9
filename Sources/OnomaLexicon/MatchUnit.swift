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
        letterUnits(in: text) ?? units(in: text) { tokenizer.forEachSegment(in: text, $0) }
    }

    /// The units of a name of words separated by single spaces, each word of plain letters of
    /// one script (`PlainLetter`: ASCII, basic Cyrillic, Hangul syllables; "Donald Trump",
    /// "Київ", "김정은"), cut at the spaces as ICU's word break cuts it: such letters are all
    /// ALetter, between which UAX #29 never breaks. Without running ICU; nil for any other text.
    private static func letterUnits(in text: String) -> [MatchUnit]? {
        var text = text
        return text.withUTF8 { bytes in
            var units: [MatchUnit] = []
            var start = 0, i = 0
            var script: Script?
            while i < bytes.count {
                let lead = bytes[i]
                if lead == UInt8(ascii: " ") {
                    // A leading or second space is not a plain name.
                    guard let word = script else { return nil }
                    units.append(unit(bytes, start..<i, word))
                    script = nil
                    i += 1
                    start = i
                    continue
                }
                // The text is valid UTF-8: a lead byte has its continuation bytes.
                guard let letter = PlainLetter.at(i, of: bytes) else { return nil }
                if let script, script != letter.script { return nil }
                script = letter.script
                i += letter.length
            }
            // Empty, or a trailing space: not a plain name.
            guard let word = script else { return nil }
            units.append(unit(bytes, start..<i, word))
            return units
        }
    }

    private static func unit(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ script: Script) -> MatchUnit {
        MatchUnit(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self), range: range, script: script, breakBefore: false)
    }

    /// Cuts `text` into units from its tokens, as `Tokenizer.tokenize` gives them.
    static func units(in text: String, tokens: [Token]) -> [MatchUnit] {
        units(in: text) { body in tokens.forEach { body($0.segment) } }
    }

    private static func units(in text: String, _ forEachSegment: ((TokenSegment) -> Void) -> Void) -> [MatchUnit] {
        var units: [MatchUnit] = []
        units.reserveCapacity(text.utf8.count / 6)
        let bytes = Array(text.utf8)
        var cutter = UnitCutter()
        bytes.withUnsafeBufferPointer { buffer in
            forEachSegment { segment in
                cutter.cut(segment, in: buffer) { place in
                    units.append(MatchUnit(text: String(decoding: bytes[place.range], as: UTF8.self), range: place.range,
                                           script: place.script, breakBefore: place.breakBefore))
                }
            }
        }
        return units
    }

    /// Whether `value` is punctuation inside one name: a hyphen or a middle dot.
    static func isConnector(_ value: UInt32) -> Bool {
        value == 0x2D || value == 0x2010 || value == 0x2011 || isMiddleDot(value)
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
