import Foundation
import ArgumentParser
import OnomaLexicon
import OnomaText
import Synchronization

/// The `--lexicon` option of the commands that match names, and loading it.
struct LexiconOptions: ParsableArguments {
    @Option(name: .customLong("lexicon"), help: ArgumentHelp("A lexicon file or a directory of *.tsv lexicon files (commands that only read it also take a compiled lexicon: 'onoma lexicon compile'). The index of a lexicon's files is cached between runs in $ONOMA_CACHE_DIR, else $XDG_CACHE_HOME/onoma or ~/.cache/onoma; ONOMA_CACHE_DIR=off turns the cache off.", valueName: "PATH"))
    var path: String = "Lexicons"

    /// Loads and indexes the lexicon. Errors are printed and end the command (exit 1);
    /// warnings are summed up in one line, since `onoma lexicon check` lists them.
    func loadIndex(_ printer: DiagnosticPrinter) throws -> LexiconIndex {
        try Self.loadIndex(path: path, printer)
    }

    /// Loads and indexes the lexicon at `path` (see `loadIndex(_:)`); a compiled lexicon is
    /// read as it is.
    static func loadIndex(path: String, _ printer: DiagnosticPrinter) throws -> LexiconIndex {
        let index = LexiconSnapshot.isSnapshot(path: path) ? try readCompiled(path: path, printer).index
            : try loadFiles(path: path, printer).index
        kept.withLock { $0.append(index) }
        return index
    }

    /// Every index the command loaded, kept until the process ends: freeing a million-form
    /// index object by object took half a second, which the system does at once at exit.
    private static let kept = Mutex<[LexiconIndex]>([])

    /// Loads and indexes the lexicon files at `path` through the cache, printing problems as
    /// `loadIndex(_:)` does, and counts their warnings.
    static func loadFiles(path: String, _ printer: DiagnosticPrinter) throws -> (index: LexiconIndex, warnings: Int) {
        let cache = LexiconCache.ofThisProgram()
        let loaded = try cache.loadIndex(path: path) { bytes in
            // A large lexicon takes seconds to index the first time: say so to a person waiting.
            guard bytes >= Self.announcedSize, isatty(2) != 0 else { return }
            let kept = cache.directory.map { "the index is kept in \($0) for the next runs" } ?? "the lexicon cache is off (ONOMA_CACHE_DIR=off)"
            StandardError.write("\(path): indexing \(String(format: "%.0f", Double(bytes) / 1e6)) MB of lexicon files; \(kept)\n")
        }
        for problem in loaded.cacheProblems { printer.print(problem) }
        guard let index = loaded.index else {
            try fail(path: path, errors: loaded.diagnostics.filter { $0.severity == .error }, printer)
        }
        summarise(warnings: loaded.warnings, of: path, checkedAt: path)
        return (index, loaded.warnings)
    }

    /// The lexicon at `path`, compiled or not, its problems printed as `loadIndex(_:)` does.
    static func lexicon(path: String, _ printer: DiagnosticPrinter) throws -> Lexicon {
        if LexiconSnapshot.isSnapshot(path: path) { return try readCompiled(path: path, printer).index.lexicon }
        return try load(path: path, printer).lexicon
    }

    /// Loads the lexicon files at `path`, printing their problems as `loadIndex(_:)` does, and
    /// counts their warnings.
    static func load(path: String, _ printer: DiagnosticPrinter) throws -> (lexicon: Lexicon, warnings: Int) {
        let (lexicon, diagnostics) = OnomaLexicon.Lexicon.load(path: path, confusables: false)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { try fail(path: path, errors: errors, printer) }
        let warnings = diagnostics.count - errors.count
        summarise(warnings: warnings, of: path, checkedAt: path)
        return (lexicon, warnings)
    }

    /// Reads a compiled lexicon, warning when its source files changed since it was compiled.
    private static func readCompiled(path: String, _ printer: DiagnosticPrinter) throws -> LexiconSnapshot {
        let snapshot: LexiconSnapshot
        do {
            snapshot = try LexiconSnapshot.read(path: path)
        } catch {
            printer.print(Diagnostic(.error, error.description, path: path))
            throw ExitCode.failure
        }
        for (file, change) in snapshot.changedSources() {
            let what = change == .added ? "was added to \(snapshot.origin.path)" : "\(change == .gone ? "is gone" : "has changed")"
            printer.print(Diagnostic(.warning, "\(file) \(what) since this lexicon was compiled; compile it again with 'onoma lexicon compile \(snapshot.origin.path) -o \(path)'", path: path))
        }
        summarise(warnings: snapshot.warnings, of: path, checkedAt: snapshot.origin.path)
        return snapshot
    }

    /// Lexicon files from this size on are announced when indexed (a few seconds' work).
    private static let announcedSize = 4_000_000

    /// Prints a lexicon's errors (files that cannot be read among them) and ends the command.
    private static func fail(path: String, errors: [Diagnostic], _ printer: DiagnosticPrinter) throws -> Never {
        for error in errors { printer.print(error) }
        StandardError.write("\(path): \(errors.count) errors in the lexicon; fix them first ('onoma lexicon check \(path)' lists every problem)\n")
        throw ExitCode.failure
    }

    private static func summarise(warnings: Int, of path: String, checkedAt source: String) {
        if warnings > 0 {
            StandardError.write("\(path): \(warnings) warnings (ambiguous or duplicate forms); 'onoma lexicon check \(source)' lists them\n")
        }
    }
}
