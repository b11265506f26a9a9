import ArgumentParser
import OnomaDedupe
import OnomaText

extension Onoma.Dedupe {
    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn JSONL documents into signature records: one line out per line in.",
            discussion: """
                Each input line is one {"id", "text", "lang"?, "date"?} document; the output line \
                at the same place is its record {"id", "lang", "date", "length", "bands", \
                "minhash", "fingerprint", "settings"}: LSH band keys in hexadecimal, the MinHash \
                signature as base64 of 8-byte little-endian values, the cross-lingual fingerprint \
                and the options that made it. A line that is not a document gives an error record \
                {"error", "id"?, "path", "line", "column"?} and the stream goes on (exit status 0; \
                --strict stops instead); a blank line gives a blank line. Lines are signed one by \
                one, in constant memory, and the same line and options always give the same bytes, \
                so sign runs anywhere: under Spark's RDD.pipe, Hadoop Streaming, xargs -P. \
                'onoma dedupe cluster' turns records into clusters.
                """
        )

        @OptionGroup(title: "Signatures") var features: DedupeFeatureOptions

        @Argument(help: ArgumentHelp("JSONL files, or - for standard input (the default).", valueName: "INPUT"))
        var inputs: [String] = []

        @Flag(help: "Replace invalid UTF-8 with U+FFFD (with a warning) instead of giving an error record.")
        var lossy = false

        @Flag(help: "Stop at the first line that is not a document (exit status 1) instead of giving an error record.")
        var strict = false

        func run() throws {
            let printer = DiagnosticPrinter()
            let signer = try Signer(parameters: features.parameters, index: features.loadLexicon(printer))
            let format = try SignatureLineFormat(parameters: features.parameters, lexiconDigest: signer.lexiconDigest)
            let output = OutputBuffer()
            var lines = 0, errors = 0
            func fail(_ diagnostic: Diagnostic, id: String?) throws {
                if strict {
                    output.flush()
                    printer.print(diagnostic)
                    throw ExitCode.failure
                }
                errors += 1
                output.write(format.line(.error(SigningError(id: id, diagnostic: diagnostic))) + "\n")
            }
            for path in inputs.isEmpty ? ["-"] : inputs {
                try DocumentReader(inputs: [path], lossy: lossy).readLines { item in
                    switch item {
                    case .line(let text, let number):
                        lines += 1
                        if text.allSatisfy({ $0 == " " || $0 == "\t" }) { return output.write("\n") }
                        switch DocumentReader.document(jsonLine: text, path: path, line: number) {
                        case .success(let document):
                            let signature = signer.signature(id: document.id, text: document.text, lang: document.lang, date: document.date)
                            output.write(format.line(.signature(signature)) + "\n")
                        case .failure(let failure):
                            try fail(failure.diagnostic, id: failure.id)
                        }
                    case .diagnostic(let diagnostic):
                        // Invalid UTF-8 takes its line (unless --lossy repaired it); an unreadable file has none.
                        if diagnostic.severity == .error, diagnostic.line != nil {
                            lines += 1
                            try fail(diagnostic, id: nil)
                        } else {
                            printer.print(diagnostic)
                        }
                    }
                }
            }
            output.flush()
            if errors > 0 {
                StandardError.write("dedupe sign: \(errors) of \(lines) lines are not documents; their error records are in the output\n")
            }
            try printer.finish()
        }
    }
}
