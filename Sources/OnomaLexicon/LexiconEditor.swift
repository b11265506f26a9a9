import OnomaText

/// Adds forms to the files of a lexicon, checking each addition against what the lexicon (and
/// the additions before it) already say, and renders the changed files with every other byte
/// as it was: comments, order, blank lines, line endings.
///
///     var editor = LexiconEditor(path: "Lexicons")
///     editor.add(LexiconEntry(entity: "Q1899", type: .place, lang: "en", form: "Kiew", role: .alias))
///     // .added: inserted after the last line of Q1899 in Lexicons/places.tsv
///     try editor.write()   // under a LexiconLock, through AtomicFile
///
/// A form of an entity the lexicon has goes after that entity's last line in the file holding
/// its canonical form; a new entity goes at the end of the file holding most entities of its
/// type (or the file given). Adding a form that is already there changes nothing, so applying
/// the same additions twice writes nothing the second time.
public struct LexiconEditor {
    /// What became of one addition.
    public enum Outcome: Equatable {
        /// The line will be written to `path` after its line `after` (0: at the start).
        case added(path: String, after: Int)
        /// The entity already has this form with this kind of role: nothing to do.
        case present(path: String, line: Int)
        /// Not added, and why.
        case refused(String)
    }

    /// The lexicon path as given.
    public let path: String
    /// Problems of the lexicon as read (before any addition).
    public let diagnostics: [Diagnostic]
    private var files: [FileLines]
    private var entries: [LexiconEntry]
    private var byForm: [String: [Int]] = [:]
    private var byEntity: [String: [Int]] = [:]
    /// Entries whose lines a forced addition replaces.
    private var removed = Set<Int>()

    /// One file's lines, with the lines to delete and to insert.
    private struct FileLines {
        let path: String
        /// Each line with its terminator, as read.
        let lines: [Substring]
        let lineEnding: String
        var inserted: [Int: [String]] = [:]
        var deleted = Set<Int>()

        var isChanged: Bool { !inserted.isEmpty || !deleted.isEmpty }
    }

    /// Reads and parses the lexicon at `path` (a file or a directory of `*.tsv` files).
    public init(path: String) {
        self.path = path
        let (read, readProblems) = Lexicon.readFiles(path)
        let (lexicon, problems) = Lexicon.load(files: read, confusables: false)
        diagnostics = readProblems + problems
        files = read.map { FileLines(path: $0.path, lines: Self.lines(of: $0.text), lineEnding: $0.text.contains("\r\n") ? "\r\n" : "\n") }
        entries = []
        for entry in lexicon.entries { remember(entry) }
    }

    /// Whether the lexicon as read has errors: then nothing should be written.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The lexicon as it stands with the additions so far.
    public var lexicon: Lexicon { Lexicon(entries: entries.indices.filter { !removed.contains($0) }.map { entries[$0] }) }

    /// Adds `entry` (its path and line are ignored) unless it conflicts. `force` adds a form
    /// that another entity has (the lexicon then reports it as ambiguous) and replaces a line
    /// that blocks (or allows) the form for this entity. `file` chooses the file of a new entity.
    public mutating func add(_ entry: LexiconEntry, force: Bool = false, file: String? = nil) -> Outcome {
        let parsed = LexiconParser.parse(entry.tsvLine, path: "")
        if let problem = parsed.diagnostics.first { return .refused(problem.message) }
        let folded = Folding.caseFold(entry.form)
        let own = (byEntity[entry.entity] ?? []).map { entries[$0] }
        if let first = own.first, first.type != entry.type {
            return .refused("entity '\(entry.entity)' is a \(first.type.rawValue) (\(first.place)), not a \(entry.type.rawValue)")
        }
        let sameForm = own.filter { Folding.caseFold($0.form) == folded }
        if let same = sameForm.first(where: { ($0.role == .blocked) == (entry.role == .blocked) }) {
            return .present(path: same.path, line: same.line)
        }
        if own.isEmpty && entry.role != .canonical {
            return .refused("entity '\(entry.entity)' is not in the lexicon; add its canonical form first (role canonical)")
        }
        if entry.role == .canonical, let canonical = own.first(where: { $0.role == .canonical }) {
            return .refused("entity '\(entry.entity)' already has the canonical form '\(canonical.form)' (\(canonical.place)); add '\(entry.form)' as an alias")
        }
        var replaced: [LexiconEntry] = []
        if let contrary = sameForm.first {
            let what = contrary.role == .blocked ? "blocked" : "allowed"
            guard force else {
                return .refused("form '\(entry.form)' is \(what) for '\(entry.entity)' (\(contrary.place)); use --force to replace that line")
            }
            replaced = sameForm
        }
        if entry.role != .blocked {
            let others = (byForm[folded] ?? []).map { entries[$0] }.filter { $0.entity != entry.entity && $0.role != .blocked }
            if let other = others.first, !force {
                let name = (byEntity[other.entity] ?? []).map { entries[$0] }.first { $0.role == .canonical }?.form ?? other.entity
                return .refused("form '\(entry.form)' is already on '\(other.entity)' (\(name), \(other.place)); use --force to add it to '\(entry.entity)' as well (the form becomes ambiguous)")
            }
        }
        guard let (fileIndex, after) = insertionPoint(for: entry, own: own, file: file) else {
            return .refused("no lexicon file '\(file ?? "")' in \(path)")
        }
        for old in replaced {
            if let index = files.firstIndex(where: { $0.path == old.path }) { files[index].deleted.insert(old.line) }
            forget(old)
        }
        files[fileIndex].inserted[after, default: []].append(entry.tsvLine)
        var written = entry
        written.path = files[fileIndex].path
        written.line = after
        remember(written)
        return .added(path: files[fileIndex].path, after: after)
    }

