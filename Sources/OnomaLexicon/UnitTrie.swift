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
    @exclusivity(unchecked) private var edges = EdgeTable()
    private var nodeCount: Int32 = 1
    /// While building: (node, value) pairs in insertion order.
    private var pending: [(bucket: Int32, value: Int32)] = []
    /// After `finish()`: the values of each node.
    @exclusivity(unchecked) private var values = FlatBuckets()

    init(labels: LabelTable) {
        self.labels = labels
    }

    /// Adds `value` at the end of the path `path` (label ids, none negative).
    func insert(_ path: [Int32], value: Int32) {
        var node = Self.root
        for label in path {
            if let next = edges[node, label] {
                node = next
            } else {
                edges[node, label] = nodeCount
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
        label < 0 ? nil : edges[node, label]
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
}

/// An open-addressing hash table from (node, label) to node, with a multiplicative hash: the
/// keys are small integers, so no seeded string hashing is needed. A slot holds its key and
/// node together, so that a probe reads one cache line.
private struct EdgeTable {
    private struct Slot {
        var key = EdgeTable.empty
        var node: Int32 = 0
    }

    private static let empty = UInt64.max
    private var slots = [Slot](repeating: Slot(), count: 16)
    private(set) var count = 0

    @inline(__always)
    private static func key(_ parent: Int32, _ label: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: parent)) << 32 | UInt64(UInt32(bitPattern: label))
    }

    @inline(__always)
    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    subscript(parent: Int32, label: Int32) -> Int32? {
        get {
            let key = Self.key(parent, label)
            let mask = slots.count - 1
            var index = Self.slot(key, mask: mask)
            while true {
                let found = slots[index]
                if found.key == key { return found.node }
                if found.key == Self.empty { return nil }
                index = (index + 1) & mask
            }
        }
        set {
            guard let newValue else { preconditionFailure("edges are never removed") }
            if (count + 1) * 2 > slots.count { grow() }
            let key = Self.key(parent, label)
            let mask = slots.count - 1
            var index = Self.slot(key, mask: mask)
            while slots[index].key != Self.empty && slots[index].key != key { index = (index + 1) & mask }
            if slots[index].key == Self.empty { count += 1 }
            slots[index] = Slot(key: key, node: newValue)
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.key != Self.empty {
            var index = Self.slot(slot.key, mask: mask)
            while slots[index].key != Self.empty { index = (index + 1) & mask }
            slots[index] = slot
        }
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
        edges = try EdgeTable(decoding: &reader)
        nodeCount = try reader.integer()
        values = try FlatBuckets(decoding: &reader)
        guard nodeCount >= 1, values.count == Int(nodeCount), edges.allNodes(below: nodeCount) else {
            throw .damaged("trie nodes out of range")
        }
    }
}

extension EdgeTable {
    func encode(into writer: inout SnapshotWriter) {
        writer.integer(Int32(MemoryLayout<Slot>.stride))
        writer.array(slots)
    }

    init(decoding reader: inout SnapshotReader) throws(LexiconSnapshot.Failure) {
        guard try reader.integer(Int32.self) == MemoryLayout<Slot>.stride else { throw .foreign("its tries have another layout") }
        slots = try reader.array()
        count = slots.count { $0.key != Self.empty }
        guard slots.count.nonzeroBitCount == 1, count * 2 <= slots.count else { throw .damaged("trie edge table is full or misshapen") }
    }

    /// Whether every edge leads to a node in `1..<nodeCount`.
    func allNodes(below nodeCount: Int32) -> Bool {
        slots.allSatisfy { $0.key == Self.empty || (1..<nodeCount).contains($0.node) }
    }
}
