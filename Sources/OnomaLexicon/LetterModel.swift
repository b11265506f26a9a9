import Foundation
import Synchronization

/// A learned model of how a name written in one script is spelled in English, for the scripts
/// where edit distance on transliterations fails (few written vowels in Arabic and Hebrew,
/// Korean and Japanese loanword spellings, Chinese syllables).
///
/// The model holds the probability of each pair of pieces of up to two letters (a piece of the
/// folded transliteration, a piece of the English spelling), learned by EM from Wikidata name
/// pairs (`scripts/names/learn_tables.py`), and a unigram null model of each side. A query `q`
/// and an English name `e`, both framed by `^` and `$`, score the log-likelihood ratio of their
/// best alignment, log P(q, e) − log P0(q) − log P0(e), divided by (|q| + |e|)^alpha.
///
///     let model = LetterModel.model(for: "ko")!
///     model.score(query: "jellenseuki", english: "zelensky")   // high: a likely spelling
struct LetterModel: Sendable {
    /// The script family's language: ru, ar, he, ko, ja or zh.
    let language: String
    let calibration: ModelCalibration

    /// -ln P(source piece, target piece), dense over piece codes.
    private let costs: [Float]
    /// -ln P0(letter) of the query and English alphabets, by letter code.
    private let nullQuery: [Double], nullEnglish: [Double]
    /// The cheapest English rendering of each source piece and its cost -ln P(target | source).
    private let renderings: [Int: (letters: [UInt8], cost: Double)]

    /// The cost of an alignment step the table does not list.
    private static let missingCost: Float = Float(log(1e6))
    /// The cost of a letter the null model does not list.
    private static let missingNullCost = 10.0
    /// Letters: a-z are 1...26, the apostrophe 27, the start mark 28, the end mark 29.
    private static let letterCount = 29
    private static let pieceCount = 1 + letterCount + letterCount * letterCount
    /// Alignment step shapes: (query letters, English letters).
    private static let shapes = [(1, 0), (0, 1), (1, 1), (1, 2), (2, 1), (2, 2), (2, 0), (0, 2)]

    private static let loaded = Mutex<[String: LetterModel]>([:])

    /// The model for names of `language` (a script family: ru, ar, he, ko, ja, zh), or nil.
    static func model(for language: String) -> LetterModel? {
        if let model = loaded.withLock({ $0[language] }) { return model }
        guard let model = LetterModel(language: language) else { return nil }
        loaded.withLock { $0[language] = model }
        return model
    }

    private init?(language: String) {
        guard let operations = LetterModelTables.operations[language], let null = LetterModelTables.null[language],
              let calibration = ModelCalibration.named(language) else { return nil }
        self.language = language
        self.calibration = calibration
        var costs = [Float](repeating: Self.missingCost, count: Self.pieceCount * Self.pieceCount)
        var bySource: [Int: [(letters: [UInt8], cost: Double)]] = [:]
        for row in Self.rows(operations) where row.count == 3 {
            guard let source = Self.letters(row[0]), let target = Self.letters(row[1]), let cost = Double(row[2]),
                  let s = Self.piece(source[...]), let t = Self.piece(target[...]) else { continue }
            costs[s * Self.pieceCount + t] = Float(cost)
            if s != 0 { bySource[s, default: []].append((target, cost)) }
        }
        self.costs = costs
        var nullQuery = [Double](repeating: Self.missingNullCost, count: Self.letterCount + 1)
        var nullEnglish = nullQuery
        for row in Self.rows(null) where row.count == 3 {
            guard let letter = Self.letters(row[1])?.first, let cost = Double(row[2]) else { continue }
            if row[0] == "q" { nullQuery[Int(letter)] = cost } else { nullEnglish[Int(letter)] = cost }
        }
        (self.nullQuery, self.nullEnglish) = (nullQuery, nullEnglish)
        // -ln P(target | source) = cost − (−ln Σ exp(−cost)) over the source's rows.
        renderings = bySource.mapValues { options in
            let total = -log(options.reduce(0) { $0 + exp(-$1.cost) })
            let best = options.min { $0.cost < $1.cost }!
            return (best.letters, best.cost - total)
        }
    }

