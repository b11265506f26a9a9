/// A trie over sequences of interned unit labels (see `LabelTable`), stored as one open-addressing
/// edge table (node, label) → node and the values of all nodes in one flat array, so that a
/// million forms cost a few machine words each rather than an object or a hashed string per node.
///
/// Build it with `insert`, then call `finish()` before looking anything up.
final class UnitTrie {
    typealias Node = Int32

    static let root: Node = 0
    /// The label table shared by the index's tries: string labels are looked up through it.
    let labels: LabelTable
    /// One thread builds the trie before it is shared; afterwards it is only read, so its
    /// storage skips the run-time exclusivity checks (5% of canon's instructions).
    @exclusivity(unchecked) private var edges = IntegerTable()
    private var nodeCount: Int32 = 1
    /// While building: (node, value) pairs in insertion order.
    private var pending: [(bucket: Int32, value: Int32)] = []
    /// After `finish()`: the values of each node.
    @exclusivity(unchecked) private var values = FlatBuckets()

    init(labels: LabelTable) {
        self.labels = labels
    }

    /// Adds `value` at the end of the path `path` (label ids, none negative).
    func insert(_ path: some Collection<Int32>, value: Int32) {
        var node = Self.root
        for label in path {
            if let next = edges[Self.edge(node, label)] {
                node = next
            } else {
                edges[Self.edge(node, label)] = nodeCount
                node = nodeCount
                nodeCount += 1
            }
        }
        pending.append((node, value))
    }

    /// Freezes the values: each node's values in insertion order, repeats left out (values
    /// arrive in increasing order per node, so repeats are adjacent).
    func finish() {
        values = FlatBuckets(pending, count: Int(nodeCount))
        pending = []
    }

    /// The child of `node` along the label with id `label` (negative: no such label).
    @inline(__always)
    func child(_ node: Node, _ label: Int32) -> Node? {
        label < 0 ? nil : edges[Self.edge(node, label)]
    }

    /// The child of `node` along `label`.
    func child(_ node: Node, _ label: String) -> Node? {
        child(node, labels.id(label))
    }

    /// The values stored at `node`.
    @inline(__always)
    func values(at node: Node) -> ArraySlice<Int32> {
        values[Int(node)]
    }

    /// Number of edges, for memory reports.
    var edgeCount: Int { edges.count }

    /// The edge table's key of the edge from `parent` along `label`.
    @inline(__always)
    private static func edge(_ parent: Node, _ label: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: parent)) << 32 | UInt64(UInt32(bitPattern: label))
    }
}

extension UnitTrie {
    /// Whether every value is in `0..<limit`.
    func allValues(below limit: Int32) -> Bool { values.allValues(below: limit) }

    /// Writes the finished trie.
    func encode(into writer: inout SnapshotWriter) {
        edges.encode(into: &writer)
        writer.integer(nodeCount)
        values.encode(into: &writer)
    }

    /// A finished trie read back from a snapshot, checked so that every edge leads to a node
    /// that has values.
    convenience init(decoding reader: inout SnapshotReader, labels: LabelTable) throws(LexiconSnapshot.Failure) {
        self.init(labels: labels)
        edges = try IntegerTable(decoding: &reader)
        nodeCount = try reader.integer()
        values = try FlatBuckets(decoding: &reader)
        guard nodeCount >= 1, values.count == Int(nodeCount), edges.allValues(in: 1..<nodeCount) else {
            throw .damaged("trie nodes out of range")
        }
    }
}
