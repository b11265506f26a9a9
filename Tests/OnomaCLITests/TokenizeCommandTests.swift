import Foundation
import Testing

@Suite struct TokenizeCommandTests {
    @Test func tsvListsTokensWithByteOffsetsKindsScriptsAndFlags() throws {
        let result = try OnomaProcess.run(["tokenize"], stdin: "Kim Jong-un, Zelenskyy’s 12,000 😀")
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            id\tstart\tend\tkind\tscript\ttext\tflags
            -\t0\t3\tword\tLatn\tKim\t
            -\t4\t8\tword\tLatn\tJong\tcompound
            -\t8\t9\tpunctuation\tZyyy\t-\tcompound
            -\t9\t11\tword\tLatn\tun\tcompound
            -\t11\t12\tpunctuation\tZyyy\t,\t
            -\t13\t26\tword\tLatn\tZelenskyy’s\tpossessive
            -\t27\t33\tnumber\tZyyy\t12,000\t
            -\t34\t38\temoji\tZyyy\t😀\t

            """)
    }

    @Test func jsonlGivesOneLinePerDocumentInInputOrder() throws {
        let input = """
            {"id":"uk-1","text":"Київ, м’ясо","lang":"uk"}
            {"id":7,"text":"泽连斯基"}

            """
        let result = try OnomaProcess.run(["tokenize", "--format", "jsonl"], stdin: input)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0] == #"{"id":"uk-1","tokens":[{"text":"Київ","start":0,"end":8,"kind":"word","script":"Cyrl"},{"text":",","start":8,"end":9,"kind":"punctuation","script":"Zyyy"},{"text":"м’ясо","start":10,"end":21,"kind":"word","script":"Cyrl"}]}"#)
        #expect(lines[1].hasPrefix(#"{"id":"7","tokens":[{"text":"#))
    }

    @Test func directoryIsWalkedRecursivelyInPathOrderAndBinaryFilesAreSkipped() throws {
        let dir = try TemporaryDirectory()
        try dir.write("b.txt", "Beta")
        try dir.write("sub/a.txt", "Alpha")
        try dir.write("ignored.md", "Not text input")
        try dir.write("blob.txt", Data([0x41, 0x00, 0x42]))
        let result = try OnomaProcess.run(["tokenize", dir.url.path])
        #expect(result.status == 0)
        let texts = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t")[5] }
        #expect(texts == ["Beta", "Alpha"])
        #expect(result.stderr == "\(dir.url.path)/blob.txt: warning: skipped: binary file (contains NUL bytes)\n")
    }

    @Test func invalidUTF8NamesFileAndByteOffsetAndFails() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("bad.txt", Data([0x4B, 0x79, 0x69, 0x76, 0x20, 0xC3, 0x28]))
        let result = try OnomaProcess.run(["tokenize", path])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "\(path): error: not valid UTF-8 at byte 5 (use --lossy to replace invalid bytes with U+FFFD)\n")
    }

    @Test func lossyReplacesInvalidBytesWithOneWarningPerFile() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("bad.txt", Data([0xFF, 0x20, 0x4B, 0x79, 0x69, 0x76, 0x20, 0xFE]))
        let result = try OnomaProcess.run(["tokenize", "--lossy", path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\tKyiv\t"))
        #expect(result.stderr == "\(path): warning: not valid UTF-8 at byte 0; invalid bytes replaced with U+FFFD\n")
    }

    @Test func emptyInputGivesNoOutput() throws {
        let result = try OnomaProcess.run(["tokenize"], stdin: "")
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "")
    }

    @Test func malformedJSONLLineIsReportedAndOtherLinesStillProcessed() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("docs.jsonl", """
            {"id":"a","text":"one"}
            {"id":"b","text":
            {"text":"no id"}
            {"id":"d","text":"four"}

            """)
        let result = try OnomaProcess.run(["tokenize", "--format", "jsonl", path])
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").count == 2)
        #expect(result.stderr == """
            \(path):2:18: error: invalid JSON: unexpected end of file during json parse
            \(path):3: error: missing "id"

            """)
    }

    @Test func strictStopsAtFirstError() throws {
        let result = try OnomaProcess.run(["tokenize", "--strict", "--format", "jsonl"], stdin: """
            {"id":"a","text":"one"}
            not json
            {"id":"c","text":"three"}

            """)
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stderr == "-:2:2: error: invalid JSON: invalid value\n")
    }

    @Test func missingInputIsAnError() throws {
        let result = try OnomaProcess.run(["tokenize", "no/such/file.txt"])
        #expect(result.status == 1)
        #expect(result.stderr == "no/such/file.txt: error: no such file or directory\n")
    }

    @Test func malformedLanguageTagIsRejected() throws {
        let result = try OnomaProcess.run(["tokenize", "--lang", "ukrainian!"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--lang 'ukrainian!' is not a BCP 47 language tag"))
    }

    @Test func shippedCorpusTokenizes() throws {
        let result = try OnomaProcess.run(["tokenize", "--format", "jsonl", "Corpus/"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix(#"{"id":"Corpus/000_e320776a26ef548c.txt","tokens":[{"text":"Ukrainian","start":0,"end":9"#))
    }
}
