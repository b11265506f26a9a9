import ArgumentParser
import OnomaLexicon
import OnomaText

extension Onoma.Lexicon {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report problems in a lexicon file or directory as path:line:column: severity: message.",
            discussion: "Exits 1 when there is an error; warnings (ambiguous forms, duplicates, confusables) do not fail."
        )

        @Argument(help: "A lexicon file, or a directory whose *.tsv files form one lexicon.")
        var path: String = "Lexicons"

        @Flag(help: "Print only errors.")
        var errorsOnly = false

        func run() throws {
            let printer = DiagnosticPrinter()
            let (lexicon, diagnostics) = OnomaLexicon.Lexicon.load(path: path)
            for diagnostic in diagnostics where !errorsOnly || diagnostic.severity == .error {
                printer.print(diagnostic)
            }
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            StandardError.write("\(path): \(lexicon.entries.count) forms of \(lexicon.entities.count) entities; \(printer.errorCount) errors, \(warnings) warnings\n")
            try printer.finish()
        }
    }
}
