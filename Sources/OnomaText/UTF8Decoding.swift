/// Turning input bytes into text: strict by default, lossy on request.
public enum UTF8Decoding {
    /// The outcome of decoding: the text, and the byte offset of the first invalid sequence
    /// (nil when the bytes were valid UTF-8).
    public struct Result {
        public var text: String?
        public var firstInvalidOffset: Int?
    }

    /// Decodes `bytes`. Strict mode gives no text for invalid UTF-8; lossy mode replaces each
    /// invalid sequence with U+FFFD. Either way the offset of the first invalid byte is reported.
    ///
    /// - Complexity: O(n); invalid input is scanned a second time to find the offset.
    public static func decode<C: Collection<UInt8>>(_ bytes: C, lossy: Bool) -> Result {
        if let text = String(validating: bytes, as: UTF8.self) {
            return Result(text: text, firstInvalidOffset: nil)
        }
        let offset = firstInvalidOffset(in: bytes)
        return Result(text: lossy ? String(decoding: bytes, as: UTF8.self) : nil, firstInvalidOffset: offset)
    }

    /// The byte offset of the first sequence that is not valid UTF-8, or nil.
    public static func firstInvalidOffset<C: Collection<UInt8>>(in bytes: C) -> Int? {
        bytes.withContiguousStorageIfAvailable(firstInvalidOffset(contiguous:)) ?? scalarByScalar(bytes)
    }

    /// `firstInvalidOffset(in:)` of contiguous bytes: ASCII eight bytes at a time (every JSONL
    /// line is checked, and most of a news article is ASCII), other scalars one by one.
    private static func firstInvalidOffset(contiguous bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            while offset + 8 <= bytes.count,
                  UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                offset += 8
            }
            guard offset < bytes.count else { break }
            if bytes[offset] < 0x80 {
                offset += 1
                continue
            }
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = UnsafeBufferPointer(rebasing: bytes[offset...]).makeIterator()
            guard case .valid(let scalar) = parser.parseScalar(from: &iterator) else { return offset }
            offset += scalar.count
        }
        return nil
    }

    /// The first scalar of valid UTF-8 `bytes` without decoding the rest; nil when empty.
    ///
    ///     UTF8Decoding.firstScalar(of: Array("Łódź".utf8)[...])   // "Ł"
    public static func firstScalar(of bytes: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var decoder = Unicode.UTF8()
        var iterator = bytes.makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return scalar
    }

    /// The value and length of the multi-byte scalar starting at offset `i` of `bytes`, which
    /// are valid UTF-8 (a `String`'s) and have a lead byte of 0xC0 or more there: no checks.
    @inlinable
    public static func validScalar(at i: Int, of bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[i])
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3) }
        return ((lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    /// The scalar that starts at offset `i` of `bytes` (before `end`) and its length in bytes, as
    /// `String(decoding:as:)` reads it: an invalid sequence is U+FFFD, as long as the sequence.
    public static func repairedScalar(at i: Int, of bytes: [UInt8], before end: Int) -> (scalar: Unicode.Scalar, length: Int) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes[i..<end].makeIterator()
        switch parser.parseScalar(from: &iterator) {
        case .valid(let encoded): return (Unicode.UTF8.decode(encoded), encoded.count)
        case .error(let length): return (Unicode.Scalar(0xFFFD)!, length)
        case .emptyInput: return (Unicode.Scalar(0xFFFD)!, end - i)
        }
    }

    private static func scalarByScalar<C: Collection<UInt8>>(_ bytes: C) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
