import Foundation
import Testing

@Suite struct LexiconGrowCommandTests {
    static let lexicon = """
        # people
        Q1\tperson\ten\tVolodymyr Zelenskyy\tcanonical

        # places
        Q2\tplace\ten\tKyiv\tcanonical
        Q2\tplace\ten\tKiev\tblocked
        Q3\tplace\ten\tKursk\tcanonical

        """

    /// The same with a spelling that unlisted ones come close to.
    static let mining = lexicon + "Q1\tperson\ten\tZelenskyy\talias\n"

    static func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func addWritesOneLineAndRefusesConflictsWithTheirPlace() throws {
        let dir = try TemporaryDirectory()
        let lexicon = try dir.write("lex.tsv", Self.lexicon)
        let added = try OnomaProcess.run(["lexicon", "add", "--lexicon", lexicon, "--entity", "Q1", "--form", "Zelensky", "--lang", "en"])
        #expect(added.status == 0)
        #expect(added.stderr == "added to \(lexicon) after line 2: Q1\tperson\ten\tZelensky\talias\n")
        #expect(try Self.text(lexicon) == Self.lexicon.replacingOccurrences(of: "canonical\n\n", with: "canonical\nQ1\tperson\ten\tZelensky\talias\n\n"))
        let again = try OnomaProcess.run(["lexicon", "add", "--lexicon", lexicon, "--entity", "Q1", "--form", "zelensky", "--lang", "en"])
        #expect(again.status == 0 && again.stderr == "already in the lexicon (\(lexicon):3)\n")
        let blocked = try OnomaProcess.run(["lexicon", "add", "--lexicon", lexicon, "--entity", "Q2", "--form", "Kiev", "--lang", "en"])
        #expect(blocked.status == 1)
        #expect(blocked.stderr == "error: form 'Kiev' is blocked for 'Q2' (\(lexicon):7); use --force to replace that line\n")
        let other = try OnomaProcess.run(["lexicon", "add", "--lexicon", lexicon, "--entity", "Q2", "--form", "Kursk", "--lang", "en"])
        #expect(other.status == 1 && other.stderr.contains("already on 'Q3' (Kursk, \(lexicon):8)"))
    }

    @Test func suggestReportsLexiconErrorsAndApplyRefusesToWrite() throws {
        let dir = try TemporaryDirectory()
        let lexicon = try dir.write("lex.tsv", Self.mining + "Q4\tplace\ten\tOdesa\n")
        let suggest = try OnomaProcess.run(["lexicon", "suggest", "--lexicon", lexicon], stdin: "President Zelensky visited Kyiv.\n")
        #expect(suggest.status == 0)
        #expect(suggest.stderr.hasPrefix("\(lexicon):9:1: error: expected 5 tab-separated fields"))
        #expect(suggest.stdout.contains("Q1\tperson\t*\tZelensky\talias\tpending\t1\t"))
        let suggestions = try dir.write("s.tsv", suggest.stdout.replacingOccurrences(of: "\tpending\t", with: "\taccepted\t"))
        let before = try Self.text(lexicon)
        let apply = try OnomaProcess.run(["lexicon", "apply", suggestions, "--lexicon", lexicon])
        #expect(apply.status == 1)
        #expect(apply.stderr.contains("the lexicon has errors; nothing written"))
        #expect(try Self.text(lexicon) == before)
    }

    @Test func reviewTakesAnswersFromStandardInputSavesEachAndResumes() throws {
        let dir = try TemporaryDirectory()
        let lexicon = try dir.write("lex.tsv", Self.mining)
        let suggest = try OnomaProcess.run(["lexicon", "suggest", "--lexicon", lexicon, "--lang", "en"],
                                           stdin: "President Zelensky met Zelenskiy fans.\n")
        let suggestions = try dir.write("s.tsv", suggest.stdout)
        // accept the first, then quit: the decision is in the file
        let first = try OnomaProcess.run(["lexicon", "review", suggestions], stdin: "a\nq\n")
        #expect(first.stdout.contains("[1/2] alias Zelenskiy  (Q1, person, en)  seen 1×, score 0.95  # variant of Volodymyr Zelenskyy\n    -: President Zelensky met Zelenskiy fans.\n"))
        #expect(first.stdout.hasSuffix("1 decided, 1 still pending in \(suggestions)\n"))
        // the second review starts at the next pending one; edit its form
        let second = try OnomaProcess.run(["lexicon", "review", suggestions], stdin: "x\ne\nZelenskyi\n\n\n\n\n")
        #expect(second.stdout.contains("[1/1] alias Zelensky  (Q1, person, en)"))
        #expect(second.stdout.contains("answer a, r, e, s or q"))
        let lines = try Self.text(suggestions).split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t").prefix(6).joined(separator: " ") }
        #expect(lines == ["Q1 person en Volodymyr Zelenskyy canonical known", "Q1 person en Zelenskiy alias accepted", "Q1 person en Zelenskyi alias accepted"])
        let apply = try OnomaProcess.run(["lexicon", "apply", suggestions, "--lexicon", lexicon])
        #expect(apply.status == 0 && apply.stderr.hasSuffix("\(lexicon): 2 forms added, 0 already there, 0 refused\n"))
        let twice = try OnomaProcess.run(["lexicon", "apply", suggestions, "--lexicon", lexicon])
        #expect(twice.stderr.hasSuffix("\(lexicon): 0 forms added, 2 already there, 0 refused\n"))
    }

