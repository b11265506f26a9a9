import CICU
import Foundation
import Testing
@testable import OnomaText

/// The shim finds segments of ASCII, two-byte characters (Latin, Greek, Cyrillic, Arabic ...) and
/// general punctuation by the word break rules itself and leaves the rest to ICU: every segment,
/// its kind, script and rule status must be what ICU alone gives.
@Suite struct ShimWordBreakTests {
    /// Pieces whose joins the rules decide: letters, digits, the mid characters of WB6-WB12, the
    /// connector, white space and line breaks, and non-ASCII neighbours that join or split them
    /// (a combining mark, a curly apostrophe, letters of other scripts, a ZWJ, a keycap).
    static let pieces = (1..<128).map { String(UnicodeScalar(UInt8($0))) } + ["a", "Z", "k", "0", "7", ".", ",", "'", "_", " ", "  ",
                         "\r\n", "é", "\u{0301}", "’", "한", "Ж", "א", "🇺🇦", "\u{200D}", "\u{FE0F}",
                         "\u{20E3}", "\u{00A0}", "\u{3000}", "ab", "12", "1.5", "U.S.", "O'Reilly", "co-op"]

    static func segments(of text: String, _ tokenizer: Tokenizer) -> [[Int32]] {
        var text = text
        var found: [[Int32]] = []
        text.withUTF8 { bytes in
            tokenizer.forEachSegment(in: bytes, nonASCIIOnly: false) { segment in
                found.append([Int32(segment.start), Int32(segment.end), segment.rule_status, segment.kind, segment.script, segment.is_ascii])
            }
        }
        return found
    }

    static func expectSameAsICU(_ texts: [String]) throws {
        for includeWhitespace in [false, true] {
            let shim = try Tokenizer(includeWhitespace: includeWhitespace)
            #expect(shim.usesShimRules)
            let icu = try Tokenizer(includeWhitespace: includeWhitespace)
            icu.icuOnly = true
            for text in texts {
                let expected = segments(of: text, icu)
                let found = segments(of: text, shim)
                guard found != expected else { continue }
                let first = zip(found, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(found.count, expected.count)
                let at = Int((first < expected.count ? expected : found)[first][0])
                let context = String(decoding: Array(text.utf8)[max(0, at - 20)..<min(text.utf8.count, at + 40)], as: UTF8.self)
                Issue.record("segment \(first) differs: \(found.dropFirst(first).prefix(3)) instead of ICU's \(expected.dropFirst(first).prefix(3)) in \(context.debugDescription)")
                return
            }
        }
    }

    @Test func localeWithItsOwnWordRulesIsLeftToICU() throws {
        // Swedish and Finnish keep a colon between letters (ICU's word_fi_sv rules): "a:b", "EU:s".
        let swedish = try Tokenizer(locale: "sv")
        #expect(!swedish.usesShimRules)
        #expect(swedish.tokenize("EU:s").map(\.text) == ["EU:s"])
        #expect(try Tokenizer().usesShimRules)
    }

    @Test func shimRulesSegmentLikeICUOnGeneratedText() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        // Every ASCII character, and dense runs of the characters that join.
        let joiners = ["a", "Z", "1", "0", ".", ",", ";", "'", "_", "@", ":", " ", "é", "\u{0301}", "’", "Ж"]
        // Every character the shim's tables decide (U+0080-U+07FF, U+2000-U+207F) among letters,
        // digits and the mid characters they join with.
        let wide = (Array(0x80..<0x800) + Array(0x2000..<0x2080)).map { String(UnicodeScalar(UInt32($0))!) }
        let widePieces = wide + Array(repeating: ["a", "é", "Ж", "ש", "ب", "1", "٣", ".", "'", "’", ",", " "], count: 40).flatMap { $0 }
        let texts = [Self.pieces, joiners, widePieces].flatMap { pieces in
            (0..<20_000).map { _ in (0..<(1 + next(12))).map { _ in pieces[next(pieces.count)] }.joined() }
        }
        try Self.expectSameAsICU(texts)
    }

    @Test func shimRulesSegmentLikeICUOnTheCorpus() throws {
        let corpus = DevData.packageRoot.appendingPathComponent("Corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }
        #expect(!files.isEmpty)
        try Self.expectSameAsICU(try files.map { try String(contentsOf: corpus.appendingPathComponent($0), encoding: .utf8) })
    }

    @Test(.enabled(if: DevData.has("dedup/wmt21-de-fr.jsonl"), "needs ../shared/dev/dedup/wmt21-de-fr.jsonl"))
    func shimRulesSegmentLikeICUOnGermanAndFrenchNews() throws {
        let lines = try String(contentsOf: DevData.url("dedup/wmt21-de-fr.jsonl"), encoding: .utf8).split(separator: "\n")
        let texts = try lines.map { line in
            try #require((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["text"] as? String)
        }
        try Self.expectSameAsICU(texts)
    }

    @Test(.enabled(if: DevData.has("names/wikidata-russian-singlenames-train.tsv"), "needs ../shared/dev/names"))
    func shimRulesSegmentLikeICUOnNamesInFiveScripts() throws {
        let files = ["russian-singlenames-train", "arabic-singlenames-train", "en-hebrew-fullnames",
                     "en-korean-fullnames", "japanese-singlenames-train"]
        let texts = try files.flatMap { file in
            let lines = try String(contentsOf: DevData.url("names/wikidata-\(file).tsv"), encoding: .utf8).split(separator: "\n")
            // Blocks of 500 lines, so that a difference is reported with its context.
            return stride(from: 0, to: lines.count, by: 500).map { lines[$0..<min($0 + 500, lines.count)].joined(separator: "\n") }
        }
        try Self.expectSameAsICU(texts)
    }
}
