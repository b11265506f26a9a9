import Foundation

/// How many English spellings a name's transliteration stands for, and how much that lowers the
/// posterior of `onoma resolve`: a common name spelled one way in Cyrillic (Дмитрий: Dmitry,
/// Dmitri, Dimitri, Dmitrijs) often names someone else than the lexicon's person with the
/// closest spelling; so does a Chinese name whose characters' pinyin stands for several (勞倫斯
/// laolunsi: Laurence, Laurens, Lawrance). Counted on the Wikidata name pairs
/// (`scripts/names/ambiguity.py`): for the Russian letter model (ru) the transliterations with
/// four English spellings or more, for the Han character model (zh-han) the pinyin with two or
/// more.
///
///     NameAmbiguity.table(for: "ru")?.spellings(of: "dmitriy")   // 7
struct NameAmbiguity: Sendable {
    /// The weight of ln(spellings) added to the posterior's "someone else" score.
    let weight: Double
    /// The posterior's sharpness and "someone else" score fitted with the weight; they replace
    /// the model's calibration (`ModelCalibration.beta`, `background`).
    let beta: Double, background: Double
    private let counts: [String: Int]

    /// The tables by calibration name, read once.
    private static let tables: [String: NameAmbiguity] = {
        var tables: [String: NameAmbiguity] = [:]
        for row in LetterModel.rows(NameAmbiguityTables.posterior) {
            if let table = NameAmbiguity(row) { tables[String(row[0])] = table }
        }
        return tables
    }()

    /// The table of a model's calibration (`ModelCalibration.name`: ru, zh-han), or nil.
    static func table(for calibration: String) -> NameAmbiguity? {
        tables[calibration]
    }

    /// The table of one `NameAmbiguityTables.posterior` row (calibration, weight, beta, background).
    private init?(_ row: [Substring]) {
        guard row.count == 4, let weight = Double(row[1]), let beta = Double(row[2]), let background = Double(row[3]),
              let spellings = NameAmbiguityTables.spellings[String(row[0])] else { return nil }
        (self.weight, self.beta, self.background) = (weight, beta, background)
        var counts: [String: Int] = [:]
        for row in LetterModel.rows(spellings) where row.count == 2 {
            if let count = Int(row[1]) { counts[String(row[0])] = count }
        }
        self.counts = counts
    }

    /// The English spellings of a folded transliteration (`LetterFold`, letters and apostrophes
    /// only; for Han the pinyin): 1 when the table does not list it.
    func spellings(of source: String) -> Int {
        counts[source] ?? 1
    }
}
