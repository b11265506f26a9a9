import ArgumentParser
import OnomaLexicon
import OnomaText

extension Onoma.Lexicon {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add one form to a lexicon, safely.",
            discussion: """
                The form goes after the entity's last line (a new entity, which needs --role \
                canonical and --type, goes at the end of the file with most entities of its type, \
                or --file); every other byte of the file stays as it was. The file is rewritten \
                through a temporary file, fsync and rename, under a lock that serialises writers. \
                A form already on another entity, or blocked for this one, is refused unless \
                --force. Adding a form that is there changes nothing.
                """
        )

        @OptionGroup var lexicon: LexiconOptions

        @Option(help: "The entity id (a Wikidata QID, or e.g. onoma:some-name).")
        var entity: String

        @Option(help: "The form, as written in text.")
        var form: String

        @Option(help: "The form's language: a BCP 47 tag, or * for every language.")
        var lang: String

        @Option(help: "The entity's type (person, place, org, other); default: the entity's type in the lexicon.")
        var type: EntityType?

        @Option(help: "canonical, alias or blocked.")
        var role: FormRole = .alias

        @Option(help: ArgumentHelp("For a new entity in a directory lexicon: the file to add it to.", valueName: "FILE"))
        var file: String?

        @Flag(help: "Add a form another entity has (it becomes ambiguous) or replace the line that blocks it for this entity.")
        var force = false

        func run() throws {
            try LexiconWrite.edit(lexicon.path) { editor in
                guard let type = type ?? editor.lexicon.entities[entity]?.type else {
                    StandardError.write("error: entity '\(entity)' is not in \(lexicon.path); give its --type (and --role canonical) to add it\n")
                    throw ExitCode.failure
                }
                let entry = LexiconEntry(entity: entity, type: type, lang: lang, form: form, role: role)
                let outcome = editor.add(entry, force: force, file: file)
                if case .refused(let reason) = outcome {
                    StandardError.write("error: \(reason)\n")
                    throw ExitCode.failure
                }
                StandardError.write(LexiconWrite.describe(outcome, entry.tsvLine) + "\n")
            }
        }
    }
}

extension EntityType: ExpressibleByArgument {}
extension FormRole: ExpressibleByArgument {}
