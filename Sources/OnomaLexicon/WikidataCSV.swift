import OnomaText

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

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
