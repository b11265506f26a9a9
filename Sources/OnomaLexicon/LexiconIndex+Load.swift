import Dispatch
import OnomaText
import Synchronization

extension LexiconIndex {
    /// Loads, checks and indexes the text of lexicon files. The checks across lines
    /// (`LexiconValidator`) run beside the indexing, which is then thrown away if they find an
    /// error: a lexicon without errors, the usual case, is ready sooner.
    static func load(files: [(path: String, text: String)], keys: NameKeyMaker) throws -> (index: LexiconIndex?, diagnostics: [Diagnostic]) {
        let (entries, parsed) = Lexicon.parse(files: files)
        let hasLineErrors = parsed.contains { $0.severity == .error }
        let validated = Mutex<[Diagnostic]>([])
        let indexed = Mutex<Result<LexiconIndex, any Error>?>(nil)
        DispatchQueue.concurrentPerform(iterations: hasLineErrors ? 1 : 2) { task in
            if task == 0 {
                let diagnostics = LexiconValidator.validate(entries, confusables: false)
                validated.withLock { $0 = diagnostics }
            } else {
                let index = Result { try LexiconIndex(lexicon: Lexicon(entries: entries), keys: keys) }
                indexed.withLock { $0 = index }
            }
        }
        let diagnostics = parsed + validated.withLock { $0 }
        guard !diagnostics.contains(where: { $0.severity == .error }), let index = indexed.withLock({ $0 }) else { return (nil, diagnostics) }
        return (try index.get(), diagnostics)
    }
}
