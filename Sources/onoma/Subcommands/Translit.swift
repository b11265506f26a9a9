import ArgumentParser
import OnomaText

extension Onoma {
    struct Translit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Transliterate text with ICU: to Latin or ASCII by language, or any ICU transform id.",
            discussion: """
                With TEXT arguments, prints one line per argument. With --file, transliterates \
                documents (the same inputs as every command: files, directories, .jsonl, -); \
                JSONL input gives JSONL output with "text" transliterated. With neither, reads \
                standard input (JSONL when it starts with '{', else one text).
                --to latin picks the transform by language (--lang, or each JSONL document's \
                "lang"): uk Ukrainian-Latin/BGN, ru Russian-Latin/BGN, ko Hangul-Latin, \
                ar Arabic-Latin, fa Persian-Latin/BGN, ja Katakana/Hiragana-Latin, then Any-Latin \
                for everything else. --to ascii adds Latin-ASCII.
                """
        )

        enum Target: String, ExpressibleByArgument, CaseIterable {
            case latin, ascii
        }

        @Option(name: .customLong("id"), help: ArgumentHelp("An ICU transform id, e.g. 'Any-Latin; Latin-ASCII' or 'Russian-Latin/BGN'.", valueName: "ICU-ID"))
        var transformID: String?

        @Option(help: "latin or ascii (the default is latin).")
        var to: Target?

        @Option(help: "Language (BCP 47) of the text, for --to; JSONL documents may give their own.")
        var lang: String?

        @Option(name: .customLong("file"), help: ArgumentHelp("Transliterate documents from a file, directory, .jsonl or - (repeatable).", valueName: "F"))
        var files: [String] = []

        @Flag(help: "Replace invalid UTF-8 with U+FFFD (one warning per file) instead of failing.")
        var lossy = false

        @Flag(help: "List every ICU transform id and exit.")
        var list = false

        @Argument(help: "Text to transliterate, one output line per argument.")
        var text: [String] = []

        func validate() throws {
            try LanguageOption.validate(lang)
            if transformID != nil && to != nil { throw ValidationError("give either --id or --to, not both") }
            if !text.isEmpty && !files.isEmpty { throw ValidationError("give TEXT arguments or --file, not both") }
            if let transformID {
                do { _ = try Transliterator(id: transformID) } catch { throw ValidationError("\(error)") }
            }
        }

        func run() throws {
            let output = OutputBuffer()
            if list {
                for id in Transliterator.availableIDs { output.write(id + "\n") }
                return output.flush()
            }
            let fixed = try transformID.map { try Transliterator(id: $0) }
            func transliterator(for documentLang: String?) -> Transliterator {
                fixed ?? Transliterator.toLatin(lang: documentLang ?? lang, ascii: to == .ascii)
            }
            if !text.isEmpty {
                for argument in text { output.write(transliterator(for: nil).transliterate(argument) + "\n") }
                return output.flush()
            }
            let printer = DiagnosticPrinter()
            let tokenizer = try Tokenizer()
            let reader = DocumentReader(inputs: files, lossy: lossy)
            try reader.forEachDocument(printer, strict: false) { document in
                let result = transliterator(for: document.lang).transliterate(document: document.text, using: tokenizer)
                if document.line != nil {
                    output.write("{\"id\":\(JSONText.quoted(document.id)),\"text\":\(JSONText.quoted(result))")
                    if let lang = document.lang { output.write(",\"lang\":\(JSONText.quoted(lang))") }
                    if let date = document.date { output.write(",\"date\":\(JSONText.quoted(date))") }
                    output.write("}\n")
                } else {
                    output.write(result)
                    if !result.hasSuffix("\n") { output.write("\n") }
                }
            }
            output.flush()
            try printer.finish()
        }
    }
}
