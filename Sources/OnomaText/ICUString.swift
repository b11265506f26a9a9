import CICU

/// UTF-16 plumbing for ICU calls that take `UChar *`: the only place that builds such buffers.
enum ICUString {
    /// Calls `body` with the UTF-16 code units of `text`.
    static func withUTF16<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt16>) throws -> R) rethrows -> R {
        let (units, count) = utf16(text)
        return try units.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }

    /// The UTF-16 code units of `text` at the start of a buffer of at least `capacity` units
    /// (zeros after them), and their count. Transcoded from the string's UTF-8 in one loop: the
    /// standard library's generic `Array(text.utf16)` was 3.6% of loading a lexicon in Cyrillic
    /// and Hangul.
    static func utf16(_ text: String, capacity: Int = 0) -> (units: [UInt16], count: Int) {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            // A string's UTF-8 is valid, and never has fewer code units than its UTF-16.
            let units = [UInt16](unsafeUninitializedCapacity: max(bytes.count, capacity)) { units, initialized in
                var i = 0
                while i < bytes.count {
                    let lead = UInt32(bytes[i])
                    if lead < 0x80 {
                        units[count] = UInt16(lead)
                        i += 1
                        count += 1
                        continue
                    }
                    var (scalar, length) = UTF8Decoding.validScalar(at: i, of: bytes)
                    i += length
                    if scalar < 0x10000 {
                        units[count] = UInt16(scalar)
                        count += 1
                    } else {
                        scalar -= 0x10000
                        units[count] = UInt16(0xD800 | scalar >> 10)
                        units[count + 1] = UInt16(0xDC00 | scalar & 0x3FF)
                        count += 2
                    }
                }
                let end = max(bytes.count, capacity)
                (units.baseAddress! + count).initialize(repeating: 0, count: end - count)
                initialized = end
            }
            return (units, count)
        }
    }

    /// Runs an ICU "preflight" call that writes UTF-16 into a buffer and returns the length it
    /// needs, growing the buffer once when the first guess is too small.
    static func produce(
        capacityHint: Int,
        _ call: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
    ) -> (String, status: Int32) {
        var capacity = max(capacityHint, 16)
        while true {
            var status: Int32 = 0
            var length: Int32 = 0
            let units = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
                length = call(buffer.baseAddress!, Int32(capacity), &status)
                count = (status > 0) ? 0 : Int(length)
            }
            if status == onoma_u_buffer_overflow_error(), Int(length) > capacity {
                capacity = Int(length) + 1
                continue
            }
            return (units.withUnsafeBufferPointer(string(utf16:)), status)
        }
    }

    /// The string of UTF-16 code units, a lone surrogate replaced by U+FFFD as
    /// `String(decoding:as:)` does, but transcoded in one loop: the standard library's generic
    /// UTF-16 path took 14% of `lexicon check` (confusable skeletons of a million forms).
    static func string(utf16 units: UnsafeBufferPointer<UInt16>) -> String {
        String(unsafeUninitializedCapacity: units.count * 3) { bytes in
            var i = 0, j = 0
            while i < units.count {
                let unit = UInt32(units[i])
                i += 1
                if unit < 0x80 {
                    bytes[j] = UInt8(unit)
                    j += 1
                    continue
                }
                var scalar = unit
                if unit & 0xF800 == 0xD800 {
                    // A high surrogate followed by a low one is one scalar; any other surrogate is U+FFFD.
                    if unit < 0xDC00, i < units.count, units[i] & 0xFC00 == 0xDC00 {
                        scalar = 0x10000 + ((unit - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
                        i += 1
                    } else {
                        scalar = 0xFFFD
                    }
                }
                if scalar < 0x800 {
                    bytes[j] = UInt8(0xC0 | scalar >> 6)
                    bytes[j + 1] = UInt8(0x80 | scalar & 0x3F)
                    j += 2
                } else if scalar < 0x10000 {
                    bytes[j] = UInt8(0xE0 | scalar >> 12)
                    bytes[j + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
                    bytes[j + 2] = UInt8(0x80 | scalar & 0x3F)
                    j += 3
                } else {
                    bytes[j] = UInt8(0xF0 | scalar >> 18)
                    bytes[j + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
                    bytes[j + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
                    bytes[j + 3] = UInt8(0x80 | scalar & 0x3F)
                    j += 4
                }
            }
            return j
        }
    }
}
