/// Disjoint sets over 0..<n with path halving and union by size: the clusters of a graph of
/// links (duplicate stories, spellings of one new name).
///
///     var sets = UnionFind(count: 4)
///     sets.union(0, 2); sets.union(2, 3)
///     sets.find(3) == sets.find(0)   // true
public struct UnionFind: Sendable {
    private var parent: [Int]
    private var size: [Int]

    public init(count: Int) {
        parent = Array(0..<count)
        size = [Int](repeating: 1, count: count)
    }

    /// The representative element of `x`'s set.
    ///
    /// - Complexity: amortised nearly O(1).
    public mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    /// Joins the sets of `a` and `b`.
    public mutating func union(_ a: Int, _ b: Int) {
        var rootA = find(a), rootB = find(b)
        guard rootA != rootB else { return }
        if size[rootA] < size[rootB] { swap(&rootA, &rootB) }
        parent[rootB] = rootA
        size[rootA] += size[rootB]
    }
}
