/// A trie over sequences of unit labels, stored as one edge table (node, label) → node so that a
/// million forms cost a few hash-table entries each rather than an object per node.
struct UnitTrie {
    typealias Node = Int32

    private struct Edge: Hashable {
        let parent: Node
        let label: String
    }

    static let root: Node = 0
    private var edges: [Edge: Node] = [:]
    private var values: [Node: [Int32]] = [:]
    private var nodeCount: Int32 = 1

    /// Adds `value` at the end of the path `labels`.
    mutating func insert(_ labels: [String], value: Int32) {
        var node = Self.root
        for label in labels {
            let edge = Edge(parent: node, label: label)
            if let next = edges[edge] {
                node = next
            } else {
                edges[edge] = nodeCount
                node = nodeCount
                nodeCount += 1
            }
        }
        if values[node]?.contains(value) != true { values[node, default: []].append(value) }
    }

    /// The child of `node` along `label`.
    func child(_ node: Node, _ label: String) -> Node? {
        edges[Edge(parent: node, label: label)]
    }

    /// The values stored at `node`.
    func values(at node: Node) -> [Int32] {
        values[node] ?? []
    }

    /// Number of edges, for memory reports.
    var edgeCount: Int { edges.count }
}
