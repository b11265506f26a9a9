import OnomaText

/// Name lists from other sources turned into lexicon entries: JRC-Names' TSV dump and
/// Wikidata-style CSV (see `JRCNames` and `WikidataCSV`).
public enum ImportedNames {
    /// One name of one entity, as a source gives it.
    public struct Name: Sendable {
        public var entity: String
        public var type: EntityType
        public var lang: String
        public var form: String
        /// Whether the source calls it the entity's main name (a label rather than an alias).
        public var isLabel: Bool

        public init(entity: String, type: EntityType, lang: String, form: String, isLabel: Bool) {
            self.entity = entity
            self.type = type
            self.lang = lang
            self.form = form
            self.isLabel = isLabel
        }
    }

    /// Lexicon entries for `names`: each entity's canonical form is its first English label,
    /// else its first label, else its first name; the rest are aliases. Entities that `existing`
    /// has keep their canonical form there and get only the names it lacks. Names that would fail
    /// `onoma lexicon check` are left out and reported.
    public static func entries(_ names: [Name], existing: Lexicon, path: String) -> (entries: [LexiconEntry], diagnostics: [Diagnostic]) {
        var known = Set(existing.entries.map { "\($0.entity)\t\(Folding.caseFold($0.form))" })
        var order: [String] = []
        var byEntity: [String: [Name]] = [:]
        for name in names {
            if byEntity[name.entity] == nil { order.append(name.entity) }
            byEntity[name.entity, default: []].append(name)
        }
        var entries: [LexiconEntry] = []
        var diagnostics: [Diagnostic] = []
        for id in order {
            let group = byEntity[id]!
            let main = group.first { $0.isLabel && LanguageTag.primary($0.lang) == "en" } ?? group.first(where: \.isLabel) ?? group[0]
            let hasCanonical = existing.entities[id] != nil
            for name in [main] + group.filter({ $0.form != main.form || $0.lang != main.lang }) {
                let role: FormRole = !hasCanonical && name.form == main.form && name.lang == main.lang ? .canonical : .alias
                let entry = LexiconEntry(entity: id, type: existing.entities[id]?.type ?? name.type, lang: name.lang, form: name.form, role: role)
                if let problem = LexiconParser.parse(entry.tsvLine, path: path).diagnostics.first {
                    diagnostics.append(Diagnostic(.warning, "left out '\(name.form)' of '\(id)': \(problem.message)", path: path))
                    continue
                }
                guard known.insert("\(id)\t\(Folding.caseFold(name.form))").inserted else { continue }
                entries.append(entry)
            }
        }
        return (entries, diagnostics)
    }
}
