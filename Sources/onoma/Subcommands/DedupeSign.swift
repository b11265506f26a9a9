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
                --strict stops instead); a blank line gives a blank line. Lines are signed in blocks \
                of bounded size (one by one with --jobs 1), in constant memory, and the same line \
                and options always give the same bytes, whatever --jobs is, \
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

        @OptionGroup var jobs: JobOptions

        func run() throws {
            let printer = DiagnosticPrinter()
            let parameters = features.parameters, lexicon = try features.loadLexicon(printer)
            var signers = [try Signer(parameters: parameters, index: lexicon)]
            let format = try SignatureLineFormat(parameters: parameters, lexiconDigest: signers[0].lexiconDigest)
            // Lines are signed on several threads, one signer each, and written in input order.
            let sign = try ParallelMap(jobs: jobs.count(for: inputs), workers: {
                (signer: try signers.popLast() ?? Signer(parameters: parameters, index: lexicon), format: format)
            }) { worker, line in Self.sign(line, with: worker.signer, format: worker.format) }
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
            // The lines to sign, with the reader's diagnostics between them.
            var block = OrderedBlock(sign, events: Diagnostic.self)
            func flush() throws {
                try block.flush({ _, signed in
                    lines += 1
                    switch signed {
                    case .record(let record): output.write(record + "\n")
                    case .failure(let diagnostic, let id): try fail(diagnostic, id: id)
                    }
                }, event: { diagnostic in
                    // Invalid UTF-8 takes its line (unless --lossy repaired it); an unreadable file has none.
                    if diagnostic.severity == .error, diagnostic.line != nil {
                        lines += 1
                        try fail(diagnostic, id: nil)
                    } else {
                        printer.print(diagnostic)
                    }
                })
            }
            for path in inputs.isEmpty ? ["-"] : inputs {
                try DocumentReader(inputs: [path], lossy: lossy).readLines { item in
                    switch item {
                    case .line(let text, let number): block.append(Line(text: text, path: path, number: number))
                    case .diagnostic(let diagnostic): block.append(event: diagnostic)
                    }
                    if block.isFull { try flush() }
                }
                try flush()
            }
            output.flush()
            if errors > 0 {
                StandardError.write("dedupe sign: \(errors) of \(lines) lines are not documents; their error records are in the output\n")
            }
            try printer.finish()
        }

        /// A line of input and where it is.
        struct Line: Sendable {
            let text: String
            let path: String
            let number: Int
        }

        /// What a line gives: its output line (a record, or empty for a blank line), or why it
        /// is not a document.
        enum Signed {
            case record(String)
            case failure(Diagnostic, id: String?)
        }

        static func sign(_ line: Line, with signer: Signer, format: SignatureLineFormat) -> Signed {
            if line.text.allSatisfy({ $0 == " " || $0 == "\t" }) { return .record("") }
            switch DocumentReader.document(jsonLine: line.text, path: line.path, line: line.number) {
            case .success(let document):
                let signature = signer.signature(id: document.id, utf8: document.utf8, lang: document.lang, date: document.date,
                                                 characterCount: document.characterCount)
                return .record(format.line(.signature(signature)))
            case .failure(let failure):
                return .failure(failure.diagnostic, id: failure.id)
            }
        }
    }
}
