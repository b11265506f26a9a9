import OnomaLexicon

/// The folded forms of the words seen (`Folding.matchKey`), remembered by the word's UTF-8
/// bytes in a `WordTable`, their own bytes kept one after another in one array. The shingle
/// stream copies a folded word's bytes: held as `String`s (as `NameKeys` holds its keys), each
/// hit retained a string object somewhere in the heap, mostly a cache miss. Emptied when it
/// holds `limit` words.
///
///     var folded = FoldedWords(limit: 1 << 18)
///     let text = Array("Łódź".utf8)
///     let range = folded.range(of: 0..<text.count, in: text) { Folding.matchKey("Łódź") }
///     folded.bytes[range]   // the bytes of "lodz"
struct FoldedWords {
    private var table = WordTable()
    /// Where each word's folded bytes end in `bytes` (they start where the previous ones end).
    private var ends: [Int32] = [0]
    /// The folded words' bytes.
    private(set) var bytes: [UInt8] = []
    let limit: Int
    private static let anyLanguage = WordTable.Language("")

    init(limit: Int) {
        self.limit = limit
    }

    /// Where in `bytes` the folded form of the word at `range` of `text` (UTF-8 bytes) is:
    /// the one `fold` gave when the word was first seen, else `fold()`'s. Valid until the next
    /// call.
    mutating func range(of range: Range<Int>, in text: [UInt8], _ fold: () -> String) -> Range<Int> {
        let key = WordTable.key(text, range, Self.anyLanguage)
        if let index = table.value(key, text, range, Self.anyLanguage) { return Int(ends[Int(index)])..<Int(ends[Int(index) + 1]) }
        if ends.count > limit {
            table.removeAll()
            ends.removeAll(keepingCapacity: true)
            ends.append(0)
            bytes.removeAll(keepingCapacity: true)
        }
        let start = bytes.count
        bytes.append(contentsOf: fold().utf8)
        table.insert(key, text, range, Self.anyLanguage, value: Int32(ends.count - 1))
        ends.append(Int32(bytes.count))
        return start..<bytes.count
    }
}
