import OnomaText

/// A suggestions file in memory: its lines as read, with the suggestions among them, so that
/// changing one suggestion's status rewrites that line only (see `Suggestion` for the columns).
///
///     var file = try SuggestionsFile(text: text, path: "suggestions.tsv")
///     file.suggestions[0].status = .accepted
///     try AtomicFile.replace("suggestions.tsv", with: file.bytes)
public struct SuggestionsFile {
    /// The header that `onoma lexicon suggest` writes.
    public static let header = """
        # onoma lexicon suggestions: a lexicon file (the five columns first) with the evidence in further columns.
        # Review with 'onoma lexicon review FILE', apply with 'onoma lexicon apply FILE --lexicon PATH'.
        # \((LexiconParser.columns + Suggestion.extraColumns).joined(separator: "\t"))

        """

    /// The suggestions in file order.
    public var suggestions: [Suggestion]
    /// Problems of lines that are not valid suggestions (they are kept as they are).
    public let diagnostics: [Diagnostic]
    private let lines: [Substring]
    private let original: [Suggestion]
    private let lineEnding: String

    public init(text: String, path: String) {
        lines = LexiconEditor.lines(of: text)
        lineEnding = text.contains("\r\n") ? "\r\n" : "\n"
        let parsed = LexiconParser.parse(text, path: path)
        var diagnostics = parsed.diagnostics
        var suggestions: [Suggestion] = []
        for entry in parsed.entries {
            let raw = lines[entry.line - 1]
            let comment = raw.firstIndex(of: "#").map { raw[raw.index(after: $0)...].trimmed } ?? ""
            do {
                suggestions.append(try Suggestion(entry: entry, comment: comment))
            } catch {
                diagnostics.append(error)
            }
        }
        self.suggestions = suggestions
        original = suggestions
        self.diagnostics = diagnostics
    }

    /// The file's bytes: unchanged lines as read, changed suggestions rewritten.
    public var bytes: [UInt8] {
        var replaced: [Int: Suggestion] = [:]
        for (index, suggestion) in suggestions.enumerated() where suggestion != original[index] {
            replaced[original[index].entry.line - 1] = suggestion
        }
        var bytes: [UInt8] = []
        for (index, line) in lines.enumerated() {
            if let suggestion = replaced[index] {
                bytes += suggestion.line.utf8
                bytes += (line.hasSuffix("\n") ? lineEnding : "").utf8
            } else {
                bytes += line.utf8
            }
        }
        return bytes
    }

    /// A whole suggestions file: the header, then one line per suggestion.
    public static func render(_ suggestions: [Suggestion]) -> String {
        header + suggestions.map { $0.line + "\n" }.joined()
    }
}

extension Substring {
    /// Without spaces and line breaks at either end.
    fileprivate var trimmed: String {
        let space: (Character) -> Bool = { $0 == " " || $0.isNewline }
        var view = self[...]
        while let first = view.first, space(first) { view = view.dropFirst() }
        while let last = view.last, space(last) { view = view.dropLast() }
        return String(view)
    }
}
