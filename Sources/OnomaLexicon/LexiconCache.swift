import Foundation
import OnomaText

/// Compiled indexes of lexicon files kept between runs, so that a lexicon is parsed, checked and
/// indexed once and then read as `onoma lexicon compile` output is: the shipped lexicons load in
/// a tenth of a second instead of almost two, a million forms in about two seconds instead of
/// ten or more.
///
/// An entry is named by a hash of everything its index depends on: the build that made it (see
/// `init(directory:build:)`), the lexicon files' paths as given and their bytes. A changed file
/// is a new name, so an entry is never stale; it is only ever replaced whole. The `limit` most
/// recently used entries are kept. Lexicons with errors, and lexicons of fewer than
/// `minimumForms` forms (they load in milliseconds), are not cached.
///
///     let cache = LexiconCache(directory: "/home/me/.cache/onoma", build: "onoma 1234 5678")
///     let loaded = try cache.loadIndex(path: "Lexicons")   // indexed, then kept
///     let again = try cache.loadIndex(path: "Lexicons")    // read back: again.fromCache
public struct LexiconCache: Sendable {
    /// The directory that holds the entries (created when first written); nil: nothing is
    /// cached, every load indexes the files.
    public let directory: String?
    /// What identifies the program that indexes: an index made by another build may differ.
    public let build: String
    /// Lexicons with fewer forms are not cached.
    public static let minimumForms = 1_000
    /// Entries kept: the most recently used.
    public static let limit = 4

    /// A lexicon loaded through the cache.
    public struct Loaded {
        /// The index; nil when the lexicon has errors (they are in `diagnostics`).
        public let index: LexiconIndex?
        /// The lexicon's problems (read from its files; none when read from the cache, which
        /// holds only lexicons without errors).
        public let diagnostics: [Diagnostic]
        /// The number of warnings the lexicon has.
        public let warnings: Int
        /// Whether the index was read from the cache.
        public let fromCache: Bool
        /// What went wrong with the cache itself (an entry that could not be read or written):
        /// the lexicon was loaded from its files all the same.
        public let cacheProblems: [Diagnostic]
    }

    /// - Parameters:
    ///   - directory: where entries are kept; nil to cache nothing.
    ///   - build: the identity of the running program (for the command-line tool: its
    ///     executable's path, size, modification time and inode).
    public init(directory: String?, build: String) {
        self.directory = directory
        self.build = build
    }

    /// Loads and indexes the lexicon at `path` (a file or a directory of `*.tsv` files, as
    /// `Lexicon.load(path:)` reads it), from the cache when an entry for these files exists,
    /// else from the files, keeping the index in the cache when it may. `indexing` is called
    /// with the files' size in bytes before they are parsed and indexed (not when the index
    /// comes from the cache), so that a caller can say why the wait.
    public func loadIndex(path: String, keys: NameKeyMaker = NameKeyMaker(), indexing: (Int) -> Void = { _ in }) throws -> Loaded {
        let (files, unreadable) = Lexicon.readFiles(path)
        let entry = directory.map { entryPath(for: files, in: $0) }
        var problems: [Diagnostic] = []
        if unreadable.isEmpty, let entry, FileManager.default.fileExists(atPath: entry) {
            do {
                let snapshot = try LexiconSnapshot.read(path: entry, keys: keys)
                utimes(entry, nil)
                return Loaded(index: snapshot.index, diagnostics: [], warnings: snapshot.warnings, fromCache: true, cacheProblems: [])
            } catch where FileManager.default.fileExists(atPath: entry) {
                problems.append(Diagnostic(.warning, "cached lexicon index is unusable (\(error.description)); indexing the lexicon files again", path: entry))
            } catch {
                // Another process removed the entry (see `removeLeastRecentlyUsed`) meanwhile: a miss.
            }
        }
        if unreadable.isEmpty { indexing(files.reduce(0) { $0 + $1.text.utf8.count }) }
        // With a file unreadable there is no lexicon to index, only the others' problems to report.
        let (index, diagnostics) = unreadable.isEmpty
            ? try LexiconIndex.load(files: files, keys: keys)
            : (nil, Lexicon.load(files: files, confusables: false).diagnostics)
        let warnings = diagnostics.count { $0.severity == .warning }
        if let index, let directory, let entry, index.lexicon.entries.count >= Self.minimumForms {
            do {
                // Private to the user, as the XDG base directory specification asks.
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                try AtomicFile.replace(entry, with: LexiconSnapshot(index: index, warnings: warnings, origin: LexiconSnapshot.Origin(path)).encoded())
                problems += removeLeastRecentlyUsed(in: directory, keeping: entry)
            } catch {
                problems.append(Diagnostic(.warning, "cannot keep the lexicon's index in the cache: \(error)", path: directory))
            }
        }
        return Loaded(index: index, diagnostics: unreadable + diagnostics, warnings: warnings, fromCache: false, cacheProblems: problems)
    }

    /// The entry for lexicon files with these paths and texts, in this build.
    func entryPath(for files: [(path: String, text: String)], in directory: String) -> String {
        var summary = Array("onoma lexicon cache\0\(build)\0".utf8)
        for file in files {
            summary += "\(file.path)\0\(file.text.utf8.count)\0".utf8
            var text = file.text
            let digest = text.withUTF8 { WordTable.hash(UnsafeRawBufferPointer($0)) }
            withUnsafeBytes(of: digest.littleEndian) { summary += $0 }
        }
        let name = String(summary.withUnsafeBytes(WordTable.hash), radix: 16)
        return "\(directory)/\(String(repeating: "0", count: 16 - name.count))\(name).onoma"
    }

    /// Removes all entries but the `limit` most recently used (`kept` among them), and says
    /// which could not be removed.
    private func removeLeastRecentlyUsed(in directory: String, keeping kept: String) -> [Diagnostic] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let entries = names.filter { $0.hasSuffix(".onoma") }.compactMap { name -> (path: String, used: Date)? in
            let path = "\(directory)/\(name)"
            // An entry another process removed meanwhile is gone already.
            guard let used = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { return nil }
            return (path, used)
        }
        return entries.sorted { ($0.used, $0.path) > ($1.used, $1.path) }.dropFirst(Self.limit).compactMap { old in
            guard old.path != kept else { return nil }
            do {
                try FileManager.default.removeItem(atPath: old.path)
                return nil
            } catch {
                guard FileManager.default.fileExists(atPath: old.path) else { return nil }
                return Diagnostic(.warning, "cannot remove an old cached lexicon index: \(error.localizedDescription)", path: old.path)
            }
        }
    }
}
