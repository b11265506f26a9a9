import Foundation
import Testing

/// `canon` and `dedupe` process documents on `--jobs` threads: the output must not depend on it.
@Suite struct JobsOptionTests {
    /// 305 documents: more than one block of 64 per thread.
    static let documents = Result { try PerturbedCopies.jsonl(PerturbedCopies.corpus(), copies: 60) }

    @Test func canonWritesTheSameOutputForAnyNumberOfJobs() throws {
        let input = try Self.documents.get()
        let dir = try TemporaryDirectory()
        let lexicon = try dir.write("names.tsv", CanonCommandTests.lexicon)
        let one = try OnomaProcess.run(["canon", "--lexicon", lexicon, "--jobs", "1"], stdin: input)
        #expect(one.status == 0)
        #expect(one.stdout.split(separator: "\n").count == 305)
        #expect(one.stdout.contains(#""entity":"Q3874799""#))
        for jobs in ["2", "3"] {
            let many = try OnomaProcess.run(["canon", "--lexicon", lexicon, "--jobs", jobs], stdin: input)
            #expect(many.status == 0)
            #expect(many.stdout == one.stdout, "canon --jobs \(jobs)")
        }
    }

    @Test func dedupeWritesTheSameClustersLinksAndDiagnosticsForAnyNumberOfJobs() throws {
        // A repeated id (found when signatures are added) before a line that is not a
        // document (found when reading), in one block.
        var lines = try Self.documents.get().split(separator: "\n").map(String.init)
        lines.insert(lines[3], at: 100)
        lines.insert(#"{"id":"no-text"}"#, at: 101)
        let input = lines.joined(separator: "\n") + "\n"
        // Errors give exit status 1, after every document is read.
        let one = try OnomaProcess.run(["dedupe", "--pairs", "--jobs", "1"], stdin: input)
        #expect(one.status == 1)
        #expect(one.stdout.contains(#""relation":"duplicate""#))
        #expect(one.stderr.hasPrefix("-:101: error: duplicate id"))
        #expect(one.stderr.contains("\n-:102: error: missing \"text\"\n"))
        let many = try OnomaProcess.run(["dedupe", "--pairs", "-j", "3"], stdin: input)
        #expect(many.status == 1)
        #expect(many.stdout == one.stdout)
        #expect(many.stderr == one.stderr)
    }

    @Test func strictStopWithSeveralJobsStillWritesTheDocumentsBeforeIt() throws {
        let input = try Self.documents.get() + "{\"id\":\"no-text\"}\n"
        let dir = try TemporaryDirectory()
        let lexicon = try dir.write("names.tsv", CanonCommandTests.lexicon)
        let one = try OnomaProcess.run(["canon", "--lexicon", lexicon, "--strict", "--jobs", "1"], stdin: input)
        let many = try OnomaProcess.run(["canon", "--lexicon", lexicon, "--strict", "--jobs", "2"], stdin: input)
        #expect(one.status == 1 && many.status == 1)
        #expect(many.stdout.split(separator: "\n").count == 305)
        #expect(many.stdout == one.stdout)
        #expect(many.stderr == "-:306: error: missing \"text\"\n")
    }

    @Test func jobsMustBeAtLeastOne() throws {
        let result = try OnomaProcess.run(["dedupe", "--jobs", "0"], stdin: "")
        #expect(result.status != 0)
        #expect(result.stderr.contains("--jobs must be at least 1, got 0"))
    }
}
