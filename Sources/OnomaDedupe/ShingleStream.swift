/// The text that shingles are cut from: a document's folded words, entity ids ("⟨Q61⟩") and
/// number values ("#12000") joined by single spaces, written as UTF-8 into one buffer that
/// `FeatureExtractor` reuses from one document to the next, without a `String` per item.
///
///     var stream = ShingleStream()
///     stream.append(entity: "Q61")
///     stream.append(word: 0..<7, of: Array("visited".utf8))
///     stream.shingles(size: 5, into: &sink)   // adds hashes of "⟨Q61⟩", "Q61⟩ ", …, "isited"
///
/// Copies of a stream share its buffer: one stream per extractor.
struct ShingleStream {
    /// The stream is the first `count` bytes of the storage, which only grows, by doubling at
    /// least, and keeps room for the eight bytes of padding that `shingles` writes after the
    /// stream. Not an array: its uniqueness was checked at every word written.
    private var storage = Storage(capacity: 0)
    private var count = 0
    private var items = 0
    private static let opening: [UInt8] = [0xE2, 0x9F, 0xA8]  // ⟨
    private static let closing: [UInt8] = [0xE2, 0x9F, 0xA9]  // ⟩
    private static let numberSign: [UInt8] = [UInt8(ascii: "#")]

    /// Empties the stream, keeping its buffers.
    mutating func removeAll() {
        count = 0
        items = 0
    }

    /// Appends the word at `range` of `text` (UTF-8 bytes) as it is.
    mutating func append(word range: Range<Int>, of text: [UInt8]) {
        text.withUnsafeBufferPointer { write(UnsafeBufferPointer(rebasing: $0[range]), startsItem: true) }
    }

    /// Appends the word at `range` of `text` (UTF-8 bytes) lowercased when it is ASCII (its
    /// `Folding.matchKey`); returns false and appends nothing otherwise.
    mutating func append(asciiLowercased range: Range<Int>, of text: [UInt8]) -> Bool {
        text.withUnsafeBytes { text in
            writeASCIILowercased(text.baseAddress! + range.lowerBound, count: range.count, readable: text.count &- range.lowerBound)
        }
    }

    /// Appends an entity id as "⟨id⟩".
    mutating func append(entity: String) {
        var entity = entity
        Self.opening.withUnsafeBufferPointer { write($0, startsItem: true) }
        entity.withUTF8 { write($0, startsItem: false) }
        Self.closing.withUnsafeBufferPointer { write($0, startsItem: false) }
    }

    /// Appends a number in canonical form as "#value".
    mutating func append(number: String) {
        var number = number
        Self.numberSign.withUnsafeBufferPointer { write($0, startsItem: true) }
        number.withUTF8 { write($0, startsItem: false) }
    }

    /// Writes `piece` at the end, after a space when it starts an item that is not the first.
    /// Writes into the storage directly: appending to an array per word cost more than the
    /// word's own bytes.
    private mutating func write(_ piece: UnsafeBufferPointer<UInt8>, startsItem: Bool) {
        reserve(piece.count &+ 1)
        var end = count
        let bytes = storage.bytes
        if startsItem && items > 0 {
            bytes.storeBytes(of: 0x20, toByteOffset: end, as: UInt8.self)
            end &+= 1
        }
        if let source = piece.baseAddress {
            (bytes + end).copyMemory(from: source, byteCount: piece.count)
            end &+= piece.count
        }
        count = end
        if startsItem { items += 1 }
    }

    /// Writes the `count` bytes at `word` as an item (`write`), ASCII capitals lowercased, when
    /// they are ASCII; else writes nothing and returns false. Eight bytes at a time: `readable`
    /// bytes from `word` on may be read.
    private mutating func writeASCIILowercased(_ word: UnsafeRawPointer, count: Int, readable: Int) -> Bool {
        reserve(count &+ 1)
        var end = self.count
        let separated = items > 0
        if separated {
            storage.bytes.storeBytes(of: 0x20, toByteOffset: end, as: UInt8.self)
            end &+= 1
        }
        // The storage keeps eight bytes after the word's end: every eight-byte store fits.
        let ascii = Self.lowercaseASCII(word, count: count, readable: readable, to: storage.bytes + end)
        end &+= count
        guard ascii else { return false }
        self.count = end
        items += 1
        return true
    }

