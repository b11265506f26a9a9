import Dispatch
import OnomaText
import Synchronization

extension LexiconIndex {
    /// Loads, checks and indexes the text of lexicon files. The checks across lines
    /// (`LexiconValidator`) run on another thread beside the indexing, which is then thrown
    /// away if they find an error: a lexicon without errors, the usual case, is ready sooner.
    /// The indexing runs on the calling thread, not inside a `concurrentPerform`: a nested one
    /// gets no more threads than its share of the outer one's, so on two cores the index's
    /// parallel steps would run one chunk after another.
    static func load(files: [(path: String, text: String)], keys: NameKeyMaker) throws -> (index: LexiconIndex?, diagnostics: [Diagnostic]) {
        let (entries, parsed) = Lexicon.parse(files: files)
        guard !parsed.contains(where: { $0.severity == .error }) else {
            return (nil, parsed + LexiconValidator.validate(entries, confusables: false))
        }
        // The checks, the lexicon and the index number the entities alike: once, for all.
        let ordinals = EntityOrdinals(entries)
        let validation = Validation()
        let checked = DispatchGroup()
        DispatchQueue.global().async(group: checked) {
            let diagnostics = LexiconValidator.validate(entries, ordinals: ordinals, confusables: false)
            validation.diagnostics.withLock { $0 = diagnostics }
        }
        let index = Result { try LexiconIndex(lexicon: Lexicon(entries: entries, ordinals: ordinals), keys: keys, ordinals: ordinals) }
        checked.wait()
        let diagnostics = parsed + validation.diagnostics.withLock { $0 }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        return (try index.get(), diagnostics)
    }

    /// The validator's diagnostics, handed from its thread.
    private final class Validation: Sendable {
        let diagnostics = Mutex<[Diagnostic]>([])
    }
}
