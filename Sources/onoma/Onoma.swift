import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

@main
struct Onoma: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onoma",
        abstract: "Multilingual news corpora: tokenize, transliterate, canonicalize names, find duplicate stories.",
        discussion: """
            INPUT is a text file, a directory (every *.txt below it), a .jsonl file with one \
            {"id", "text", "lang"?, "date"?} object per line, or - for standard input (JSONL when \
            it starts with '{', else one text). No INPUT reads standard input.
            Data goes to standard output; diagnostics and progress go to standard error.
            """,
        version: "0.1.0",
        subcommands: [Tokenize.self, Translit.self, Canon.self, Resolve.self, Match.self, Dedupe.self, Lexicon.self]
    )

    /// Runs the command with SIGPIPE ignored, so that `onoma … | head` ends quietly (a closed
    /// pipe becomes EPIPE, which the output buffer treats as the end) instead of exit 141.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        main(nil)
    }
}
