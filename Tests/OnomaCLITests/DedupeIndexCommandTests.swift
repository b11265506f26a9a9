import Foundation
import OnomaDedupe
import Testing

@Suite struct DedupeIndexCommandTests {
    static let firstBatch = """
        {"id":"story","text":"Ukrainian President Volodymyr Zelensky said on Saturday that about 3,000 North Korean soldiers were killed or wounded in the Kursk region, where Ukraine launched an incursion in August.","lang":"en","date":"2024-12-29"}
        {"id":"bank","text":"The central bank raised interest rates by half a point on Wednesday, citing persistent inflation in services and a tight labour market that shows few signs of easing.","lang":"en"}
        {"id":"de","text":"Der ukrainische Präsident Wolodymyr Selenskyj sagte am Samstag, dass etwa 3000 nordkoreanische Soldaten in der Region Kursk getötet oder verwundet worden seien, wo die Ukraine im August eingedrungen war. Auch Mattersburg und Burgenland.","lang":"de"}

        """
    static let secondBatch = """
        {"id":"rewrite","text":"Ukrainian President Volodymyr Zelensky said Saturday that some 3,000 North Korean soldiers had been killed or wounded in Russia's Kursk region, where Ukraine launched its incursion in August.","lang":"en","date":"2024-12-28"}
        {"id":"fr","text":"Le président ukrainien Volodymyr Zelensky a déclaré samedi qu'environ 3000 soldats nord-coréens avaient été tués ou blessés dans la région de Koursk, où l'Ukraine a lancé une incursion en août. Aussi Mattersburg et Burgenland.","lang":"fr"}

        """

    private func dedupe(_ arguments: [String], in directory: TemporaryDirectory) throws -> OnomaProcess.Result {
        try OnomaProcess.run(["dedupe"] + arguments, in: directory.url)
    }

    @Test func secondBatchReportsItsDuplicatesAndTranslationsOfTheFirst() throws {
        let dir = try TemporaryDirectory()
        try dir.write("monday.jsonl", Self.firstBatch)
        try dir.write("tuesday.jsonl", Self.secondBatch)
        let first = try dedupe(["--index", "news.db", "--cross-lingual", "--pairs", "monday.jsonl"], in: dir)
        #expect(first.status == 0)
        #expect(first.stderr == "")
        let second = try dedupe(["--index", "news.db", "--cross-lingual", "--pairs", "tuesday.jsonl"], in: dir)
        #expect(second.status == 0)
        #expect(second.stdout == """
            {"id":"rewrite","cluster":"rewrite","representative":"rewrite"}
            {"id":"fr","cluster":"rewrite","representative":"rewrite"}
            {"a":"de","b":"fr","similarity":0.299,"relation":"translation"}
            {"a":"story","b":"rewrite","similarity":0.647,"relation":"duplicate"}

            """)
        // The rewrite is dated earlier: the first batch's story and its translation moved to its cluster.
        #expect(second.stderr == "news.db: note: 2 documents of earlier batches changed cluster id (clusters merged or got an earlier representative)\n")
    }

    @Test func reAddingABatchChangesNothingAndPrintsTheStoredClusters() throws {
        let dir = try TemporaryDirectory()
        try dir.write("monday.jsonl", Self.firstBatch + Self.secondBatch)
        let first = try dedupe(["--index", "news.db", "monday.jsonl"], in: dir)
        let again = try dedupe(["--index", "news.db", "monday.jsonl", "--pairs"], in: dir)
        #expect(again.status == 0)
        #expect(again.stdout == first.stdout)
        #expect(again.stderr == "news.db: note: 5 of 5 documents were already in the index and were kept as they were\n")
        let quiet = try dedupe(["--index", "news.db", "monday.jsonl", "--quiet"], in: dir)
        #expect(quiet.stdout == first.stdout)
        #expect(quiet.stderr == "")
    }

    @Test func otherOptionsThanTheIndexWasBuiltWithAreAnError() throws {
        let dir = try TemporaryDirectory()
        try dir.write("monday.jsonl", Self.firstBatch)
        _ = try dedupe(["--index", "news.db", "monday.jsonl"], in: dir)
        let result = try dedupe(["--index", "news.db", "--permutations", "64", "monday.jsonl"], in: dir)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "news.db: error: the index was built with permutations 128, not 64, and bands 32, not 21, and rows 4, not 3; use the same options or a new --index\n")
    }

    @Test func aFileThatIsNotAnIndexIsLeftUntouched() throws {
        let dir = try TemporaryDirectory()
        try dir.write("monday.jsonl", Self.firstBatch)
        let notes = Data("my notes\n".utf8 + [0xFF, 0x00, 0x7F])
        let path = try dir.write("notes.db", notes)
        let result = try dedupe(["--index", "notes.db", "monday.jsonl"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr == "notes.db: error: is not an SQLite database, so not an onoma index; the file was left as it was: give a new --index path\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == notes)
    }

    @Test func duplicateIdsCannotBeAllowedIntoAnIndex() throws {
        let dir = try TemporaryDirectory()
        let result = try dedupe(["--index", "news.db", "--allow-duplicate-ids"], in: dir)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: --allow-duplicate-ids cannot be used with --index: an index holds one document per id\n"))
    }

    /// Short documents of their own, so that signing is quick and writing has many rows per
    /// document.
    private static func batch(_ range: Range<Int>) -> String {
        range.map { n in #"{"id":"doc-\#(n)","text":"Town\#(n) w\#(n * 7919 % 1_000_003) City\#(n % 97) \#(n + 100)","lang":"en"}"# }
            .joined(separator: "\n") + "\n"
    }

    @Test func killingTheCommandMidBatchLeavesTheIndexAsItWasBeforeTheBatch() throws {
        let dir = try TemporaryDirectory()
        try dir.write("first.jsonl", Self.batch(0..<50))
        let first = try dedupe(["--index", "news.db", "first.jsonl"], in: dir)
        #expect(first.status == 0)
        let database = dir.url.appendingPathComponent("news.db").path
        let log = dir.url.appendingPathComponent("news.db-wal").path
        // Large enough that writing it takes seconds (a debug build signs it in about 12 s and
        // writes it in 3): the transaction spills into the WAL long before it commits.
        try dir.write("second.jsonl", Self.batch(50..<5_050))

        let process = Process()
        process.environment = OnomaProcess.environment()
        process.executableURL = OnomaProcess.binary
        process.arguments = ["dedupe", "--index", "news.db", "second.jsonl"]
        process.currentDirectoryURL = dir.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(300)
        var logSize = 0
        while process.isRunning, Date() < deadline {
            logSize = ((try? FileManager.default.attributesOfItem(atPath: log))?[.size] as? Int) ?? 0
            if logSize > 1 << 19 { break }
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the batch ended before it could be killed")
        #expect(logSize > 1 << 19, "the batch was killed before it wrote to the index")

        let index = try StoryIndex(path: database, parameters: DedupeParameters(), lexiconDigest: "none")
        #expect(try index.documentCount() == 50)
        #expect(try index.assignments().map(\.id) == (0..<50).map { "doc-\($0)" })
        // And it goes on taking batches.
        try dir.write("third.jsonl", Self.batch(50..<60))
        let third = try dedupe(["--index", "news.db", "third.jsonl"], in: dir)
        #expect(third.status == 0)
        #expect(try index.documentCount() == 60)
    }
}
