import Foundation
import OnomaLexicon

/// Deterministic lexicons of person names for the canon benchmark. With ../shared/dev present,
/// names are permutations of real name parts (Wikidata single names with their Cyrillic,
/// Arabic, Hebrew, Hangul, katakana and Chinese spellings): each entity gets a canonical
/// "First Last" in Latin script, an alias in the other script, and for a third of them the last
/// name alone. Without it, names are built from syllables.
struct BenchLexicon {
    /// Where the names come from, for the report.
    let source: String
    private let parts: [(lang: String, separator: String, names: [(latin: String, native: String)])]
    private var state: UInt64 = 0x0123_4567_89AB_CDEF

    init() {
        let dev = Inputs.root.appendingPathComponent("../shared/dev/names")
        let scripts = [("russian", "ru", " "), ("arabic", "ar", " "), ("hebrew", "he", " "),
                       ("korean", "ko", " "), ("katakana", "ja", "・"), ("chinese", "zh", "")]
        let loaded = scripts.compactMap { file, lang, separator in
            Self.pairs(dev.appendingPathComponent("wikidata-\(file)-singlenames-train.tsv")).map { (lang, separator, $0) }
        }
        parts = loaded.count == scripts.count ? loaded : []
        source = parts.isEmpty ? "synthetic syllables (../shared/dev/names is absent)"
            : "permutations of \(parts.map(\.names.count).reduce(0, +)) Wikidata name parts in 7 scripts"
    }

    /// `count` entries; entity ids are "bench:N".
    mutating func entries(_ count: Int) -> [LexiconEntry] {
        var entries: [LexiconEntry] = []
        entries.reserveCapacity(count)
        var entity = 0
        while entries.count < count {
            let id = "bench:\(entity)"
            entity += 1
            func add(_ form: String, _ lang: String, _ role: FormRole) {
                if entries.count < count { entries.append(LexiconEntry(entity: id, type: .person, lang: lang, form: form, role: role)) }
            }
            if parts.isEmpty {
                let first = syllables(1 + next(2)), last = syllables(2 + next(2))
                add("\(first) \(last)", "en", .canonical)
                add(last, "en", .alias)
                continue
            }
            let script = parts[next(parts.count)]
            let first = script.names[next(script.names.count)], last = script.names[next(script.names.count)]
            add("\(capitalised(first.latin)) \(capitalised(last.latin))", "en", .canonical)
            add(capitalised(first.native) + script.separator + capitalised(last.native), script.lang, .alias)
            if next(3) == 0 { add(capitalised(last.latin), "en", .alias) }
        }
        return entries
    }

    private mutating func next(_ n: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(n))
    }

    private func capitalised(_ word: String) -> String {
        (word.prefix(1).uppercased() + word.dropFirst()).precomposedStringWithCanonicalMapping
    }

    private mutating func syllables(_ count: Int) -> String {
        let onsets = ["b", "br", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kh", "l", "m", "n", "p", "r", "s", "sh", "st", "t", "tr", "v", "z", "zh"]
        let vowels = ["a", "e", "i", "o", "u", "ai", "ia", "ou", "y", "ei"]
        let codas = ["", "", "n", "r", "s", "k", "l", "m", "v", "sky", "enko", "ov", "son", "ez"]
        var word = ""
        for _ in 0..<count { word += onsets[next(onsets.count)] + vowels[next(vowels.count)] }
        return capitalised(word + codas[next(codas.count)])
    }

    /// The (Latin, native) pairs of a `latin<TAB>native` file, or nil when it cannot be read.
    private static func pairs(_ url: URL) -> [(latin: String, native: String)]? {
        guard let content = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return content.split(separator: "\n").compactMap { line in
            let columns = line.split(separator: "\t")
            guard columns.count == 2, !columns[0].contains(where: \.isWhitespace), !columns[1].contains(where: \.isWhitespace) else { return nil }
            return (String(columns[0]), String(columns[1]))
        }
    }
}
