import Foundation
import OnomaText

/// How Chinese writes a foreign name: each Han character stands for a piece of 0 to 4 English
/// letters (特朗普 Trump: 特 t, 朗 ru, 普 mp), with P(piece | character) learned by EM from
/// Wikidata name pairs, characters seen rarely backing off to the table of their pinyin
/// syllable. A query scores its best segmentation of the English name, log P(e | query), minus
/// the English letters' null model log P0(e); Mandarin readings (pinyin) of the characters cannot
/// express this, since a character's sound in a transliteration is often not its reading.
///
///     let model = HanModel.shared!
///     model.score(model.query(Array("特朗普")), english: Array("trump".utf8))
struct HanModel: Sendable {
    /// A query's characters with, for each, the log-probability of every piece it may write.
    struct Query {
        fileprivate let pieces: [[Int: Double]]
    }

    static let shared = HanModel()

    let calibration: ModelCalibration
    /// P(piece | character) and P(piece | syllable), pieces keyed by `code(_:)`.
    private let table: [Character: [Int: Double]]
    private let syllables: [String: [Int: Double]]
    private let counts: [Character: Double]
    private let readings: [Character: String]
    /// The cheapest rendering of each character and syllable.
    private let best: [Character: String], bestOfSyllable: [String: String]
    /// log P of English letters a-z, of a piece's length 0...4, and of the end of a name.
    private let unigram: [Double], lengthPrior: [Double], end: Double
    /// Weight of the anything-goes distribution, and of a syllable's table against a character's.
    private let lambda: Double, backoff: Double

    /// Characters seen this many times or more in training do not back off to their syllable.
    private static let backoffLimit = 50.0
    /// The most pieces kept per character of a query.
    private static let piecesPerCharacter = 400
    private static let longestPiece = 4

    private init?() {
        guard let calibration = ModelCalibration.named("zh-han") else { return nil }
        self.calibration = calibration
        var table: [Character: [Int: Double]] = [:], syllables: [String: [Int: Double]] = [:]
        var best: [Character: (String, Double)] = [:], bestOfSyllable: [String: (String, Double)] = [:]
        var counts: [Character: Double] = [:], readings: [Character: String] = [:]
        var unigram: [Double] = [], lengthPrior: [Double] = [], end = 0.0, lambda = 0.0, backoff = 0.0
        for row in LetterModel.rows(HanModelTable.rows) {
            let first = String(row[0])
            switch first {
            case "#lambda": lambda = Double(row[1]) ?? 0
            case "#backoff_k": backoff = Double(row[1]) ?? 0
            case "#end": end = -(Double(row[1]) ?? 0)
            case "#english-unigram": unigram = row[1].split(separator: " ").compactMap { Double($0).map { -$0 } }
            case "#length-prior": lengthPrior = row[1].split(separator: " ").compactMap { Double($0).map { -$0 } }
            case "#count":
                guard row.count == 4, let char = row[1].first else { continue }
                counts[char] = Double(row[2]) ?? 0
                readings[char] = String(row[3])
            default:
                guard row.count == 3, let cost = Double(row[2]) else { continue }
                let piece = row[1] == "-" ? "" : String(row[1])
                guard let code = Self.code(Array(piece.utf8)[...]) else { continue }
                if first.hasPrefix("@") {
                    let syllable = String(first.dropFirst())
                    syllables[syllable, default: [:]][code] = exp(-cost)
                    if cost < bestOfSyllable[syllable]?.1 ?? .infinity { bestOfSyllable[syllable] = (piece, cost) }
                } else if let char = first.first {
                    table[char, default: [:]][code] = exp(-cost)
                    if cost < best[char]?.1 ?? .infinity { best[char] = (piece, cost) }
                }
            }
        }
        guard unigram.count == 26, lengthPrior.count == Self.longestPiece + 1 else { return nil }
        (self.table, self.syllables, self.counts, self.readings) = (table, syllables, counts, readings)
        (self.best, self.bestOfSyllable) = (best.mapValues(\.0), bestOfSyllable.mapValues(\.0))
        (self.unigram, self.lengthPrior, self.end, self.lambda, self.backoff) = (unigram, lengthPrior, end, lambda, backoff)
    }

