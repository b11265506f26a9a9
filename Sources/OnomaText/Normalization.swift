import CICU

/// Unicode normalization forms, through ICU's Normalizer2 singletons.
///
///     Normalization.nfkcCaseFold.normalize("Ｚｅｌｅｎｓｋｙｙ")   // "zelenskyy"
///     Normalization.nfc.isNormalized("e\u{301}")              // false
public struct Normalization: Sendable, Hashable {
    private let form: Int32

    public static let nfc = Normalization(form: Int32(ONOMA_NORM_NFC))
    public static let nfd = Normalization(form: Int32(ONOMA_NORM_NFD))
    public static let nfkc = Normalization(form: Int32(ONOMA_NORM_NFKC))
    public static let nfkd = Normalization(form: Int32(ONOMA_NORM_NFKD))
    /// NFKC_Casefold (`unorm2_getNFKCCasefoldInstance`): compatibility forms, case folding and
    /// removal of default-ignorable characters in one pass. ICU 72 has no CaseFold transform.
    public static let nfkcCaseFold = Normalization(form: Int32(ONOMA_NORM_NFKC_CASEFOLD))

    /// Whether `text` is already in this form (`unorm2_isNormalized`).
    public func isNormalized(_ text: String) -> Bool {
        var status: Int32 = 0
        let result = ICUString.withUTF16(text) { onoma_is_normalized(form, $0.baseAddress, Int32($0.count), &status) }
        precondition(status <= 0, "unorm2_isNormalized failed: \(String(cString: onoma_u_error_name(status)))")
        return result == 1
    }

    /// Whether `scalar` never interacts with the text before it in this form
    /// (`unorm2_hasBoundaryBefore`): a text whose every character has that boundary normalizes
    /// character by character.
    public func hasBoundaryBefore(_ scalar: Unicode.Scalar) -> Bool {
        var status: Int32 = 0
        let result = onoma_has_boundary_before(form, Int32(bitPattern: scalar.value), &status)
        precondition(status <= 0, "unorm2 failed: \(String(cString: onoma_u_error_name(status)))")
        return result == 1
    }

    /// `text` in this form (`unorm2_normalize`), after a quick check that skips work on text that
    /// is already normalized (and on ASCII for NFC, NFD and the compatibility forms).
    ///
    /// - Complexity: O(n).
    public func normalize(_ text: String) -> String {
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        if ascii && self != .nfkcCaseFold { return text }
        if ascii {
            // On ASCII, NFKC_Casefold is exactly ASCII lowercasing.
            guard text.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return text }
            return String(decoding: text.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        if isNormalized(text) { return text }
        let (result, status) = ICUString.withUTF16(text) { source in
            ICUString.produce(capacityHint: source.count + source.count / 2) { dest, capacity, status in
                onoma_normalize(form, source.baseAddress, Int32(source.count), dest, capacity, &status)
            }
        }
        precondition(status <= 0, "unorm2_normalize failed: \(String(cString: onoma_u_error_name(status)))")
        return result
    }
}
