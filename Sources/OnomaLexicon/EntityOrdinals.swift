/// The entities of a list of entries numbered in order of first appearance: each entry's
/// entity ordinal, and each entity's id and first entry. Entries are read in place; an
/// entity's forms are usually adjacent, so the previous entry's entity is checked before the
/// dictionary.
struct EntityOrdinals {
    /// Each entity's ordinal by id.
    private(set) var byID: [String: Int32] = [:]
    /// Each entry's entity ordinal.
    private(set) var ofEntry: [Int32] = []
    /// Each entity's id, by ordinal.
    private(set) var ids: [String] = []
    /// Each entity's first entry (its position), by ordinal.
    private(set) var firstEntry: [Int] = []

    init(_ entries: [LexiconEntry]) {
        byID.reserveCapacity(entries.count / 2)
        ofEntry.reserveCapacity(entries.count)
        var last: (id: String, ordinal: Int32)?
        for position in entries.indices {
            let id = entries[position].entity
            if let last, last.id == id {
                ofEntry.append(last.ordinal)
                continue
            }
            let ordinal = byID[id] ?? {
                let ordinal = Int32(ids.count)
                byID[id] = ordinal
                ids.append(id)
                firstEntry.append(position)
                return ordinal
            }()
            ofEntry.append(ordinal)
            last = (id, ordinal)
        }
    }
}
