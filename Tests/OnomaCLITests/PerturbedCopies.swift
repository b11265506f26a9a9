import Foundation

/// A test corpus of real articles and generated near-copies of them, as JSONL: the kind of
/// input dedupe must cluster (syndicated copies with small edits, cut endings, other dates).
enum PerturbedCopies {
    struct Line: Encodable {
        let id: String
        let text: String
        let lang: String?
        let date: String?
    }

    /// Each document, then per document `copies` edited copies: every k-th word dropped, pairs
    /// of neighbouring words swapped, or the last quarter cut, in turn.
    static func jsonl(_ documents: [Line], copies: Int) throws -> String {
        var lines = documents
        for (n, document) in documents.enumerated() {
            for copy in 0..<copies {
                let edited = edit(document.text, kind: (n + copy) % 3, step: 5 + copy)
                lines.append(Line(id: "\(document.id)~\(copy)", text: edited, lang: document.lang, date: copy % 2 == 0 ? document.date : nil))
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try lines.map { String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: "\n") + "\n"
    }

    private static func edit(_ text: String, kind: Int, step: Int) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        switch kind {
        case 0:
            words = words.enumerated().filter { ($0.offset + 1) % step != 0 }.map(\.element)
        case 1:
            for i in stride(from: 0, to: words.count - 1, by: step) { words.swapAt(i, i + 1) }
        default:
            words = Array(words.prefix(max(1, words.count * 3 / 4)))
        }
        return words.joined(separator: " ")
    }

    /// The shipped Corpus/ articles (English) as documents.
    static func corpus() throws -> [Line] {
        let directory = OnomaProcess.packageRoot.appendingPathComponent("Corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try files.enumerated().map { n, file in
            Line(id: file, text: try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8), lang: "en", date: "2024-12-2\(n)")
        }
    }

    /// `../shared/dev/dedup/wmt21-de-fr.jsonl` (German news and French translations), when present.
    static let wmt21 = OnomaProcess.packageRoot.appendingPathComponent("../shared/dev/dedup/wmt21-de-fr.jsonl").standardizedFileURL

    /// The first `count` documents of wmt21-de-fr.
    static func wmt21(first count: Int) throws -> [Line] {
        struct Row: Decodable { let id: String; let text: String; let lang: String? }
        let text = try String(contentsOf: wmt21, encoding: .utf8)
        return try text.split(separator: "\n").prefix(count).map { line in
            let row = try JSONDecoder().decode(Row.self, from: Data(line.utf8))
            return Line(id: row.id, text: row.text, lang: row.lang, date: nil)
        }
    }
}
