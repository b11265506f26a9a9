import OnomaText

/// Whether two names are the same, with a score in 0...1: the shared scoring of `onoma match`,
/// `onoma resolve` and fuzzy mentions.
///
///     let match = NameMatch(keys: NameKeyMaker(), use: .pair)
///     match.score("Зеленський", lang: "uk", "Zelenskyy", lang: "en")   // 0.95 (same key)
///     match.score("Kiev", lang: "en", "Kyiv", lang: "en")              // 0.87
public struct NameMatch: Sendable {
    /// The score from which two names count as the same (`onoma match` verdict 1). Key
    /// similarity passes here at 0.16 edits per letter (`NameSimilarity`: Kiev, Kyiv); a letter
    /// model's score is calibrated so that its threshold for the `Use` lands here.
    public static let defaultThreshold = 0.84

    /// What decided a score.
    public enum Method: String, Sendable {
        case exact, normalized, fuzzy
    }

    /// What a comparison decides, which sets where a letter model's score crosses the threshold.
    public enum Use: Sendable {
        /// One pair judged alone (`onoma match`): the model's best trade, on the Wikidata pairs,
        /// between a name's own transliterations passing and the closest other name passing.
        case pair
        /// A name against every form of a lexicon (`onoma resolve`): fewer than 2% of names of
        /// people not in a 5,000-name lexicon pass against any of its forms.
        case lexicon
    }

    public let keys: NameKeyMaker
    public let use: Use

    public init(keys: NameKeyMaker, use: Use) {
        self.keys = keys
        self.use = use
    }

    /// The score of two names and how it was reached: 0 when either has no letters or digits;
    /// 1 when equal up to case; 0.95 when their keys are equal (spaces aside) or one spells the
    /// other as a Korean name is romanised (`KoreanNameReading`); else, for a name in a script
    /// with a `LetterModel` against a Latin-script name, the model's score calibrated for
    /// `use`; else the key similarity. A pair alone also
    /// scores 0.9 (`normalized`, as in `resolve`) when one name is a case form of the other
    /// (Зеленського, Зеленський), if that is more.
    public func compare(_ a: String, lang langA: String?, _ b: String, lang langB: String?) -> (score: Double, method: Method) {
        let keyA = keys.key(for: a, lang: langA), keyB = keys.key(for: b, lang: langB)
        // Without letters or digits (empty, emoji, punctuation) there is no name to compare:
        // it matches nothing, itself included, as `resolve` finds nothing for it.
        guard !keyA.key.isEmpty, !keyB.key.isEmpty else { return (0, .fuzzy) }
        if Folding.caseFold(a) == Folding.caseFold(b) { return (1, .exact) }
        if keyA.unspaced == keyB.unspaced || KoreanNameReading.spells(a, latin: b) || KoreanNameReading.spells(b, latin: a) {
            return (0.95, .normalized)
        }
        let score: Double
        if let (calibration, raw) = crossScript(a, langA, latin: b) ?? crossScript(b, langB, latin: a) {
            score = calibration.calibrated(raw, at: Self.defaultThreshold, for: use)
        } else {
            score = NameSimilarity.score(keyA.key, keyB.key)
        }
        if use == .pair, score < Resolver.inflectedScore,
           CaseForm.matches(a, lang: langA, lemma: b, lang: langB, keys: keys) || CaseForm.matches(b, lang: langB, lemma: a, lang: langA, keys: keys) {
            return (Resolver.inflectedScore, .normalized)
        }
        return (score, .fuzzy)
    }

    private func crossScript(_ name: String, _ lang: String?, latin: String) -> (ModelCalibration, Double)? {
        guard CrossScriptIndex.isLatin(latin) else { return nil }
        return CrossScriptIndex.score(name, lang: lang, latin: latin)
    }

    /// The score alone.
    public func score(_ a: String, lang langA: String?, _ b: String, lang langB: String?) -> Double {
        compare(a, lang: langA, b, lang: langB).score
    }
}