    /// Whether a scalar is a Han character (ideographs, their extensions and compatibility
    /// forms, and the iteration mark 々).
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2FA1F, 0xF900...0xFAFF, 0x3005: true
        default: false
        }
    }

    /// How often a character occurs in the names the model was trained on (0: never).
    func trainingCount(of char: Character) -> Double {
        counts[char] ?? 0
    }

    /// The query of a name's Han characters.
    func query(_ chars: [Character]) -> Query {
        Query(pieces: chars.map { char in
            let own = table[char] ?? [:], count = counts[char] ?? 0
            let bySyllable = reading(char).flatMap { syllables[$0] } ?? [:]
            let options = Set(own.keys).union(bySyllable.keys)
            let scored = options.map { ($0, logProbability(of: $0, own: own, count: count, bySyllable: bySyllable)) }
                .sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(Self.piecesPerCharacter)
            return Dictionary(uniqueKeysWithValues: scored.map { ($0.0, $0.1) })
        })
    }

    /// The log-likelihood ratio of a query and an English name (lowercase a-z bytes), plus
    /// `evidence` (the ratio of what the characters leave out), and the raw score: the ratio over
    /// (characters + letters)^alpha.
    func score(_ query: Query, english: [UInt8], evidence: Double) -> (ratio: Double, raw: Double) {
        let letters = english.map { Int($0) - Int(UInt8(ascii: "a")) }
        let n = query.pieces.count, m = letters.count, width = m + 1
        var table = [Double](repeating: -.infinity, count: (n + 1) * width)
        table[0] = 0
        let logLambda = log(lambda)
        for i in 1..<(n + 1) {
            let pieces = query.pieces[i - 1]
            for j in 0...m {
                var best = -Double.infinity
                var code = 0, anything = logLambda + lengthPrior[0]
                // Pieces ending at j, shortest first: the code grows from the right.
                for length in 0...min(Self.longestPiece, j) {
                    if length > 0 {
                        let letter = letters[j - length]
                        code += (letter + 1) * Self.power(length - 1)
                        anything += unigram[letter] - lengthPrior[length - 1] + lengthPrior[length]
                    }
                    let previous = table[(i - 1) * width + j - length]
                    guard previous > -.infinity else { continue }
                    best = max(best, previous + (pieces[code] ?? anything))
                }
                table[i * width + j] = best
            }
        }
        let null = letters.reduce(0) { $0 + unigram[$1] } + Double(m) * log(1 - exp(end)) + end
        let ratio = table[n * width + m] - null + evidence
        return (ratio, calibration.raw(ratio, length: n + m))
    }

    /// The likeliest English spelling of the characters, piece by piece: what blocking looks up.
    func rendering(_ chars: [Character]) -> String {
        chars.map { char in best[char] ?? reading(char).flatMap { bestOfSyllable[$0] ?? $0 } ?? "" }.joined()
    }

    /// log P(piece | character) from the character's own table (`own`, seen `count` times in
    /// training), backing off to its syllable's table when it was seen rarely.
    private func logProbability(of code: Int, own: [Int: Double], count: Double, bySyllable: [Int: Double]) -> Double {
        var p = own[code] ?? 0
        if count < Self.backoffLimit, !bySyllable.isEmpty {
            p = (count * p + backoff * (bySyllable[code] ?? 0)) / (count + backoff)
        }
        return log((1 - lambda) * p + lambda * exp(anythingLogProbability(code)))
    }

    /// log P of a piece under the anything-goes distribution: its length, then its letters.
    private func anythingLogProbability(_ code: Int) -> Double {
        var code = code, length = 0, total = 0.0
        while code > 0 {
            total += unigram[code % 27 - 1]
            code /= 27
            length += 1
        }
        return total + lengthPrior[length]
    }

    /// A character's pinyin syllable: the table's, else ICU's Han-Latin reading.
    private func reading(_ char: Character) -> String? {
        if let known = readings[char] { return known }
        let latin = Transliterator.toLatin(lang: "zh", ascii: true).transliterateToken(String(char)).lowercased()
        let letters = String(latin.unicodeScalars.filter { ("a"..."z").contains($0) })
        return letters.isEmpty ? nil : letters
    }

    /// A piece of letters a-z as a number in base 27 (first letter most significant); 0 is
    /// the empty piece.
    private static func code(_ piece: ArraySlice<UInt8>) -> Int? {
        guard piece.count <= longestPiece else { return nil }
        var code = 0
        for byte in piece {
            guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) else { return nil }
            code = code * 27 + Int(byte - UInt8(ascii: "a")) + 1
        }
        return code
    }

    private static func power(_ exponent: Int) -> Int {
        [1, 27, 729, 19683][exponent]
    }
}
