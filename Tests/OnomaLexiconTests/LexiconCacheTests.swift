import Foundation
import Testing
@testable import OnomaLexicon

/// The lexicon cache reads back the index the files give, never a stale one, and keeps
/// working (loading from the files) when an entry is damaged or cannot be written.
@Suite struct LexiconCacheTests {
    /// A directory for one test, removed after it.
    final class Scratch {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-cache-test-\(UUID().uuidString)").path

        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        /// Writes a lexicon of `forms` people (one canonical form each, made of syllables) plus
        /// `extra` lines, and returns its path.
        func lexicon(_ name: String, forms: Int, extra: String = "") throws -> String {
            let syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi"]
            let lines = (0..<forms).map { i in
                let name = (0..<4).map { syllables[(i >> (3 * $0)) & 7] }.joined()
                return "X\(i)\tperson\ten\t\(name.prefix(1).uppercased() + name.dropFirst())\tcanonical"
            }
            let file = "\(path)/\(name)"
            try (lines.joined(separator: "\n") + "\n" + extra).write(toFile: file, atomically: true, encoding: .utf8)
            return file
        }

        var entries: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: "\(path)/cache")) ?? []).filter { $0.hasSuffix(".onoma") } }
        var cache: LexiconCache { LexiconCache(directory: "\(path)/cache", build: "test build") }
    }

    @Test func cachedIndexFindsWhatTheFilesGive() throws {
        let scratch = try Scratch()
        let file = try scratch.lexicon("people.tsv", forms: 1_200)
        let first = try scratch.cache.loadIndex(path: file)
        let second = try scratch.cache.loadIndex(path: file)
        #expect(!first.fromCache && second.fromCache)
        #expect(scratch.entries.count == 1)
        let permissions = try FileManager.default.attributesOfItem(atPath: "\(scratch.path)/cache")[.posixPermissions] as? Int
        #expect(permissions == 0o700)
        let (index, cached) = try (#require(first.index), #require(second.index))
        #expect(cached.lexicon.entries == index.lexicon.entries)
        #expect(cached.tableEntries == index.tableEntries)
        let text = "Kalokaka met Lokakaka and Kalokakka in Mikakaka."
        let expected = try Canonicalizer(index: index).mentions(in: text, lang: "en")
        #expect(expected.count >= 3)
        #expect(try Canonicalizer(index: cached).mentions(in: text, lang: "en") == expected)
    }

    @Test func indexingIsAnnouncedWithTheFilesSizeOnlyWhenTheFilesAreIndexed() throws {
        let scratch = try Scratch()
        let file = try scratch.lexicon("people.tsv", forms: 1_200)
        let size = try #require(FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
        var announced: [Int] = []
        _ = try scratch.cache.loadIndex(path: file) { announced.append($0) }
        _ = try scratch.cache.loadIndex(path: file) { announced.append($0) }
        #expect(announced == [size])
    }

    @Test func changedLexiconIsIndexedAgain() throws {
        let scratch = try Scratch()
        let file = try scratch.lexicon("people.tsv", forms: 1_200)
        _ = try scratch.cache.loadIndex(path: file)
        try scratch.lexicon("people.tsv", forms: 1_200, extra: "Q1\tplace\ten\tKyiv\tcanonical\n")
        let changed = try scratch.cache.loadIndex(path: file)
        #expect(!changed.fromCache)
        #expect(try #require(changed.index).lexicon.entries.contains { $0.form == "Kyiv" })
        #expect(scratch.entries.count == 2)
    }

    @Test func otherBuildDoesNotReadTheEntry() throws {
        let scratch = try Scratch()
        let file = try scratch.lexicon("people.tsv", forms: 1_200)
        _ = try scratch.cache.loadIndex(path: file)
        let other = LexiconCache(directory: "\(scratch.path)/cache", build: "another build")
        #expect(try !other.loadIndex(path: file).fromCache)
    }

    @Test func smallLexiconIsNotCached() throws {
        let scratch = try Scratch()
        let file = try scratch.lexicon("people.tsv", forms: LexiconCache.minimumForms - 1)
        #expect(try scratch.cache.loadIndex(path: file).index != nil)
        #expect(!FileManager.default.fileExists(atPath: "\(scratch.path)/cache"))
    }

    @Test func lexiconWithErrorsIsNotCached() throws {
        let scratch = try Scratch()
        let file = try scratch.lexicon("people.tsv", forms: 1_200, extra: "Q1\tplanet\ten\tKyiv\tcanonical\n")
        let loaded = try scratch.cache.loadIndex(path: file)
        #expect(loaded.index == nil)
        #expect(loaded.diagnostics.contains { $0.severity == .error && $0.line == 1_201 })
        #expect(scratch.entries.isEmpty)
    }

    @Test func damagedEntryIsIndexedAgainAndReplaced() throws {
        let scratch = try Scratch()
        let file = try scratch.lexicon("people.tsv", forms: 1_200)
        _ = try scratch.cache.loadIndex(path: file)
        let entry = "\(scratch.path)/cache/\(try #require(scratch.entries.first))"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: entry)))
        bytes[bytes.count / 2] ^= 0x40
        try Data(bytes).write(to: URL(fileURLWithPath: entry))
        let damaged = try scratch.cache.loadIndex(path: file)
        #expect(!damaged.fromCache && damaged.index != nil)
        #expect(damaged.cacheProblems.contains { $0.message.contains("checksum mismatch") })
        #expect(try scratch.cache.loadIndex(path: file).fromCache)
    }

    @Test func leastRecentlyUsedEntriesAreRemoved() throws {
        let scratch = try Scratch()
        let files = try (0...LexiconCache.limit).map { try scratch.lexicon("lexicon\($0).tsv", forms: 1_000 + $0) }
        for file in files { _ = try scratch.cache.loadIndex(path: file) }
        #expect(scratch.entries.count == LexiconCache.limit)
        #expect(try !scratch.cache.loadIndex(path: files[0]).fromCache)
        #expect(try scratch.cache.loadIndex(path: files.last!).fromCache)
    }

    @Test func unwritableCacheIsReportedAndTheLexiconStillLoads() throws {
        let scratch = try Scratch()
        let file = try scratch.lexicon("people.tsv", forms: 1_200)
        // A directory below a regular file cannot be made, even by root.
        let blocked = LexiconCache(directory: "\(file)/cache", build: "test build")
        let loaded = try blocked.loadIndex(path: file)
        #expect(loaded.index != nil)
        #expect(loaded.cacheProblems.count == 1)
    }
}
