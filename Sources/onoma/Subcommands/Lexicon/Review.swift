import ArgumentParser
import OnomaLexicon
import Foundation
import OnomaText

extension Onoma.Lexicon {
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the pending suggestions of a suggestions file: accept, reject, edit, skip or quit.",
            discussion: """
                Answer each suggestion with a line: a (accept), r (reject), e (edit: asks for the \
                form, entity, type, language and role; an empty answer keeps the value, and the \
                edited line is accepted), s (skip: stays pending), q (quit). Each decision is \
                saved to the file at once (atomically), so a review can stop at any point and \
                resume with the next pending suggestion. Answers are read from standard input, \
                so they can also be piped: printf 'a\\nr\\nq\\n' | onoma lexicon review FILE
                """
        )

        @Argument(help: "The suggestions file ('onoma lexicon suggest' output).")
        var suggestions: String

        func run() throws {
            var file = try SuggestionsInput.read(suggestions)
            file.diagnostics.forEach { StandardError.write($0.description + "\n") }
            let pending = file.suggestions.indices.filter { file.suggestions[$0].status == .pending }
            let output = OutputBuffer()
            var decided = 0
            for (position, index) in pending.enumerated() {
                output.write(Self.describe(file.suggestions[index], position + 1, of: pending.count))
                var answered = false
                while !answered {
                    output.write("accept (a), reject (r), edit (e), skip (s), quit (q)? ")
                    output.flush()
                    guard let answer = readLine()?.trimmingCharacters(in: .whitespaces) else { return summary(output, decided, pending.count) }
                    switch answer {
                    case "a": file.suggestions[index].status = .accepted
                    case "r": file.suggestions[index].status = .rejected
                    case "s": break
                    case "q": return summary(output, decided, pending.count)
                    case "e":
                        guard let edited = edit(file.suggestions[index], output) else { continue }
                        file.suggestions[index] = edited
                    default:
                        output.write("answer a, r, e, s or q\n")
                        continue
                    }
                    answered = true
                }
                if file.suggestions[index].status != .pending {
                    try AtomicFile.replace(suggestions, with: file.bytes)
                    decided += 1
                }
            }
            summary(output, decided, pending.count)
        }

        private func summary(_ output: OutputBuffer, _ decided: Int, _ pending: Int) {
            output.write("\n\(decided) decided, \(pending - decided) still pending in \(suggestions)\n")
            output.flush()
        }

        static func describe(_ s: Suggestion, _ position: Int, of count: Int) -> String {
            let e = s.entry
            var text = "\n[\(position)/\(count)] \(e.role.rawValue) \(e.form)  (\(e.entity), \(e.type.rawValue), \(e.lang))"
            text += "  seen \(s.count)×, score \(s.score)\(s.note.isEmpty ? "" : "  # \(s.note)")\n"
            for example in s.examples { text += "    \(example.document): \(example.sentence)\n" }
            return text
        }

        /// Asks for each field; nil (and a message) when the edited line is not valid.
        private func edit(_ suggestion: Suggestion, _ output: OutputBuffer) -> Suggestion? {
            var edited = suggestion
            func ask(_ name: String, _ value: String) -> String {
                output.write("\(name) [\(value)]: ")
                output.flush()
                let answer = readLine()?.trimmingCharacters(in: .whitespaces) ?? ""
                return answer.isEmpty ? value : answer
            }
            let e = suggestion.entry
            let fields = [ask("form", e.form), ask("entity", e.entity), ask("type", e.type.rawValue), ask("lang", e.lang), ask("role", e.role.rawValue)]
            let line = [fields[1], fields[2], fields[3], fields[0], fields[4]].joined(separator: "\t")
            let parsed = LexiconParser.parse(line, path: "edit")
            guard let entry = parsed.entries.first else {
                output.write("not a valid line: \(parsed.diagnostics.map(\.message).joined(separator: "; "))\n")
                return nil
            }
            edited.entry.entity = entry.entity
            edited.entry.type = entry.type
            edited.entry.lang = entry.lang
            edited.entry.form = entry.form
            edited.entry.role = entry.role
            // Another entity or type: the fingerprint of the original one no longer applies.
            if entry.entity != e.entity || entry.type != e.type { edited.base = "" }
            edited.status = .accepted
            return edited
        }
    }
}
