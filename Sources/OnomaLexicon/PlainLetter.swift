import OnomaText

/// Letters whose script, normalization and word breaks are known without asking ICU: ASCII
/// letters (Latin), basic Cyrillic letters U+0400–U+045F and Hangul syllables U+AC00–U+D7A3.
/// Each is of one script, in NFC whatever follows or precedes it (NFC_QC=Yes, combining class
/// 0), and ALetter in UAX #29, so that a text of them is cut only where it has spaces.
enum PlainLetter {
    /// The script and UTF-8 length of the plain letter at `i` in valid UTF-8 `bytes`, or nil
    /// for any other character.
    @inline(__always)
    static func at(_ i: Int, of bytes: UnsafeBufferPointer<UInt8>) -> (script: Script, length: Int)? {
        let lead = bytes[i]
        if (lead | 0x20) >= UInt8(ascii: "a") && (lead | 0x20) <= UInt8(ascii: "z") { return (.latin, 1) }
        // D0 80 to D1 9F: U+0400 to U+045F.
        if lead == 0xD0 || lead == 0xD1 && bytes[i + 1] < 0xA0 { return (.cyrillic, 2) }
        if lead >= 0xEA && lead <= 0xED, case let value = UTF8Decoding.validScalar(at: i, of: bytes).value,
           value >= 0xAC00 && value <= 0xD7A3 {
            return (.hangul, 3)
        }
        return nil
    }

    /// For a text of plain letters and other ASCII characters (Common), whether it has letters
    /// of two scripts; nil when it has any other character.
    static func hasTwoScripts(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            var seen: Script?
            var i = 0
            while i < bytes.count {
                if let letter = at(i, of: bytes) {
                    if let seen, seen != letter.script { return true }
                    seen = letter.script
                    i += letter.length
                } else if bytes[i] < 0x80 {
                    i += 1
                } else {
                    return nil
                }
            }
            return false
        }
    }
}
