/// Lowercasing UTF-8 bytes as `String.lowercased()` lowercases a string, without making one.
enum Lowercasing {
    /// Calls `body` with each UTF-8 byte of `String(decoding: bytes[range], as: UTF8.self).lowercased()`,
    /// in order: ASCII bytes are mapped directly, other scalars through their full lowercase
    /// mapping ("İ" gives "i̇"), and invalid sequences become U+FFFD as `String(decoding:as:)` repairs them.
    ///
    /// - Complexity: O(n) in the length of `range`.
    @inline(__always)
    static func forEachByte(of bytes: [UInt8], in range: Range<Int>, _ body: (UInt8) -> Void) {
        var i = range.lowerBound
        while i < range.upperBound {
            let byte = bytes[i]
            if byte < 0x80 {
                body(byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte)
                i += 1
            } else {
                let (scalar, length) = UTF8Decoding.repairedScalar(at: i, of: bytes, before: range.upperBound)
                for mapped in scalar.properties.lowercaseMapping.utf8 { body(mapped) }
                i += length
            }
        }
    }
}
