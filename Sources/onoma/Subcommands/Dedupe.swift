import ArgumentParser
import OnomaDedupe
import OnomaLexicon
import OnomaText

extension Onoma {
    struct Dedupe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cluster near-duplicate stories: syndicated copies, rewrites and, with --cross-lingual, translations.",
            discussion: """
                jsonl: one line per document {"id", "cluster", "representative"}, in input order; \
                the cluster id is its representative's id (the earliest document by "date", else \
                the longest), so it is stable across runs on the same input. With --pairs, also \
                one line per link {"a", "b", "similarity", "relation"}, relation "duplicate" \
                (same language, MinHash similarity) or "translation" (fingerprint similarity). \
                Documents without "lang" get one guessed from their script.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case jsonl, tsv
        }

        @Option(help: "Estimated Jaccard similarity of shingles from which documents are duplicates.")
        var threshold: Double = 0.35

        @Flag(help: "Also link translations across languages (entities, numbers, rare names).")
        var crossLingual = false

        @Option(help: "Fingerprint similarity from which documents in different languages are translations.")
        var translationThreshold: Double = 0.15

        @Option(name: .customLong("lexicon"), help: ArgumentHelp("A lexicon, so that names in any spelling count as one entity.", valueName: "PATH"))
        var lexiconPath: String?

        @Option(help: "Output format: jsonl or tsv.")
        var format: Format = .jsonl

        @Flag(help: "Also print the links between documents.")
        var pairs = false

        @Option(help: "MinHash permutations.")
        var permutations = 128

        @Option(help: "LSH bands (with --rows; by default derived from the threshold).")
        var bands: Int?

        @Option(help: "LSH rows per band (with --bands).")
        var rows: Int?

        @Option(help: "Characters per shingle.")
        var shingleSize = 5

        @Flag(help: "Accept documents that repeat an id (the later one is a separate document).")
        var allowDuplicateIds = false

        @OptionGroup var input: InputOptions

        var parameters: DedupeParameters {
            var parameters = DedupeParameters()
            parameters.threshold = threshold
            parameters.translationThreshold = translationThreshold
            parameters.permutations = permutations
            parameters.bands = bands
            parameters.rows = rows
            parameters.shingleSize = shingleSize
            return parameters
        }

        func validate() throws {
            guard threshold > 0, threshold < 1 else { throw ValidationError("--threshold must be between 0 and 1, got \(threshold)") }
            guard translationThreshold > 0, translationThreshold <= 1 else {
                throw ValidationError("--translation-threshold must be between 0 and 1, got \(translationThreshold)")
            }
            guard permutations >= 1 else { throw ValidationError("--permutations must be at least 1") }
            do { _ = try parameters.lsh() } catch { throw ValidationError("\(error)") }
        }

        func run() throws {
            let printer = DiagnosticPrinter()
            let index = try lexiconPath.map { try LexiconOptions.loadIndex(path: $0, printer) }
            let signer = try Signer(parameters: parameters, extractor: FeatureExtractor(shingleSize: shingleSize, index: index))
            var signatures: [DocumentSignature] = []
            var firstSeen: [String: String] = [:]
            try input.forEachDocument(printer) { document in
                let place = "\(document.path)\(document.line.map { ":\($0)" } ?? "")"
                if let earlier = firstSeen[document.id], !allowDuplicateIds {
                    printer.print(Diagnostic(.error, "duplicate id '\(document.id)' (first at \(earlier)); use --allow-duplicate-ids to keep both",
                                             path: document.path, line: document.line))
                    if input.strict { throw ExitCode.failure }
                    return
                }
                firstSeen[document.id] = firstSeen[document.id] ?? place
                signatures.append(signer.signature(id: document.id, text: document.text, lang: document.lang, date: document.date))
            }
            let clustering = Clusterer(parameters: parameters).cluster(signatures, crossLingual: crossLingual)
            if clustering.skippedBuckets > 0 {
                StandardError.write("dedupe: skipped \(clustering.skippedBuckets) LSH buckets shared by more than \(parameters.bucketLimit) documents (boilerplate)\n")
            }
            let output = OutputBuffer()
            for assignment in clustering.assignments {
                switch format {
                case .jsonl:
                    output.write("{\"id\":\(JSONText.quoted(assignment.id)),\"cluster\":\(JSONText.quoted(assignment.cluster)),\"representative\":\(JSONText.quoted(assignment.representative))}\n")
                case .tsv:
                    output.write([assignment.id, assignment.cluster, assignment.representative].map(TSVText.field).joined(separator: "\t") + "\n")
                }
            }
            if pairs {
                for link in clustering.links {
                    let similarity = Canon.score(link.similarity)
                    switch format {
                    case .jsonl:
                        output.write("{\"a\":\(JSONText.quoted(link.a)),\"b\":\(JSONText.quoted(link.b)),\"similarity\":\(similarity),\"relation\":\"\(link.relation.rawValue)\"}\n")
                    case .tsv:
                        output.write([link.a, link.b, similarity, link.relation.rawValue].map(TSVText.field).joined(separator: "\t") + "\n")
                    }
                }
            }
            output.flush()
            try printer.finish()
        }
    }
}
