import Foundation
import Testing
@testable import OnomaText

@Suite struct DocumentReaderTests {
    /// Writes files into a fresh directory and reads `inputs` (relative to it) back.
    private func read(_ files: [String: Data], inputs: [String], lossy: Bool = false) throws -> [DocumentReader.Item] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-reader-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (name, bytes) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: url)
        }
        var items: [DocumentReader.Item] = []
        try DocumentReader(inputs: inputs.map { root.appendingPathComponent($0).path }, lossy: lossy).read { items.append($0) }
        return items
    }

    private func documents(_ items: [DocumentReader.Item]) -> [Document] {
        items.compactMap { if case .document(let d) = $0 { d } else { nil } }
    }

    private func diagnostics(_ items: [DocumentReader.Item]) -> [Diagnostic] {
        items.compactMap { if case .diagnostic(let d) = $0 { d } else { nil } }
    }

    @Test func jsonlFieldsAreRead() throws {
        let items = try read(["d.jsonl": Data(#"{"id":"a","text":"Київ","lang":"uk","date":"2024-12-28","extra":1}"#.utf8)], inputs: ["d.jsonl"])
        let doc = try #require(documents(items).first)
        #expect(doc.id == "a")
        #expect(doc.text == "Київ")
        #expect(doc.lang == "uk")
        #expect(doc.date == "2024-12-28")
        #expect(doc.line == 1)
    }

    @Test func crlfLineEndsAndAMissingFinalNewlineAreAccepted() throws {
        let jsonl = "{\"id\":\"a\",\"text\":\"x\"}\r\n{\"id\":\"b\",\"text\":\"y\"}"
        let docs = documents(try read(["d.jsonl": Data(jsonl.utf8)], inputs: ["d.jsonl"]))
        #expect(docs.map(\.id) == ["a", "b"])
        #expect(docs.map(\.line) == [1, 2])
    }

    @Test func linesLongerThanTheReadChunkAreWhole() throws {
        let long = String(repeating: "Зеленський ", count: 300_000)  // about 6 MB, several read chunks
        let jsonl = "{\"id\":\"big\",\"text\":\"\(long)\"}\n{\"id\":\"small\",\"text\":\"x\"}\n"
        let docs = documents(try read(["d.jsonl": Data(jsonl.utf8)], inputs: ["d.jsonl"]))
        #expect(docs.map(\.id) == ["big", "small"])
        #expect(docs.first?.text == long)
    }

    @Test func invalidUTF8InAJSONLLineGivesItsLineAndFileOffset() throws {
        var bytes = Data(#"{"id":"a","text":"ok"}"#.utf8 + [0x0A])
        bytes.append(Data(#"{"id":"b","text":""#.utf8))
        bytes.append(contentsOf: [0xC0, 0xAF])
        bytes.append(Data("\"}\n".utf8))
        let items = try read(["d.jsonl": bytes], inputs: ["d.jsonl"])
        #expect(documents(items).map(\.id) == ["a"])
        let problem = try #require(diagnostics(items).first)
        #expect(problem.line == 2)
        #expect(problem.message.hasPrefix("not valid UTF-8 at byte 41"))
    }

    @Test func invalidUTF8InAnIgnoredKeyOrValueIsStillAnError() throws {
        // The JSONL scanner validates what it reads; bytes it skips must not slip through.
        var bytes = Data(#"{"id":"a","note":""#.utf8 + [0xC0, 0xAF] + #"","text":"x"}"#.utf8 + [0x0A])
        bytes.append(Data(#"{"id":"b","n"#.utf8 + [0xFF] + #"":1,"text":"y"}"#.utf8 + [0x0A]))
        let items = try read(["d.jsonl": bytes], inputs: ["d.jsonl"])
        #expect(documents(items).isEmpty)
        #expect(diagnostics(items).map(\.line) == [1, 2])
        #expect(diagnostics(items).allSatisfy { $0.message.hasPrefix("not valid UTF-8 at byte") })
    }

    @Test func textFileIdIsItsPathAndDirectoriesGiveOnlyTxtFiles() throws {
        let items = try read(["dir/b.txt": Data("b".utf8), "dir/a/c.txt": Data("c".utf8), "dir/x.json": Data("{}".utf8)], inputs: ["dir"])
        #expect(documents(items).map { URL(fileURLWithPath: $0.id).lastPathComponent } == ["c.txt", "b.txt"])
    }

    @Test func emptyTextFileGivesNoDocument() throws {
        #expect(try read(["e.txt": Data()], inputs: ["e.txt"]).isEmpty)
    }

    @Test func firstInvalidUTF8OffsetCountsBytes() {
        #expect(UTF8Decoding.firstInvalidOffset(in: Array("Київ".utf8) + [0xFF]) == 8)
        #expect(UTF8Decoding.firstInvalidOffset(in: Array("ok".utf8)) == nil)
        // A truncated multi-byte sequence at the end.
        #expect(UTF8Decoding.firstInvalidOffset(in: [0x41, 0xE2, 0x80]) == 1)
        // Past ASCII runs read eight bytes at a time, and in a slice.
        #expect(UTF8Decoding.firstInvalidOffset(in: Array(String(repeating: "a", count: 17).utf8) + [0xC3, 0x28]) == 17)
        #expect(UTF8Decoding.firstInvalidOffset(in: Array("abcdefghé12345678".utf8) + [0x80]) == 18)
        #expect(UTF8Decoding.firstInvalidOffset(in: Array("123456789".utf8) + [0xED, 0xA0, 0x80] + Array("abcdefgh".utf8)) == 9)
        #expect(UTF8Decoding.firstInvalidOffset(in: (Array("xx123456789é".utf8) + [0xFF])[2...]) == 11)
        #expect(UTF8Decoding.firstInvalidOffset(in: Array("abcdefghé12345678€".utf8)) == nil)
    }

    @Test func firstInvalidUTF8OffsetAgreesWithTheStandardLibrary() {
        // The bytes at the edges of the ranges of Unicode's table of well-formed sequences
        // (overlong forms, surrogates, values beyond U+10FFFF), in every sequence of up to four.
        let edges: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC,
                              0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        var sequences: [[UInt8]] = [[]]
        for _ in 0..<4 { sequences = sequences.flatMap { sequence in edges.map { sequence + [$0] } } }
        var differing: [[UInt8]] = []
        for sequence in sequences {
            // After eight ASCII bytes too, where the eight-byte scan hands over.
            for bytes in [sequence, Array("abcdefgh".utf8) + sequence] {
                var parser = Unicode.UTF8.ForwardParser()
                var iterator = bytes.makeIterator()
                var offset = 0, expected: Int? = nil
                parsing: while true {
                    switch parser.parseScalar(from: &iterator) {
                    case .valid(let scalar): offset += scalar.count
                    case .error: expected = offset; break parsing
                    case .emptyInput: break parsing
                    }
                }
                if UTF8Decoding.firstInvalidOffset(in: bytes) != expected || (expected == nil) != (String(validating: bytes, as: UTF8.self) != nil) {
                    differing.append(bytes)
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    @Test func diagnosticsPrintAsPathLineColumn() {
        #expect(Diagnostic(.error, "bad", path: "a.tsv", line: 3, column: 7).description == "a.tsv:3:7: error: bad")
        #expect(Diagnostic(.warning, "odd", path: "a.txt").description == "a.txt: warning: odd")
        #expect(Diagnostic(.error, "no input").description == "error: no input")
    }
}
