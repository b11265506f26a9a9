import ArgumentParser
import OnomaLexicon
import Foundation
import OnomaText

extension Onoma.Lexicon {
    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the accepted suggestions of a suggestions file to a lexicon, safely.",
            discussion: """
                Each accepted line is added as 'onoma lexicon add' would add it (same placement, \
                conflicts and --force); a new entity's canonical form goes first. A suggestion \
                whose entity has changed since it was made (its base fingerprint differs) or is \
                gone no longer fits: it is reported and not written; the others are. Lines already \
                in the lexicon change nothing, so applying twice writes nothing the second time. \
                A lexicon with errors is not written. Exits 1 when a suggestion was refused.
                """
        )

        @Argument(help: "The suggestions file ('onoma lexicon suggest' output, reviewed).")
        var suggestions: String

        @OptionGroup var lexicon: LexiconOptions

        @Flag(help: "Add forms other entities have (they become ambiguous) and replace lines that block them.")
        var force = false

        @Flag(help: "Report what would be added, write nothing.")
        var dryRun = false

        func run() throws {
            let file = try SuggestionsInput.read(suggestions)
            let printer = DiagnosticPrinter()
            file.diagnostics.forEach(printer.print)
            if printer.errorCount > 0 {
                StandardError.write("\(suggestions): fix the lines above first; nothing written\n")
                throw ExitCode.failure
            }
            let results = try LexiconWrite.edit(lexicon.path, dryRun: dryRun) { editor in editor.apply(file.suggestions, force: force) }
            var counts = (added: 0, present: 0, refused: 0)
            for (suggestion, outcome) in results {
                let place = "\(suggestions):\(suggestion.entry.line): "
                switch outcome {
                case .added: counts.added += 1
                case .present: counts.present += 1
                case .refused: counts.refused += 1
                }
                if case .refused(let reason) = outcome {
                    printer.print(Diagnostic(.error, reason, path: suggestions, line: suggestion.entry.line))
                } else {
                    StandardError.write(place + "note: " + LexiconWrite.describe(outcome, suggestion.entry.tsvLine) + "\n")
                }
            }
            StandardError.write("\(lexicon.path): \(counts.added) forms \(dryRun ? "would be " : "")added, \(counts.present) already there, \(counts.refused) refused\n")
            try printer.finish()
        }
    }
}

/// Reading a suggestions file for `apply` and `review`.
enum SuggestionsInput {
    static func read(_ path: String) throws -> SuggestionsFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            StandardError.write("\(path): error: cannot read the suggestions file\n")
            throw ExitCode.failure
        }
        let decoded = UTF8Decoding.decode(data, lossy: false)
        guard let text = decoded.text else {
            StandardError.write("\(path): error: not valid UTF-8 at byte \(decoded.firstInvalidOffset ?? 0)\n")
            throw ExitCode.failure
        }
        return SuggestionsFile(text: text, path: path)
    }
}
