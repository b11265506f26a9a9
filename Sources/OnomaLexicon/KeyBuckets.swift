/// Form ids grouped by a string key (a skeleton, a key prefix), stored as one id table and one
/// flat array of values rather than an array per key: a million forms have hundreds of
/// thousands of distinct skeletons.
///
/// Build it with `append`, then call `finish()` before looking anything up.
struct KeyBuckets {
    private var ids: [String: Int32] = [:]
    /// While building: (bucket, value) pairs in insertion order.
    private var pending: [(bucket: Int32, value: Int32)] = []
    /// After `finish()`: the values of each bucket.
    private var values = FlatBuckets()

    /// Buckets for about `capacity` keys and `values` values (they grow beyond).
    init(capacity: Int, values: Int) {
        ids.reserveCapacity(capacity)
        pending.reserveCapacity(values)
    }

    /// Adds `value` to the bucket of `key`.
    mutating func append(_ key: String, _ value: Int32) {
        let bucket = ids[key] ?? {
            let bucket = Int32(ids.count)
            ids[key] = bucket
            return bucket
        }()
        pending.append((bucket, value))
    }

    /// Freezes the buckets: each one's values in insertion order (a value repeating the one
    /// before it kept once).
    mutating func finish() {
        values = FlatBuckets(pending, count: ids.count)
        pending = []
    }

    /// The values of `key`'s bucket, or nil when no value has that key.
    subscript(key: String) -> ArraySlice<Int32>? {
        ids[key].map { values[Int($0)] }
    }

    /// Number of distinct keys.
    var count: Int { ids.count }
}
