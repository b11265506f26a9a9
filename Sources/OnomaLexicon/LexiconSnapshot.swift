import Foundation
import OnomaText

/// A compiled lexicon: a lexicon's entries and every table of its index in one binary file,
/// which loads without parsing, checking or transliterating anything (`onoma lexicon compile`).
///
///     let origin = LexiconSnapshot.Origin("Lexicons")   // before reading the files
///     let compiled = LexiconSnapshot(index: index, warnings: 6, origin: origin)
///     try AtomicFile.replace("lexicon.onoma", with: compiled.encoded())
///     let index = try LexiconSnapshot.read(path: "lexicon.onoma").index
///
/// The file belongs to the onoma build that wrote it: it records its format version, the
/// name-key rules, the byte order and the layout of its tables, and a build that differs refuses
/// it with a message saying to compile again. A checksum over the content catches damage.
public struct LexiconSnapshot {
    public let index: LexiconIndex
    /// The warnings `onoma lexicon check` gave the lexicon when it was compiled (a compiled
    /// lexicon has no errors).
    public let warnings: Int
    /// The lexicon file or directory it was compiled from, and its files as they were then.
    public let origin: Origin

    /// A lexicon file or directory (absolute, so that a compiled lexicon finds its files from
    /// any directory) and its files as they are when the value is made: make it before reading
    /// them, so that a file changed meanwhile shows as changed.
    public struct Origin: Sendable {
        public let path: String
        public let sources: [Source]

        public init(_ path: String) {
            self.path = URL(fileURLWithPath: path).standardizedFileURL.path
            sources = LexiconSnapshot.sources(of: self.path)
        }

        init(path: String, sources: [Source]) {
            self.path = path
            self.sources = sources
        }
    }

    /// A lexicon file, its size and its modification time (nanoseconds since 1970).
    public struct Source: Hashable, Sendable {
        public let path: String
        public let size: Int64
        public let modified: Int64
    }

