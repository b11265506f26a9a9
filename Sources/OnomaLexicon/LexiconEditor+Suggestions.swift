extension LexiconEditor {
    /// Adds the accepted suggestions, canonical forms first (so that a new entity exists before
    /// its aliases). A suggestion whose entity has changed since it was made (another type or
    /// canonical form, or gone) no longer fits and is refused, as are conflicts (see `add`).
    ///
    /// - Returns: each accepted suggestion with what became of it, in the order tried.
    public mutating func apply(_ suggestions: [Suggestion], force: Bool = false) -> [(suggestion: Suggestion, outcome: Outcome)] {
        let before = lexicon.entities
        let accepted = suggestions.filter { $0.status == .accepted }
        let ordered = accepted.filter { $0.entry.role == .canonical } + accepted.filter { $0.entry.role != .canonical }
        let newEntities = Set(accepted.filter { $0.entry.role == .canonical }.map(\.entry.entity))
        return ordered.map { suggestion in
            let entry = suggestion.entry
            if let entity = before[entry.entity] {
                let now = Suggestion.fingerprint(entity: entity.id, type: entity.type, canonical: entity.canonical)
                if !suggestion.base.isEmpty && now != suggestion.base {
                    return (suggestion, .refused("no longer fits: entity '\(entity.id)' has changed since the suggestion was made (it is now the \(entity.type.rawValue) '\(entity.canonical)'); suggest again"))
                }
            } else if !newEntities.contains(entry.entity) {
                return (suggestion, .refused("no longer fits: entity '\(entry.entity)' is not in the lexicon and no accepted suggestion gives its canonical form"))
            }
            return (suggestion, add(entry, force: force))
        }
    }
}
