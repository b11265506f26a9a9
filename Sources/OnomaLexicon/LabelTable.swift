/// The distinct unit labels (case-folded words, name keys, stem keys) of a lexicon's forms, each
/// with a small id, so that tries compare integers and text is hashed once per word. Labels are
/// normalised text (NFKC case folding or ASCII keys), so equal labels have equal bytes and one id.
final class LabelTable: @unchecked Sendable {
    private var table: WordTable

    /// A table for about `capacity` labels (it grows beyond).
    init(capacity: Int = 512) {
        table = WordTable(capacity: capacity)
    }

    /// The id of `label`, added if new. Only the index adds labels, before it is shared.
    func intern(_ label: String) -> Int32 {
        let key = WordTable.key(label, "")
        if let id = table.value(key, label, "") { return id }
        let id = Int32(table.count)
        table.insert(key, label, "", value: id)
        return id
    }

    /// The id of `label`, or -1 when no form has it (the empty label never matches).
    func id(_ label: String) -> Int32 {
        label.isEmpty ? -1 : table.value(WordTable.key(label, ""), label, "") ?? -1
    }

    /// The id of the label at `range` (not empty) of the UTF-8 `bytes`, or -1 when no form has
    /// it: `id(_:)` without making a `String`.
    func id(_ bytes: [UInt8], _ range: Range<Int>) -> Int32 {
        table.value(WordTable.key(bytes, range, Self.noLanguage), bytes, range, Self.noLanguage) ?? -1
    }

    /// The UTF-8 bytes of the labels with the ids in `ids`.
    func labels(_ ids: Set<Int32>) -> [[UInt8]] {
        var labels: [[UInt8]] = []
        // A key is the label's bytes and 0xFF (no language).
        table.forEachKey { key, id in if ids.contains(id) { labels.append(key.dropLast()) } }
        return labels
    }

    /// Labels are keyed without a language.
    private static let noLanguage = WordTable.Language("")

    var count: Int { table.count }
}

extension LabelTable {
    func encode(into writer: inout SnapshotWriter) {
        table.encode(into: &writer)
    }

    convenience init(decoding reader: inout SnapshotReader) throws(LexiconSnapshot.Failure) {
        self.init(capacity: 0)
        table = try WordTable(decoding: &reader)
    }
}
