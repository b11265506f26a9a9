import ArgumentParser
import OnomaDedupe
import OnomaText

extension Onoma.Dedupe {
    struct Cluster: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cluster the signature records of 'dedupe sign': the clusters 'onoma dedupe' gives.",
            discussion: """
                Give the signature options (--threshold, --permutations, --bands, --rows, \
                --shingle-size, --lexicon) that sign was given: records made with others are \
                refused. Error records are reported as the errors 'onoma dedupe' reports for \
                those lines (exit status 1); the output is that of 'onoma dedupe' on the \
                documents: 'onoma dedupe sign < news.jsonl | onoma dedupe cluster' prints what \
                'onoma dedupe < news.jsonl' prints.
                """
        )

        @OptionGroup(title: "Signatures") var features: DedupeFeatureOptions

        @OptionGroup(title: "Clusters") var clusters: DedupeClusterOptions

        @Option(help: "Output format: jsonl or tsv.")
        var format: Run.Format = .jsonl

        @Argument(help: ArgumentHelp("Signature files of 'onoma dedupe sign', or - for standard input (the default).", valueName: "SIGNATURES"))
        var inputs: [String] = []

        func validate() throws {
            if format == .html {
                throw ValidationError("--format html shows the documents' texts, which signatures do not keep: use 'onoma dedupe --format html' on the documents")
            }
        }

        func run() throws {
            let printer = DiagnosticPrinter()
            let parameters = clusters.parameters(features)
            let lineFormat = try SignatureLineFormat(parameters: parameters, lexiconDigest: features.lexiconDigest(printer))
            var batch = SignatureBatch(allowsRepeatedIDs: clusters.allowDuplicateIds)
            for path in inputs.isEmpty ? ["-"] : inputs {
                try DocumentReader(inputs: [path]).readLines { item in
                    guard case .line(let text, let number) = item else {
                        if case .diagnostic(let diagnostic) = item { printer.print(diagnostic) }
                        return
                    }
                    if text.allSatisfy({ $0 == " " || $0 == "\t" }) { return }
                    switch lineFormat.record(text) {
                    case .success(.signature(let signature)):
                        if let problem = batch.add(signature, path: path, line: number) { printer.print(problem) }
                    case .success(.error(let error)):
                        printer.print(error.diagnostic)
                    case .failure(.otherSettings(let message)):
                        printer.print(Diagnostic(.error, message, path: path, line: number))
                        throw ExitCode.failure
                    case .failure(let problem):
                        printer.print(Diagnostic(.error, problem.description, path: path, line: number))
                    }
                }
            }
            Run.write(Clusterer(parameters: parameters).cluster(batch.signatures, crossLingual: clusters.crossLingual),
                      format: format, pairs: clusters.pairs, parameters: parameters)
            try printer.finish()
        }
    }
}
