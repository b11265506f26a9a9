import ArgumentParser
import Foundation
import OnomaLexicon
import OnomaText

extension Onoma.Lexicon {
    struct Compile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile a lexicon into one binary file that loads in a fraction of the time.",
            discussion: """
                The compiled file holds the lexicon's entries and its index, so the commands that \
                take --lexicon (canon, resolve, dedupe, lexicon suggest) load it without parsing, \
                checking or transliterating: pass the file as --lexicon. It belongs to the onoma \
                build that wrote it: compile again after upgrading onoma, and after editing the \
                lexicon files (the commands warn when a file it was compiled from changed or is \
                gone, or a lexicon file was added to its directory). A lexicon with errors is not compiled.
                """
        )

        @Argument(help: "A lexicon file, or a directory whose *.tsv files form one lexicon.")
        var path: String = "Lexicons"

        @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the compiled lexicon (replaced atomically).", valueName: "FILE"))
        var output: String

        func run() throws {
            let printer = DiagnosticPrinter()
            let origin = LexiconSnapshot.Origin(path)
            let (index, warnings) = try LexiconOptions.loadFiles(path: path, printer)
            let lexicon = index.lexicon
            let snapshot = LexiconSnapshot(index: index, warnings: warnings, origin: origin)
            let bytes = snapshot.encoded()
            do {
                try AtomicFile.replace(output, with: bytes)
            } catch {
                StandardError.write("\(error)\n")
                throw ExitCode.failure
            }
            let megabytes = String(format: "%.1f", Double(bytes.count) / 1e6)
            StandardError.write("\(output): \(lexicon.entries.count) forms of \(lexicon.entities.count) entities from \(path), \(megabytes) MB\n")
        }
    }
}
