import Foundation
import Testing

/// `onoma lexicon compile` and the commands reading what it writes.
@Suite struct LexiconCompileCommandTests {
    @Test func compiledLexiconCanonicalizesTheCorpusLikeItsFiles() throws {
        let dir = try TemporaryDirectory()
        let compiled = dir.url.appendingPathComponent("lexicon.onoma").path
        let compile = try OnomaProcess.run(["lexicon", "compile", "Lexicons", "-o", compiled])
        #expect(compile.status == 0)
        #expect(compile.stderr.contains("\(compiled): "))
        let fromFiles = try OnomaProcess.run(["canon", "--lexicon", "Lexicons", "Corpus/"])
        let fromCompiled = try OnomaProcess.run(["canon", "--lexicon", compiled, "Corpus/"])
        #expect(fromCompiled.status == 0)
        #expect(!fromFiles.stdout.isEmpty)
        #expect(fromCompiled.stdout == fromFiles.stdout)
        let root = OnomaProcess.packageRoot.standardizedFileURL.path
        #expect(fromCompiled.stderr == fromFiles.stderr.replacingOccurrences(of: "Lexicons: ", with: "\(compiled): ")
                    .replacingOccurrences(of: "check Lexicons", with: "check \(root)/Lexicons"))
        let names = "Zelenskiy\nСирського\n젤렌스키\nKijów\n"
        #expect(try OnomaProcess.run(["resolve", "--lexicon", compiled, "--names", "-"], stdin: names).stdout
                == OnomaProcess.run(["resolve", "--lexicon", "Lexicons", "--names", "-"], stdin: names).stdout)
    }

    @Test func compilingALexiconTwiceGivesTheSameBytes() throws {
        let dir = try TemporaryDirectory()
        let first = dir.url.appendingPathComponent("first.onoma"), second = dir.url.appendingPathComponent("second.onoma")
        #expect(try OnomaProcess.run(["lexicon", "compile", "Lexicons", "-o", first.path]).status == 0)
        #expect(try OnomaProcess.run(["lexicon", "compile", "Lexicons", "-o", second.path]).status == 0)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }

    @Test func editedLexiconFileMakesTheCompiledOneWarn() throws {
        let dir = try TemporaryDirectory()
        let lexicon = try dir.write("names.tsv", CanonCommandTests.lexicon)
        let compiled = dir.url.appendingPathComponent("names.onoma").path
        #expect(try OnomaProcess.run(["lexicon", "compile", lexicon, "-o", compiled]).status == 0)
        try dir.write("names.tsv", CanonCommandTests.lexicon + "Q1899\tplace\tde\tKiew\talias\n")
        let result = try OnomaProcess.run(["canon", "--lexicon", compiled], stdin: "Kiev\n")
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(compiled): warning: \(lexicon) has changed since this lexicon was compiled; compile it again with 'onoma lexicon compile \(lexicon) -o \(compiled)'"))
        #expect(result.stdout.contains(#""entity":"Q1899""#))
    }

    @Test func lexiconFileAddedToTheDirectoryMakesTheCompiledOneWarn() throws {
        let dir = try TemporaryDirectory()
        try dir.write("lexicon/names.tsv", CanonCommandTests.lexicon)
        let directory = dir.url.appendingPathComponent("lexicon").path
        let compiled = dir.url.appendingPathComponent("names.onoma").path
        #expect(try OnomaProcess.run(["lexicon", "compile", directory, "-o", compiled]).status == 0)
        let added = try dir.write("lexicon/more.tsv", "Q90\tplace\ten\tParis\tcanonical\n")
        let result = try OnomaProcess.run(["canon", "--lexicon", compiled], stdin: "Kiev\n")
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(compiled): warning: \(added) was added to \(directory) since this lexicon was compiled"))
    }

    @Test func damagedCompiledLexiconIsAClearError() throws {
        let dir = try TemporaryDirectory()
        let lexicon = try dir.write("names.tsv", CanonCommandTests.lexicon)
        let compiled = dir.url.appendingPathComponent("names.onoma").path
        #expect(try OnomaProcess.run(["lexicon", "compile", lexicon, "-o", compiled]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: compiled))
        try dir.write("names.onoma", bytes.prefix(bytes.count - 3))
        let result = try OnomaProcess.run(["canon", "--lexicon", compiled], stdin: "Kiev\n")
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("\(compiled): error: compiled lexicon is damaged"))
    }

    @Test func lexiconCheckPointsFromACompiledLexiconToItsFiles() throws {
        let dir = try TemporaryDirectory()
        let lexicon = try dir.write("names.tsv", CanonCommandTests.lexicon)
        let compiled = dir.url.appendingPathComponent("names.onoma").path
        #expect(try OnomaProcess.run(["lexicon", "compile", lexicon, "-o", compiled]).status == 0)
        let result = try OnomaProcess.run(["lexicon", "check", compiled])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(compiled): error: a compiled lexicon ('onoma lexicon compile')"))
    }

    @Test func lexiconWithErrorsIsNotCompiled() throws {
        let dir = try TemporaryDirectory()
        let lexicon = try dir.write("bad.tsv", "Q1\tplace\ten\tKyiv\n")
        let compiled = dir.url.appendingPathComponent("bad.onoma").path
        let result = try OnomaProcess.run(["lexicon", "compile", lexicon, "-o", compiled])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(lexicon):1:1: error: expected 5 tab-separated fields"))
        #expect(!FileManager.default.fileExists(atPath: compiled))
    }
}
