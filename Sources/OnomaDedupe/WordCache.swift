import OnomaLexicon

/// Strings made from words (folded forms, name keys), remembered by the word's UTF-8 bytes and
/// language in a `WordTable`: a word seen before costs one probe, without a `String` of it or a
/// `String` hash. Emptied when it holds `limit` words.
///
///     var folded = WordCache(limit: 1 << 18)
///     let text = Array("Łódź".utf8), any = WordTable.Language("")
///     folded.value(of: 0..<text.count, in: text, language: any) { Folding.matchKey("Łódź") }   // "lodz", made
///     folded.value(of: 0..<text.count, in: text, language: any) { Folding.matchKey("Łódź") }   // "lodz", remembered
struct WordCache {
    private var table = WordTable()
    private var values: [String] = []
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// The value of the word at `range` of `text` (UTF-8 bytes) in `language`: the one `make`
    /// gave when the word was first seen, else `make()`.
    mutating func value(of range: Range<Int>, in text: [UInt8], language: WordTable.Language, _ make: () -> String) -> String {
        let key = WordTable.key(text, range, language)
        if let index = table.value(key, text, range, language) { return values[Int(index)] }
        if values.count >= limit {
            table.removeAll()
            values.removeAll(keepingCapacity: true)
        }
        let value = make()
        table.insert(key, text, range, language, value: Int32(values.count))
        values.append(value)
        return value
    }
}
