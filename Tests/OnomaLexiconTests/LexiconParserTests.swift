import OnomaText
import Testing
@testable import OnomaLexicon

@Suite struct LexiconParserTests {
    private func parse(_ text: String) -> (entries: [LexiconEntry], messages: [String]) {
        let result = LexiconParser.parse(text, path: "t.tsv")
        return (result.entries, result.diagnostics.map(\.description))
    }

    @Test func fiveColumnsMakeAnEntry() throws {
        let (entries, messages) = parse("Q1899\tplace\tuk\tКиїв\talias\n")
        #expect(messages.isEmpty)
        let entry = try #require(entries.first)
        #expect(entry.entity == "Q1899")
        #expect(entry.type == .place)
        #expect(entry.lang == "uk")
        #expect(entry.form == "Київ")
        #expect(entry.role == .alias)
        #expect(entry.line == 1)
    }

    @Test func commentsBlankLinesAndCRLFAreAccepted() {
        let (entries, messages) = parse("# header\n\n   \nQ1\tplace\t*\tKyiv\tcanonical   # the capital\r\n")
        #expect(messages.isEmpty)
        #expect(entries.map(\.form) == ["Kyiv"])
        #expect(entries.first?.role == .canonical)
    }

    /// A file of several megabytes is parsed in chunks on all cores: lines and problems keep
    /// their numbers and order across the chunks' edges, whatever the lines look like there.
    @Test func largeFileKeepsLineNumbersAcrossChunks() {
        var lines: [String] = [], badLines: [Int] = []
        for i in 1...90_000 {
            switch i % 7 {
            case 0: lines.append("# comment \(i)")
            case 3: lines.append("")
            case 5 where i % 1_000 == 5:
                lines.append("Q\(i)\tplanet\ten\tName \(i)\tcanonical")
                badLines.append(i)
            default: lines.append("Q\(i)\tperson\ten\tName \(i)\tcanonical" + (i % 2 == 0 ? "\r" : ""))
            }
        }
        let text = lines.joined(separator: "\n")
        #expect(text.utf8.count > 2 << 20)
        let (entries, diagnostics) = LexiconParser.parse(text, path: "t.tsv")
        #expect(diagnostics.map { $0.line } == badLines)
        let expected = (1...90_000).filter { $0 % 7 != 0 && $0 % 7 != 3 && !badLines.contains($0) }
        #expect(entries.map(\.line) == expected)
        #expect(entries.allSatisfy { $0.entity == "Q\($0.line)" && $0.form == "Name \($0.line)" })
    }

    @Test func extraColumnsAreKept() {
        let (entries, _) = parse("Q1\tplace\ten\tKiev\talias\t12\tseen in Corpus\n")
        #expect(entries.first?.extra == ["12", "seen in Corpus"])
    }

    @Test func wrongFieldCountIsAnError() {
        #expect(parse("Q1\tplace\ten\tKyiv\n").messages == ["t.tsv:1:1: error: expected 5 tab-separated fields (id, type, lang, form, role), found 4"])
    }

    @Test func unknownTypeAndRoleAreErrorsAtTheirColumns() {
        #expect(parse("Q1\tcity\ten\tKyiv\tmain\n").messages == [
            "t.tsv:1:4: error: unknown type 'city'; expected one of person, place, org, other",
            "t.tsv:1:17: error: unknown role 'main'; expected one of canonical, alias, blocked",
        ])
    }

    @Test func malformedLanguageTagIsAnError() {
        #expect(parse("Q1\tplace\tukr_UA\tKyiv\talias\n").messages == [
            "t.tsv:1:10: error: malformed language tag 'ukr_UA'; expected a BCP 47 tag such as 'en', 'uk', 'pt-BR', or '*'",
        ])
    }

    @Test func formNotInNFCIsAnErrorThatGivesTheNFCForm() {
        // й written as и + combining breve (NFD).
        #expect(parse("Q1\tplace\tuk\tКии\u{306}в\talias\n").messages == [
            "t.tsv:1:13: error: form 'Кии\u{306}в' is not in NFC; write it as 'Кийв'",
        ])
    }

    @Test func cyrillicLetterInsideLatinNameIsAnErrorAtThatLetter() {
        // "Kyiv" with a Cyrillic і (U+0456) in third position.
        #expect(parse("Q1\tplace\ten\tKy\u{456}v\talias\n").messages == [
            "t.tsv:1:15: error: form 'Ky\u{456}v' mixes scripts: '\u{456}' (Cyrillic) inside a Latin word",
        ])
    }

    @Test func wordsInDifferentScriptsSideBySideAreNotMixed() {
        // An acronym in Latin letters between Devanagari words (ICU's name of Hong Kong in Hindi).
        #expect(parse("HK\tplace\thi\tहाँग काँग SAR चीन\talias\n").messages.isEmpty)
    }

    @Test func namesInScriptsThatBelongTogetherAreNotMixed() {
        // Japanese mixes Han and Katakana; Korean may mix Hangul and Han.
        #expect(parse("Q1\tplace\tja\t東京タワー\talias\nQ2\tperson\tko\t金正恩 김정은\talias\n").messages.isEmpty)
    }

    @Test func hashJoinedToACombiningMarkDoesNotStartAComment() {
        // "#" + combining enclosing keycap is one character, not "#".
        let (entries, messages) = parse("Q1\tother\ten\tNo#\u{20E3}1\tcanonical\n")
        #expect(messages.isEmpty)
        #expect(entries.first?.form == "No#\u{20E3}1")
    }

    @Test func spaceAfterAPrependedMarkIsNotTrimmed() {
        // Arabic number sign U+0600 takes the following space into its character.
        let (entries, _) = parse("Q1\tother\tar\tA \u{600} \tcanonical\n")
        #expect(entries.first?.form == "A \u{600} ")
    }

    @Test func loneCarriageReturnBeforeTheLineBreakIsDropped() {
        // "\r\r\n": the "\r\n" separates lines and one "\r" more is dropped, as for CRLF.
        let (entries, messages) = parse("Q1\tplace\ten\tKyiv\tcanonical\r\r\nQ1\tplace\ten\tKiev\talias\r")
        #expect(messages.isEmpty)
        #expect(entries.map(\.role) == [.canonical, .alias])
    }
}
