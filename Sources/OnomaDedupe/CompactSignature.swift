import Foundation
import OnomaLexicon

/// The forms in which a `StoryIndex` stores signatures, a few bytes each:
///
/// - MinHash values keep their low `valueBits` bits (the low bits of a minimum are uniform; its
///   high bits are mostly zero), and `similarity(_:_:)` takes out the agreements expected by
///   chance, 1 in 2^valueBits positions (b-bit minwise hashing, Li and König 2010). At 8 bits,
///   128 permutations take 128 bytes instead of 1 KB, and the estimate's standard deviation at
///   the default threshold 0.35 grows from 0.0422 to 0.0424. On wmt21-de-fr, added in two
///   batches, the clusters are those of the full 64-bit values in one run.
/// - LSH band keys keep 32 bits, stored as a signed 32-bit integer (4 bytes in SQLite). Keys that
///   agree by chance only add candidates, which the MinHash verification then rejects.
/// - Fingerprint features become 32-bit hashes of their text; a document's list of them is Rice
///   coded.
/// - Lists of increasing document numbers are LEB128 varints of their differences.
/// - A document id (any length) is found through a 32-bit hash of it.
enum CompactSignature {
    /// Bits kept of each MinHash value.
    static let valueBits = 8
    private static let valueBytes = valueBits / 8

    /// `minHash` as the index compares it: each value cut to its low `valueBits` bits.
    static func truncated(_ minHash: [UInt64]) -> [UInt64] {
        let mask: UInt64 = (1 << UInt64(valueBits)) - 1
        return minHash.map { $0 & mask }
    }