    @Test func suggestionsMadeAgainstAnotherVersionOfAnEntityAreNotWritten() throws {
        let dir = try TemporaryDirectory()
        let lexicon = try dir.write("lex.tsv", Self.mining)
        let suggest = try OnomaProcess.run(["lexicon", "suggest", "--lexicon", lexicon, "--lang", "en"], stdin: "President Zelensky spoke.\n")
        let suggestions = try dir.write("s.tsv", suggest.stdout.replacingOccurrences(of: "\tpending\t", with: "\taccepted\t"))
        try dir.write("lex.tsv", Self.mining.replacingOccurrences(of: "Volodymyr Zelenskyy\tcanonical", with: "Volodymyr Zelenskyi\tcanonical"))
        let apply = try OnomaProcess.run(["lexicon", "apply", suggestions, "--lexicon", lexicon])
        #expect(apply.status == 1)
        #expect(apply.stderr.contains("\(suggestions):5: error: no longer fits: entity 'Q1' has changed since the suggestion was made (it is now the person 'Volodymyr Zelenskyi')"))
        #expect(!(try Self.text(lexicon)).contains("Zelensky\t"))
    }

    /// A suggestions file adding `forms` to Q2, accepted.
    static func accepted(_ forms: [String]) -> String {
        forms.map { "Q2\tplace\ten\t\($0)\talias\taccepted\n" }.joined()
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.environment = OnomaProcess.environment()
        process.executableURL = OnomaProcess.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func twoConcurrentAppliesBothLand() throws {
        let dir = try TemporaryDirectory()
        // Large enough that each apply spends a while between reading and writing.
        var big = Self.lexicon
        for n in 0..<10_000 { big += "onoma:p\(n)\tperson\ten\tPerson Number\(n)\tcanonical\n" }
        let lexicon = try dir.write("lex.tsv", big)
        let forms = (1...20).map { "Kyiv City \($0)" }
        let a = try dir.write("a.tsv", Self.accepted(Array(forms[..<10])))
        let b = try dir.write("b.tsv", Self.accepted(Array(forms[10...])))
        let first = try Self.start(["lexicon", "apply", a, "--lexicon", lexicon])
        let second = try Self.start(["lexicon", "apply", b, "--lexicon", lexicon])
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
        let text = try Self.text(lexicon)
        #expect(forms.allSatisfy { text.contains("\t\($0)\talias\n") })
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == big.split(separator: "\n", omittingEmptySubsequences: false).count + 20)
    }

    @Test func killedDuringApplyTheLexiconIsTheOldOrTheNewVersion() throws {
        let dir = try TemporaryDirectory()
        // A large lexicon, so that apply spends a while reading, checking and writing it.
        var big = Self.lexicon
        for n in 0..<20_000 { big += "onoma:p\(n)\tperson\ten\tPerson Number\(n)\tcanonical\n" }
        let old = Data(big.utf8)
        let suggestions = try dir.write("s.tsv", Self.accepted(["Kyiv City"]))
        let reference = try dir.write("ref/lex.tsv", old)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(try OnomaProcess.run(["lexicon", "apply", suggestions, "--lexicon", reference]).status == 0)
        let duration = clock.now - start
        let new = try Data(contentsOf: URL(fileURLWithPath: reference))
        #expect(new != old)
        var outcomes: [String: Int] = [:]
        for round in 0..<8 {
            let lexicon = try dir.write("run\(round)/lex.tsv", old)
            let process = try Self.start(["lexicon", "apply", suggestions, "--lexicon", lexicon])
            // Kill somewhere between the start and a little after the expected end.
            Thread.sleep(forTimeInterval: duration / .seconds(1) * Double(round) / 6)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = try Data(contentsOf: URL(fileURLWithPath: lexicon))
            #expect(after == old || after == new, "round \(round): the lexicon is neither the old nor the new version")
            outcomes[after == old ? "old" : "new", default: 0] += 1
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.appendingPathComponent("run\(round)").path)
                .filter { $0.contains(".tmp-") }
            // A temporary file may stay behind after a kill; the lexicon loader never reads it.
            #expect(leftovers.allSatisfy { !$0.hasSuffix(".tsv") })
        }
        #expect(outcomes["old", default: 0] > 0)
    }
}
