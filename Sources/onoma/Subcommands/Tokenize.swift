import ArgumentParser
import OnomaText

extension Onoma {
    struct Tokenize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split documents into words, numbers, punctuation and symbols (UAX #29, ICU).",
            discussion: """
                tsv: one line per token: id, start, end (UTF-8 byte offsets), kind, script \
                (ISO 15924), text, and flags ('possessive' for Zelenskyy's, 'compound' for the \
                parts of a hyphenated name such as Jong-un).
                jsonl: one line per document: {"id", "tokens": [{"text", "start", "end", "kind", "script"}]}, \
                with "possessive": true and "compound": true where they apply.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case tsv, jsonl
        }

        @Option(help: "Output format: tsv or jsonl.")
        var format: Format = .tsv

        @Option(help: "Language (BCP 47) for documents that do not give one; picks the word-break locale.")
        var lang: String?

        @Flag(help: "Also report whitespace tokens.")
        var whitespace = false

        @OptionGroup var input: InputOptions

        func validate() throws {
            try LanguageOption.validate(lang)
        }

        func run() throws {
            let printer = DiagnosticPrinter()
            let output = OutputBuffer()
            var tokenizers: [String: Tokenizer] = [:]
            var wroteHeader = false
            try input.forEachDocument(printer) { document in
                let locale = document.lang ?? lang ?? ""
                let tokenizer = try tokenizers[locale] ?? Tokenizer(locale: locale, includeWhitespace: whitespace)
                tokenizers[locale] = tokenizer
                let tokens = tokenizer.tokenize(document.text)
                var inCompound = [Bool](repeating: false, count: tokens.count)
                for compound in tokens.hyphenatedCompounds() {
                    for index in compound { inCompound[index] = true }
                }
                switch format {
                case .tsv:
                    if !wroteHeader { output.write("id\tstart\tend\tkind\tscript\ttext\tflags\n") }
                    wroteHeader = true
                    writeTSV(document, tokens, inCompound, output)
                case .jsonl: writeJSONL(document, tokens, inCompound, output)
                }
            }
            output.flush()
            try printer.finish()
        }

        private func writeTSV(_ document: Document, _ tokens: [Token], _ inCompound: [Bool], _ output: OutputBuffer) {
            let id = TSVText.field(document.id)
            for (index, token) in tokens.enumerated() {
                var flags: [String] = []
                if token.isPossessive { flags.append("possessive") }
                if inCompound[index] { flags.append("compound") }
                output.write("\(id)\t\(token.range.lowerBound)\t\(token.range.upperBound)\t\(token.kind.rawValue)\t\(token.script.code)\t\(TSVText.field(token.text))\t\(flags.joined(separator: ","))\n")
            }
        }

        private func writeJSONL(_ document: Document, _ tokens: [Token], _ inCompound: [Bool], _ output: OutputBuffer) {
            output.write("{\"id\":\(JSONText.quoted(document.id)),\"tokens\":[")
            for (index, token) in tokens.enumerated() {
                if index > 0 { output.write(",") }
                var line = "{\"text\":\(JSONText.quoted(token.text)),\"start\":\(token.range.lowerBound),\"end\":\(token.range.upperBound),\"kind\":\"\(token.kind.rawValue)\",\"script\":\"\(token.script.code)\""
                if token.isPossessive { line += ",\"possessive\":true" }
                if inCompound[index] { line += ",\"compound\":true" }
                output.write(line + "}")
            }
            output.write("]}\n")
        }
    }
}
