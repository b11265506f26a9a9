import Foundation

/// How a MinHash signature is cut into bands for locality-sensitive hashing: `bands` bands of
/// `rows` positions each. Two documents become candidates when any band agrees entirely, which
/// happens with probability 1 - (1 - s^rows)^bands at Jaccard similarity s.
///
///     LSHParameters(threshold: 0.5, permutations: 128)   // bands and rows that minimise the
///                                                         // false positive and negative areas
public struct LSHParameters: Sendable, Hashable, CustomStringConvertible {
    public let bands: Int
    public let rows: Int

    /// Explicit bands and rows; `bands * rows` must not exceed the permutations.
    public init(bands: Int, rows: Int, permutations: Int) throws(DedupeError) {
        guard bands > 0, rows > 0 else { throw DedupeError("bands and rows must be at least 1, got \(bands) and \(rows)") }
        guard bands * rows <= permutations else {
            throw DedupeError("bands × rows = \(bands * rows) exceeds the \(permutations) permutations; lower --bands or --rows, or raise --permutations")
        }
        self.bands = bands
        self.rows = rows
    }

    /// The bands and rows that minimise the weighted sum of the false-positive area (below the
    /// threshold) and the false-negative area (above it), as datasketch's MinHashLSH does.
    public init(threshold: Double, permutations: Int, falsePositiveWeight: Double = 0.5) throws(DedupeError) {
        guard threshold > 0, threshold < 1 else { throw DedupeError("the Jaccard threshold must be between 0 and 1 (exclusive), got \(threshold)") }
        // s^rows at the sample points of both areas, for every rows, computed once rather than
        // for every (bands, rows): `pow` was a sixth of the instructions of a one-document run.
        let below = Samples(from: 0, to: threshold, permutations: permutations)
        let above = Samples(from: threshold, to: 1, permutations: permutations)
        var best = (error: Double.infinity, bands: 1, rows: permutations)
        for bands in 1...permutations {
            for rows in 1...(permutations / bands) {
                let falsePositive = below.integrate(rows: rows) { power in 1 - pow(1 - power, Double(bands)) }
                let falseNegative = above.integrate(rows: rows) { power in pow(1 - power, Double(bands)) }
                let error = falsePositiveWeight * falsePositive + (1 - falsePositiveWeight) * falseNegative
                if error < best.error { best = (error, bands, rows) }
            }
        }
        bands = best.bands
        rows = best.rows
    }

    public var description: String { "\(bands) bands × \(rows) rows" }

    /// The probability that two documents at Jaccard similarity `s` share a band.
    public func candidateProbability(atSimilarity s: Double) -> Double {
        1 - pow(1 - pow(s, Double(rows)), Double(bands))
    }

    /// The midpoints of 100 equal steps from `a` to `b`, raised to each power from 1 to
    /// `permutations`: a midpoint-rule integral over [a, b] of functions of s^rows.
    private struct Samples {
        let width: Double
        /// powers[rows - 1][i] = pow(midpoint i, rows).
        let powers: [[Double]]

        init(from a: Double, to b: Double, permutations: Int) {
            let steps = 100
            width = (b - a) / Double(steps)
            let midpoints = (0..<steps).map { [width] i in a + (Double(i) + 0.5) * width }
            powers = (1...permutations).map { rows in midpoints.map { pow($0, Double(rows)) } }
        }

        /// The integral over [a, b] of f(s^rows).
        func integrate(rows: Int, _ f: (Double) -> Double) -> Double {
            var sum = 0.0
            for power in powers[rows - 1] { sum += f(power) }
            return sum * width
        }
    }
}
