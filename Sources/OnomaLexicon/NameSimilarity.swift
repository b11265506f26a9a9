/// How alike two name keys are, in 0...1: a weighted edit distance in which the differences
/// transliteration makes are cheap (one vowel for another, consonants of one sound class such
/// as z/s/j or l/r, a dropped vowel or h) and other edits cost 1.
///
///     NameSimilarity.score("sirski", "sirski")   // 1.0
///     NameSimilarity.score("kev", "kiv")         // 0.87 (Kiev, Kyiv)
///     NameSimilarity.score("jelenski", "zelenski") // 0.95 (젤렌스키, Zelensky)
public enum NameSimilarity {
    /// The similarity of two keys (spaces ignored). Keys shorter than four letters get no edit
    /// budget beyond vowel changes: short names are too easily confused.
    ///
    /// - Complexity: O(m·n).
    public static func score(_ a: String, _ b: String) -> Double {
        let x = Array(a.utf8.filter { $0 != UInt8(ascii: " ") })
        let y = Array(b.utf8.filter { $0 != UInt8(ascii: " ") })
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        if x == y { return 1 }
        let distance = weightedDistance(x, y)
        if min(x.count, y.count) < 4 && distance >= 1 { return 0 }
        return max(0, 1 - distance / Double(max(x.count, y.count)))
    }

    /// Weighted optimal-string-alignment distance: Levenshtein with the costs above, plus
    /// swapping two neighbouring letters for 1 (Zelenksy, Zelensky). Only three rows of the table
    /// are kept: memory grows with `y`'s length, not with the product of both. Costs come from
    /// two byte tables read once per call, the rows through unsafe buffers: about 70
    /// instructions a cell before, through the cost functions' switches and bounds checks.
    static func weightedDistance(_ x: [UInt8], _ y: [UInt8]) -> Double {
        let width = y.count + 1
        // Row i of the table lives at (i % 3) * width.
        var rows = [Double](repeating: 0, count: 3 * width)
        let indel = indelCosts, group = substitutionGroups
        return indel.withUnsafeBufferPointer { indel in
            group.withUnsafeBufferPointer { group in
                x.withUnsafeBufferPointer { x in
                    y.withUnsafeBufferPointer { y in
                        rows.withUnsafeMutableBufferPointer { rows in
                            for j in 1...y.count { rows[j] = rows[j - 1] + indel[Int(y[j - 1])] }
                            for i in 1...x.count {
                                let row = (i % 3) * width, last = ((i - 1) % 3) * width, beforeLast = ((i + 1) % 3) * width
                                let a = x[i - 1], deleteA = indel[Int(a)], groupA = group[Int(a)]
                                rows[row] = rows[last] + deleteA
                                for j in 1...y.count {
                                    let b = y[j - 1]
                                    let substitution: Double = a == b ? 0 : groupA != 0 && groupA == group[Int(b)] ? 0.4 : 1
                                    var best = min(rows[last + j - 1] + substitution,
                                                   rows[last + j] + deleteA,
                                                   rows[row + j - 1] + indel[Int(b)])
                                    if i > 1, j > 1, a == y[j - 2], x[i - 2] == b, a != x[i - 2] {
                                        best = min(best, rows[beforeLast + j - 2] + 1)
                                    }
                                    rows[row + j] = best
                                }
                            }
                            return rows[(x.count % 3) * width + y.count]
                        }
                    }
                }
            }
        }
    }

    /// The cost of inserting or deleting each byte: 0.5 for a vowel or h, else 1.
    private static let indelCosts: [Double] = (0...255).map { NameKeyRule.isVowel(UInt8($0)) || $0 == Int(UInt8(ascii: "h")) ? 0.5 : 1 }

    /// Each byte's substitution group: two different bytes of one nonzero group cost 0.4 to
    /// substitute (vowels, or consonants of one sound class), others 1. Digits are their own
    /// sound class, so they share a group with no other byte: 0.
    private static let substitutionGroups: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        if NameKeyRule.isVowel(byte) { return 1 }
        guard let soundClass = NameKeyMaker.soundClass(byte), !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return 0 }
        return soundClass
    }
}
