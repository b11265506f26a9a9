import OnomaText

/// Parses lexicon files (see Lexicons/README.md) into entries and line-level diagnostics.
///
///     let (entries, problems) = LexiconParser.parse("Q1\tplace\ten\tKyiv\tcanonical\n", path: "a.tsv")
///
/// The parser checks each line on its own: field count, type, role, language tag, NFC and mixed
/// scripts. Checks across lines (one canonical form per entity, duplicates, ambiguity) are
/// `LexiconValidator`'s.
public enum LexiconParser {
    /// The column names, in order.
    public static let columns = ["id", "type", "lang", "form", "role"]

    /// Parses one file's text. Lines with errors give no entry; every problem has its line and
    /// column.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func parse(_ text: String, path: String) -> (entries: [LexiconEntry], diagnostics: [Diagnostic]) {
        var entries: [LexiconEntry] = []
        var diagnostics: [Diagnostic] = []
        var lineNumber = 0
        // "\r\n" is one Character in Swift: split at it too.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            switch parseLine(line, path: path, line: lineNumber) {
            case .blank: continue
            case .entry(let entry):
                entries.append(entry)
            case .problems(let problems):
                diagnostics += problems
            }
        }
        return (entries, diagnostics)
    }

    private enum LineResult {
        case blank
        case entry(LexiconEntry)
        case problems([Diagnostic])
    }

    private static func parseLine(_ line: Substring, path: String, line number: Int) -> LineResult {
        let content = line.firstIndex(of: "#").map { line[..<$0] } ?? line
        if content.allSatisfy({ $0 == " " || $0 == "\t" }) { return .blank }
        let fields = content.split(separator: "\t", omittingEmptySubsequences: false)
            .map { $0.trimmingTrailing(while: { $0 == " " }) }
        // Column (in scalars, 1-based) where each field starts.
        var starts: [Int] = []
        var column = 1
        for field in fields {
            starts.append(column)
            column += field.unicodeScalars.count + 1
        }
        func problem(_ field: Int, _ message: String, _ severity: Diagnostic.Severity = .error) -> Diagnostic {
            Diagnostic(severity, message, path: path, line: number, column: starts[min(field, starts.count - 1)])
        }
        guard fields.count >= 5 else {
            return .problems([problem(0, "expected 5 tab-separated fields (\(columns.joined(separator: ", "))), found \(fields.count)")])
        }
        var problems: [Diagnostic] = []
        let id = String(fields[0]), lang = String(fields[2]), form = String(fields[3])
        if id.isEmpty || id.contains(" ") { problems.append(problem(0, "entity id '\(id)' must be non-empty and contain no spaces")) }
        let type = EntityType(rawValue: String(fields[1]))
        if type == nil {
            problems.append(problem(1, "unknown type '\(fields[1])'; expected one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        if lang != "*" && !LanguageTag.isWellFormed(lang) {
            problems.append(problem(2, "malformed language tag '\(lang)'; expected a BCP 47 tag such as 'en', 'uk', 'pt-BR', or '*'"))
        }
        if form.isEmpty { problems.append(problem(3, "empty form")) }
        let role = FormRole(rawValue: String(fields[4]))
        if role == nil {
            problems.append(problem(4, "unknown role '\(fields[4])'; expected one of \(FormRole.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        for problem in formProblems(form) {
            problems.append(Diagnostic(.error, problem.message, path: path, line: number, column: starts[3] + problem.offset))
        }
        guard problems.isEmpty, let type, let role else { return .problems(problems) }
        let entry = LexiconEntry(entity: id, type: type, lang: lang, form: form, role: role,
                                 extra: fields.dropFirst(5).map(String.init), path: path, line: number)
        return .entry(entry)
    }
}

extension LexiconParser {
    /// What is wrong with a form on its own: not in NFC, or a word mixing scripts that do not
    /// belong together (a Cyrillic а inside a Latin word). Words of different scripts side by
    /// side are fine ("हाँग काँग SAR चीन"). Offsets count Unicode scalars from the form's start.
    public static func formProblems(_ form: String) -> [(offset: Int, message: String)] {
        guard !form.isEmpty else { return [] }
        var problems: [(offset: Int, message: String)] = []
        // Swift's == treats canonically equivalent strings as equal, so ask ICU instead.
        if !Normalization.nfc.isNormalized(form) {
            problems.append((0, "form '\(form)' is not in NFC; write it as '\(Normalization.nfc.normalize(form))'"))
        }
        var offset = 0
        for word in form.split(separator: " ", omittingEmptySubsequences: false) {
            defer { offset += word.unicodeScalars.count + 1 }
            guard let mixed = SpoofChecker.shared.mixedScript(String(word)), let first = mixed.intruders.first else { continue }
            let letters = mixed.intruders.map { "'\($0.scalar)' (\($0.script.name))" }.joined(separator: ", ")
            problems.append((offset + first.offset, "form '\(form)' mixes scripts: \(letters) inside a \(mixed.mainScript.name) word"))
        }
        return problems
    }
}

extension Substring {
    fileprivate func trimmingTrailing(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
