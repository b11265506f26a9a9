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

    @Test func dedupeWritesTheSameClustersAndLinksForAnyNumberOfJobs() throws {
        let input = try Self.documents.get()
        let one = try OnomaProcess.run(["dedupe", "--pairs", "--jobs", "1"], stdin: input)
        #expect(one.status == 0)
        #expect(one.stdout.contains(#""relation":"duplicate""#))
        let many = try OnomaProcess.run(["dedupe", "--pairs", "-j", "3"], stdin: input)
        #expect(many.status == 0)
        #expect(many.stdout == one.stdout)
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
