/// The distinct unit labels (case-folded words, name keys, stem keys) of a lexicon's forms, each
/// with a small id, so that tries compare integers and text is hashed once per word.
final class LabelTable: @unchecked Sendable {
    private var ids: [String: Int32] = [:]

    /// The id of `label`, added if new. Only the index adds labels, before it is shared.
    func intern(_ label: String) -> Int32 {
        if let id = ids[label] { return id }
        let id = Int32(ids.count)
        ids[label] = id
        return id
    }

    /// The id of `label`, or -1 when no form has it (the empty label never matches).
    func id(_ label: String) -> Int32 {
        label.isEmpty ? -1 : ids[label] ?? -1
    }

    var count: Int { ids.count }
}