    /// The truncated values, little-endian, `valueBits / 8` bytes each.
    static func encode(minHash: [UInt64]) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(minHash.count * valueBytes)
        for value in minHash {
            for byte in 0..<valueBytes { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(8 * byte))) }
        }
        return Data(bytes)
    }

    /// The estimated Jaccard similarity of two truncated signatures: the share of agreeing
    /// positions, less the agreements expected by chance (b-bit minwise hashing).
    static func similarity(_ a: [UInt64], _ b: [UInt64]) -> Double {
        let chance = 1 / Double(1 << valueBits)
        return max(0, (MinHash.similarity(a, b) - chance) / (1 - chance))
    }

    /// The values `encode(minHash:)` stored (already truncated).
    static func decode(minHash data: Data) -> [UInt64] {
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - valueBytes + 1, by: valueBytes).map { start in
            (0..<valueBytes).reduce(UInt64(0)) { $0 | UInt64(bytes[start + $1]) << UInt64(8 * $1) }
        }
    }

    /// A band key as the index stores it: its low 32 bits, signed.
    static func bandKey(_ key: UInt64) -> Int64 {
        Int64(Int32(truncatingIfNeeded: key))
    }

    /// The 32-bit hashes under which the index keeps the fingerprint's features, sorted, without
    /// repeats: of each feature's text as `Fingerprint.features` spells it ("e:Q1"), built one at
    /// a time (mostly a small string, not allocated).
    static func featureHashes(_ fingerprint: Fingerprint) -> [UInt32] {
        var hashes: [UInt32] = []
        hashes.reserveCapacity(fingerprint.entities.count + fingerprint.numbers.count + fingerprint.names.count)
        for (kind, values) in fingerprint.kinds {
            for value in values {
                var text = kind + value
                hashes.append(UInt32(truncatingIfNeeded: text.withUTF8 { FeatureHash.hash(UnsafeRawBufferPointer($0)) }))
            }
        }
        hashes.sort()
        return hashes.withoutAdjacentRepeats()
    }

    /// The 32-bit hash under which the index finds a document id.
    static func nameHash(_ name: String) -> Int64 {
        Int64(Int32(truncatingIfNeeded: FeatureHash.hash(Array(name.utf8))))
    }

    /// Sorted feature hashes as Rice codes of their differences: a byte with the parameter k,
    /// then per difference its quotient by 2^k in unary (ones and a zero) and its k low bits,
    /// padded with ones. A fingerprint of 50 features takes about 3.6 bytes a feature, not 4.
    static func encode(features: [UInt32]) -> Data {
        guard !features.isEmpty else { return Data() }
        let gaps = zip(features, [0] + features).map { UInt64($0 - $1) }
        // The first k of 0..<32 with the fewest bits. The cost is convex in k (from k to k + 1
        // it changes by n - Σ ⌈(gap >> k) / 2⌉, which does not decrease), so the walk from the
        // estimate log2(mean gap) finds it in a few steps.
        func cost(_ k: Int) -> Int { gaps.reduce(0) { $0 + Int($1 >> UInt64(k)) } + k * gaps.count }
        func rising(_ k: Int) -> Bool { cost(k + 1) >= cost(k) }
        let mean = UInt64(features.last!) / UInt64(gaps.count)
        var k = mean == 0 ? 0 : min(31, 63 - mean.leadingZeroBitCount)
        while k > 0, rising(k - 1) { k -= 1 }
        while k < 31, !rising(k) { k += 1 }
        var writer = BitWriter()
        for gap in gaps {
            var ones = gap >> UInt64(k)
            while ones > 0 {
                let run = min(ones, 32)
                writer.append((1 << run) - 1, bits: Int(run))
                ones -= run
            }
            writer.append(0, bits: 1)
            writer.append(gap, bits: k)
        }
        return Data([UInt8(k)]) + writer.finish()
    }

    static func decode(features data: Data) -> [UInt32] {
        guard let k = data.first else { return [] }
        let bytes = [UInt8](data.dropFirst())
        var position = 0
        func bit() -> UInt64? {
            guard position < bytes.count * 8 else { return nil }
            defer { position += 1 }
            return UInt64(bytes[position >> 3] >> UInt8(7 - position & 7)) & 1
        }
        var features: [UInt32] = []
        var last: UInt64 = 0
        while true {
            var quotient: UInt64 = 0, terminated = false
            while let next = bit() {
                if next == 0 { terminated = true; break }
                quotient += 1
            }
            // Only the padding ends without a zero.
            guard terminated, bytes.count * 8 - position >= Int(k) else { break }
            var remainder: UInt64 = 0
            for _ in 0..<k { remainder = remainder << 1 | bit()! }
            last += quotient << UInt64(k) | remainder
            features.append(UInt32(truncatingIfNeeded: last))
        }
        return features
    }

    /// Increasing document numbers (from 1) as varints of their differences, the first from 0.
    static func encode(documents: [Int64]) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(documents.count * 2)
        var last: Int64 = 0
        for document in documents {
            var delta = UInt64(document - last)
            last = document
            while delta >= 0x80 {
                bytes.append(UInt8(delta & 0x7F) | 0x80)
                delta >>= 7
            }
            bytes.append(UInt8(delta))
        }
        return Data(bytes)
    }

    /// `documents`, all after those of a stored list, encoded to be appended to it: a 0 byte
    /// (never a difference) starts the differences from 0 again, so the stored list's last
    /// number need not be known.
    static func encode(appending documents: [Int64]) -> Data {
        Data([0]) + encode(documents: documents)
    }

    static func decode(documents data: Data) -> [Int64] {
        var documents: [Int64] = []
        var last: Int64 = 0, delta: UInt64 = 0, shift: UInt64 = 0
        for byte in data {
            delta |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 != 0 { shift += 7; continue }
            if delta == 0 {
                last = 0
            } else {
                last += Int64(delta)
                documents.append(last)
            }
            delta = 0
            shift = 0
        }
        return documents
    }
}

/// Bits written most significant first into bytes.
private struct BitWriter {
    private var bytes: [UInt8] = []
    /// The bits not yet in `bytes`: the low `pending` bits of `buffer`, the first one highest.
    private var buffer: UInt64 = 0
    private var pending = 0

    /// Appends the low `bits` bits of `value` (at most 32), the highest first.
    mutating func append(_ value: UInt64, bits: Int) {
        buffer = buffer << UInt64(bits) | value & ((1 << UInt64(bits)) - 1)
        pending += bits
        while pending >= 8 {
            pending -= 8
            bytes.append(UInt8(truncatingIfNeeded: buffer >> UInt64(pending)))
        }
    }

    /// The bytes, the last one padded with ones.
    mutating func finish() -> Data {
        if pending > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer << UInt64(8 - pending)) | UInt8(0xFF >> pending)) }
        return Data(bytes)
    }
}
