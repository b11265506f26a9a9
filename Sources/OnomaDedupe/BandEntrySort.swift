/// Sorts the (band key, document) entries that `Clusterer` cuts buckets from, by key and then
/// document, with a radix sort on the key's eight bytes: the entries come in order of document,
/// and each pass is stable, so documents stay in order within a key. The comparison sort it
/// replaces took about 1.5% of `onoma dedupe`'s instructions on 20,000 articles.
///
///     var entries: [(key: UInt64, member: Int32)] = [(7, 0), (3, 0), (7, 1)]
///     BandEntrySort.sort(&entries)   // [(3, 0), (7, 0), (7, 1)]
enum BandEntrySort {
    /// Sorts `entries`, given in order of `member`, by (key, member).
    ///
    /// - Complexity: O(n), eight passes at most (a byte that all keys share takes none).
    static func sort(_ entries: inout [(key: UInt64, member: Int32)]) {
        let count = entries.count
        guard count > 1 else { return }
        var counts = [Int](repeating: 0, count: 8 * 256)
        entries.withUnsafeBufferPointer { entries in
            counts.withUnsafeMutableBufferPointer { counts in
                for entry in entries {
                    for byte in 0..<8 { counts[byte &* 256 &+ Int(truncatingIfNeeded: entry.key &>> (8 &* UInt64(byte))) & 0xFF] &+= 1 }
                }
            }
        }
        var scratch = entries
        for byte in 0..<8 {
            let digits = counts[(byte * 256)..<(byte * 256 + 256)]
            if digits.contains(count) { continue }  // every key has the same byte here
            var next = [Int](repeating: 0, count: 256)
            var total = 0
            for (digit, n) in digits.enumerated() {
                next[digit] = total
                total += n
            }
            let shift = 8 &* UInt64(byte)
            entries.withUnsafeBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { target in
                    next.withUnsafeMutableBufferPointer { next in
                        for entry in source {
                            let digit = Int(truncatingIfNeeded: entry.key &>> shift) & 0xFF
                            target[next[digit]] = entry
                            next[digit] &+= 1
                        }
                    }
                }
            }
            swap(&entries, &scratch)
        }
    }
}
