import Foundation
import OnomaText
import Testing

/// The cases of Lucene's ICU analysis tests (and Elasticsearch's analysis-icu tests) that plain
/// ICU reproduces (`depends_on` starts with "plain-icu"), run through onoma's components:
/// word break through `Tokenizer`, Normalizer2 through `Normalization` / `Folding`, transforms
/// through `Transliterator`. Data: `../shared/dev/conformance/lucene_icu_cases.json`.
@Suite(.enabled(if: DevData.has(DevData.luceneCasesPath),
                "needs ../shared/dev/conformance/lucene_icu_cases.json (development data beside the project)"))
struct LuceneConformanceTests {
    struct Case: Decodable, CustomStringConvertible {
        let suite: String
        let test: String
        let input: String
        let depends_on: String
        let expected_tokens: [String]?
        let expected: String?
        let expected_types: [String]?
        let start_offsets: [Int]?
        let end_offsets: [Int]?
        let transform_id: String?
        let transform_rules: String?
        let normalizer: String?
        let tokenizer: String?
        let component: String?
        let unicode_set_filter: String?

        var description: String { "\(suite).\(test) \(input.debugDescription)" }
        /// Results that depend on the ICU version's Chinese/Japanese dictionary.
        var usesCJDictionary: Bool { depends_on.contains("CJ dictionary") }
    }

    struct Cases: Decodable { let cases: [Case] }

    static let all: [Case] = {
        guard let data = FileManager.default.contents(atPath: DevData.url(DevData.luceneCasesPath).path),
              let decoded = try? JSONDecoder().decode(Cases.self, from: data)
        else { return [] }
        return decoded.cases
    }()

    static func plainICU(_ kind: String) -> [Case] {
        all.filter { $0.depends_on.hasPrefix(kind) }
    }

    // MARK: Word break

    /// Lucene's ICUTokenizer keeps segments with a word or number rule status and emoji
    /// (`<EMOJI>`), and drops whitespace, punctuation and symbols ("<>", "`"): in onoma's
    /// terms, the tokens of kind word, number and emoji.
    static let luceneKeeps: Set<Token.Kind> = [.word, .number, .emoji]

    static func luceneTokens(_ text: String, _ tokenizer: Tokenizer) -> [Token] {
        tokenizer.tokenize(text).filter { luceneKeeps.contains($0.kind) }
    }

    /// Whether a token's kind and script match a Lucene token type.
    static func matches(_ token: Token, luceneType: String) -> Bool {
        switch luceneType {
        case "<ALPHANUM>": token.kind == .word
        case "<NUM>": token.kind == .number
        case "<HANGUL>": token.kind == .word && token.script == .hangul
        case "<IDEOGRAPHIC>": token.kind == .word && [.han, .hiragana, .katakana].contains(token.script)
        case "<EMOJI>": token.kind == .emoji
        default: false
        }
    }

