import ArgumentParser

extension Onoma {
    struct Lexicon: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lexicon",
            abstract: "Check, grow and maintain lexicon files (see Lexicons/README.md for the format).",
            subcommands: [Check.self, Compile.self, Import.self, Suggest.self, Review.self, Apply.self, Add.self]
        )
    }
}
