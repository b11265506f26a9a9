import CICU

/// UTF-16 plumbing for ICU calls that take `UChar *`: the only place that builds such buffers.
enum ICUString {
    /// Calls `body` with the UTF-16 code units of `text`.
    static func withUTF16<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt16>) throws -> R) rethrows -> R {
        let units = Array(text.utf16)
        return try units.withUnsafeBufferPointer(body)
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
            return (String(decoding: units, as: UTF16.self), status)
        }
    }
}
