extension Array where Element: Hashable {
    /// The elements without repeats, in order of first appearance: a deterministic `Set`.
    func uniqued() -> [Element] {
        if count <= 16 {
            var result: [Element] = []
            result.reserveCapacity(count)
            for element in self where !result.contains(element) { result.append(element) }
            return result
        }
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

extension Array where Element: Equatable {
    /// The elements without those equal to the one before: `uniqued()` of a sorted array,
    /// without hashing.
    @inlinable public func withoutAdjacentRepeats() -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(count)
        for element in self where result.last != element { result.append(element) }
        return result
    }
}
