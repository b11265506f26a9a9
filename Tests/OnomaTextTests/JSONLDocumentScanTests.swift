import Foundation
import Testing
@testable import OnomaText

/// The byte scanner of JSONL lines against JSONDecoder, the reader it stands in for.
@Suite struct JSONLDocumentScanTests {
    private func scanned(_ line: String) -> JSONLDocument? {
        var line = line
        return line.withUTF8 { JSONLDocument.scan(UnsafeRawBufferPointer($0)) }
    }

    private func expectSameAsDecoder(_ line: String) throws {
        let document = try #require(scanned(line), "the scanner should read \(line)")
        let decoded = try JSONDecoder().decode(JSONLDocument.self, from: Data(line.utf8))
        #expect([document.id, document.text.string, document.lang, document.date] == [decoded.id, decoded.text.string, decoded.lang, decoded.date], "\(line)")
    }

    @Test func plainLinesReadAsJSONDecoderReadsThem() throws {
        try expectSameAsDecoder(#"{"id":"a","text":"Київ","lang":"uk","date":"2024-12-28"}"#)
        try expectSameAsDecoder(#" { "text" : "x" , "id" : 42 , "lang" : null } "#)
        try expectSameAsDecoder("{\"id\":\"a\",\"text\":\"x\"}\r")
        try expectSameAsDecoder(#"{"id":0,"text":"","url":"https://x","score":7,"ok":true,"no":false,"none":null}"#)
    }

    @Test func everyEscapeReadsAsJSONDecoderReadsIt() throws {
        try expectSameAsDecoder(#"{"id":"a\"b","text":"q\"u\\o\/te\b\f\n\r\t end"}"#)
        try expectSameAsDecoder(#"{"id":"a","text":"\u00e9\u0416\u4e2d \ud83d\ude00 \u0000 nul"}"#)
        try expectSameAsDecoder(#"{"id":"a","text":"\\\\\\"}"#)
    }

    /// The scanner counts a text's characters as it validates it (`Document.characterCount`),
    /// as `String.count` counts them, when every scalar is one `CharacterCount` takes as a
    /// character of its own; it leaves other texts uncounted.
    @Test func textsAreCountedAsStringCountCountsThem() throws {
        for (text, counted) in [
            ("Straße, „Paris“ – 3 € ‰ Łódź… naïve, more than eight bytes", true),  // Latin-1, Latin Extended, General Punctuation, currency
            (#"a\r\nb\r\n \u000d\u000a \r\r\n\n\r \r x\n"#, true),  // CR LF pairs, all made of escapes
            (#"\"q\" \u00e9\u2026 \/ \t"#, true),  // escapes of simple scalars
            (#"e\u0301"#, false), ("e\u{301}", false), ("한국어", false), (#"\ud83d\ude00"#, false), ("👩\u{200D}💻", false),  // marks, Hangul, emoji
        ] {
            let line = #"{"id":"a","text":""# + text + #""}"#
            let document = try #require(scanned(line), "\(line)")
            guard case .utf8(let bytes, let characters) = document.text else { Issue.record("not bytes: \(line)"); continue }
            #expect((characters != nil) == counted, "\(line)")
            #expect((characters ?? CharacterCount.of(bytes)) == String(decoding: bytes, as: UTF8.self).count, "\(line)")
        }
    }

    /// What the scanner leaves to JSONDecoder: it reads these (or names their error) itself.
    @Test func unusualOrInvalidLinesAreLeftToJSONDecoder() {
        for line in [
            #"{"id":"a","text":"x","meta":{"k":1}}"#,  // nested object
            #"{"id":"a","text":"x","tags":["a"]}"#,  // array
            #"{"id":1.0,"text":"x"}"#, #"{"id":1e3,"text":"x"}"#, #"{"id":-1,"text":"x"}"#, #"{"id":01,"text":"x"}"#,
            #"{"id":"a","id":"b","text":"x"}"#,  // repeated key
            #"{"\u0069d":"a","text":"x"}"#,  // escaped key
            #"{"id":"a","text":"\ud83d x"}"#,  // lone surrogate
            #"{"id":"a","text":"x\q"}"#,  // unknown escape
            "{\"id\":\"a\",\"text\":\"tab\there\"}",  // raw control character
            #"{"id":"a","text":"x"} trailing"#, #"{"id":"a","text":"x""#, #"["id"]"#,
            #"{"id":"a"}"#, #"{"id":null,"text":"x"}"#, #"{"id":"a","text":5}"#, #"{"id":"a","text":"x","lang":3}"#,
        ] {
            #expect(scanned(line) == nil, "\(line)")
        }
    }

    /// Keys are told apart by their bytes: the four are read, an unknown key is skipped when
    /// it is valid UTF-8, and a line with an unknown key that is not is left to the reader
    /// (which names the invalid byte), so that a line that scans is valid UTF-8.
    @Test func keysAreReadByTheirBytesAndUnknownOnesValidated() throws {
        try expectSameAsDecoder(#"{"date":"2021","idx":"b","lang":"de","texts":"y","text":"x","id":"a","ide":1}"#)
        let invalid = Array(#"{"id":"a","text":"x","k"#.utf8) + [0xFF] + Array(#"y":1}"#.utf8)
        #expect(invalid.withUnsafeBytes(JSONLDocument.scan) == nil)
    }

    @Test(.enabled(if: DevData.has("dedup/wmt21-de-fr.jsonl")))
    func everyLineOfRealNewsReadsAsJSONDecoderReadsIt() throws {
        let text = try String(contentsOf: DevData.url("dedup/wmt21-de-fr.jsonl"), encoding: .utf8)
        for line in text.split(separator: "\n") { try expectSameAsDecoder(String(line)) }
    }
}
