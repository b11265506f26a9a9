import ArgumentParser
import OnomaText

/// The input options every document-reading command shares.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Files, directories, .jsonl files or - for standard input.", valueName: "INPUT"))
    var inputs: [String] = []

    @Flag(help: "Replace invalid UTF-8 with U+FFFD (one warning per file) instead of failing.")
    var lossy = false

    @Flag(help: "Stop at the first error instead of skipping the bad document or line.")
    var strict = false

    /// A reader over the inputs.
    var reader: DocumentReader { DocumentReader(inputs: inputs, lossy: lossy) }

    /// Reads every document, printing diagnostics, stopping at the first error under `--strict`.
    func forEachDocument(_ printer: DiagnosticPrinter, _ body: (Document) throws -> Void) throws {
        try reader.forEachDocument(printer, strict: strict, body)
    }
}

extension DocumentReader {
    /// Reads every document, printing diagnostics through `printer`; with `strict`, the first
    /// error stops the reading with exit status 1.
    func forEachDocument(_ printer: DiagnosticPrinter, strict: Bool, _ body: (Document) throws -> Void) throws {
        try read { item in
            switch item {
            case .document(let document):
                try body(document)
            case .diagnostic(let diagnostic):
                printer.print(diagnostic)
                if strict && diagnostic.severity == .error { throw ExitCode.failure }
            }
        }
    }
}

/// Validates a `--lang` value: a BCP 47 tag whose language ICU has data for.
enum LanguageOption {
    static func validate(_ tag: String?, option: String = "--lang") throws {
        guard let tag else { return }
        guard LanguageTag.isWellFormed(tag) else {
            throw ValidationError("\(option) '\(tag)' is not a BCP 47 language tag (expected e.g. 'uk', 'ru', 'pt-BR')")
        }
        guard LanguageTag.isKnown(tag) else {
            let known = LanguageTag.known.sorted().joined(separator: " ")
            throw ValidationError("\(option) '\(tag)': unknown language '\(LanguageTag.primary(tag))'; known languages: \(known)")
        }
    }
}
