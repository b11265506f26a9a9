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
                if format == .tsv && !wroteHeader {
                    output.write("id\tstart\tend\tkind\tscript\ttext\tflags\n")
                    wroteHeader = true
                }
                let id = format == .tsv ? TSVText.field(document.id) : JSONText.quoted(document.id)
                if format == .jsonl { output.write("{\"id\":\(id),\"tokens\":[") }
                var first = true
                // Tokens stream through a small window, so a 100 MB document never holds all its
                // tokens at once; the window keeps the tail that may still join a compound.
                var window: [Token] = []
                func emit(upTo end: Int) {
                    var inCompound = [Bool](repeating: false, count: window.count)
                    for compound in window.hyphenatedCompounds() {
                        for index in compound { inCompound[index] = true }
                    }
                    for index in 0..<end {
                        switch format {
                        case .tsv: writeTSV(id, window[index], inCompound[index], output)
                        case .jsonl:
                            writeJSON(window[index], inCompound[index], first: first, output)
                            first = false
                        }
                    }
                    window.removeFirst(end)
                }
                tokenizer.forEachToken(in: document.text) { token in
                    window.append(token)
                    if window.count >= 4096 { emit(upTo: Self.settledCount(window)) }
                }
                emit(upTo: window.count)
                if format == .jsonl { output.write("]}\n") }
            }
            output.flush()
            try printer.finish()
        }

        /// How many tokens at the start of `window` can no longer change: all but a trailing run
        /// of touching tokens that alternate between punctuation and not (word, hyphen, word …),
        /// which the next token may extend into a compound. Text without spaces (Chinese,
        /// Japanese, Thai) has touching words, but two words in a row never belong to one
        /// compound, so the window stays small there too.
        static func settledCount(_ window: [Token]) -> Int {
            var start = window.count - 1
            while start > 0, window[start - 1].range.upperBound == window[start].range.lowerBound,
                  window[start].kind != .whitespace, window[start - 1].kind != .whitespace,
                  (window[start].kind == .punctuation) != (window[start - 1].kind == .punctuation) {
                start -= 1
            }
            return max(0, start)
        }

        private func writeTSV(_ id: String, _ token: Token, _ inCompound: Bool, _ output: OutputBuffer) {
            var flags: [String] = []
            if token.isPossessive { flags.append("possessive") }
            if inCompound { flags.append("compound") }
            output.write("\(id)\t\(token.range.lowerBound)\t\(token.range.upperBound)\t\(token.kind.rawValue)\t\(token.script.code)\t\(TSVText.field(token.text))\t\(flags.joined(separator: ","))\n")
        }

        private func writeJSON(_ token: Token, _ inCompound: Bool, first: Bool, _ output: OutputBuffer) {
            var line = first ? "" : ","
            line += "{\"text\":\(JSONText.quoted(token.text)),\"start\":\(token.range.lowerBound),\"end\":\(token.range.upperBound),\"kind\":\"\(token.kind.rawValue)\",\"script\":\"\(token.script.code)\""
            if token.isPossessive { line += ",\"possessive\":true" }
            if inCompound { line += ",\"compound\":true" }
            output.write(line + "}")
        }
    }
}
