/// The common JSONL line read byte by byte, without JSONDecoder, which took 6% of
/// `onoma dedupe`'s time on 2 KB articles: one flat object whose values are strings, plain
/// integers (an id), null or `true`/`false`, with every escape JSON has. A line with anything
/// else (nested values, fractions, exponents, a repeated or escaped key, a lone surrogate, a
/// syntax error) gives nil, and `parse(_:)` hands it to JSONDecoder, which reads it or names
/// the error: the scan never decides that a line is wrong, so both readers give the same
/// documents and the same errors. Strings and keys are validated as UTF-8 (nil when they are
/// not) and everything else must be ASCII, so a line that scans is valid UTF-8. The text stays
/// bytes (`Document.Body.utf8`), with its length in characters when the scan could count it.
extension JSONLDocument {
    init(id: String, text: Document.Body, lang: String?, date: String?) {
        self.id = id
        self.text = text
        self.lang = lang
        self.date = date
    }

    /// The document on `line`, or nil when the line needs JSONDecoder.
    static func scan(_ line: UnsafeRawBufferPointer) -> JSONLDocument? {
        var scanner = Scanner(bytes: line)
        return scanner.document()
    }

    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var offset = 0
        /// Of the string read last: its continuation bytes, CR LF pairs, and whether every scalar
        /// is `CharacterCount.isSimple` (then its characters are its bytes less both).
        var continuationBytes = 0, lineBreakPairs = 0, allSimple = true

        /// A value of one of the four keys; other keys' values are skipped.
        private enum Value {
            case string(String), utf8([UInt8], characters: Int?), integer(String), null, other
        }

        /// The values of the four keys, each given at most once: four variables, not a
        /// dictionary hashing each key's string (a tenth of a line's time).
        private struct Fields {
            var id: Value?, text: Value?, lang: Value?, date: Value?

            /// Sets the value of `key`; false when it has one already.
            mutating func set(_ key: Key, _ value: Value) -> Bool {
                switch key {
                case .id: Self.set(&id, value)
                case .text: Self.set(&text, value)
                case .lang: Self.set(&lang, value)
                case .date: Self.set(&date, value)
                }
            }

            private static func set(_ field: inout Value?, _ value: Value) -> Bool {
                guard field == nil else { return false }
                field = value
                return true
            }
        }