    /// Why a file cannot be read as a compiled lexicon.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        static func damaged(_ what: String) -> Failure {
            Failure(description: "compiled lexicon is damaged (\(what)); compile it again with 'onoma lexicon compile'")
        }

        static func foreign(_ why: String) -> Failure {
            Failure(description: "compiled lexicon was written by another onoma build (\(why)); compile it again with 'onoma lexicon compile'")
        }
    }

    /// How a lexicon file differs from when the lexicon was compiled.
    public enum SourceChange: String, Sendable {
        case changed, gone, added
    }

    public init(index: LexiconIndex, warnings: Int, origin: Origin) {
        self.index = index
        self.warnings = warnings
        self.origin = origin
    }

    /// 0xFF never occurs in UTF-8, so no lexicon text file starts like this.
    private static let magic: [UInt8] = [0xFF] + Array("onomalex".utf8)
    private static let formatVersion: UInt32 = 2
    /// Written in the machine's byte order: the tables are copied as they lie in memory.
    private static let byteOrderMark: UInt32 = 0x0102_0304

    /// Whether `bytes` start like a compiled lexicon.
    public static func isSnapshot(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: magic)
    }

    /// Whether the file at `path` is a compiled lexicon (false for directories and unreadable files).
    public static func isSnapshot(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return isSnapshot((try? handle.read(upToCount: magic.count)) ?? Data())
    }

    /// The file's bytes: the header, then the entries and tables.
    public func encoded() -> [UInt8] {
        var writer = SnapshotWriter(prefix: Self.magic)
        writer.integer(Self.formatVersion)
        writer.array(withUnsafeBytes(of: Self.byteOrderMark, Array.init))
        writer.integer(Self.rulesDigest(index.keys.rules))
        // The checksum of the payload, written once the payload is there (not copied after it).
        let checksumOffset = writer.bytes.count
        writer.integer(UInt64(0))
        let payloadStart = writer.bytes.count
        writer.integer(Int64(warnings))
        writer.strings([origin.path])
        writer.strings(origin.sources.map(\.path))
        writer.array(origin.sources.map(\.size))
        writer.array(origin.sources.map(\.modified))
        index.encode(into: &writer)
        let checksum = writer.bytes.withUnsafeBytes { WordTable.hash(UnsafeRawBufferPointer(rebasing: $0[payloadStart...])) }
        writer.replaceInteger(at: checksumOffset, with: checksum)
        return writer.bytes
    }

    /// Reads a compiled lexicon from `encoded()`'s bytes; its name keys are `keys`'s (the
    /// default rules unless given), which must have the rules it was compiled with.
    public init(decoding bytes: [UInt8], keys: NameKeyMaker = NameKeyMaker()) throws(Failure) {
        guard Self.isSnapshot(bytes) else { throw Failure(description: "not a compiled lexicon") }
        var reader = SnapshotReader(bytes, from: Self.magic.count)
        let version = try reader.integer(UInt32.self)
        guard version == Self.formatVersion else { throw .foreign("format version \(version), this build reads \(Self.formatVersion)") }
        let byteOrder = try reader.array(UInt8.self)
        guard byteOrder == withUnsafeBytes(of: Self.byteOrderMark, Array.init) else { throw .foreign("another byte order") }
        guard try reader.integer(UInt64.self) == Self.rulesDigest(keys.rules) else { throw .foreign("other name-key rules") }
        let checksum = try reader.integer(UInt64.self)
        let payloadStart = bytes.count - reader.remaining
        guard bytes.withUnsafeBytes({ WordTable.hash(UnsafeRawBufferPointer(rebasing: $0[payloadStart...])) }) == checksum
        else { throw .damaged("checksum mismatch") }
        warnings = Int(try reader.integer(Int64.self))
        guard let path = try reader.strings().first else { throw .damaged("no origin") }
        let paths = try reader.strings(), sizes = try reader.array(Int64.self), modified = try reader.array(Int64.self)
        guard sizes.count == paths.count, modified.count == paths.count else { throw .damaged("source list") }
        origin = Origin(path: path, sources: paths.indices.map { Source(path: paths[$0], size: sizes[$0], modified: modified[$0]) })
        index = try LexiconIndex.decode(from: &reader, keys: keys)
        guard reader.isAtEnd else { throw .damaged("bytes after the last table") }
    }

    /// Reads the compiled lexicon at `path`.
    public static func read(path: String, keys: NameKeyMaker = NameKeyMaker()) throws(Failure) -> LexiconSnapshot {
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(description: "cannot read file") }
        return try LexiconSnapshot(decoding: [UInt8](data), keys: keys)
    }

    /// The lexicon files at `path` (as `Lexicon.load(path:)` reads them) as they are now.
    static func sources(of path: String) -> [Source] {
        guard case .success(let files) = Lexicon.listFiles(path) else { return [] }
        return files.map { file in
            let attributes = try? FileManager.default.attributesOfItem(atPath: file)
            let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes?[.modificationDate] as? Date).map { Int64(($0.timeIntervalSince1970 * 1e9).rounded()) } ?? -1
            return Source(path: file, size: size, modified: modified)
        }
    }

    /// The lexicon files that changed (size or modification time), are gone or were added
    /// since the lexicon was compiled: the compiled lexicon no longer says what they say.
    public func changedSources() -> [(path: String, change: SourceChange)] {
        let now = Self.sources(of: origin.path)
        let current = Dictionary(now.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let recorded = Set(origin.sources.map(\.path))
        let changedOrGone = origin.sources.compactMap { source -> (path: String, change: SourceChange)? in
            guard let found = current[source.path] else { return (source.path, .gone) }
            return found == source ? nil : (source.path, .changed)
        }
        return changedOrGone + now.filter { !recorded.contains($0.path) }.map { ($0.path, .added) }
    }

    /// A digest of the name-key rules and of the transforms to ASCII that keys start from:
    /// keys made with other rules or transforms do not match these.
    private static func rulesDigest(_ rules: [NameKeyRule]) -> UInt64 {
        let keyRules = rules.map { rule in
            [rule.phenomenon, String(decoding: rule.pattern, as: UTF8.self), String(decoding: rule.replacement, as: UTF8.self),
             "\(rule.left)", "\(rule.right)", rule.languages.map { $0.sorted().joined(separator: ",") } ?? "*"].joined(separator: "\t")
        }
        let transforms = ([nil] + Transliterator.latinSteps.keys.sorted()).map { Transliterator.latinRules(lang: $0, ascii: true) }
        let text = (keyRules + transforms).joined(separator: "\n")
        return Array(text.utf8).withUnsafeBytes(WordTable.hash)
    }
}
