import OnomaText

/// Where a unit is in its text (see `MatchUnit`), without the unit's text.
struct UnitPlace {
    /// UTF-8 byte range in the source.
    let range: Range<Int>
    let script: Script
    /// Whether sentence punctuation or a line break separates this unit from the previous one.
    let breakBefore: Bool
}

/// Cuts a text's token segments into units, one segment at a time, in text order: words and
/// numbers (without a possessive `'s`) and the single characters of a Han run are units;
/// hyphens and the middle dots join the parts of one name; other punctuation, symbols and line
/// breaks break names.
struct UnitCutter {
    private var pendingBreak = false
    private var previousEnd = 0

    /// Passes the units of `segment`, a token segment of the text with UTF-8 `bytes`, to `emit`.
    /// The bytes come as a buffer: a slice of an array per segment retained and released it.
    mutating func cut(_ segment: TokenSegment, in bytes: UnsafeBufferPointer<UInt8>, _ emit: (UnitPlace) -> Void) {
        let range = segment.range
        // Between two segments there is mostly one space, or nothing.
        var i = previousEnd
        while i < range.lowerBound {
            if bytes[i] == UInt8(ascii: "\n") {
                pendingBreak = true
                break
            }
            i += 1
        }
        previousEnd = range.upperBound
        switch segment.kind {
        case .word, .number:
            if segment.script == .han, case let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self),
               text.unicodeScalars.count > 1 {
                var offset = range.lowerBound
                for character in text {
                    let length = character.utf8.count
                    emit(UnitPlace(range: offset..<(offset + length), script: .han, breakBefore: pendingBreak))
                    pendingBreak = false
                    offset += length
                }
            } else {
                emit(UnitPlace(range: segment.nameRange, script: segment.script, breakBefore: pendingBreak))
                pendingBreak = false
            }
        case .punctuation:
            if !Self.isConnector(UnsafeBufferPointer(rebasing: bytes[range])) { pendingBreak = true }
        case .symbol, .emoji, .whitespace:
            pendingBreak = true
        }
    }

    /// Whether `utf8` (valid UTF-8) is one connector scalar (`MatchUnit.isConnector(_:)`): all
    /// connectors take one to three bytes. Decoded here rather than through a `String` and
    /// `MatchUnit.singleScalar`: a String per punctuation token took canon from 0.63-0.65x to
    /// 0.45-0.50x the tokenizer's speed.
    private static func isConnector(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let i = 0
        switch utf8.count {
        case 1:
            return MatchUnit.isConnector(UInt32(utf8[i]))
        case 2 where utf8[i] & 0xE0 == 0xC0:
            return MatchUnit.isConnector(UInt32(utf8[i] & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F))
        case 3 where utf8[i] & 0xF0 == 0xE0:
            return MatchUnit.isConnector(UInt32(utf8[i] & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F))
        default:
            return false
        }
    }
}