    /// Letter codes of a folded string framed by the start and end marks; letters outside the
    /// alphabet are dropped.
    static func framed(_ text: String) -> [UInt8] {
        [28] + text.utf8.compactMap(code) + [29]
    }

    /// The log-likelihood ratio of a framed query and a framed English name (plus `evidence`,
    /// the ratio of what the letters leave out), and the raw score: the ratio divided by
    /// (|q| + |e|)^alpha.
    func score(query: [UInt8], english: [UInt8], evidence: Double) -> (ratio: Double, raw: Double) {
        let joint = -alignmentCost(query, english)
        let nullQ = query.reduce(0) { $0 + nullQuery[Int($1)] }
        let nullE = english.reduce(0) { $0 + nullEnglish[Int($1)] }
        let ratio = joint + nullQ + nullE + evidence
        return (ratio, calibration.raw(ratio, length: query.count + english.count))
    }

    /// The cheapest English spelling of a framed query (marks removed), piece by piece: what
    /// blocking looks up beside the query itself.
    func rendering(_ query: [UInt8]) -> String {
        var best = [(cost: Double, letters: [UInt8])](repeating: (.infinity, []), count: query.count + 1)
        best[0] = (0, [])
        for end in 1..<(query.count + 1) {
            for length in 1...2 where end - length >= 0 && best[end - length].cost.isFinite {
                guard let piece = Self.piece(query[(end - length)..<end]), let option = renderings[piece] else { continue }
                let cost = best[end - length].cost + option.cost
                if cost < best[end].cost { best[end] = (cost, best[end - length].letters + option.letters) }
            }
        }
        return String(decoding: best[query.count].letters.filter { $0 <= 27 }.map(Self.character), as: UTF8.self)
    }

    /// The cheapest alignment of two framed strings into pieces of at most two letters.
    private func alignmentCost(_ q: [UInt8], _ e: [UInt8]) -> Double {
        let n = q.count, m = e.count, width = m + 1
        var table = [Float](repeating: .infinity, count: (n + 1) * width)
        table[0] = 0
        let empty = 0
        for i in 0...n {
            for j in 0...m where i > 0 || j > 0 {
                var best = Float.infinity
                for (la, lb) in Self.shapes where la <= i && lb <= j {
                    let previous = table[(i - la) * width + (j - lb)]
                    guard previous.isFinite else { continue }
                    let s = la == 0 ? empty : la == 1 ? Int(q[i - 1]) : Self.pair(q[i - 2], q[i - 1])
                    let t = lb == 0 ? empty : lb == 1 ? Int(e[j - 1]) : Self.pair(e[j - 2], e[j - 1])
                    best = min(best, previous + costs[s * Self.pieceCount + t])
                }
                table[i * width + j] = best
            }
        }
        return Double(table[n * width + m])
    }

    private static func pair(_ a: UInt8, _ b: UInt8) -> Int {
        1 + letterCount + (Int(a) - 1) * letterCount + (Int(b) - 1)
    }

    private static func piece(_ letters: ArraySlice<UInt8>) -> Int? {
        switch letters.count {
        case 0: 0
        case 1: Int(letters.first!)
        case 2: pair(letters.first!, letters.last!)
        default: nil
        }
    }

    private static func code(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 1
        case UInt8(ascii: "'"): 27
        case UInt8(ascii: "^"): 28
        case UInt8(ascii: "$"): 29
        default: nil
        }
    }

    private static func character(_ code: UInt8) -> UInt8 {
        code == 27 ? UInt8(ascii: "'") : code + UInt8(ascii: "a") - 1
    }

    /// A table cell's letter codes ("-" is the empty piece), or nil for a letter outside the
    /// alphabet.
    private static func letters(_ text: Substring) -> [UInt8]? {
        if text == "-" { return [] }
        var codes: [UInt8] = []
        for byte in text.utf8 {
            guard let c = code(byte) else { return nil }
            codes.append(c)
        }
        return codes
    }

    static func rows(_ text: String) -> [[Substring]] {
        text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    }
}
