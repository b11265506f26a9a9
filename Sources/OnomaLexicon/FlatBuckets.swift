/// Values grouped by a bucket number in `0..<count`, stored as one flat array and each bucket's
/// start rather than an array per bucket: the tries' node values and the fuzzy blocking
/// buckets hold a few values for each of hundreds of thousands of buckets.
struct FlatBuckets {
    /// The values of bucket b are `values[starts[b]..<starts[b + 1]]`.
    private var starts: [Int32] = [0]
    private var values: [Int32] = []

    /// No buckets.
    init() {}

    /// Groups `pairs` into `count` buckets (one counting pass): each bucket's values in pair
    /// order, a value that repeats the one before it left out.
    init(_ pairs: [(bucket: Int32, value: Int32)], count: Int) {
        var counts = [Int32](repeating: 0, count: count + 1)
        for (bucket, _) in pairs { counts[Int(bucket) + 1] += 1 }
        for index in counts.indices.dropFirst() { counts[index] += counts[index - 1] }
        var filled = Array(counts.dropLast())
        var flat = [Int32](repeating: 0, count: pairs.count)
        for (bucket, value) in pairs {
            flat[Int(filled[Int(bucket)])] = value
            filled[Int(bucket)] += 1
        }
        starts = [Int32](repeating: 0, count: count + 1)
        values.reserveCapacity(flat.count)
        for bucket in 0..<count {
            starts[bucket] = Int32(values.count)
            for index in Int(counts[bucket])..<Int(counts[bucket + 1])
            where values.count == Int(starts[bucket]) || values.last != flat[index] {
                values.append(flat[index])
            }
        }
        starts[count] = Int32(values.count)
    }

    /// The values of `bucket`.
    @inline(__always)
    subscript(bucket: Int) -> ArraySlice<Int32> {
        values[Int(starts[bucket])..<Int(starts[bucket + 1])]
    }
}

extension FlatBuckets {
    /// Number of buckets.
    var count: Int { starts.count - 1 }

    /// Whether every value is in `0..<limit`.
    func allValues(below limit: Int32) -> Bool {
        values.allSatisfy { (0..<limit).contains($0) }
    }

    func encode(into writer: inout SnapshotWriter) {
        writer.array(starts)
        writer.array(values)
    }

    /// Buckets read back from a snapshot, checked to be well formed.
    init(decoding reader: inout SnapshotReader) throws(LexiconSnapshot.Failure) {
        starts = try reader.array()
        values = try reader.array()
        guard starts.first == 0, starts.last == Int32(values.count),
              zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }) else { throw .damaged("bucket starts out of order") }
    }
}
