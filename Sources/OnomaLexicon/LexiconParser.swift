import OnomaText

/// Parses lexicon files (see Lexicons/README.md) into entries and line-level diagnostics.
///
///     let (entries, problems) = LexiconParser.parse("Q1\tplace\ten\tKyiv\tcanonical\n", path: "a.tsv")
///
/// The parser checks each line on its own: field count, type, role, language tag, NFC and mixed
/// scripts. Checks across lines (one canonical form per entity, duplicates, ambiguity) are
/// `LexiconValidator`'s.
///
/// It reads UTF-8 bytes and makes a `String` only of the fields an entry keeps. Lines, tabs,
/// `#` and trailing spaces are found on the bytes with the meaning they have as Swift
/// `Character`s: where a non-ASCII neighbour could join a `#` or a space into a larger
/// character, that one check falls back to `Character`s (see `LexiconLine`).
public enum LexiconParser {
    /// The column names, in order.
    public static let columns = ["id", "type", "lang", "form", "role"]

    /// Parses one file's text. Lines with errors give no entry; every problem has its line and
    /// column. Chunks of about a megabyte of lines are parsed on all cores.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func parse(_ text: String, path: String) -> (entries: [LexiconEntry], diagnostics: [Diagnostic]) {
        let bytes = Array(text.utf8)
        // Chunk k holds the lines that start in starts[k]..<starts[k + 1]; the last line starts
        // after the last "\n", at bytes.count if the file ends with one.
        let chunks = max(1, min(64, bytes.count >> 20))
        guard chunks > 1 else { return parseLines(bytes, from: 0, to: bytes.count + 1, firstLine: 1, path: path) }
        let starts = (0..<chunks).map { chunk -> Int in
            let position = chunk * bytes.count / chunks
            guard position > 0 else { return 0 }
            return bytes[(position - 1)...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count + 1
        } + [bytes.count + 1]
        let newlines = concurrentChunks(count: chunks, minimumChunk: 1) { range in
            range.map { chunk in bytes[min(starts[chunk], bytes.count)..<min(starts[chunk + 1], bytes.count)].count { $0 == UInt8(ascii: "\n") } }
        }.flatMap { $0 }
        let firstLines = newlines.reduce(into: [1]) { $0.append($0.last! + $1) }
        let parts = concurrentChunks(count: chunks, minimumChunk: 1) { range in
            range.map { parseLines(bytes, from: starts[$0], to: starts[$0 + 1], firstLine: firstLines[$0], path: path) }
        }.flatMap { $0 }
        return (parts.flatMap(\.entries), parts.flatMap(\.diagnostics))
    }

    /// Parses the lines that start in `start..<end` of `bytes`, the first being line `firstLine`.
    private static func parseLines(_ bytes: [UInt8], from start: Int, to end: Int, firstLine: Int, path: String) -> (entries: [LexiconEntry], diagnostics: [Diagnostic]) {
        var entries: [LexiconEntry] = []
        entries.reserveCapacity((end - start) / 40)
        var diagnostics: [Diagnostic] = []
        var languages = LanguageCache()
        var lineNumber = firstLine - 1
        var start = start
        bytes.withUnsafeBufferPointer { bytes in
            while start < end {
                lineNumber += 1
                let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
                var lineEnd = newline ?? bytes.count
                // "\r\n" is one Character and separates lines like "\n"; then one "\r" more is dropped.
                if newline != nil, lineEnd > start, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                if lineEnd > start, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                let line = LexiconLine(bytes: bytes, range: start..<lineEnd)
                switch parseLine(line, path: path, line: lineNumber, languages: &languages) {
                case .blank: break
                case .entry(let entry):
                    entries.append(entry)
                case .problems(let problems):
                    diagnostics += problems
                }
                start = (newline ?? bytes.count) + 1
            }
        }
        return (entries, diagnostics)
    }

    private static let typeNames = EntityType.allCases.map { (bytes: Array($0.rawValue.utf8), value: $0) }
    private static let roleNames = FormRole.allCases.map { (bytes: Array($0.rawValue.utf8), value: $0) }

    private enum LineResult {
        case blank
        case entry(LexiconEntry)
        case problems([Diagnostic])
    }

