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

/// Reads JRC-Names' TSV dump: `id TAB type TAB language TAB name`, the name's words joined by
/// `+` (`1	P	u	Alexander+Vladimirovich+Rutskoy`). Type P is a person, O an organisation,
/// L a place; language `u` (unknown) becomes `*`. Ids become `jrc:ID`. Lines starting with `#`
/// are comments.
public enum JRCNames {
    public static func names(_ text: String, path: String) -> (names: [ImportedNames.Name], diagnostics: [Diagnostic]) {
        var names: [ImportedNames.Name] = []
        var diagnostics: [Diagnostic] = []
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 4, !fields[0].isEmpty, !fields[3].isEmpty else {
                diagnostics.append(Diagnostic(.error, "expected 4 tab-separated fields (id, type, language, name), found \(fields.count)", path: path, line: number + 1, column: 1))
                continue
            }
            let type: EntityType = switch fields[1] {
            case "P": .person
            case "O": .org
            case "L": .place
            default: .other
            }
            let lang = fields[2] == "u" ? "*" : String(fields[2])
            let form = Normalization.nfc.normalize(fields[3].replacingOccurrences(of: "+", with: " "))
            names.append(ImportedNames.Name(entity: "jrc:\(fields[0])", type: type, lang: lang, form: form, isLabel: false))
        }
        return (names, diagnostics)
    }
}

/// Reads Wikidata-style CSV (RFC 4180 quoting): `id,name,language` and optionally `kind`
/// (`label` or `alias`) and `type`, one name a row. A first row naming the columns (`item`,
/// `itemLabel`, `label`, `alias`, `lang`, …) picks them by name. Ids may be entity URLs
/// (`http://www.wikidata.org/entity/Q42` becomes `Q42`).
public enum WikidataCSV {
    public static func names(_ text: String, path: String, type: EntityType) -> (names: [ImportedNames.Name], diagnostics: [Diagnostic]) {
        var rows = CSV.rows(text)
        var columns = (id: 0, name: 1, lang: 2, kind: 3 as Int?, type: nil as Int?)
        var nameIsAlias = false
        if let first = rows.first, !(first.fields.first.map(isEntityID) ?? false) {
            let header = first.fields.map { $0.lowercased() }
            func find(_ names: [String]) -> Int? { header.firstIndex { names.contains($0) } }
            columns = (find(["id", "item", "qid", "entity"]) ?? 0, find(["label", "itemlabel", "name", "alias", "form"]) ?? 1,
                       find(["lang", "language", "languagecode"]) ?? 2, find(["kind", "role"]), find(["type"]))
            nameIsAlias = header[safe: columns.name] == "alias"
            rows.removeFirst()
        }
        var names: [ImportedNames.Name] = []
        var diagnostics: [Diagnostic] = []
        for row in rows where !(row.fields.count == 1 && row.fields[0].isEmpty) {
            guard let rawID = row.fields[safe: columns.id], let form = row.fields[safe: columns.name],
                  let lang = row.fields[safe: columns.lang], !rawID.isEmpty, !form.isEmpty else {
                diagnostics.append(Diagnostic(.error, "expected the columns id, name and language, found \(row.fields.count) fields", path: path, line: row.line, column: 1))
                continue
            }
            let id = rawID.split(separator: "/").last.map(String.init) ?? rawID
            let kind = columns.kind.flatMap { row.fields[safe: $0] }?.lowercased()
            let rowType = columns.type.flatMap { row.fields[safe: $0] }.flatMap(EntityType.init(rawValue:)) ?? type
            names.append(ImportedNames.Name(entity: id, type: rowType, lang: lang.isEmpty ? "*" : lang,
                                            form: Normalization.nfc.normalize(form), isLabel: kind.map { $0 == "label" } ?? !nameIsAlias))
        }
        return (names, diagnostics)
    }

    private static func isEntityID(_ field: String) -> Bool {
        let last = field.split(separator: "/").last ?? ""
        return last.first == "Q" && last.dropFirst().allSatisfy(\.isNumber) && last.count > 1
    }
}

/// RFC 4180 CSV: fields separated by commas, quoted with `"` when they hold commas, quotes
/// (doubled) or line breaks.
enum CSV {
    struct Row {
        var fields: [String]
        /// The 1-based line the row starts on.
        var line: Int
    }

    static func rows(_ text: String) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var rowLine = 1
        var characters = text.makeIterator()
        var pending: Character? = characters.next()
        while let character = pending {
            pending = characters.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                    } else {
                        quoted = false
                    }
                } else {
                    if character.isNewline { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                fields.append(field)
                field = ""
            case "\n", "\r\n":
                fields.append(field)
                rows.append(Row(fields: fields, line: rowLine))
                fields = []
                field = ""
                line += 1
                rowLine = line
            default: field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(Row(fields: fields, line: rowLine))
        }
        return rows
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
