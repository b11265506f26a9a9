import OnomaText

/// Checks across the lines of a lexicon: every entity has exactly one canonical form and one
/// type, no form is listed twice, a form on two entities is reported as an ambiguity, and
/// forms that look alike but differ (confusables) are flagged.
public enum LexiconValidator {
    /// Diagnostics for `entries`, in file and line order.
    ///
    /// - Complexity: O(n log n) in the number of entries.
    public static func validate(_ entries: [LexiconEntry], confusables: Bool = true) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func report(_ severity: Diagnostic.Severity, _ message: String, _ entry: LexiconEntry) {
            diagnostics.append(Diagnostic(severity, message, path: entry.path, line: entry.line, column: 1))
        }

        var firstByEntity: [String: LexiconEntry] = [:]
        var canonicalByEntity: [String: LexiconEntry] = [:]
        for entry in entries {
            if let first = firstByEntity[entry.entity] {
                if first.type != entry.type {
                    report(.error, "entity '\(entry.entity)' has type '\(entry.type.rawValue)' here but '\(first.type.rawValue)' at \(first.place)", entry)
                }
            } else {
                firstByEntity[entry.entity] = entry
            }
            if entry.role == .canonical {
                if let canonical = canonicalByEntity[entry.entity] {
                    report(.error, "entity '\(entry.entity)' has a second canonical form '\(entry.form)' (the first is '\(canonical.form)' at \(canonical.place)); make one of them an alias", entry)
                } else {
                    canonicalByEntity[entry.entity] = entry
                }
            }
        }
        for (entity, first) in firstByEntity where canonicalByEntity[entity] == nil {
            report(.error, "entity '\(entity)' has no canonical form; mark one of its forms 'canonical'", first)
        }

        // Duplicates and contradictions on one entity; ambiguity across entities.
        var byKey: [String: [LexiconEntry]] = [:]
        for entry in entries { byKey[Folding.caseFold(entry.form), default: []].append(entry) }
        for (_, group) in byKey where group.count > 1 {
            for (index, entry) in group.enumerated() {
                guard let earlier = group[..<index].first(where: { $0.entity == entry.entity }) else { continue }
                if earlier.role == .blocked && entry.role != .blocked || earlier.role != .blocked && entry.role == .blocked {
                    report(.error, "form '\(entry.form)' is both blocked and allowed for '\(entry.entity)' (see \(earlier.place))", entry)
                } else if earlier.lang == entry.lang || earlier.lang == "*" {
                    report(.warning, "duplicate form '\(entry.form)' for '\(entry.entity)' (already at \(earlier.place))", entry)
                }
            }
            let allowed = group.filter { $0.role != .blocked }
            let entities = Set(allowed.map(\.entity))
            guard entities.count > 1 else { continue }
            let firsts = entities.compactMap { id in allowed.first { $0.entity == id } }.sorted(by: isBefore)
            for entry in firsts.dropFirst() {
                let others = firsts.filter { $0.entity != entry.entity }.map { "'\($0.entity)' (\($0.place))" }
                report(.warning, "ambiguous form '\(entry.form)': also on \(others.joined(separator: ", ")); canon resolves it from context", entry)
            }
        }

        // Confusables: different forms with one skeleton, on different entities.
        var bySkeleton: [String: LexiconEntry] = [:]
        for entry in entries where confusables && entry.role != .blocked {
            let skeleton = SpoofChecker.shared.skeleton(entry.form)
            guard let other = bySkeleton[skeleton] else {
                bySkeleton[skeleton] = entry
                continue
            }
            if other.entity != entry.entity, Folding.caseFold(other.form) != Folding.caseFold(entry.form) {
                report(.warning, "form '\(entry.form)' looks like '\(other.form)' of '\(other.entity)' (\(other.place)): confusable characters", entry)
            }
        }
        return diagnostics.sorted { ($0.path ?? "", $0.line ?? 0) < ($1.path ?? "", $1.line ?? 0) }
    }

    private static func isBefore(_ a: LexiconEntry, _ b: LexiconEntry) -> Bool {
        (a.path, a.line) < (b.path, b.line)
    }
}
