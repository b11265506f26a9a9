/// Form ids grouped by a string key (a skeleton, a key prefix), stored as one id table and one
/// flat array of values rather than an array per key: a million forms have hundreds of
/// thousands of distinct skeletons.
///
/// Build it with `append`, then call `finish()` before looking anything up.
struct KeyBuckets {
    private var ids: [String: Int32] = [:]
    /// While building: (bucket, value) pairs in insertion order.
    private var pending: [(bucket: Int32, value: Int32)] = []
    /// After `finish()`: the values of bucket b are `values[starts[b]..<starts[b + 1]]`.
    private var starts: [Int32] = []
    private var values: [Int32] = []

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

    /// Freezes the buckets: each one's values in insertion order.
    mutating func finish() {
        starts = [Int32](repeating: 0, count: ids.count + 1)
        for (bucket, _) in pending { starts[Int(bucket) + 1] += 1 }
        for index in starts.indices.dropFirst() { starts[index] += starts[index - 1] }
        var filled = Array(starts.dropLast())
        values = [Int32](repeating: 0, count: pending.count)
        for (bucket, value) in pending {
            values[Int(filled[Int(bucket)])] = value
            filled[Int(bucket)] += 1
        }
        pending = []
    }

    /// The values of `key`'s bucket, or nil when no value has that key.
    subscript(key: String) -> ArraySlice<Int32>? {
        guard let bucket = ids[key].map(Int.init) else { return nil }
        return values[Int(starts[bucket])..<Int(starts[bucket + 1])]
    }

    /// Number of distinct keys.
    var count: Int { ids.count }
}
