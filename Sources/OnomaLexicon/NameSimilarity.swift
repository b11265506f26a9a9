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
    /// are kept: memory grows with `y`'s length, not with the product of both.
    static func weightedDistance(_ x: [UInt8], _ y: [UInt8]) -> Double {
        let width = y.count + 1
        // Row i of the table lives at (i % 3) * width.
        var rows = [Double](repeating: 0, count: 3 * width)
        for j in 1...y.count { rows[j] = rows[j - 1] + indelCost(y[j - 1]) }
        for i in 1...x.count {
            let row = (i % 3) * width, last = ((i - 1) % 3) * width, beforeLast = ((i + 1) % 3) * width
            rows[row] = rows[last] + indelCost(x[i - 1])
            for j in 1...y.count {
                var best = min(rows[last + j - 1] + substitutionCost(x[i - 1], y[j - 1]),
                               rows[last + j] + indelCost(x[i - 1]),
                               rows[row + j - 1] + indelCost(y[j - 1]))
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1], x[i - 1] != x[i - 2] {
                    best = min(best, rows[beforeLast + j - 2] + 1)
                }
                rows[row + j] = best
            }
        }
        return rows[(x.count % 3) * width + y.count]
    }

    private static func indelCost(_ c: UInt8) -> Double {
        NameKeyRule.isVowel(c) || c == UInt8(ascii: "h") ? 0.5 : 1
    }

    private static func substitutionCost(_ a: UInt8, _ b: UInt8) -> Double {
        if a == b { return 0 }
        if NameKeyRule.isVowel(a) && NameKeyRule.isVowel(b) { return 0.4 }
        if let classA = NameKeyMaker.soundClass(a), classA == NameKeyMaker.soundClass(b) { return 0.4 }
        return 1
    }
}
