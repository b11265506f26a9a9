import OnomaLexicon

/// The name keys of the words seen (`NameKeyMaker.unitKey`), remembered by the word's UTF-8
/// bytes and language in a `WordTable`, each with its `FingerprintBuilder.ASCIIKey` made once
/// and the document that last added it: a document adds each name key once, however often the
/// name recurs, and its fingerprint sorts keys made when the word was first seen instead of
/// making them again per document. Emptied at the start of a document once it holds `limit`
/// words, so that indices stay valid through a document.
///
///     var names = NameKeys(limit: 1 << 18)
///     let text = Array("Selenskyj Selenskyj".utf8), any = WordTable.Language("")
///     names.startDocument()
///     names.add(0..<9, in: text, language: any) { "zelenski" }    // 0, made
///     names.add(10..<19, in: text, language: any) { "zelenski" }  // nil: added already
///     names.keys[0]   // "zelenski"
struct NameKeys {
    private var table = WordTable()
    /// The name keys, by index.
    private(set) var keys: [String] = []
    /// The `FingerprintBuilder.ASCIIKey` of each name key, nil when it is not ASCII.
    private(set) var asciiKeys: [FingerprintBuilder.ASCIIKey?] = []
    /// The document that last added each name key; `UInt32.max` for a key that is not
    /// evidence (`FingerprintBuilder.isEvidence`), which no document adds.
    private var added: [UInt32] = []
    /// The current document, from 1 (below `UInt32.max`).
    private var document: UInt32 = 0
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// Starts the next document: what `add` returns stays valid until the next call.
    mutating func startDocument() {
        if keys.count >= limit {
            table.removeAll()
            keys.removeAll(keepingCapacity: true)
            asciiKeys.removeAll(keepingCapacity: true)
            added.removeAll(keepingCapacity: true)
        }
        if document == UInt32.max - 1 {
            for index in added.indices where added[index] != .max { added[index] = 0 }
            document = 0
        }
        document += 1
    }

    /// The index in `keys` of the name key of the word at `range` of `text` (UTF-8 bytes) in
    /// `language`, the one `make` gave when the word was first seen (else `make()`'s), when the
    /// key is evidence and the document has not added it yet; else nil.
    mutating func add(_ range: Range<Int>, in text: [UInt8], language: WordTable.Language, _ make: () -> String) -> Int32? {
        let key = WordTable.key(text, range, language)
        let index: Int32
        if let known = table.value(key, text, range, language) {
            index = known
        } else {
            let name = make()
            index = Int32(keys.count)
            table.insert(key, text, range, language, value: index)
            keys.append(name)
            asciiKeys.append(FingerprintBuilder.ASCIIKey(name))
            added.append(FingerprintBuilder.isEvidence(name) ? 0 : .max)
        }
        guard added[Int(index)] < document else { return nil }
        added[Int(index)] = document
        return index
    }
}