        mutating func document() -> JSONLDocument? {
            var fields = Fields()
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            skipSpace()
            if !take(UInt8(ascii: "}")) {
                repeat {
                    skipSpace()
                    guard let name = key() else { return nil }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return nil }
                    skipSpace()
                    guard let value = value(keep: name != nil, asBytes: name == .text) else { return nil }
                    if let name {
                        guard fields.set(name, value) else { return nil }
                    }
                    skipSpace()
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "}")) else { return nil }
            }
            skipSpace()
            guard offset == bytes.count else { return nil }
            let id: String
            switch fields.id {
            case .string(let text)?, .integer(let text)?: id = text
            default: return nil
            }
            guard case .utf8(let text, let characters)? = fields.text,
                  let lang = Self.optional(fields.lang), let date = Self.optional(fields.date) else { return nil }
            return JSONLDocument(id: id, text: .utf8(text, characters: characters), lang: lang, date: date)
        }

        /// An optional string field: .some(nil) when absent or null, nil when not a string.
        private static func optional(_ value: Value?) -> String?? {
            switch value {
            case nil, .null?: .some(nil)
            case .string(let text)?: .some(text)
            default: nil
            }
        }

        /// A key: .some(nil) for a key other than the four, nil when the key has escapes.
        private mutating func key() -> Key?? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = offset
            while offset < bytes.count, bytes[offset] != UInt8(ascii: "\""), bytes[offset] != UInt8(ascii: "\\"), bytes[offset] >= 0x20 {
                offset += 1
            }
            guard take(UInt8(ascii: "\"")) else { return nil }
            let name = UnsafeRawBufferPointer(rebasing: bytes[start..<(offset - 1)])
            // The four names by their bytes, without making a `String` of the key.
            for (key, keyName) in Self.keyNames where name.elementsEqual(keyName) { return .some(key) }
            guard UTF8Decoding.firstInvalidOffset(in: name) == nil else { return nil }
            return .some(nil)
        }

        private static let keyNames: [(Key, [UInt8])] = [Key.id, .text, .lang, .date].map { ($0, Array($0.rawValue.utf8)) }

        /// The value at `offset`: a string kept as a `String`, or with `asBytes` as its UTF-8 bytes.
        private mutating func value(keep: Bool, asBytes: Bool) -> Value? {
            guard offset < bytes.count else { return nil }
            switch bytes[offset] {
            case UInt8(ascii: "\""):
                guard let text = utf8String() else { return nil }
                if !keep { return .other }
                guard asBytes else { return .string(String(decoding: text, as: UTF8.self)) }
                return .utf8(text, characters: allSimple ? text.count &- continuationBytes &- lineBreakPairs : nil)
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            case UInt8(ascii: "t"): return literal("true") ? .other : nil
            case UInt8(ascii: "f"): return literal("false") ? .other : nil
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // Digits only, no leading zero, short enough for an Int; anything else goes to JSONDecoder.
                let start = offset
                while offset < bytes.count, bytes[offset] &- UInt8(ascii: "0") < 10 { offset += 1 }
                let digits = offset - start
                guard digits <= 18, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
                if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") || bytes[offset] | 0x20 == UInt8(ascii: "e") { return nil }
                return .integer(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self))
            default: return nil
            }
        }

        private mutating func literal(_ word: StaticString) -> Bool {
            let end = offset + word.utf8CodeUnitCount
            guard end <= bytes.count,
                  word.withUTF8Buffer({ $0.elementsEqual(UnsafeRawBufferPointer(rebasing: bytes[offset..<end])) }) else { return false }
            offset = end
            return true
        }

        /// The bytes of `word` that are a quote, a backslash or below 0x20, each marked by its high
        /// bit (the zero-byte and less-than tests of "Bit Twiddling Hacks"): the lowest mark is
        /// exact, marks above it may not be.
        @inline(__always)
        private static func quotesBackslashesAndControls(_ word: UInt64) -> UInt64 {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let quote = word ^ (ones &* UInt64(UInt8(ascii: "\""))), backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
            let zero = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
            let control = (word &- ones &* 0x20) & ~word
            return (zero | control) & highs
        }

        /// Moves `offset` to the next quote, backslash or control character, or to the end,
        /// checking the bytes passed as UTF-8 on the way (and counting them for `CharacterCount`);
        /// false when they are not valid UTF-8.
        /// Eight bytes at a time: one pass finds a string's end and validates it (the text of
        /// an article is most of a line).
        private mutating func skipPlainBytes() -> Bool {
            guard let base = bytes.baseAddress else { return true }
            let count = bytes.count
            while true {
                var stops: UInt64 = 0
                while offset &+ 8 <= count {
                    let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    stops = Self.quotesBackslashesAndControls(word) | word & 0x8080_8080_8080_8080
                    if stops != 0 { break }
                    offset &+= 8
                }
                if stops != 0 {
                    offset &+= stops.trailingZeroBitCount &>> 3
                } else {
                    // The last bytes, fewer than eight, one by one.
                    while offset < count {
                        let byte = base.load(fromByteOffset: offset, as: UInt8.self)
                        if byte >= 0x80 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                        offset &+= 1
                    }
                    guard offset < count else { return true }
                }
                let lead = base.load(fromByteOffset: offset, as: UInt8.self)
                if lead < 0x80 { return true }
                guard let end = UTF8Decoding.sequenceEnd(at: offset, in: base, count: count) else { return false }
                // Counted for `CharacterCount`: a scalar below U+0300 (leads C2 to CB) is simple,
                // and one of three bytes (lead E2) may be.
                continuationBytes &+= end &- offset &- 1
                if lead > 0xCB, lead != 0xE2 || !CharacterCount.isSimple(afterE2: base.load(fromByteOffset: offset &+ 1, as: UInt8.self),
                                                                         base.load(fromByteOffset: offset &+ 2, as: UInt8.self)) {
                    allSimple = false
                }
                offset = end
            }
        }

        /// A string from its opening quote, unescaped, as its UTF-8 bytes; nil when malformed, not
        /// valid UTF-8 or with a lone surrogate. Counts its characters on the way
        /// (`continuationBytes`, `lineBreakPairs`, `allSimple`).
        private mutating func utf8String() -> [UInt8]? {
            offset += 1
            (continuationBytes, lineBreakPairs, allSimple) = (0, 0, true)
            var unescaped: [UInt8]?
            while true {
                let start = offset
                guard skipPlainBytes(), offset < bytes.count, bytes[offset] >= 0x20 else { return nil }
                let plain = UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
                if bytes[offset] == UInt8(ascii: "\"") {
                    offset += 1
                    // Escapes give valid UTF-8 (a lone surrogate gives nil), and the bytes between
                    // them were checked.
                    guard var unescaped else { return Array(plain) }
                    unescaped.append(contentsOf: plain)
                    return unescaped
                }
                if unescaped == nil { unescaped = [] }
                unescaped!.append(contentsOf: plain)
                offset += 1
                guard offset < bytes.count else { return nil }
                let escape = bytes[offset]
                offset += 1
                let scalar: Unicode.Scalar
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalar = Unicode.Scalar(escape)
                case UInt8(ascii: "b"): scalar = "\u{08}"
                case UInt8(ascii: "f"): scalar = "\u{0C}"
                case UInt8(ascii: "n"): scalar = "\n"
                case UInt8(ascii: "r"): scalar = "\r"
                case UInt8(ascii: "t"): scalar = "\t"
                case UInt8(ascii: "u"):
                    guard let escaped = unicodeEscape() else { return nil }
                    scalar = escaped
                default: return nil
                }
                // A raw CR or LF is a control, so a CR LF pair is made of escapes only.
                if scalar == "\n", unescaped!.last == 0x0D { lineBreakPairs &+= 1 }
                if !CharacterCount.isSimple(scalar.value) { allSimple = false }
                if scalar.isASCII {
                    unescaped!.append(UInt8(truncatingIfNeeded: scalar.value))
                } else {
                    let encoded = UTF8.encode(scalar)!
                    continuationBytes &+= encoded.count &- 1
                    unescaped!.append(contentsOf: encoded)
                }
            }
        }

        /// The scalar of a `\u` escape whose `\u` was read, joining a surrogate pair.
        private mutating func unicodeEscape() -> Unicode.Scalar? {
            guard let high = hex4() else { return nil }
            if !(0xD800...0xDFFF).contains(high) { return Unicode.Scalar(high) }
            guard high < 0xDC00, literal("\\u"), let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        }

        private mutating func hex4() -> UInt32? {
            guard offset + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for byte in bytes[offset..<(offset + 4)] {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
            }
            offset += 4
            return value
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard offset < bytes.count, bytes[offset] == byte else { return false }
            offset += 1
            return true
        }

        private mutating func skipSpace() {
            while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x09 || bytes[offset] == 0x0A || bytes[offset] == 0x0D {
                offset += 1
            }
        }
    }
}
