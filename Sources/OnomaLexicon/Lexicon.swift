import Foundation
import OnomaText

/// A set of lexicon entries loaded from one file or a directory of `*.tsv` files, with each
/// entity's type and canonical form.
///
///     let (lexicon, problems) = Lexicon.load(path: "Lexicons/")
///     lexicon.entities["Q1899"]?.canonical   // "Kyiv"
public struct Lexicon: Sendable {
    /// An entity: its id, type and display name.
    public struct Entity: Hashable, Sendable {
        public let id: String
        public let type: EntityType
        /// The form with role `canonical` (the first one, if the lexicon has errors).
        public let canonical: String
    }

    public let entries: [LexiconEntry]
    public let entities: [String: Entity]

    /// Builds a lexicon from parsed entries. Entities without a canonical form use their first
    /// alias (`LexiconValidator` reports them).
    public init(entries: [LexiconEntry]) {
        self.init(entries: entries, ordinals: EntityOrdinals(entries))
    }

    /// A lexicon of entries whose entities `ordinals` numbers: each entity's first canonical
    /// entry, else its first alias, found by ordinal, and one dictionary insert per entity.
    init(entries: [LexiconEntry], ordinals: EntityOrdinals) {
        self.entries = entries
        var chosen = [Int](repeating: -1, count: ordinals.ids.count)
        for role in [FormRole.canonical, .alias] {
            for position in entries.indices where entries[position].role == role {
                let entity = Int(ordinals.ofEntry[position])
                if chosen[entity] < 0 { chosen[entity] = position }
            }
        }
        var entities: [String: Entity] = [:]
        entities.reserveCapacity(chosen.count)
        for position in chosen where position >= 0 {
            let entry = entries[position]
            entities[entry.entity] = Entity(id: entry.entity, type: entry.type, canonical: entry.form)
        }
        self.entities = entities
    }

    /// A lexicon whose entities are known (see `LexiconSnapshot`).
    init(entries: [LexiconEntry], entities: [String: Entity]) {
        self.entries = entries
        self.entities = entities
    }

    /// Loads a lexicon file, or every `*.tsv` file below a directory (in path order), and checks
    /// it: line problems from `LexiconParser`, then cross-line problems from `LexiconValidator`
    /// (the confusable-skeleton warnings only when `confusables` is set: they cost an ICU call
    /// per form and change nothing for matching).
    public static func load(path: String, confusables: Bool = true) -> (lexicon: Lexicon, diagnostics: [Diagnostic]) {
        let (files, problems) = readFiles(path)
        let (lexicon, diagnostics) = load(files: files, confusables: confusables)
        return (lexicon, problems + diagnostics)
    }

    /// Parses and checks the text of lexicon files (see `load(path:confusables:)`).
    static func load(files: [(path: String, text: String)], confusables: Bool) -> (lexicon: Lexicon, diagnostics: [Diagnostic]) {
        let (entries, diagnostics) = parse(files: files)
        return (Lexicon(entries: entries), diagnostics + LexiconValidator.validate(entries, confusables: confusables))
    }

    /// The entries of lexicon files, and the problems of their lines (`LexiconParser`).
    static func parse(files: [(path: String, text: String)]) -> (entries: [LexiconEntry], diagnostics: [Diagnostic]) {
        var entries: [LexiconEntry] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            let parsed = LexiconParser.parse(file.text, path: file.path)
            // The first file's entries are taken as they are, not copied one by one.
            if entries.isEmpty { entries = parsed.entries } else { entries += parsed.entries }
            diagnostics += parsed.diagnostics
        }
        return (entries, diagnostics)
    }

    /// The text of each lexicon file at `path` (a file, or the `*.tsv` files below a directory
    /// in path order), and the files that cannot be read or are not UTF-8.
    static func readFiles(_ path: String) -> (files: [(path: String, text: String)], diagnostics: [Diagnostic]) {
        let paths: [String]
        switch listFiles(path) {
        case .success(let found): paths = found
        case .failure(let problem): return ([], [problem])
        }
        var files: [(path: String, text: String)] = []
        var diagnostics: [Diagnostic] = []
        for file in paths {
            guard let data = FileManager.default.contents(atPath: file) else {
                diagnostics.append(Diagnostic(.error, "cannot read file", path: file))
                continue
            }
            if LexiconSnapshot.isSnapshot(data) {
                diagnostics.append(Diagnostic(.error, "a compiled lexicon ('onoma lexicon compile'): check and edit the lexicon files it was compiled from", path: file))
                continue
            }
            let decoded = UTF8Decoding.decode(data, lossy: false)
            guard let text = decoded.text else {
                diagnostics.append(Diagnostic(.error, "not valid UTF-8 at byte \(decoded.firstInvalidOffset ?? 0)", path: file))
                continue
            }
            files.append((file, text))
        }
        return (files, diagnostics)
    }

    /// The lexicon files at `path`: the file itself, or the `*.tsv` files below a directory in
    /// path order.
    static func listFiles(_ path: String) -> Result<[String], Diagnostic> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(Diagnostic(.error, "no such lexicon file or directory", path: path))
        }
        guard isDirectory.boolValue else { return .success([path]) }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        let files = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".tsv") }
            .sorted()
            .map { prefix + $0 }
        if files.isEmpty { return .failure(Diagnostic(.error, "no *.tsv lexicon files in directory", path: path)) }
        return .success(files)
    }
}
