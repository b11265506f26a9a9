/// Writes the sections of a compiled lexicon (see `LexiconSnapshot`): integers, arrays of
/// plain values copied as they lie in memory, and strings as one UTF-8 blob with their lengths.
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []

    /// A writer whose bytes start with `prefix`.
    init(prefix: [UInt8] = []) {
        bytes = prefix
    }

    mutating func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Writes `value` over the integer written at `offset` (a value known only later).
    mutating func replaceInteger<T: FixedWidthInteger>(at offset: Int, with value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<(offset + $0.count), with: $0) }
    }

    /// The count, then the values' bytes (native layout: the header records the layout).
    mutating func array<T: BitwiseCopyable>(_ values: [T]) {
        integer(Int64(values.count))
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// The count, each string's UTF-8 length, then all their bytes.
    mutating func strings(_ values: [String]) {
        array(values.map { Int32($0.utf8.count) })
        for value in values { bytes.append(contentsOf: value.utf8) }
    }
}

/// Reads what `SnapshotWriter` wrote. Every read checks that the bytes are there, so a
/// truncated or damaged file is an error, never a crash.
struct SnapshotReader {
    private let bytes: [UInt8]
    private var offset: Int

    init(_ bytes: [UInt8], from offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }

    /// Bytes not read yet.
    var remaining: Int { bytes.count - offset }

    mutating func integer<T: FixedWidthInteger>(_: T.Type = T.self) throws(LexiconSnapshot.Failure) -> T {
        let size = MemoryLayout<T>.size
        guard bytes.count - offset >= size else { throw .damaged("ends inside a number at byte \(offset)") }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
        offset += size
        return T(littleEndian: value)
    }

    /// A count written by `integer`, checked to be in `0...limit`.
    mutating func count(atMost limit: Int) throws(LexiconSnapshot.Failure) -> Int {
        let count = try integer(Int64.self)
        guard count >= 0, count <= limit else { throw .damaged("count \(count) at byte \(offset - 8) is out of range") }
        return Int(count)
    }

    mutating func array<T: BitwiseCopyable>(_: T.Type = T.self) throws(LexiconSnapshot.Failure) -> [T] {
        let stride = MemoryLayout<T>.stride
        let count = try count(atMost: (bytes.count - offset) / max(stride, 1))
        let start = offset
        offset += count * stride
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[start..<(start + count * stride)]))
            }
            initialized = count
        }
    }

    mutating func strings() throws(LexiconSnapshot.Failure) -> [String] {
        let lengths = try array(Int32.self)
        var strings: [String] = []
        strings.reserveCapacity(lengths.count)
        for length in lengths {
            let length = Int(length)
            guard length >= 0, bytes.count - offset >= length else { throw .damaged("ends inside a string at byte \(offset)") }
            strings.append(String(decoding: bytes[offset..<(offset + length)], as: UTF8.self))
            offset += length
        }
        return strings
    }

    /// An array of positions in a table of `count` items, each checked to be one.
    mutating func positions<T: FixedWidthInteger & BitwiseCopyable>(_: T.Type, below count: Int, of what: String) throws(LexiconSnapshot.Failure) -> [T] {
        let values = try array(T.self)
        guard values.allSatisfy({ $0 >= 0 && Int($0) < count }) else { throw .damaged("\(what) out of range") }
        return values
    }
}
