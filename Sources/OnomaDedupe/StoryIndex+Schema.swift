import GRDB

/// One `meta` entry that must agree for signatures to be comparable.
struct IndexSetting: Equatable {
    /// The key in the `meta` table; with underscores as spaces, the name in messages.
    let key: String
    let value: String

    static func settings(parameters: DedupeParameters, lsh: LSHParameters, lexiconDigest: String) -> [IndexSetting] {
        [
            IndexSetting(key: "seed", value: String(parameters.seed)),
            IndexSetting(key: "shingle_size", value: String(parameters.shingleSize)),
            IndexSetting(key: "permutations", value: String(parameters.permutations)),
            IndexSetting(key: "bands", value: String(lsh.bands)),
            IndexSetting(key: "rows", value: String(lsh.rows)),
            IndexSetting(key: "lexicon", value: lexiconDigest),
        ]
    }

    /// How `made` (settings by key) differs from `expected`, one phrase per setting:
    /// "permutations 128, not 64".
    static func differences(_ made: [String: String], _ expected: [IndexSetting]) -> [String] {
        expected.compactMap { setting in
            let value = made[setting.key] ?? "unset"
            return value == setting.value ? nil : "\(setting.key.replacingOccurrences(of: "_", with: " ")) \(value), not \(setting.value)"
        }
    }
}

/// The file layout, version 2 (version 1 held k-permutation MinHash values):
///
///     meta(key, value)                      application, format and the IndexSetting entries
///     document(id, name, name_hash, lang, date, length, duplicate_group, cluster, minhash, features)
///         id: 1, 2, … in order of addition; name: the document's own id (unique), found
///         through the index on its 32-bit name_hash;
///         duplicate_group: the smallest id among its same-language duplicates;
///         cluster: the id of its cluster's representative;
///         minhash: CompactSignature values; features: sorted 32-bit fingerprint feature hashes
///     band(key, document)                   32-bit LSH band keys, the lookup of candidates
///     feature(hash, documents, postings)
///         per fingerprint feature: document frequency and the documents having it (varint
///         differences), the lookup of translation candidates
///     translation(a, b, similarity)         translation links found, a added before b (they
///                                           compete with later candidates for a mutual best)
extension StoryIndex {
    static let application = "onoma story index"
    static let format = "2"

    private static let schema = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE document (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_hash INTEGER NOT NULL,
            lang TEXT,
            date TEXT,
            length INTEGER NOT NULL,
            duplicate_group INTEGER NOT NULL,
            cluster INTEGER NOT NULL,
            minhash BLOB NOT NULL,
            features BLOB NOT NULL
        );
        CREATE INDEX document_name_hash ON document(name_hash);
        CREATE INDEX document_duplicate_group ON document(duplicate_group);
        CREATE INDEX document_cluster ON document(cluster);
        CREATE TABLE band (key INTEGER NOT NULL, document INTEGER NOT NULL, PRIMARY KEY (key, document)) WITHOUT ROWID;
        CREATE TABLE feature (hash INTEGER PRIMARY KEY, documents INTEGER NOT NULL, postings BLOB NOT NULL);
        CREATE TABLE translation (a INTEGER NOT NULL, b INTEGER NOT NULL, similarity REAL NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
        CREATE INDEX translation_b ON translation(b);
        """
    private static let tables: Set<String> = ["meta", "document", "band", "feature", "translation"]

    /// Creates the schema in an empty file, or checks that the file is an onoma index made with
    /// `settings`. Nothing is written to a file that fails the check.
    func prepare(_ settings: [IndexSetting]) throws(StoryIndexError) {
        let tables: Set<String>
        var meta: [String: String] = [:]
        do {
            tables = try database.read { db in try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
            if tables.contains("meta") {
                meta = try database.read { db in
                    try Dictionary(Row.fetchAll(db, sql: "SELECT key, value FROM meta").map { ($0[0] as String, $0[1] as String) },
                                   uniquingKeysWith: { first, _ in first })
                }
            }
        } catch {
            throw StoryIndexError(path: path, message: "is damaged or not an onoma index (\(Self.describe(error))); the file was left as it was")
        }
        if tables.isEmpty { return try create(settings) }
        guard tables.contains("meta"), meta["application"] == Self.application else {
            throw StoryIndexError(path: path, message: "is an SQLite database but not an onoma index (no meta table naming '\(Self.application)'); the file was left as it was: give a new --index path")
        }
        guard meta["format"] == Self.format else {
            throw StoryIndexError(path: path, message: "has index format \(meta["format"] ?? "?"); this onoma reads format \(Self.format): use the onoma that wrote it, or a new --index")
        }
        if let missing = Self.tables.subtracting(tables).sorted().first {
            throw StoryIndexError(path: path, message: "is damaged: its table '\(missing)' is missing; the file was left as it was")
        }
        let differences = IndexSetting.differences(meta, settings)
        guard differences.isEmpty else {
            throw StoryIndexError(path: path, message: "the index was built with \(differences.joined(separator: ", and ")); use the same options or a new --index")
        }
        do {
            try database.writeWithoutTransaction { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" { try db.execute(sql: "PRAGMA journal_mode = WAL") }
            }
        } catch {
            throw StoryIndexError(path: path, message: "cannot be opened for writing (\(Self.describe(error)))")
        }
    }

    private func create(_ settings: [IndexSetting]) throws(StoryIndexError) {
        do {
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.inTransaction(.immediate) {
                    try db.execute(sql: Self.schema)
                    let entries = [("application", Self.application), ("format", Self.format)] + settings.map { ($0.key, $0.value) }
                    for (key, value) in entries {
                        try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
                    }
                    return .commit
                }
            }
        } catch {
            throw StoryIndexError(path: path, message: "cannot be created (\(Self.describe(error)))")
        }
    }
}
