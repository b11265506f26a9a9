/// Form ids grouped by a string key (a skeleton, a key prefix), stored as one id table and one
/// flat array of values rather than an array per key: a million forms have hundreds of
/// thousands of distinct skeletons. Keys are found by their bytes (`WordTable`), not by
/// `String` hashing.
///
/// Build it with `append`, then call `finish()` before looking anything up.
struct KeyBuckets {
    /// Each key's bucket, and the keys in bucket order.
    private var ids: WordTable
    private var keys: [String] = []
    /// While building: (bucket, value) pairs in insertion order.
    private var pending: [(bucket: Int32, value: Int32)] = []
    /// After `finish()`: the values of each bucket.
    private var values = FlatBuckets()

    /// Buckets for about `capacity` keys and `values` values (they grow beyond).
    init(capacity: Int, values: Int) {
        ids = WordTable(capacity: capacity)
        keys.reserveCapacity(capacity)
        pending.reserveCapacity(values)
    }

    /// Adds `value` to the bucket of `key`.
    mutating func append(_ key: String, _ value: Int32) {
        let hashed = WordTable.key(key, "")
        let bucket = ids.value(hashed, key, "") ?? {
            let bucket = Int32(keys.count)
            ids.insert(hashed, key, "", value: bucket)
            keys.append(key)
            return bucket
        }()
        pending.append((bucket, value))
    }

    /// Freezes the buckets: each one's values in insertion order (a value repeating the one
    /// before it kept once).
    mutating func finish() {
        values = FlatBuckets(pending, count: keys.count)
        pending = []
    }

    /// The values of `key`'s bucket, or nil when no value has that key.
    subscript(key: String) -> ArraySlice<Int32>? {
        ids.value(WordTable.key(key, ""), key, "").map { values[Int($0)] }
    }

    /// Number of distinct keys.
    var count: Int { keys.count }
}

extension KeyBuckets {
    /// Whether every value is in `0..<limit`.
    func allValues(below limit: Int32) -> Bool { values.allValues(below: limit) }

    /// Writes the finished buckets: the keys in bucket order, then the values.
    func encode(into writer: inout SnapshotWriter) {
        writer.strings(keys)
        values.encode(into: &writer)
    }

    init(decoding reader: inout SnapshotReader) throws(LexiconSnapshot.Failure) {
        keys = try reader.strings()
        values = try FlatBuckets(decoding: &reader)
        guard values.count == keys.count else { throw .damaged("key buckets and keys differ in number") }
        ids = WordTable(capacity: keys.count)
        for (bucket, key) in keys.enumerated() {
            let hashed = WordTable.key(key, "")
            guard ids.value(hashed, key, "") == nil else { throw .damaged("a bucket key repeats") }
            ids.insert(hashed, key, "", value: Int32(bucket))
        }
    }
}
