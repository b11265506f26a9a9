import ArgumentParser
import OnomaLexicon
import OnomaText

extension Onoma {
    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score whether two names are the same, across spellings and scripts.",
            discussion: """
                Prints one line per pair, in input order: score<TAB>verdict<TAB>method<TAB>name_a<TAB>name_b. \
                The verdict is 1 when the score reaches \(NameMatch.defaultThreshold), else 0. Two \
                Latin-script names reach it when their name keys differ by at most 0.16 edits per \
                letter, a vowel or a consonant of the same sound class counting 0.4 (Kiev, Kyiv); a name in another script against a Latin-script one reaches it where its letter \
                model best tells, on held-out Wikidata names, a name's own spellings from the closest \
                other name (scripts/names/match_eval.py). \
                --pairs reads TSV lines name_a<TAB>name_b (further columns are ignored).
                """
        )

        /// Names longer than this are refused: a pair of them would take seconds.
        static let maximumNameBytes = 16_384

        @Option(help: "Language (BCP 47) of the first names.")
        var langA: String?

        @Option(help: "Language (BCP 47) of the second names.")
        var langB: String?

        @Option(help: ArgumentHelp("TSV file of name pairs (- for standard input).", valueName: "FILE"))
        var pairs: String?

        @Option(help: "The score from which the verdict is 1.")
        var threshold = NameMatch.defaultThreshold

        @Argument(help: "Two names.")
        var names: [String] = []

        func validate() throws {
            try LanguageOption.validate(langA, option: "--lang-a")
            try LanguageOption.validate(langB, option: "--lang-b")
            if pairs == nil && names.count != 2 { throw ValidationError("give two names, or --pairs FILE") }
            if pairs != nil && !names.isEmpty { throw ValidationError("give two names or --pairs, not both") }
        }

        func run() throws {
            let printer = DiagnosticPrinter()
            let match = NameMatch(keys: NameKeyMaker(), use: .pair)
            let output = OutputBuffer()
            func emit(_ a: String, _ b: String, at location: NameLines.Location? = nil) {
                if let long = [a, b].first(where: { $0.utf8.count > Self.maximumNameBytes }) {
                    printer.print(Diagnostic(.error, "a name of \(long.utf8.count) bytes is longer than the \(Self.maximumNameBytes) "
                                             + "that match compares (the comparison grows with the product of the lengths)",
                                             path: location?.path, line: location?.line))
                    return
                }
                let (score, method) = match.compare(a, lang: langA, b, lang: langB)
                output.write("\(ScoreText.format(score))\t\(score >= threshold ? 1 : 0)\t\(method.rawValue)\t\(TSVText.field(a))\t\(TSVText.field(b))\n")
            }
            if let pairs {
                try NameLines.forEach(arguments: [], file: pairs, printer) { line, location in
                    let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                    guard fields.count >= 2 else {
                        printer.print(Diagnostic(.error, "expected name_a<TAB>name_b", path: location.path, line: location.line))
                        return
                    }
                    emit(String(fields[0]), String(fields[1]), at: location)
                }
            } else {
                emit(names[0], names[1])
            }
            output.flush()
            try printer.finish()
        }
    }
}
