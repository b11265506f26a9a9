import Foundation
import GRDB

/// A persistent dedupe index in one SQLite file (through GRDB): the compact signatures and
/// fingerprints of every document added so far, their links and their clusters, so that a
/// new batch is matched against everything seen before without reading old texts again.
///
///     let index = try StoryIndex(path: "news.db", parameters: parameters, lexiconDigest: signer.lexiconDigest)
///     let batch = try index.add(signatures, crossLingual: true)
///     batch.clustering.assignments   // one per signature; clusters span every batch so far
///
/// - The file records the parameters that make signatures comparable (its `meta` table, see
///   `StoryIndex+Schema.swift`); opening it with others is an error naming each difference.
/// - Each `add(_:crossLingual:)` is one SQLite transaction in WAL mode: a crash or `kill -9`
///   in the middle of a batch leaves the index as it was before the batch.
/// - A document id is added once: a later document with an id the index has is not added
///   again (its text is not looked at) and is reported with its stored cluster.
/// - A file that is not an onoma index (not SQLite, another application's database, a damaged
///   file) is refused before anything is written to it.
public final class StoryIndex {
    /// The path as given.
    public let path: String
    /// The parameters of the signatures it holds.
    public let parameters: DedupeParameters
    let database: DatabaseQueue

    /// Opens the index at `path`, creating it when the file does not exist or is empty.
    ///
    /// - Parameter lexiconDigest: `Signer.lexiconDigest` of the signer whose signatures will
    ///   be added.
    public init(path: String, parameters: DedupeParameters, lexiconDigest: String) throws(StoryIndexError) {
        self.path = path
        self.parameters = parameters
        var settings: [IndexSetting]
        do { settings = IndexSetting.settings(parameters: parameters, lsh: try parameters.lsh(), lexiconDigest: lexiconDigest) } catch {
            throw StoryIndexError(path: path, message: error.description)
        }
        // The index keeps MinHash values cut to this many bits; the entry goes before the
        // lexicon's, where every index has it.
        settings.insert(IndexSetting(key: "minhash_bits", value: String(CompactSignature.valueBits)), at: settings.count - 1)
        try Self.checkHeader(path)
        var configuration = Configuration()
        // Another `onoma dedupe` adding to the same index: wait for it rather than fail.
        configuration.busyMode = .timeout(600)
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoryIndexError(path: path, message: "cannot be opened as an onoma index (\(Self.describe(error))); the file was left as it was")
        }
        try prepare(settings)
    }

    /// How many documents the index holds.
    public func documentCount() throws(StoryIndexError) -> Int {
        try reading { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0 }
    }

    /// Every document's cluster, in the order the documents were added.
    public func assignments() throws(StoryIndexError) -> [ClusterAssignment] {
        try reading { db in
            try Row.fetchAll(db, sql: """
                SELECT d.name, r.name FROM document d JOIN document r ON r.id = d.cluster ORDER BY d.id
                """).map { row in ClusterAssignment(id: row[0], cluster: row[1]) }
        }
    }

    private func reading<T>(_ body: (Database) throws -> T) throws(StoryIndexError) -> T {
        do { return try database.read(body) } catch {
            throw StoryIndexError(path: path, message: "cannot be read (\(Self.describe(error)))")
        }
    }

    /// An SQLite error as "SQLite error 11: database disk image is malformed".
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        return "SQLite error \(error.resultCode.rawValue): \(error.message ?? "unknown error")"
    }

    /// Refuses, without opening it, a file that exists but is not an SQLite database.
    private static func checkHeader(_ path: String) throws(StoryIndexError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard !isDirectory.boolValue else { throw StoryIndexError(path: path, message: "is a directory; --index takes a database file") }
        guard let file = FileHandle(forReadingAtPath: path) else { throw StoryIndexError(path: path, message: "cannot be read") }
        defer { try? file.close() }
        let header = (try? file.read(upToCount: 16)) ?? Data()
        guard header.isEmpty || header == Data("SQLite format 3\0".utf8) else {
            throw StoryIndexError(path: path, message: "is not an SQLite database, so not an onoma index; the file was left as it was: give a new --index path")
        }
    }
}
