/// An open-addressing hash table from 64-bit integers (trie edges, hashed blocking keys) to
/// small integers, with a multiplicative hash: no seeded hashing, and a slot holds its key and
/// value together, so that a probe reads one cache line. `UInt64.max` cannot be a key.
struct IntegerTable {
    private struct Slot {
        var key = IntegerTable.empty
        var value: Int32 = 0
        /// Fills the stride, so that the bytes a snapshot copies are all set (no padding left
        /// uninitialised: the same lexicon compiles to the same bytes).
        var unused: Int32 = 0
    }

    private static let empty = UInt64.max
    private var slots = [Slot](repeating: Slot(), count: 16)
    private(set) var count = 0

    init() {}

    @inline(__always)
    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The value of `key`; set only, never removed.
    subscript(key: UInt64) -> Int32? {
        get {
            let mask = slots.count - 1
            var index = Self.slot(key, mask: mask)
            while true {
                let found = slots[index]
                if found.key == key { return found.value }
                if found.key == Self.empty { return nil }
                index = (index + 1) & mask
            }
        }
        set {
            guard let newValue else { preconditionFailure("keys are never removed") }
            precondition(key != Self.empty, "UInt64.max is not a key")
            if (count + 1) * 2 > slots.count { grow() }
            let mask = slots.count - 1
            var index = Self.slot(key, mask: mask)
            while slots[index].key != Self.empty && slots[index].key != key { index = (index + 1) & mask }
            if slots[index].key == Self.empty { count += 1 }
            slots[index] = Slot(key: key, value: newValue)
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

    /// Whether every value is in `range`.
    func allValues(in range: Range<Int32>) -> Bool {
        slots.allSatisfy { $0.key == Self.empty || range.contains($0.value) }
    }

    func encode(into writer: inout SnapshotWriter) {
        writer.integer(Int32(MemoryLayout<Slot>.stride))
        writer.array(slots)
    }

    /// A table read back from a snapshot, checked so that every probe ends (a free slot remains).
    init(decoding reader: inout SnapshotReader) throws(LexiconSnapshot.Failure) {
        guard try reader.integer(Int32.self) == MemoryLayout<Slot>.stride else { throw .foreign("its tables have another layout") }
        slots = try reader.array()
        count = slots.count { $0.key != Self.empty }
        guard slots.count.nonzeroBitCount == 1, count * 2 <= slots.count else { throw .damaged("a table is full or misshapen") }
    }
}
