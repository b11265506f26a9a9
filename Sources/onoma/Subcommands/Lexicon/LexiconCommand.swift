import ArgumentParser

extension Onoma {
    struct Lexicon: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lexicon",
            abstract: "Check and maintain lexicon files (see Lexicons/README.md for the format).",
            subcommands: [Check.self, Import.self]
        )
    }
}
