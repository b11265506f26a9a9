import ArgumentParser
import Foundation
import OnomaLexicon
import OnomaText

extension Onoma.Lexicon {
    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mine documents for unlisted variants of known entities and for new names.",
            discussion: """
                Variants: mentions that resolve to a known entity by a close key (Sirsky for \
                Syrskyi, Kiev for Kyiv) whose form the entity does not list, as alias lines. New \
                entities: capitalised names of two or more words (one for non-Latin scripts) that \
                no lexicon form covers, and in scripts without capitals (Korean, Japanese, Chinese, \
                Arabic, Hebrew) names marked by a title (젤렌스키 대통령, 总统泽连斯基, الرئيس زيلينسكي) \
                or a middle dot (ウォロディミル・ゼレンスキー), seen at least --min-count times, grouped \
                by name key and skeleton, and across scripts by the letter models, into one proposal \
                with a provisional id (onoma:new:…), a type guessed from titles and context words, \
                its forms, counts and examples.
                tsv (the default) is a suggestions file: a lexicon file whose further columns are \
                status, count, score, base and two examples (Lexicons/README.md). Keep it outside \
                the lexicon directory, review it ('onoma lexicon review FILE') and apply it \
                ('onoma lexicon apply FILE --lexicon PATH'). jsonl: one object per suggestion.
                A lexicon with errors is reported and its valid lines are used.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case tsv, jsonl
        }

        @OptionGroup var lexicon: LexiconOptions

        @Option(help: "The fewest mentions a new entity needs.")
        var minCount = 3

        @Option(help: "The fewest mentions a variant needs.")
        var minVariantCount = 1

        @Option(help: "Output format: tsv (a suggestions file) or jsonl.")
        var format: Format = .tsv

        @Option(help: "Language (BCP 47) of documents that do not give one.")
        var lang: String?

        @OptionGroup var input: InputOptions

        func validate() throws {
            try LanguageOption.validate(lang)
            guard minCount >= 1, minVariantCount >= 1 else { throw ValidationError("--min-count and --min-variant-count must be at least 1") }
        }

        func run() throws {
            let printer = DiagnosticPrinter()
            var options = SuggestionMiner.Options()
            options.minCount = minCount
            options.minVariantCount = minVariantCount
            options.lang = lang
            let miner = try SuggestionMiner(index: loadIndex(printer), options: options)
            let start = Date()
            try input.forEachDocument(printer) { miner.add($0) }
            let suggestions = miner.suggestions()
            let output = OutputBuffer()
            switch format {
            case .tsv: output.write(SuggestionsFile.render(suggestions))
            case .jsonl: for suggestion in suggestions { output.write(Self.json(suggestion) + "\n") }
            }
            output.flush()
            let seconds = Date().timeIntervalSince(start)
            let proposed = suggestions.filter { $0.entry.entity.hasPrefix(SuggestionMiner.newEntityPrefix) }
            let variants = suggestions.filter { !$0.entry.entity.hasPrefix(SuggestionMiner.newEntityPrefix) && $0.status != .known }.count
            let entities = Set(proposed.map(\.entry.entity)).count
            let megabytes = Double(miner.bytes) / 1_000_000
            StandardError.write(String(format: "%d documents (%.2f MB) in %.1f s (%.1f s/MB): %d variants, %d new entities with %d forms\n",
                                       miner.documents, megabytes, seconds, megabytes > 0 ? seconds / megabytes : 0,
                                       variants, entities, proposed.count))
            try printer.finish()
        }

        static func json(_ s: Suggestion) -> String {
            let examples = s.examples.map { "{\"document\":\(JSONText.quoted($0.document)),\"sentence\":\(JSONText.quoted($0.sentence))}" }
            let fields = [
                "\"entity\":\(JSONText.quoted(s.entry.entity))", "\"type\":\"\(s.entry.type.rawValue)\"", "\"lang\":\(JSONText.quoted(s.entry.lang))",
                "\"form\":\(JSONText.quoted(s.entry.form))", "\"role\":\"\(s.entry.role.rawValue)\"", "\"status\":\"\(s.status.rawValue)\"",
                "\"count\":\(s.count)", "\"score\":\(ScoreText.format(s.score))", "\"base\":\(JSONText.quoted(s.base))",
                "\"examples\":[\(examples.joined(separator: ","))]", "\"note\":\(JSONText.quoted(s.note))",
            ]
            return "{" + fields.joined(separator: ",") + "}"
        }

        /// The lexicon's index: a compiled lexicon as it is; lexicon files even with errors
        /// (reported), suggesting against their valid lines.
        private func loadIndex(_ printer: DiagnosticPrinter) throws -> LexiconIndex {
            if LexiconSnapshot.isSnapshot(path: lexicon.path) { return try LexiconOptions.loadIndex(path: lexicon.path, printer) }
            let (loaded, diagnostics) = OnomaLexicon.Lexicon.load(path: lexicon.path, confusables: false)
            let errors = diagnostics.filter { $0.severity == .error }
            for error in errors { StandardError.write(error.description + "\n") }
            if !errors.isEmpty {
                StandardError.write("\(lexicon.path): \(errors.count) errors in the lexicon; suggesting against its \(loaded.entries.count) valid lines ('onoma lexicon apply' will refuse to write until they are fixed)\n")
            }
            return try LexiconIndex(lexicon: loaded)
        }
    }
}
