import Foundation

/// One text to benchmark, with the language its transliteration uses.
struct BenchText {
    var name: String
    var text: String
    var lang: String?
}

enum Inputs {
    /// The English sample corpus: Corpus/*.txt concatenated, repeated to `megabytes`.
    static func english(megabytes: Double) throws -> BenchText {
        let articles = try corpusArticles()
        return BenchText(name: "English news (Corpus/)", text: repeated(articles.joined(separator: "\n\n"), to: megabytes), lang: "en")
    }

    /// A mixed-script text, or nil when ../shared/dev is absent: each English sentence of the
    /// corpus is followed by a Cyrillic sentence (iuliia samples) and by runs of Russian,
    /// Korean and Arabic names (Wikidata single names), taken in order so that the text holds
    /// about 170,000 distinct names, the vocabulary of a large multilingual corpus.
    static func nonLatin(megabytes: Double) throws -> BenchText? {
        let dev = root.appendingPathComponent("../shared/dev")
        guard FileManager.default.fileExists(atPath: dev.path) else { return nil }
        let nameLists = ["russian", "korean", "arabic"].map { script in
            Self.names(dev.appendingPathComponent("names/wikidata-\(script)-singlenames-train.tsv"))
        }
        let cyrillic = try cyrillicSentences(dev.appendingPathComponent("conformance/iuliia_samples.json"))
        let english = try corpusArticles().joined(separator: " ")
            .split(separator: ". ").map { $0.replacingOccurrences(of: "\n", with: " ") }
        let runLengths = [8, 5, 6]
        var cursors = [0, 0, 0]
        var text = ""
        let target = Int(megabytes * 1_000_000)
        var round = 0
        while text.utf8.count < target {
            text += english[round % english.count] + ". " + cyrillic[round % cyrillic.count] + ". "
            for list in 0..<nameLists.count {
                let run = (0..<runLengths[list]).map { _ in
                    defer { cursors[list] = (cursors[list] + 1) % nameLists[list].count }
                    return nameLists[list][cursors[list]]
                }
                text += run.joined(separator: " ") + ". "
            }
            text += round % 4 == 3 ? "\n\n" : ""
            round += 1
        }
        return BenchText(name: "non-Latin mix (Cyrillic, Hangul, Arabic)", text: text, lang: "ru")
    }

    /// A text file, repeated to `megabytes` when given.
    static func file(_ path: String, megabytes: Double?, lang: String?) throws -> BenchText {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard !text.isEmpty else { fail("\(path) is empty") }
        return BenchText(name: path, text: megabytes.map { repeated(text, to: $0) } ?? text, lang: lang)
    }

    /// The package root: the working directory when it holds Corpus/, else where this source was.
    static let root: URL = {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if FileManager.default.fileExists(atPath: cwd.appendingPathComponent("Corpus").path) { return cwd }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }()

    private static func corpusArticles() throws -> [String] {
        let corpus = root.appendingPathComponent("Corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        guard !files.isEmpty else { fail("no .txt files in \(corpus.path)") }
        return try files.map { try String(contentsOf: corpus.appendingPathComponent($0), encoding: .utf8) }
    }

    private static func repeated(_ text: String, to megabytes: Double) -> String {
        let copies = max(1, Int((megabytes * 1_000_000 / Double(text.utf8.count)).rounded(.up)))
        return Array(repeating: text, count: copies).joined(separator: "\n\n")
    }

    /// The non-Latin column of a `english<TAB>name` file, capitalised like names in running text.
    private static func names(_ url: URL) -> [String] {
        guard let content = try? String(contentsOf: url, encoding: .utf8) else { fail("cannot read \(url.path)") }
        return content.split(separator: "\n").compactMap { line in
            line.split(separator: "\t").dropFirst().first.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        }
    }

    /// The distinct Russian source sentences of iuliia_samples.json.
    private static func cyrillicSentences(_ url: URL) throws -> [String] {
        struct Scheme: Decodable { var samples: [[String]] }
        let schemes = try JSONDecoder().decode([String: Scheme].self, from: Data(contentsOf: url))
        let sentences = Set(schemes.values.flatMap { $0.samples.compactMap(\.first) })
        return sentences.sorted()
    }
}