    /// Writes the `count` bytes at `word` to `target` (with room for eight bytes more), ASCII
    /// capitals lowercased; returns whether they are ASCII. `readable` bytes from `word` on may
    /// be read.
    @inline(__always)
    private static func lowercaseASCII(_ word: UnsafeRawPointer, count: Int, readable: Int, to target: UnsafeMutableRawPointer) -> Bool {
        // Most words have at most eight bytes: one load, one test, one store.
        if count > 0, count <= 8, readable >= 8 {
            let eight = word.loadUnaligned(as: UInt64.self) & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- 8 &* count))
            target.storeBytes(of: asciiLowercased(eight), as: UInt64.self)
            return eight & 0x8080_8080_8080_8080 == 0
        }
        var all: UInt64 = 0, offset = 0
        while offset < count {
            var eight: UInt64 = 0
            if readable &- offset >= 8 {
                eight = word.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            } else {
                withUnsafeMutableBytes(of: &eight) { $0.copyMemory(from: UnsafeRawBufferPointer(start: word + offset, count: readable &- offset)) }
            }
            let left = count &- offset
            if left < 8 { eight &= (1 &<< UInt64(8 &* left)) &- 1 }
            all |= eight
            target.storeBytes(of: asciiLowercased(eight), toByteOffset: offset, as: UInt64.self)
            offset &+= 8
        }
        return all & 0x8080_8080_8080_8080 == 0
    }

    /// Eight bytes (little-endian) with the ASCII capitals among them lowercased: a byte below
    /// 0x80 is a capital when adding 0x3F sets its high bit and adding 0x25 does not (no carry
    /// crosses bytes, their high bits cleared first).
    @inline(__always)
    private static func asciiLowercased(_ eight: UInt64) -> UInt64 {
        let highs: UInt64 = 0x8080_8080_8080_8080
        let low = eight & ~highs
        let capitals = (low &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(low &+ 0x2525_2525_2525_2525) & ~eight & highs
        return eight | capitals &>> 2
    }

    /// Makes room for `bytes` more bytes and the padding after them.
    @inline(__always)
    private mutating func reserve(_ bytes: Int) {
        let needed = count &+ bytes &+ 8
        if needed > storage.capacity { grow(to: needed) }
    }

    private mutating func grow(to needed: Int) {
        let larger = Storage(capacity: Swift.max(needed, 2 * storage.capacity))
        larger.bytes.copyMemory(from: storage.bytes, byteCount: count)
        storage = larger
    }

    /// Bytes allocated once and freed with their owner; a larger storage replaces a full one.
    private final class Storage {
        let bytes: UnsafeMutableRawPointer
        let capacity: Int

        init(capacity: Int) {
            bytes = .allocate(byteCount: capacity, alignment: 8)
            bytes.initializeMemory(as: UInt8.self, repeating: 0, count: capacity)
            self.capacity = capacity
        }

        deinit { bytes.deallocate() }
    }

    /// Adds the hashed character n-grams of `size` characters to `sink`, in order, with repeats
    /// (MinHash ignores them); a stream shorter than `size` characters is one shingle, an empty
    /// one none. Straight into the sink: no array of a document's shingles is made and read again.
    ///
    /// The window moves a character at a time over the bytes; eight zero bytes after the stream
    /// let `FeatureHash` read a shingle's last word in one load, and are a character start that
    /// ends the last window. Between multi-byte characters (entity brackets, accented letters)
    /// the window is `size` bytes and moves a byte at a time, in a loop of its own: most
    /// streams are ASCII for the most part, and without a lexicon often entirely.
    mutating func shingles<Sink: ShingleSink>(size: Int, into sink: inout Sink) {
        let count = self.count
        reserve(0)
        storage.bytes.storeBytes(of: 0, toByteOffset: count, as: UInt64.self)
        let padded = UnsafeRawBufferPointer(start: storage.bytes, count: count &+ 8)
        // Windows of `size` ASCII bytes are hashed with their mask and length made once
        // when `size` is below 8, as the default 5 is: a loop of its own for each case.
        if let short = FeatureHash.Short(count: size) {
            Self.shingles(padded, count: count, size: size, sizeBytes: short, into: &sink)
        } else {
            Self.shingles(padded, count: count, size: size, sizeBytes: FeatureHash.Sized(count: size), into: &sink)
        }
    }

    /// `shingles(size:into:)` of the `count` bytes of `padded` (eight zero bytes after them),
    /// with `sizeBytes` hashing `size` bytes.
    private static func shingles<Sink: ShingleSink, Hash: FixedLengthHash>(
        _ padded: UnsafeRawBufferPointer, count: Int, size: Int, sizeBytes: Hash, into result: inout Sink
    ) {
        // The sink in a local variable, which the loops can keep in registers.
        var local = result
        defer { result = local }
        let base = padded.baseAddress!
        func isStart(_ offset: Int) -> Bool { padded[offset] & 0xC0 != 0x80 }
        let characters = Self.characterStarts(base, count: count)
        guard characters > 0 else { return }
        guard characters >= size else { return local.add(FeatureHash.hash(padded: base, count: count)) }
        let windows = characters - size + 1
        if characters == count {
            addWindows(base, count: windows, sizeBytes: sizeBytes, into: &local)
            return
        }
        // The window [low, high) of `size` characters.
        var low = 0, high = 0
        for _ in 0..<size {
            high &+= 1
            while !isStart(high) { high &+= 1 }
        }
        var window = 0
        while true {
            if high &- low == size {
                // An ASCII window: it moves a byte at a time until its end reaches the
                // next multi-byte character (at `end`) or the stream's end. `end` is found
                // eight bytes at a time (the padding is zeros, ASCII).
                var end = high
                while end < count {
                    let highBits = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: end, as: UInt64.self)) & 0x8080_8080_8080_8080
                    if highBits != 0 {
                        end &+= highBits.trailingZeroBitCount &>> 3
                        break
                    }
                    end &+= 8
                }
                end = Swift.min(end, count)
                let run = Swift.min(end &- high &+ 1, windows &- window)
                addWindows(base + low, count: run, sizeBytes: sizeBytes, into: &local)
                window &+= run
                if window == windows { break }
                low &+= run
                high = end
            } else {
                local.add(FeatureHash.hash(padded: base + low, count: high &- low))
                window &+= 1
                if window == windows { break }
                low &+= 1
                while !isStart(low) { low &+= 1 }
            }
            high &+= 1
            while !isStart(high) { high &+= 1 }
        }
    }

    /// Adds the hashes of the `count` windows of ASCII bytes that start at `base` and the
    /// `count - 1` bytes after it. Two windows per turn of the loop: its own instructions were
    /// three of the twenty-one a window took.
    @inline(__always)
    private static func addWindows<Sink: ShingleSink, Hash: FixedLengthHash>(
        _ base: UnsafeRawPointer, count: Int, sizeBytes: Hash, into sink: inout Sink
    ) {
        var window = 0
        while window &+ 2 <= count {
            sink.add(sizeBytes(padded: base + window))
            sink.add(sizeBytes(padded: base + (window &+ 1)))
            window &+= 2
        }
        if window < count { sink.add(sizeBytes(padded: base + window)) }
    }

    /// The number of bytes that start a character among the `count` bytes at `bytes` (which
    /// are followed by eight readable bytes): all but the continuation bytes (10xxxxxx), counted
    /// eight at a time.
    private static func characterStarts(_ bytes: UnsafeRawPointer, count: Int) -> Int {
        var continuations = 0, offset = 0
        while offset < count {
            var word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            if count &- offset < 8 { word &= (1 &<< (8 &* UInt64(truncatingIfNeeded: count &- offset))) &- 1 }
            continuations &+= continuationBytes(in: word)
            offset &+= 8
        }
        return count &- continuations
    }

    /// The number of continuation bytes (10xxxxxx) among the eight bytes of `word`: a one in
    /// the low bit of each, summed into the top byte by a multiplication (`nonzeroBitCount`
    /// took some twenty instructions: the baseline x86-64 has no popcount instruction).
    @inline(__always)
    private static func continuationBytes(in word: UInt64) -> Int {
        let ones = (word & ~(word &<< 1) & 0x8080_8080_8080_8080) &>> 7
        return Int(truncatingIfNeeded: (ones &* 0x0101_0101_0101_0101) &>> 56)
    }
}

/// What receives a document's shingle hashes one at a time (`ShingleStream.shingles`).
protocol ShingleSink {
    mutating func add(_ shingle: UInt64)
}

/// What adds a document's hashed features to a sink, one at a time (`MinHash.signature(of:)`).
protocol FeatureSource {
    mutating func addFeatures<Sink: ShingleSink>(to sink: inout Sink)
}

extension Array: FeatureSource where Element == UInt64 {
    func addFeatures<Sink: ShingleSink>(to sink: inout Sink) {
        for feature in self { sink.add(feature) }
    }
}

extension ShingleStream {
    /// The shingles of `size` characters of a stream, as a `FeatureSource`.
    struct Shingles: FeatureSource {
        var stream: ShingleStream
        let size: Int

        mutating func addFeatures<Sink: ShingleSink>(to sink: inout Sink) {
            stream.shingles(size: size, into: &sink)
        }
    }
}

/// `FeatureHash.hash(padded:count:)` of one `count` at every call.
protocol FixedLengthHash {
    func callAsFunction(padded bytes: UnsafeRawPointer) -> UInt64
}

extension FeatureHash.Short: FixedLengthHash {}
extension FeatureHash.Sized: FixedLengthHash {}
