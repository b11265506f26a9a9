import ArgumentParser
import OnomaLexicon
import OnomaText

/// The locked read-check-write cycle of `lexicon add` and `lexicon apply`.
enum LexiconWrite {
    /// Locks the lexicon, reads it, lets `edit` add to it, and writes the changed files
    /// atomically, unless the lexicon has errors before or would have errors after.
    /// - Returns: whatever `edit` returns.
    static func edit<Result>(_ path: String, dryRun: Bool = false, _ edit: (inout LexiconEditor) throws -> Result) throws -> Result {
        let lock = try LexiconLock(lexicon: path)
        defer { lock.release() }
        var editor = LexiconEditor(path: path)
        if editor.hasErrors {
            for diagnostic in editor.diagnostics where diagnostic.severity == .error { StandardError.write(diagnostic.description + "\n") }
            StandardError.write("\(path): the lexicon has errors; nothing written (fix them first: 'onoma lexicon check \(path)')\n")
            throw ExitCode.failure
        }
        let result = try edit(&editor)
        let after = editor.checkResult().filter { $0.severity == .error }
        if !after.isEmpty {
            for diagnostic in after { StandardError.write(diagnostic.description + "\n") }
            StandardError.write("\(path): the additions would leave errors in the lexicon; nothing written\n")
            throw ExitCode.failure
        }
        if !dryRun { try editor.write() }
        return result
    }

    /// A line of the report on one addition.
    static func describe(_ outcome: LexiconEditor.Outcome, _ line: String) -> String {
        switch outcome {
        case .added(let path, let after): "added to \(path) after line \(after): \(line)"
        case .present(let path, let line): "already in the lexicon (\(path):\(line))"
        case .refused(let reason): reason
        }
    }
}