    /// UTF-16 offset (Lucene's offsets) of a UTF-8 byte offset in `text`.
    static func utf16Offset(ofByte byte: Int, in text: String) -> Int {
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: byte)
        return text.utf16.distance(from: text.utf16.startIndex, to: index)
    }

    /// What differs between onoma's tokens and a word-break case, or nil when nothing does.
    static func wordBreakMismatch(_ testCase: Case, _ tokenizer: Tokenizer) -> String? {
        let tokens = luceneTokens(testCase.input, tokenizer)
        let texts = tokens.map(\.text)
        if texts.map(\.exact) != (testCase.expected_tokens ?? []).map(\.exact) {
            return "\(testCase): \(texts) ≠ expected \(testCase.expected_tokens ?? [])"
        }
        if let types = testCase.expected_types,
           types.count != tokens.count || !zip(tokens, types).allSatisfy({ matches($0, luceneType: $1) }) {
            return "\(testCase): kinds \(tokens.map { "\($0.kind)/\($0.script)" }) ≠ Lucene types \(types)"
        }
        if let starts = testCase.start_offsets, let ends = testCase.end_offsets {
            let actualStarts = tokens.map { utf16Offset(ofByte: $0.range.lowerBound, in: testCase.input) }
            let actualEnds = tokens.map { utf16Offset(ofByte: $0.range.upperBound, in: testCase.input) }
            if actualStarts != starts || actualEnds != ends {
                return "\(testCase): offsets \(Array(zip(actualStarts, actualEnds))) ≠ \(Array(zip(starts, ends)))"
            }
        }
        return nil
    }

    @Test func plainICUWordBreakCasesMatchLucene() throws {
        let cases = Self.plainICU("plain-icu-word-break").filter { !$0.usesCJDictionary }
        #expect(cases.count == 45)
        let tokenizer = try Tokenizer()
        let mismatches = cases.compactMap { Self.wordBreakMismatch($0, tokenizer) }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(cases.count) differ:\n\(mismatches.joined(separator: "\n"))")
    }

    /// Chinese and Japanese dictionary segmentation (TestICUTokenizerCJK, cjkAsWords=true).
    /// Lucene marks the class @AwaitsFix (LUCENE-8222) because results follow the dictionary of
    /// the ICU version. ICU 72's dictionary reproduces all 10 cases, so there are no exceptions:
    /// a failure here means the system ICU's dictionary changed.
    @Test func plainICUCJDictionaryCasesMatchLucene() throws {
        let cases = Self.plainICU("plain-icu-word-break").filter(\.usesCJDictionary)
        #expect(cases.count == 10)
        let tokenizer = try Tokenizer()
        let mismatches = cases.compactMap { Self.wordBreakMismatch($0, tokenizer) }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(cases.count) differ:\n\(mismatches.joined(separator: "\n"))")
    }

    /// Lucene's own emoji handling (not plain ICU, which gives emoji rule status 0) compared
    /// with onoma's `.emoji` kind: onoma keeps emoji as tokens too, and these are the cases
    /// where it differs. Each is asserted, so a change either way shows.
    static let emojiDifferences: Set<String> = [
        // Lucene splits Han into single ideographs (cjkAsWords=false); ICU's dictionary keeps 中國.
        "💩中國💩",
    ]

    @Test func emojiTokensMatchLuceneExceptHanWords() throws {
        let cases = Self.all.filter { $0.test.hasPrefix("testEmoji") || $0.depends_on.contains("emoji token") }
        #expect(cases.count == 10)
        let tokenizer = try Tokenizer()
        var failing: [String: String] = [:]
        for testCase in cases {
            if let mismatch = Self.wordBreakMismatch(testCase, tokenizer) { failing[testCase.input] = mismatch }
        }
        #expect(Set(failing.keys) == Self.emojiDifferences,
                "differences changed:\n\(failing.values.sorted().joined(separator: "\n"))")
    }

    // MARK: Normalizer2

    static func normalization(named name: String) -> Normalization? {
        switch name {
        case "nfkc_cf": .nfkcCaseFold
        case "nfkc": .nfkc
        case "nfc decompose (NFD)": .nfd
        default: nil
        }
    }

    @Test func plainICUNormalizer2CasesMatchLucene() throws {
        let cases = Self.plainICU("plain-icu-normalizer2")
        #expect(cases.count == 14)
        let tokenizer = try Tokenizer()
        var mismatches: [String] = []
        for testCase in cases {
            let actual: [String]
            if testCase.depends_on.contains("openFiltered") {
                // Elasticsearch's unicode_set_filter: nfkc_cf on the characters of the set only.
                let filter = try #require(testCase.unicode_set_filter)
                actual = tokenizer.tokenize(testCase.input).filter(\.isWordLike).map {
                    Self.normalizeFiltered($0.text, excluding: filter)
                }
            } else if testCase.depends_on.contains("whole string") {
                // A char filter: normalize the whole input, then tokenize.
                let form = try #require(Self.normalization(named: testCase.normalizer ?? ""), "\(testCase)")
                let normalized = form.normalize(testCase.input)
                if testCase.tokenizer == "1-char ngrams of the normalized text" {
                    actual = normalized.filter { !$0.isWhitespace }.map(String.init)
                } else {
                    actual = normalized.split(whereSeparator: \.isWhitespace).map(String.init)
                }
            } else if testCase.component?.hasPrefix("standard tokenizer") == true {
                actual = tokenizer.tokenize(testCase.input).filter(\.isWordLike).map { Folding.caseFold($0.text) }
            } else {
                // A whitespace tokenizer, then the normalizer on each token.
                let form = try #require(Self.normalization(named: testCase.normalizer ?? ""), "\(testCase)")
                actual = testCase.input.split(whereSeparator: \.isWhitespace).map { form.normalize(String($0)) }
            }
            // Exact: == on strings would take NFD "é" for the expected NFC one and back.
            if actual.map(\.exact) != (testCase.expected_tokens ?? []).map(\.exact) {
                mismatches.append("\(testCase): \(actual) ≠ expected \(testCase.expected_tokens ?? [])")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(cases.count) differ:\n\(mismatches.joined(separator: "\n"))")
    }

    /// ICU's FilteredNormalizer2 for a set written `[^…]`: the runs of characters outside the
    /// excluded ones are case folded, the excluded characters are copied.
    static func normalizeFiltered(_ text: String, excluding filter: String) -> String {
        precondition(filter.hasPrefix("[^") && filter.hasSuffix("]"), "only [^…] sets are supported: \(filter)")
        let excluded = Set(filter.dropFirst(2).dropLast().unicodeScalars)
        var result = "", run = ""
        for scalar in text.unicodeScalars {
            if excluded.contains(scalar) {
                result += Folding.caseFold(run) + String(scalar)
                run = ""
            } else {
                run.unicodeScalars.append(scalar)
            }
        }
        return result + Folding.caseFold(run)
    }

    // MARK: Transforms

    /// Transform cases plain ICU 72 cannot reproduce, by transform id or rules.
    static let transformExceptions: Set<String> = [
        // Lucene runs ICU4J, which has a CaseFold transform; ICU4C 72 has none, so the id does
        // not open. onoma's equivalent is tested below (caseFoldStepIsFoldingCaseFold).
        "Traditional-Simplified; CaseFold",
    ]

    @Test func plainICUTransformCasesMatchLucene() throws {
        let cases = Self.plainICU("plain-icu-utrans")
        #expect(cases.count == 10)
        let tokenizer = try Tokenizer()
        var failing: [String: String] = [:]
        for testCase in cases {
            let label = testCase.transform_id ?? testCase.transform_rules ?? ""
            do {
                let transliterator = if let id = testCase.transform_id {
                    try Transliterator(id: id)
                } else {
                    try Transliterator(rules: try #require(testCase.transform_rules))
                }
                if let expected = testCase.expected {
                    let actual = transliterator.transliterate(testCase.input)
                    if actual.exact != expected.exact { failing[label] = "\(testCase) via \(label): \(actual) ≠ expected \(expected)" }
                } else {
                    // Elasticsearch: the standard tokenizer, then the transform on each token.
                    let actual = tokenizer.tokenize(testCase.input).filter(\.isWordLike).map { transliterator.transliterate($0.text) }
                    if actual.map(\.exact) != (testCase.expected_tokens ?? []).map(\.exact) {
                        failing[label] = "\(testCase) via \(label): \(actual) ≠ expected \(testCase.expected_tokens ?? [])"
                    }
                }
            } catch {
                failing[label] = "\(testCase) via \(label): \(error)"
            }
        }
        #expect(Set(failing.keys) == Self.transformExceptions,
                "failing cases changed:\n\(failing.values.sorted().joined(separator: "\n"))")
    }

    /// testOptimizer2 without ICU4J's CaseFold transform: Traditional-Simplified, then
    /// `Folding.caseFold` (NFKC_Casefold), gives Lucene's result.
    @Test func caseFoldStepIsFoldingCaseFold() throws {
        let testCase = try #require(Self.plainICU("plain-icu-utrans").first { $0.transform_id == "Traditional-Simplified; CaseFold" })
        let simplified = try Transliterator(id: "Traditional-Simplified").transliterate(testCase.input)
        #expect(Folding.caseFold(simplified).exact == testCase.expected?.exact)
    }
}
