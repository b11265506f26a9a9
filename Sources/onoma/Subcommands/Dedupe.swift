import ArgumentParser
import Foundation
import OnomaDedupe
import OnomaLexicon
import OnomaText

extension Onoma {
    struct Dedupe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cluster near-duplicate stories: syndicated copies, rewrites and, with --cross-lingual, translations.",
            usage: """
                onoma dedupe [<options>] [<INPUT> ...]
                onoma dedupe sign [<options>] [<INPUT> ...]
                onoma dedupe cluster [<options>] [<SIGNATURES> ...]
                """,
            discussion: """
                'onoma dedupe [options] [INPUT...]' signs and clusters in one run. Its two stages \
                also run apart, for engines that spread them over machines (scale/spark/): \
                'dedupe sign' turns documents into signature records, 'dedupe cluster' clusters \
                signature records into exactly the clusters 'onoma dedupe' gives. \
                'onoma dedupe run --help' lists the options of a run.
                """,
            subcommands: [Run.self, Sign.self, Cluster.self],
            defaultSubcommand: Run.self
        )
    }
}

extension Onoma.Dedupe {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign and cluster documents (the default: 'onoma dedupe [options] [INPUT...]').",
            discussion: """
                jsonl: one line per document {"id", "cluster", "representative"}, in input order; \
                the cluster id is its representative's id (the earliest document by "date", else \
                the longest), so it is stable across runs on the same input. With --pairs, also \
                one line per link {"a", "b", "similarity", "relation"}, relation "duplicate" \
                (same language, MinHash similarity) or "translation" (fingerprint similarity). \
                Documents without "lang" get one guessed from their script.
                With --index DB, the input is one batch: it is matched against every document \
                added to DB before (--pairs prints the links to those too), then added to DB in \
                one transaction; clusters span all batches. Ids already in DB are not added \
                again and print their stored cluster. DB remembers the options that shape signatures (--permutations, \
                --shingle-size, --bands, --rows or the --threshold that derives them, --lexicon) \
                and refuses others.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case jsonl, tsv, html
        }

        @Option(help: "Output format: jsonl, tsv, or html (a report to open in a browser: clusters side by side, shared passages, entities and numbers marked, links listed per cluster).")
        var format: Format = .jsonl

        @Option(name: .customLong("index"), help: ArgumentHelp("An SQLite index of earlier batches to match the input against and add it to (created if missing).", valueName: "DB"))
        var indexPath: String?

        @Flag(help: "Print no progress (shown when standard error is a terminal) and no notes about the index.")
        var quiet = false

        @OptionGroup(title: "Signatures") var features: DedupeFeatureOptions

        @OptionGroup(title: "Clusters") var clusters: DedupeClusterOptions

        @OptionGroup var input: InputOptions

        @OptionGroup var jobs: JobOptions

        func validate() throws {
            if indexPath != nil && clusters.allowDuplicateIds {
                throw ValidationError("--allow-duplicate-ids cannot be used with --index: an index holds one document per id")
            }
        }

        func run() throws {
            let printer = DiagnosticPrinter()
            let parameters = clusters.parameters(features)
            let lexicon = try features.loadLexicon(printer)
            let signer = try Signer(parameters: parameters, index: lexicon)
            var signers = [signer]
            var storyIndex: StoryIndex?
            if let indexPath {
                do { storyIndex = try StoryIndex(path: indexPath, parameters: parameters, lexiconDigest: signer.lexiconDigest) } catch {
                    printer.print(Diagnostic(.error, error.message, path: error.path))
                    throw ExitCode.failure
                }
            }
            let progress = !quiet && isatty(2) != 0 ? DedupeProgress(inputs: input.inputs) : nil
            var batch = SignatureBatch(allowsRepeatedIDs: clusters.allowDuplicateIds)
            var documents: [Document] = []
            // Signing is spread over threads, one signer each; signatures are added in input order.
            try input.forEachDocument(printer, jobs: jobs.count(for: input.inputs), workers: {
                try signers.popLast() ?? Signer(parameters: parameters, index: lexicon)
            }, map: { signer, document in
                signer.signature(id: document.id, utf8: document.utf8, lang: document.lang, date: document.date,
                                 characterCount: document.characterCount)
            }) { document, signature in
                if let problem = batch.add(signature, path: document.path, line: document.line) {
                    printer.print(problem)
                    if input.strict { throw ExitCode.failure }
                    return
                }
                if format == .html { documents.append(document) }
                progress?.signed(document)
            }
            let signatures = batch.signatures
            let clustering: Clustering
            if let storyIndex {
                progress?.matching(signatures.count, against: storyIndex.path)
                let batch: IndexedBatch
                do { batch = try storyIndex.add(signatures, crossLingual: clusters.crossLingual) } catch {
                    progress?.finish()
                    printer.print(Diagnostic(.error, error.message, path: error.path))
                    throw ExitCode.failure
                }
                progress?.finish()
                clustering = batch.clustering
                if !quiet && batch.alreadyIndexed > 0 {
                    printer.print(Diagnostic(.note, "\(batch.alreadyIndexed) of \(signatures.count) documents were already in the index and were kept as they were",
                                             path: storyIndex.path))
                }
                if !quiet && batch.relabelled > 0 {
                    printer.print(Diagnostic(.note, "\(batch.relabelled) documents of earlier batches changed cluster id (clusters merged or got an earlier representative)",
                                             path: storyIndex.path))
                }
            } else {
                progress?.finish()
                clustering = Clusterer(parameters: parameters).cluster(signatures, crossLingual: clusters.crossLingual)
            }
            if format == .html {
                Self.noteSkippedBuckets(clustering, parameters)
                let output = OutputBuffer()
                try DedupeHTMLReport.write(documents, clustering, index: lexicon, inputs: input.inputs, to: output)
                output.flush()
            } else {
                Self.write(clustering, format: format, pairs: clusters.pairs, parameters: parameters)
            }
            try printer.finish()
        }

        /// Prints the assignments (and with `pairs` the links) as jsonl or tsv to standard
        /// output, and a note about skipped LSH buckets to standard error.
        static func write(_ clustering: Clustering, format: Format, pairs: Bool, parameters: DedupeParameters) {
            noteSkippedBuckets(clustering, parameters)
            let output = OutputBuffer()
            for assignment in clustering.assignments {
                if format == .jsonl {
                    // {"id":…,"cluster":…,"representative":…}, written piece by piece.
                    output.write(literal: "{\"id\":")
                    output.write(jsonQuoted: assignment.id)
                    output.write(literal: ",\"cluster\":")
                    output.write(jsonQuoted: assignment.cluster)
                    output.write(literal: ",\"representative\":")
                    output.write(jsonQuoted: assignment.representative)
                    output.write(literal: "}\n")
                } else {
                    output.write([assignment.id, assignment.cluster, assignment.representative].map(TSVText.field).joined(separator: "\t") + "\n")
                }
            }
            if pairs {
                for link in clustering.links {
                    let similarity = ScoreText.format(link.similarity)
                    if format == .jsonl {
                        output.write("{\"a\":\(JSONText.quoted(link.a)),\"b\":\(JSONText.quoted(link.b)),\"similarity\":\(similarity),\"relation\":\"\(link.relation.rawValue)\"}\n")
                    } else {
                        output.write([link.a, link.b, similarity, link.relation.rawValue].map(TSVText.field).joined(separator: "\t") + "\n")
                    }
                }
            }
            output.flush()
        }

        private static func noteSkippedBuckets(_ clustering: Clustering, _ parameters: DedupeParameters) {
            if clustering.skippedBuckets > 0 {
                StandardError.write("dedupe: skipped \(clustering.skippedBuckets) LSH buckets shared by more than \(parameters.bucketLimit) documents (boilerplate)\n")
            }
        }
    }
}
