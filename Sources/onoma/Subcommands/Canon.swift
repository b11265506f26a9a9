import ArgumentParser
import OnomaLexicon
import OnomaText

extension Onoma {
    struct Canon: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find entity names in documents and map each to its lexicon entity.",
            discussion: """
                Every mention reports how it matched: exact (a listed form, up to case), \
                normalized (another transliteration, spelling or inflection with the same name \
                key) or fuzzy (a close key: a misspelling or an unlisted transliteration), with a \
                score in 0..1. A form that fits several entities is settled by the other \
                entities of the document, or reported with "entity": null and its "candidates".
                jsonl: {"id", "mentions": [{"start", "end", "text", "entity", "canonical", "type", "score", "method"}]}, \
                start/end in UTF-8 bytes. tsv: one line per mention. text: the documents with \
                names rewritten to their canonical forms (JSONL input gives JSONL output).
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case jsonl, tsv, text
        }

        @OptionGroup var lexicon: LexiconOptions

        @Option(help: "Output format: jsonl, tsv or text.")
        var format: Format = .jsonl

        @Option(help: "Report only mentions scoring at least this (0...1).")
        var minScore: Double = 0

        @Option(help: "Language (BCP 47) of documents that do not give one.")
        var lang: String?

        @Flag(help: "Only listed forms and their keys; no fuzzy matches.")
        var noFuzzy = false

        @OptionGroup var input: InputOptions

        @OptionGroup var jobs: JobOptions

        func validate() throws {
            try LanguageOption.validate(lang)
            guard (0...1).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 1, got \(minScore)") }
        }

        func run() throws {
            let printer = DiagnosticPrinter()
            var options = Canonicalizer.Options()
            options.fuzzy = !noFuzzy
            let index = try lexicon.loadIndex(printer)
            let lang = lang, minScore = minScore
            let output = OutputBuffer()
            var wroteHeader = false
            // Documents are canonicalized on several threads, one canonicalizer each, and written in input order.
            try input.forEachDocument(printer, jobs: jobs.count(for: input.inputs), workers: { try Canonicalizer(index: index, options: options) }, map: { canonicalizer, document in
                canonicalizer.mentions(in: document.text, lang: document.lang ?? lang).filter { $0.score >= minScore }
            }) { document, mentions in
                switch format {
                case .jsonl:
                    output.write("{\"id\":\(JSONText.quoted(document.id)),\"mentions\":[")
                    output.write(mentions.map(Self.json).joined(separator: ","))
                    output.write("]}\n")
                case .tsv:
                    if !wroteHeader { output.write("id\tstart\tend\ttext\tentity\tcanonical\ttype\tscore\tmethod\n") }
                    wroteHeader = true
                    for m in mentions {
                        let fields = [document.id, "\(m.range.lowerBound)", "\(m.range.upperBound)", m.text,
                                      m.entity ?? m.candidates.joined(separator: "|"), m.canonical ?? "", m.type?.rawValue ?? "",
                                      ScoreText.format(m.score), m.isAmbiguous ? "ambiguous" : m.method.rawValue]
                        output.write(fields.map(TSVText.field).joined(separator: "\t") + "\n")
                    }
                case .text:
                    let rewritten = Self.rewrite(document.text, mentions)
                    if document.line != nil {
                        output.write("{\"id\":\(JSONText.quoted(document.id)),\"text\":\(JSONText.quoted(rewritten))}\n")
                    } else {
                        output.write(rewritten.hasSuffix("\n") ? rewritten : rewritten + "\n")
                    }
                }
            }
            output.flush()
            try printer.finish()
        }

        static func json(_ m: Mention) -> String {
            var fields = [
                "\"start\":\(m.range.lowerBound)", "\"end\":\(m.range.upperBound)", "\"text\":\(JSONText.quoted(m.text))",
                "\"entity\":\(JSONText.quoted(m.entity))", "\"canonical\":\(JSONText.quoted(m.canonical))",
                "\"type\":\(JSONText.quoted(m.type?.rawValue))", "\"score\":\(ScoreText.format(m.score))", "\"method\":\"\(m.method.rawValue)\"",
            ]
            if m.isAmbiguous { fields.append("\"candidates\":[\(m.candidates.map { JSONText.quoted($0) }.joined(separator: ","))]") }
            return "{" + fields.joined(separator: ",") + "}"
        }

        /// The text with each settled mention replaced by its canonical form.
        static func rewrite(_ text: String, _ mentions: [Mention]) -> String {
            let utf8 = Array(text.utf8)
            var result: [UInt8] = []
            result.reserveCapacity(utf8.count)
            var copied = 0
            for mention in mentions {
                guard let canonical = mention.canonical else { continue }
                result += utf8[copied..<mention.range.lowerBound]
                result += canonical.utf8
                copied = mention.range.upperBound
            }
            result += utf8[copied...]
            return String(decoding: result, as: UTF8.self)
        }
    }
}
