/// One line of a lexicon file as UTF-8 bytes, cut into its tab-separated fields the way
/// Swift's `Character`s cut it: a `#` starts a comment and a trailing space is trimmed only
/// when it is a character of its own. On bytes that is so whenever its neighbours are ASCII;
/// otherwise (a combining mark after `#`, a prepended mark before a space) the line or field
/// is read as `Character`s instead, so both ways agree everywhere.
struct LexiconLine {
    /// The whole file, and the line's range in it (without its line break). The bytes belong
    /// to the parser, which makes lines only while it holds them: an array would be retained
    /// and released at every field read.
    let bytes: UnsafeBufferPointer<UInt8>
    let range: Range<Int>

    /// The ranges of the fields before any comment, trailing spaces trimmed; nil for a line of
    /// nothing but spaces, tabs and a comment.
    func fields() -> [Range<Int>]? {
        let end = contentEnd()
        guard bytes[range.lowerBound..<end].contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return nil }
        var fields: [Range<Int>] = []
        // One allocation for a line of the usual five fields and a few optional ones.
        fields.reserveCapacity(8)
        var start = range.lowerBound
        while true {
            let tab = bytes[start..<end].firstIndex(of: UInt8(ascii: "\t")) ?? end
            fields.append(trimmingTrailingSpaces(start..<tab))
            guard tab < end else { return fields }
            start = tab + 1
        }
    }

    /// Where the content ends: at the first `#` character, or at the line's end.
    private func contentEnd() -> Int {
        guard let hash = bytes[range].firstIndex(of: UInt8(ascii: "#")) else { return range.upperBound }
        let asciiBefore = hash == range.lowerBound || bytes[hash - 1] < 0x80
        let asciiAfter = hash + 1 == range.upperBound || bytes[hash + 1] < 0x80
        if asciiBefore && asciiAfter { return hash }
        let text = string(range)
        guard let character = text.firstIndex(of: "#") else { return range.upperBound }
        return range.lowerBound + text.utf8.distance(from: text.startIndex, to: character)
    }

    private func trimmingTrailingSpaces(_ field: Range<Int>) -> Range<Int> {
        var end = field.upperBound
        while end > field.lowerBound, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard end < field.upperBound, end > field.lowerBound, bytes[end - 1] >= 0x80 else { return field.lowerBound..<end }
        var text = Substring(string(field))
        while text.last == " " { text = text.dropLast() }
        return field.lowerBound..<(field.lowerBound + text.utf8.count)
    }

    /// The field's text.
    func string(_ field: Range<Int>) -> String {
        String(decoding: bytes[field], as: UTF8.self)
    }

    /// The field's length in Unicode scalars.
    func scalarCount(_ field: Range<Int>) -> Int {
        bytes[field].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    func isASCII(_ field: Range<Int>) -> Bool {
        !bytes[field].contains { $0 >= 0x80 }
    }

    /// Whether the field, whose text is `text`, contains a space character.
    func containsSpaceCharacter(_ field: Range<Int>, _ text: String) -> Bool {
        isASCII(field) ? bytes[field].contains(UInt8(ascii: " ")) : text.contains(" ")
    }

    /// The value among `names` (raw values as UTF-8, with their values) that the field names.
    func value<Value: RawRepresentable>(_ field: Range<Int>, in names: [(bytes: [UInt8], value: Value)]) -> Value? where Value.RawValue == String {
        let slice = bytes[field]
        if let name = names.first(where: { $0.bytes.elementsEqual(slice) }) { return name.value }
        // Only non-ASCII text can equal a name without having its bytes.
        return isASCII(field) ? nil : Value(rawValue: string(field))
    }
}
