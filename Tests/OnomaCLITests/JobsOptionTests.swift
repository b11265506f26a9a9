import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

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

    @Test func dedupeSignWritesTheSameRecordsForAnyNumberOfJobs() throws {
        // Blank lines and lines that are not documents among the documents.
        var lines = try Self.documents.get().split(separator: "\n").map(String.init)
        lines.insert("", at: 70)
        lines.insert(#"{"id":"no-text"}"#, at: 200)
        let input = lines.joined(separator: "\n") + "\n"
        let one = try OnomaProcess.run(["dedupe", "sign", "--jobs", "1"], stdin: input)
        #expect(one.status == 0)
        #expect(one.stdout.split(separator: "\n", omittingEmptySubsequences: false).count == 308)
        #expect(one.stderr == "dedupe sign: 1 of 307 lines are not documents; their error records are in the output\n")
        let many = try OnomaProcess.run(["dedupe", "sign", "--jobs", "3"], stdin: input)
        #expect(many.stdout == one.stdout)
        #expect(many.stderr == one.stderr)
        let strict = try OnomaProcess.run(["dedupe", "sign", "--strict", "--jobs", "3"], stdin: input)
        #expect(strict.status == 1)
        #expect(strict.stdout.split(separator: "\n", omittingEmptySubsequences: false).count == 201)
        #expect(strict.stderr == "-:201: error: missing \"text\"\n")
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

    @Test func resolveAnswersInInputOrderForAnyNumberOfJobs() throws {
        let dir = try TemporaryDirectory()
        let lexicon = try dir.write("names.tsv", CanonCommandTests.lexicon)
        let queries = (0..<50).flatMap { ["Zelensky", "Київ \($0)", "Зеленський", "Kiev", "Nobody\($0)"] }
        let names = try dir.write("queries.txt", queries.joined(separator: "\n") + "\n")
        let one = try OnomaProcess.run(["resolve", "--lexicon", lexicon, "--names", names, "--jobs", "1"])
        #expect(one.status == 0)
        let lines = one.stdout.split(separator: "\n")
        #expect(lines.count == 250 && lines[2].hasPrefix(#"{"query":"Зеленський","candidates":[{"entity":"Q3874799""#))
        let many = try OnomaProcess.run(["resolve", "--lexicon", lexicon, "--names", names, "--jobs", "3"])
        #expect(many.stdout == one.stdout)
    }

    @Test func jobsMustBeAtLeastOne() throws {
        let result = try OnomaProcess.run(["dedupe", "--jobs", "0"], stdin: "")
        #expect(result.status != 0)
        #expect(result.stderr.contains("--jobs must be at least 1, got 0"))
    }

    @Test func aTerminalGetsEachAnswerAsItsLineIsTyped() throws {
        let dir = try TemporaryDirectory()
        let lexicon = try dir.write("names.tsv", CanonCommandTests.lexicon)
        // A pseudo-terminal for canon's standard input and output.
        var terminal: Int32 = -1, side: Int32 = -1
        try #require(openpty(&terminal, &side, nil, nil, nil) == 0)
        defer { close(terminal) }
        let process = Process()
        process.environment = OnomaProcess.environment()
        process.executableURL = OnomaProcess.binary
        process.arguments = ["canon", "--lexicon", lexicon]
        process.standardInput = FileHandle(fileDescriptor: side)
        process.standardOutput = FileHandle(fileDescriptor: side)
        process.standardError = FileHandle.nullDevice
        try process.run()
        close(side)
        _ = write(terminal, "{\"id\":\"typed\",\"text\":\"Zelensky in Kiev\"}\n", 41)
        // The answer must come while the input is still open (at most a minute on a busy machine).
        var seen = ""
        var reader = pollfd(fd: terminal, events: Int16(POLLIN), revents: 0)
        let deadline = Date().addingTimeInterval(60)
        while !seen.contains("\"mentions\""), Date() < deadline {
            guard poll(&reader, 1, 1000) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(terminal, &buffer, buffer.count)
            if count <= 0 { break }
            seen += String(decoding: buffer[..<count], as: UTF8.self)
        }
        _ = write(terminal, "\u{04}", 1)  // end of input
        process.waitUntilExit()
        #expect(seen.contains(#"{"id":"typed","mentions":[{"start":0,"end":8,"text":"Zelensky","entity":"Q3874799""#))
    }
}
