import Foundation
import Testing

/// Commands keep the index of a lexicon's files in the cache (`ONOMA_CACHE_DIR`) and read it
/// back on the next run, with the same output.
@Suite struct LexiconCacheCommandTests {
    @Test func secondRunReadsTheCachedIndexWithTheSameOutput() throws {
        let dir = try TemporaryDirectory()
        let cache = dir.url.appendingPathComponent("cache").path
        let first = try OnomaProcess.run(["canon", "Corpus/"], environment: ["ONOMA_CACHE_DIR": cache])
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache)
        #expect(entries.count == 1 && entries[0].hasSuffix(".onoma"))
        let second = try OnomaProcess.run(["canon", "Corpus/"], environment: ["ONOMA_CACHE_DIR": cache])
        #expect(first.status == 0 && second.status == 0)
        #expect(!first.stdout.isEmpty)
        #expect(second.stdout == first.stdout)
        #expect(second.stderr == first.stderr)
        let names = "Zelenskiy\nСирського\n젤렌스키\n"
        #expect(try OnomaProcess.run(["resolve", "--names", "-"], stdin: Data(names.utf8), environment: ["ONOMA_CACHE_DIR": cache]).stdout
                == OnomaProcess.run(["resolve", "--names", "-"], stdin: Data(names.utf8), environment: ["ONOMA_CACHE_DIR": "off"]).stdout)
    }

    @Test func cacheTurnedOffWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let lexicons = OnomaProcess.packageRoot.appendingPathComponent("Lexicons").path
        let result = try OnomaProcess.run(["canon", "--lexicon", lexicons], stdin: Data("Kiev\n".utf8), in: dir.url,
                                          environment: ["ONOMA_CACHE_DIR": "off", "XDG_CACHE_HOME": dir.url.path, "HOME": dir.url.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""entity":"Q1899""#))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).isEmpty)
    }

    @Test func cacheDefaultsToTheXDGCacheDirectory() throws {
        let dir = try TemporaryDirectory()
        let result = try OnomaProcess.run(["canon"], stdin: Data("Kiev\n".utf8),
                                          environment: ["ONOMA_CACHE_DIR": "", "XDG_CACHE_HOME": dir.url.path])
        #expect(result.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.appendingPathComponent("onoma").path).count == 1)
    }
}
