import OnomaText

/// Checks across the lines of a lexicon: every entity has exactly one canonical form and one
/// type, no form is listed twice, a form on two entities is reported as an ambiguity, and
/// forms that look alike but differ (confusables) are flagged.
public enum LexiconValidator {
    /// Diagnostics for `entries`, in file and line order.
    ///
    /// Entries are referred to by position and entities by ordinal while checking, so that a
    /// million forms are not copied into dictionaries of entries.
    ///
    /// - Complexity: O(n log n) in the number of entries.
    public static func validate(_ entries: [LexiconEntry], confusables: Bool = true) -> [Diagnostic] {
        validate(entries, ordinals: EntityOrdinals(entries), confusables: confusables)
    }

    /// `validate(_:confusables:)` of entries whose entities `ordinals` numbers.
    static func validate(_ entries: [LexiconEntry], ordinals: EntityOrdinals, confusables: Bool) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func report(_ severity: Diagnostic.Severity, _ message: String, _ entry: LexiconEntry) {
            diagnostics.append(Diagnostic(severity, message, path: entry.path, line: entry.line, column: 1))
        }

        // Each entry's entity as an ordinal; each entity's first entry and canonical entry.
        let entityOf = ordinals.ofEntry, firstOf = ordinals.firstEntry
        var canonicalOf = [Int](repeating: -1, count: firstOf.count)
        for position in entries.indices {
            let entity = Int(entityOf[position]), first = firstOf[entity]
            if first != position, entries[first].type != entries[position].type {
                let entry = entries[position]
                report(.error, "entity '\(entry.entity)' has type '\(entry.type.rawValue)' here but '\(entries[first].type.rawValue)' at \(entries[first].place)", entry)
            }
            if entries[position].role == .canonical {
                if canonicalOf[entity] >= 0 {
                    let entry = entries[position], canonical = entries[canonicalOf[entity]]
                    report(.error, "entity '\(entry.entity)' has a second canonical form '\(entry.form)' (the first is '\(canonical.form)' at \(canonical.place)); make one of them an alias", entry)
                } else {
                    canonicalOf[entity] = position
                }
            }
        }
        for (entity, first) in firstOf.enumerated() where canonicalOf[entity] < 0 {
            report(.error, "entity '\(entries[first].entity)' has no canonical form; mark one of its forms 'canonical'", entries[first])
        }

        // Duplicates and contradictions on one entity; ambiguity across entities.
        for group in groupsByFoldedForm(entries) {
            for (index, position) in group.enumerated() {
                let entry = entries[position]
                guard let earlier = group[..<index].first(where: { entityOf[$0] == entityOf[position] }).map({ entries[$0] }) else { continue }
                if earlier.role == .blocked && entry.role != .blocked || earlier.role != .blocked && entry.role == .blocked {
                    report(.error, "form '\(entry.form)' is both blocked and allowed for '\(entry.entity)' (see \(earlier.place))", entry)
                } else if earlier.lang == entry.lang || earlier.lang == "*" {
                    report(.warning, "duplicate form '\(entry.form)' for '\(entry.entity)' (already at \(earlier.place))", entry)
                }
            }
            // The first allowed entry of each entity, in file order.
            var seen = Set<Int32>()
            let firsts = group.filter { entries[$0].role != .blocked && seen.insert(entityOf[$0]).inserted }
                .map { entries[$0] }.sorted(by: isBefore)
            guard firsts.count > 1 else { continue }
            for entry in firsts.dropFirst() {
                let others = firsts.filter { $0.entity != entry.entity }.map { "'\($0.entity)' (\($0.place))" }
                report(.warning, "ambiguous form '\(entry.form)': also on \(others.joined(separator: ", ")); canon resolves it from context", entry)
            }
        }

        // Confusables: different forms with one skeleton, on different entities. Skeletons
        // are computed on all cores (the spoof checker is thread-safe).
        if confusables {
            let skeletons = concurrentChunks(count: entries.count, minimumChunk: 4096) { range in
                range.map { entries[$0].role == .blocked ? "" : SpoofChecker.shared.skeleton(entries[$0].form) }
            }.flatMap { $0 }
            var bySkeleton: [String: Int] = [:]
            bySkeleton.reserveCapacity(entries.count)
            for (position, entry) in entries.enumerated() where entry.role != .blocked {
                guard let other = bySkeleton[skeletons[position]].map({ entries[$0] }) else {
                    bySkeleton[skeletons[position]] = position
                    continue
                }
                if other.entity != entry.entity, Folding.caseFold(other.form) != Folding.caseFold(entry.form) {
                    report(.warning, "form '\(entry.form)' looks like '\(other.form)' of '\(other.entity)' (\(other.place)): confusable characters", entry)
                }
            }
        }
        return sortedByPlace(diagnostics)
    }

    /// `diagnostics` by path and line, in the order found where those are equal. The sort
    /// compares integers: path ranks and lines (a lexicon of a million forms can have hundreds
    /// of thousands of warnings).
    private static func sortedByPlace(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let paths = Set(diagnostics.map { $0.path ?? "" }).sorted()
        let rank = Dictionary(uniqueKeysWithValues: paths.enumerated().map { ($1, $0) })
        let places = diagnostics.map { (rank[$0.path ?? ""]!, $0.line ?? 0) }
        return diagnostics.indices.sorted { (places[$0].0, places[$0].1, $0) < (places[$1].0, places[$1].1, $1) }.map { diagnostics[$0] }
    }

    /// The positions of the entries whose case-folded forms are equal, for every such form held
    /// by more than one entry, each group in entry order. Case-folded text is normalised (NFKC),
    /// so equal forms have equal bytes and a byte hash groups them.
    private static func groupsByFoldedForm(_ entries: [LexiconEntry]) -> [[Int]] {
        var groupOf = WordTable(capacity: entries.count)
        var groupIDs: [Int32] = [], sizes: [Int32] = []
        groupIDs.reserveCapacity(entries.count)
        for position in entries.indices {
            let folded = Folding.caseFold(entries[position].form)
            let key = WordTable.key(folded, "")
            if let group = groupOf.value(key, folded, "") {
                groupIDs.append(group)
                sizes[Int(group)] += 1
            } else {
                let group = Int32(sizes.count)
                groupOf.insert(key, folded, "", value: group)
                groupIDs.append(group)
                sizes.append(1)
            }
        }
        var members: [Int32: [Int]] = [:]
        for (position, group) in groupIDs.enumerated() where sizes[Int(group)] > 1 {
            members[group, default: []].append(position)
        }
        return Array(members.values)
    }

    private static func isBefore(_ a: LexiconEntry, _ b: LexiconEntry) -> Bool {
        (a.path, a.line) < (b.path, b.line)
    }
}
