import Foundation

/// How a name model's likelihood ratios become scores: the length normalisation, the logistic
/// fit behind `onoma match`, and the posterior behind `onoma resolve`, all fitted on the DEV
/// part of the Wikidata name pairs (`scripts/names/learn_tables.py`).
struct ModelCalibration: Sendable {
    /// The calibration's name in `LetterModelTables.calibration` (ru, ar, he, ko, ja, zh, zh-han).
    let name: String
    /// The length exponent: raw score = ratio / length^alpha.
    let alpha: Double
    /// The raw score at which fewer than 2% of queries for people not in the lexicon pass: the
    /// point of a name compared with every form of a lexicon.
    let threshold: Double
    /// The raw score that best tells a name's own transliterations from the closest other name
    /// (Youden's J on DEV): the point of one pair judged alone.
    let pairThreshold: Double
    /// The slope of the logistic fit P(same person | raw score).
    let slope: Double
    /// The posterior's sharpness and the raw score of "someone else" (see `posteriors`), fitted
    /// so that at most 1.75% of queries for people not in the lexicon reach 0.5 in each of four
    /// draws of lexicon and queries among the DEV people (the rate moves with the draw); ar, ja
    /// and ko refitted on the binary's own scores (`scripts/names/fit_posterior.py`). For a
    /// query of a model with a `NameAmbiguity` table (ru, zh-han), that table's fit (`facing`).
    let beta: Double, background: Double
    /// The English spellings of the query's transliteration the background allows for (1 unless
    /// `facing` a `NameAmbiguity` table).
    let spellings: Int

    /// The calibration of a model (ru, ar, he, ko, ja, zh for the letter models; zh-han for the
    /// Han character model), or nil.
    static func named(_ name: String) -> ModelCalibration? {
        guard let row = LetterModel.rows(LetterModelTables.calibration).first(where: { $0.first.map(String.init) == name }),
              row.count == 7, let alpha = Double(row[1]), let threshold = Double(row[2]), let slope = Double(row[3]),
              let beta = Double(row[4]), let background = Double(row[5]), let pairThreshold = Double(row[6]) else { return nil }
        return ModelCalibration(name: name, alpha: alpha, threshold: threshold, pairThreshold: pairThreshold, slope: slope,
                                beta: beta, background: background, spellings: 1)
    }

    /// The calibration for a query whose folded transliteration (letters and apostrophes) is
    /// `source`: `facing` the model's `NameAmbiguity` table, if it has one.
    func facing(source: String) -> ModelCalibration {
        NameAmbiguity.table(for: name).map { facing($0, spellings: $0.spellings(of: source)) } ?? self
    }

    /// The calibration for a query whose transliteration stands for `spellings` English names:
    /// the posterior fitted with `ambiguity`, its "someone else" score raised by
    /// weight·ln(spellings).
    func facing(_ ambiguity: NameAmbiguity, spellings: Int) -> ModelCalibration {
        ModelCalibration(name: name, alpha: alpha, threshold: threshold, pairThreshold: pairThreshold, slope: slope,
                         beta: ambiguity.beta, background: ambiguity.background + ambiguity.weight * log(Double(max(spellings, 1))),
                         spellings: max(spellings, 1))
    }

    /// A likelihood ratio over a query and a name of `length` letters in all, normalised.
    func raw(_ ratio: Double, length: Int) -> Double {
        ratio / pow(Double(length), alpha)
    }

    /// A raw score mapped to 0...1 so that the model's threshold for `use` lands on `at`.
    func calibrated(_ raw: Double, at: Double, for use: NameMatch.Use) -> Double {
        let point = use == .pair ? pairThreshold : threshold
        return 1 / (1 + exp(-(slope * (raw - point) + log(at / (1 - at)))))
    }

    /// The probability that each candidate is the person a query names, given the raw scores of
    /// all the candidates found: exp(beta·s) / (exp(beta·background) + Σ exp(beta·s')). A
    /// candidate alone with a middling score, or several close ones, stay below 0.5.
    func posteriors(_ scores: [Double]) -> [Double] {
        let scaled = scores.map { beta * $0 }
        let top = max(scaled.max() ?? -.infinity, beta * background)
        let total = scaled.reduce(exp(beta * background - top)) { $0 + exp($1 - top) }
        return scaled.map { exp($0 - top) / total }
    }
}
