import Foundation
import Testing

@Suite struct DedupeSignCommandTests {
    static let story = #"{"id":"story","text":"Ukrainian President Volodymyr Zelensky said on Saturday that about 3,000 North Korean soldiers were killed or wounded in the Kursk region.","lang":"en","date":"2024-12-29"}"#
    static let bank = #"{"id":"bank","text":"The central bank raised interest rates by half a point on Wednesday, citing persistent inflation."}"#

    @Test func everyInputLineGetsOneOutputLineAndBadLinesGetErrorRecords() throws {
        var input = Data((Self.story + "\n\n" + #"{"id":"no-text"}"# + "\n" + #"{"id":7,"text":"#).utf8)
        input += Data("\n".utf8) + Data(#"{"id":"latin1","text":"caf"#.utf8) + Data([0xE9]) + Data("\"}\n".utf8) + Data((Self.bank + "\n").utf8)
        let result = try OnomaProcess.run(["dedupe", "sign"], stdin: input)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 6)
        #expect(lines[0].hasPrefix(#"{"bands":["#) && lines[0].contains(#""id":"story","lang":"en","length":138,"minhash":""#))
        #expect(lines[0].hasSuffix(#""settings":"format=2 seed=1 shingle_size=5 permutations=128 bands=32 rows=4 lexicon=none"}"#))
        #expect(lines[1] == "")
        #expect(lines[2] == #"{"error":"missing \"text\"","id":"no-text","line":3,"path":"-"}"#)
        #expect(lines[3] == #"{"column":16,"error":"invalid JSON: unexpected end of file during json parse","line":4,"path":"-"}"#)
        #expect(lines[4] == #"{"error":"not valid UTF-8 at byte 255 (use --lossy to replace invalid bytes with U+FFFD)","line":5,"path":"-"}"#)
        #expect(lines[5].contains(#""id":"bank","length":97,"#))
        #expect(result.stderr == "dedupe sign: 3 of 6 lines are not documents; their error records are in the output\n")
    }

    @Test func signingLinesOneByOneGivesTheBytesOfSigningThemTogether() throws {
        let documents = try PerturbedCopies.jsonl(PerturbedCopies.corpus(), copies: 1)
        let together = try OnomaProcess.run(["dedupe", "sign"], stdin: documents)
        #expect(together.status == 0)
        let apart = try documents.split(separator: "\n").map { try OnomaProcess.run(["dedupe", "sign"], stdin: $0 + "\n").stdout }
        #expect(apart.joined() == together.stdout)
        #expect(try OnomaProcess.run(["dedupe", "sign"], stdin: documents).stdout == together.stdout)
    }

    @Test func strictStopsAtTheFirstLineThatIsNotADocument() throws {
        let result = try OnomaProcess.run(["dedupe", "sign", "--strict"], stdin: Self.story + "\n{\"id\":\"x\"}\n" + Self.bank + "\n")
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stderr == "-:2: error: missing \"text\"\n")
    }
}