    /// The files with additions or deletions, each as its new bytes.
    public func changedFiles() -> [(path: String, bytes: [UInt8])] {
        files.filter(\.isChanged).map { ($0.path, Self.render($0)) }
    }

    /// Problems the lexicon would have once written: errors mean it must not be written. Each
    /// added line was parsed on its own by `add`, so this checks across lines only.
    public func checkResult() -> [Diagnostic] {
        LexiconValidator.validate(lexicon.entries, confusables: false)
    }

    /// Writes every changed file atomically (take a `LexiconLock` around reading and writing).
    public func write() throws {
        for (path, bytes) in changedFiles() { try AtomicFile.replace(path, with: bytes) }
    }

    // MARK: Placement

    private func insertionPoint(for entry: LexiconEntry, own: [LexiconEntry], file: String?) -> (Int, Int)? {
        if let anchor = own.first(where: { $0.role == .canonical }) ?? own.first,
           let index = files.firstIndex(where: { $0.path == anchor.path }) {
            let last = own.filter { $0.path == anchor.path }.map(\.line).max() ?? anchor.line
            return (index, last)
        }
        let index: Int?
        if let file {
            index = files.firstIndex { $0.path == file || $0.path.hasSuffix("/" + file) }
        } else {
            index = fileWithMostEntities(of: entry.type) ?? (files.isEmpty ? nil : 0)
        }
        guard let index else { return nil }
        return (index, files[index].lines.count)
    }

    private func fileWithMostEntities(of type: EntityType) -> Int? {
        var counts: [String: Set<String>] = [:]
        for entry in entries where entry.type == type { counts[entry.path, default: []].insert(entry.entity) }
        let best = counts.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
        return best.flatMap { path in files.firstIndex { $0.path == path } }
    }

    // MARK: Bookkeeping

    private mutating func remember(_ entry: LexiconEntry) {
        byForm[Folding.caseFold(entry.form), default: []].append(entries.count)
        byEntity[entry.entity, default: []].append(entries.count)
        entries.append(entry)
    }

    private mutating func forget(_ entry: LexiconEntry) {
        guard let index = entries.indices.first(where: { entries[$0] == entry && !removed.contains($0) }) else { return }
        removed.insert(index)
        byForm[Folding.caseFold(entry.form)]?.removeAll { $0 == index }
        byEntity[entry.entity]?.removeAll { $0 == index }
    }

    // MARK: Lines

    /// The lines of `text`, each with its terminator; a last line without one is kept as is.
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == "\n" || text[index] == "\r\n" {
                lines.append(text[start..<next])
                start = next
            }
            index = next
        }
        if start < text.endIndex { lines.append(text[start...]) }
        return lines
    }

    private static func render(_ file: FileLines) -> [UInt8] {
        var bytes: [UInt8] = []
        func insert(after line: Int) {
            guard let added = file.inserted[line] else { return }
            if let last = bytes.last, last != UInt8(ascii: "\n") { bytes += file.lineEnding.utf8 }
            for text in added { bytes += Array((text + file.lineEnding).utf8) }
        }
        insert(after: 0)
        for (offset, line) in file.lines.enumerated() {
            if !file.deleted.contains(offset + 1) { bytes += line.utf8 }
            insert(after: offset + 1)
        }
        return bytes
    }
}
