import CICU

/// Owns one ICU `UTransliterator`. Not thread-safe: `Transliterator` hands each one to a single
/// thread at a time.
final class TransliteratorHandle: @unchecked Sendable {
    private let pointer: OpaquePointer

    /// Opens an ICU transform id (compound ids allowed) or, with `rules`, a custom rule set.
    /// Calls `utrans_openU`.
    init(id: String, rules: String?) throws(TransliteratorError) {
        var status: Int32 = 0
        var errorOffset: Int32 = -1
        let idUnits = Array(id.utf16)
        let ruleUnits = rules.map { Array($0.utf16) }
        let handle = idUnits.withUnsafeBufferPointer { idBuffer in
            if let ruleUnits {
                return ruleUnits.withUnsafeBufferPointer { ruleBuffer in
                    onoma_transliterator_open(idBuffer.baseAddress, Int32(idBuffer.count),
                                              ruleBuffer.baseAddress, Int32(ruleBuffer.count), &errorOffset, &status)
                }
            }
            return onoma_transliterator_open(idBuffer.baseAddress, Int32(idBuffer.count), nil, 0, &errorOffset, &status)
        }
        guard status <= 0, let handle else {
            throw TransliteratorError(id: id, rules: rules, status: status, errorOffset: Int(errorOffset))
        }
        pointer = handle
    }

    private init(pointer: OpaquePointer) { self.pointer = pointer }

    deinit { onoma_transliterator_close(pointer) }

    /// An independent copy for another thread (`utrans_clone`).
    func clone() -> TransliteratorHandle {
        var status: Int32 = 0
        let copy = onoma_transliterator_clone(pointer, &status)
        precondition(status <= 0 && copy != nil, "utrans_clone failed: \(String(cString: onoma_u_error_name(status)))")
        return TransliteratorHandle(pointer: copy!)
    }

    /// Transliterates `text` (`utrans_transUChars`).
    func apply(_ text: String) -> String {
        // Room to grow in place: transliteration to Latin lengthens most scripts.
        var capacity = max(text.utf8.count * 3 / 2 + 16, 32)
        while true {
            var buffer: [UInt16], length: Int
            (buffer, length) = ICUString.utf16(text, capacity: capacity)
            var status: Int32 = 0
            let newLength = buffer.withUnsafeMutableBufferPointer {
                onoma_transliterator_apply(pointer, $0.baseAddress, Int32(length), Int32(capacity), &status)
            }
            if status == onoma_u_buffer_overflow_error() {
                capacity = max(Int(newLength), capacity) * 2
                continue
            }
            // With a large enough buffer utrans_transUChars fails only when memory runs out.
            precondition(status <= 0, "utrans_transUChars failed: \(String(cString: onoma_u_error_name(status)))")
            return buffer.withUnsafeBufferPointer { ICUString.string(utf16: UnsafeBufferPointer(rebasing: $0[0..<Int(newLength)])) }
        }
    }

    /// Every transform id ICU knows (`utrans_openIDs`).
    static func availableIDs() -> [String] {
        let (joined, status) = ICUString.produce(capacityHint: 1 << 15) { buffer, capacity, status in
            onoma_transliterator_available_ids(buffer, capacity, &status)
        }
        precondition(status <= 0, "utrans_openIDs failed: \(String(cString: onoma_u_error_name(status)))")
        return joined.split(separator: "\n").map(String.init)
    }
}
