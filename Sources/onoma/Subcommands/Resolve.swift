import ArgumentParser
import Foundation
import OnomaLexicon
import OnomaText

extension Onoma {
    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Look up the entities names may refer to, in any script.",
            discussion: """
                Prints one JSON line per query, in input order: \
                {"query", "candidates": [{"entity", "canonical", "score", "method"}]}, best first; \
                "candidates" is empty when nothing reaches the threshold (\(NameMatch.defaultThreshold)). \
                A name in Cyrillic, Arabic, Hebrew, Hangul, kana or Han script is compared with the \
                lexicon's Latin-script forms by a letter model learned from Wikidata name pairs; its \
                score is the probability that the candidate is the person named, and it counts from \
                \(Resolver.crossScriptAcceptance).
                """
        )

        @OptionGroup var lexicon: LexiconOptions

        @Option(help: "Language (BCP 47) of the names; without it the script decides.")
        var lang: String?

        @Option(help: "At most this many candidates per query.")
        var top = 5

        @Flag(help: ArgumentHelp(
            "Also print the letter model's evidence: each candidate's raw score and posterior, and under \"model\" the posterior's terms and every candidate that competed in it.",
            discussion: "{\"model\": {\"name\", \"beta\", \"background\", \"spellings\", \"scored\": [{\"entity\", \"canonical\", \"raw\", \"posterior\", \"key\", \"reading\"}]}} (absent when no model reads the name's script); posterior = exp(beta·raw) / (exp(beta·background) + Σ exp(beta·raw')); \"key\": a form has the name's key (passes from posterior 0.4); \"reading\": a form spells the name's pinyin or a romanisation of a Korean name (passes at 0.95 whatever the posterior), or the Mandarin reading of a Chinese name written in Korean (at 0.9)."))
        var explain = false

        @Option(help: ArgumentHelp("Read one name per line from FILE (- for standard input).", valueName: "FILE"))
        var names: String?

        @Argument(help: "Names to resolve.")
        var queries: [String] = []

        @OptionGroup var jobs: JobOptions

        func validate() throws {
            try LanguageOption.validate(lang)
            guard top > 0 else { throw ValidationError("--top must be at least 1") }
            if names != nil && !queries.isEmpty { throw ValidationError("give NAME arguments or --names, not both") }
            if names == nil && queries.isEmpty { throw ValidationError("give names to resolve, or --names FILE") }
        }

        func run() throws {
            let printer = DiagnosticPrinter()
            let resolver = Resolver(index: try lexicon.loadIndex(printer))
            let output = OutputBuffer()
            // Queries are resolved on several threads (the resolver is thread-safe) in blocks,
            // and written in input order.
            let lang = lang, top = top, explain = explain
            let resolve = ParallelMap(jobs: jobs.count(typed: names == "-" && isatty(0) != 0), workers: { resolver }) { resolver, query -> (candidates: [Resolver.Candidate], evidence: Resolver.Evidence?) in
                explain ? resolver.explain(query, lang: lang, top: top) : (resolver.resolve(query, lang: lang, top: top), nil)
            }
            var block = OrderedBlock(resolve, events: Never.self)
            func flush() {
                block.flush({ query, found in
                    let scored = Dictionary(uniqueKeysWithValues: (found.evidence?.scored ?? []).map { ($0.entity, $0) })
                    let candidates = found.candidates.map {
                        "{\"entity\":\(JSONText.quoted($0.entity)),\"canonical\":\(JSONText.quoted($0.canonical)),\"score\":\(ScoreText.format($0.score)),\"method\":\"\($0.method.rawValue)\""
                            + (scored[$0.entity].map { ",\"raw\":\(Self.raw($0.raw)),\"posterior\":\(ScoreText.format($0.posterior))" } ?? "") + "}"
                    }
                    let model = found.evidence.map { ",\"model\":\(Self.json($0))" } ?? ""
                    output.write("{\"query\":\(JSONText.quoted(query)),\"candidates\":[\(candidates.joined(separator: ","))]\(model)}\n")
                }, event: { _ in })
            }
            try NameLines.forEach(arguments: queries, file: names, printer) { query, _ in
                block.append(query)
                if block.isFull { flush() }
            }
            flush()
            output.flush()
            try printer.finish()
        }

        /// The evidence as a JSON object.
        private static func json(_ evidence: Resolver.Evidence) -> String {
            let scored = evidence.scored.map {
                "{\"entity\":\(JSONText.quoted($0.entity)),\"canonical\":\(JSONText.quoted($0.canonical)),\"raw\":\(raw($0.raw)),\"posterior\":\(ScoreText.format($0.posterior)),\"key\":\($0.keyAgrees),\"reading\":\($0.spelled)}"
            }
            return "{\"name\":\(JSONText.quoted(evidence.model)),\"beta\":\(evidence.beta),\"background\":\(raw(evidence.background)),\"spellings\":\(evidence.spellings),\"scored\":[\(scored.joined(separator: ","))]}"
        }

        /// A raw score or background to four decimals (enough to refit the posterior from).
        private static func raw(_ value: Double) -> String {
            String(format: "%.4f", value)
        }
    }
}
