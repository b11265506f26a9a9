extension Array where Element: Hashable {
    /// The elements without repeats, in order of first appearance: a deterministic `Set`.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
