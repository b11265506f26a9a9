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
    /// line is checked, and most of a news article is ASCII), other scalars one by one by the
    /// well-formed byte sequences of the Unicode standard (table 3-7).
    private static func firstInvalidOffset(contiguous bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var offset = 0
        while offset < count {
            while offset &+ 8 <= count,
                  UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                offset &+= 8
            }
            guard offset < count else { break }
            if base[offset] < 0x80 {
                offset &+= 1
                continue
            }
            guard let end = sequenceEnd(at: offset, in: UnsafeRawPointer(base), count: count) else { return offset }
            offset = end
        }
        return nil
    }

    /// Where the well-formed multi-byte sequence whose lead byte (0x80 or more) is at `offset`
    /// of the `count` bytes at `base` ends, by the well-formed byte sequences of the Unicode
    /// standard (table 3-7); nil when the sequence there is not well formed.
    @inline(__always)
    static func sequenceEnd(at offset: Int, in base: UnsafeRawPointer, count: Int) -> Int? {
        let lead = base.load(fromByteOffset: offset, as: UInt8.self)
        // A continuation byte, an overlong two-byte lead (C0, C1) or a lead beyond U+10FFFF.
        guard lead >= 0xC2, lead <= 0xF4 else { return nil }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard offset &+ length <= count else { return nil }
        // The second byte's range excludes overlong forms, surrogates and values beyond U+10FFFF.
        let second = base.load(fromByteOffset: offset &+ 1, as: UInt8.self)
        let (low, high): (UInt8, UInt8) = switch lead {
        case 0xE0: (0xA0, 0xBF)
        case 0xED: (0x80, 0x9F)
        case 0xF0: (0x90, 0xBF)
        case 0xF4: (0x80, 0x8F)
        default: (0x80, 0xBF)
        }
        guard second >= low, second <= high else { return nil }
        var i = 2
        while i < length {
            guard base.load(fromByteOffset: offset &+ i, as: UInt8.self) & 0xC0 == 0x80 else { return nil }
            i &+= 1
        }
        return offset &+ length
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
