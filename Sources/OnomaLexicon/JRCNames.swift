import OnomaText

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
