import ArgumentParser
import OnomaLexicon
import OnomaText

/// The `--lexicon` option of the commands that match names, and loading it.
struct LexiconOptions: ParsableArguments {
    @Option(name: .customLong("lexicon"), help: ArgumentHelp("A lexicon file or a directory of *.tsv lexicon files.", valueName: "PATH"))
    var path: String = "Lexicons"

    /// Loads and indexes the lexicon. Errors are printed and end the command (exit 1);
    /// warnings are summed up in one line, since `onoma lexicon check` lists them.
    func loadIndex(_ printer: DiagnosticPrinter) throws -> LexiconIndex {
        try Self.loadIndex(path: path, printer)
    }

    /// Loads and indexes the lexicon at `path` (see `loadIndex(_:)`).
    static func loadIndex(path: String, _ printer: DiagnosticPrinter) throws -> LexiconIndex {
        try LexiconIndex(lexicon: load(path: path, printer))
    }

    /// Loads the lexicon at `path`, printing its problems as `loadIndex(_:)` does.
    static func load(path: String, _ printer: DiagnosticPrinter) throws -> Lexicon {
        let (lexicon, diagnostics) = OnomaLexicon.Lexicon.load(path: path, confusables: false)
        let errors = diagnostics.filter { $0.severity == .error }
        for error in errors { printer.print(error) }
        if !errors.isEmpty {
            StandardError.write("\(path): \(errors.count) errors in the lexicon; fix them first ('onoma lexicon check \(path)' lists every problem)\n")
            throw ExitCode.failure
        }
        let warnings = diagnostics.count - errors.count
        if warnings > 0 {
            StandardError.write("\(path): \(warnings) warnings (ambiguous or duplicate forms); 'onoma lexicon check \(path)' lists them\n")
        }
        return lexicon
    }
}
