@testable import OnomaText
import Testing

/// Words whose lowercasing is not ASCII's: full mappings ("İ"), letters whose lowercase has
/// another UTF-8 length ("ẞ", the Kelvin sign), Cyrillic, Greek and symbols without case.
private let words = [
    "Million", "MILLIONEN", "mio", "Тис", "МЛРД", "Євро", "İstanbul", "STRAẞE", "\u{212A}m", "ΣΟΦΙΑ",
    "€", "%", "km²", "Ème", "º", "bn", "soldiers", "",
]

/// The bytes of `texts` joined by single spaces and the range of each.
private func tokens(_ texts: [String]) -> (bytes: [UInt8], ranges: [Range<Int>]) {
    var bytes: [UInt8] = [], ranges: [Range<Int>] = []
    for text in texts {
        if !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
        ranges.append(bytes.count..<bytes.count + text.utf8.count)
        bytes += text.utf8
    }
    return (bytes, ranges)
}

@Test func caselessLookupFindsWhatALowercasedStringFinds() {
    let dictionary = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1.lowercased(), $0) })
    let table = CaselessWordTable(dictionary)
    let (bytes, ranges) = tokens(words + words.map { $0.uppercased() } + ["Milion", "ТИСЯЧА", "straße"])
    for range in ranges {
        let text = String(decoding: bytes[range], as: UTF8.self)
        #expect(table.value(of: range, in: bytes) == dictionary[text.lowercased()], "\(text)")
    }
}

@Test func caselessPhraseJoinsWordsWithSpaces() {
    let table = CaselessWordTable(["square miles": 1, "кв . км": 2])
    let (bytes, ranges) = tokens(["Square", "MILES", "Кв", ".", "км", "square"])
    #expect(table.value(of: ranges[0..<2], in: bytes) == 1)
    #expect(table.value(of: ranges[2..<5], in: bytes) == 2)
    #expect(table.value(of: ranges[0..<1], in: bytes) == nil)
    #expect(table.value(of: ranges[4..<6], in: bytes) == nil)
}

@Test func caselessLookupOfInvalidUTF8MatchesTheRepairedText() {
    let table = CaselessWordTable(["a\u{FFFD}b": 1])
    let bytes: [UInt8] = [UInt8(ascii: "A"), 0xC3, UInt8(ascii: "B")]
    #expect(table.value(of: 0..<3, in: bytes) == 1)
}

@Test func lowercasedBytesAreThoseOfStringLowercased() {
    for word in words + words.map({ $0.uppercased() }) {
        let bytes = Array(word.utf8)
        var lowered: [UInt8] = []
        Lowercasing.forEachByte(of: bytes, in: bytes.indices) { lowered.append($0) }
        #expect(lowered == Array(word.lowercased().utf8), "\(word)")
    }
}