    private static func parseLine(_ line: LexiconLine, path: String, line number: Int, languages: inout LanguageCache) -> LineResult {
        guard let fields = line.fields() else { return .blank }
        // Column (in scalars, 1-based) where field `field` starts, counted only for a problem.
        func start(_ field: Int) -> Int {
            fields[..<min(field, fields.count - 1)].reduce(1) { $0 + line.scalarCount($1) + 1 }
        }
        func problem(_ field: Int, _ message: String, _ severity: Diagnostic.Severity = .error) -> Diagnostic {
            Diagnostic(severity, message, path: path, line: number, column: start(field))
        }
        guard fields.count >= 5 else {
            return .problems([problem(0, "expected 5 tab-separated fields (\(columns.joined(separator: ", "))), found \(fields.count)")])
        }
        var problems: [Diagnostic] = []
        let id = line.string(fields[0]), form = line.string(fields[3])
        let (lang, wellFormed) = languages.lookup(line, fields[2])
        if id.isEmpty || line.containsSpaceCharacter(fields[0], id) {
            problems.append(problem(0, "entity id '\(id)' must be non-empty and contain no spaces"))
        }
        let type = line.value(fields[1], in: typeNames)
        if type == nil {
            problems.append(problem(1, "unknown type '\(line.string(fields[1]))'; expected one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        if !wellFormed {
            problems.append(problem(2, "malformed language tag '\(lang)'; expected a BCP 47 tag such as 'en', 'uk', 'pt-BR', or '*'"))
        }
        if form.isEmpty { problems.append(problem(3, "empty form")) }
        let role = line.value(fields[4], in: roleNames)
        if role == nil {
            problems.append(problem(4, "unknown role '\(line.string(fields[4]))'; expected one of \(FormRole.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        // An ASCII form is in NFC and its letters are all Latin: it has no form problems.
        if !line.isASCII(fields[3]) {
            for problem in formProblems(form) {
                problems.append(Diagnostic(.error, problem.message, path: path, line: number, column: start(3) + problem.offset))
            }
        }
        guard problems.isEmpty, let type, let role else { return .problems(problems) }
        let entry = LexiconEntry(entity: id, type: type, lang: lang, form: form, role: role,
                                 extra: fields.dropFirst(5).map(line.string), path: path, line: number)
        return .entry(entry)
    }

    /// The language column's text and whether it is "*" or a well-formed tag, remembered for
    /// every tag of up to 7 bytes: files list forms in a few languages, often in turn, and
    /// checking a tag costs a hundred times more than finding it here.
    private struct LanguageCache {
        private var known: [UInt64: (tag: String, wellFormed: Bool)] = [:]

        mutating func lookup(_ line: LexiconLine, _ field: Range<Int>) -> (tag: String, wellFormed: Bool) {
            let bytes = line.bytes[field]
            guard bytes.count <= 7 else { return Self.check(line.string(field)) }
            // The bytes in the low end and their count in the top byte: no two tags share a key.
            var key = UInt64(bytes.count) << 56
            for (i, byte) in bytes.enumerated() { key |= UInt64(byte) << UInt64(8 * i) }
            if let found = known[key] { return found }
            let checked = Self.check(line.string(field))
            known[key] = checked
            return checked
        }

        private static func check(_ tag: String) -> (tag: String, wellFormed: Bool) {
            (tag, tag == "*" || LanguageTag.isWellFormed(tag))
        }
    }
}

extension LexiconParser {
    /// What is wrong with a form on its own: not in NFC, or a word mixing scripts that do not
    /// belong together (a Cyrillic а inside a Latin word). Words of different scripts side by
    /// side are fine ("हाँग काँग SAR चीन"). Offsets count Unicode scalars from the form's start.
    public static func formProblems(_ form: String) -> [(offset: Int, message: String)] {
        // Plain letters are in NFC; only letters of two scripts can be mixed.
        guard !form.isEmpty, PlainLetter.hasTwoScripts(form) != false else { return [] }
        var problems: [(offset: Int, message: String)] = []
        // Swift's == treats canonically equivalent strings as equal, so ask ICU instead.
        if !Normalization.nfc.isNormalized(form) {
            problems.append((0, "form '\(form)' is not in NFC; write it as '\(Normalization.nfc.normalize(form))'"))
        }
        // A form without two scripts has no word with two.
        guard hasTwoScripts(form[...]) else { return problems }
        var offset = 0
        for word in form.split(separator: " ", omittingEmptySubsequences: false) {
            defer { offset += word.unicodeScalars.count + 1 }
            // Letters of one script (and shared characters) have no intruders: skip ICU.
            guard hasTwoScripts(word), let mixed = SpoofChecker.shared.mixedScript(String(word)),
                  let first = mixed.intruders.first else { continue }
            let letters = mixed.intruders.map { "'\($0.scalar)' (\($0.script.name))" }.joined(separator: ", ")
            problems.append((offset + first.offset, "form '\(form)' mixes scripts: \(letters) inside a \(mixed.mainScript.name) word"))
        }
        return problems
    }

    /// Whether an ASCII value is a letter: the Alphabetic characters of ASCII, without asking
    /// Unicode's property tables.
    private static func isASCIILetter(_ value: UInt32) -> Bool {
        (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A
    }

    /// Whether `word` has characters of two scripts other than Common and Inherited.
    private static func hasTwoScripts(_ word: Substring) -> Bool {
        var seen: Script?
        for scalar in word.unicodeScalars where scalar.value >= 0x80 || isASCIILetter(scalar.value) {
            let script = scalar.value < 0x80 ? Script.latin : Script.of(scalar)
            guard !script.isShared else { continue }
            if let seen, seen != script { return true }
            seen = script
        }
        return false
    }
}
