import OnomaText

/// Whether two names are the same, with a score in 0...1: the shared scoring of `onoma match`,
/// `onoma resolve` and fuzzy mentions.
///
///     let match = NameMatch(keys: NameKeyMaker())
///     match.score("Зеленський", lang: "uk", "Zelenskyy", lang: "en")   // 0.95 (same key)
///     match.score("Kiev", lang: "en", "Kyiv", lang: "en")              // 0.87
public struct NameMatch: Sendable {
    /// The score from which two names count as the same (`onoma match` verdict 1). Chosen on the
    /// Wikidata name pairs so that fewer than 2% of different people pass.
    public static let defaultThreshold = 0.84

    /// What decided a score.
    public enum Method: String, Sendable {
        case exact, normalized, fuzzy
    }

    public let keys: NameKeyMaker

    public init(keys: NameKeyMaker) {
        self.keys = keys
    }

    /// The score of two names and how it was reached: 1 when equal up to case, 0.95 when their
    /// keys are equal; else, for a name in a script with a `LetterModel` against a Latin-script
    /// name, the model's calibrated score (at the threshold where fewer than 2% of different
    /// people pass on the model's development data); else the key similarity.
    public func compare(_ a: String, lang langA: String?, _ b: String, lang langB: String?) -> (score: Double, method: Method) {
        if Folding.caseFold(a) == Folding.caseFold(b) { return (1, .exact) }
        let keyA = keys.key(for: a, lang: langA), keyB = keys.key(for: b, lang: langB)
        if !keyA.key.isEmpty, keyA.key.replacingOccurrences(of: " ", with: "") == keyB.key.replacingOccurrences(of: " ", with: "") {
            return (0.95, .normalized)
        }
        if let (calibration, raw) = crossScript(a, langA, latin: b) ?? crossScript(b, langB, latin: a) {
            return (calibration.calibrated(raw, at: Self.defaultThreshold), .fuzzy)
        }
        return (NameSimilarity.score(keyA.key, keyB.key), .fuzzy)
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
