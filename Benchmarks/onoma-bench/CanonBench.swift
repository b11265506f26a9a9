import Foundation
import OnomaLexicon
import OnomaText

/// A deterministic lexicon of `count` person forms: synthetic first and last names built from
/// syllables (each entity a canonical "First Last" and an alias "Last"), so the benchmark runs
/// without downloaded data. Names are capitalised like real ones and spread over the skeleton
/// buckets like real ones.
func syntheticLexicon(forms count: Int) -> [LexiconEntry] {
    let onsets = ["b", "br", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kh", "l", "m", "n", "p", "r", "s", "sh", "st", "t", "tr", "v", "z", "zh"]
    let vowels = ["a", "e", "i", "o", "u", "ai", "ia", "ou", "y", "ei"]
    let codas = ["", "", "n", "r", "s", "k", "l", "m", "v", "sky", "enko", "ov", "son", "ez"]
    var state: UInt64 = 0x0123_4567_89AB_CDEF
    func next(_ n: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(n))
    }
    func name(_ syllables: Int) -> String {
        var word = ""
        for _ in 0..<syllables { word += onsets[next(onsets.count)] + vowels[next(vowels.count)] }
        word += codas[next(codas.count)]
        return word.prefix(1).uppercased() + word.dropFirst()
    }
    var entries: [LexiconEntry] = []
    entries.reserveCapacity(count)
    var entity = 0
    while entries.count < count {
        let first = name(1 + next(2)), last = name(2 + next(2))
        let id = "bench:\(entity)"
        entries.append(LexiconEntry(entity: id, type: .person, lang: "en", form: "\(first) \(last)", role: .canonical))
        if entries.count < count { entries.append(LexiconEntry(entity: id, type: .person, lang: "en", form: last, role: .alias)) }
        entity += 1
    }
    return entries
}

/// Canonicalization throughput with a large lexicon, next to tokenizing alone, and the time and
/// memory it takes to load a lexicon of a million forms.
func benchCanon(text: String, forms: Int, loadForms: Int) throws {
    let shipped = Lexicon.load(path: "Lexicons", confusables: false).lexicon.entries
    let entries = syntheticLexicon(forms: max(0, forms - shipped.count)) + shipped
    let indexStart = Date()
    let index = try LexiconIndex(lexicon: Lexicon(entries: entries))
    let indexSeconds = Date().timeIntervalSince(indexStart)
    let canonicalizer = try Canonicalizer(index: index)
    let tokenizer = try Tokenizer()
    let docs = documents(text, bytes: documentBytes)
    let bytes = text.utf8.count
    print("\n== canon: English news \(String(format: "%.1f", Double(bytes) / 1_000_000)) MB in \(docs.count) documents, lexicon of \(entries.count) forms (indexed in \(String(format: "%.1f", indexSeconds)) s)")
    var mentions = 0
    let tokenize = "Tokenizer.tokenize, per document"
    let stages = [
        Stage(name: tokenize, bytes: bytes) { docs.reduce(0) { $0 + tokenizer.tokenize($1).count } },
        Stage(name: "Canonicalizer.mentions, per document", bytes: bytes, peer: tokenize) {
            mentions = docs.reduce(0) { $0 + canonicalizer.mentions(in: $1, lang: "en").count }
            return mentions
        },
    ]
    let times = measure(stages, repeats: options.repeats)
    printTable(zip(stages, times).map { Row(stage: $0.name, bytes: $0.bytes, seconds: $1.best, peer: $0.peer) })
    print("\(mentions) mentions")

    let before = residentBytes()
    let loadStart = Date()
    let big = try LexiconIndex(lexicon: Lexicon(entries: syntheticLexicon(forms: loadForms)))
    let loadSeconds = Date().timeIntervalSince(loadStart)
    let grown = max(0, residentBytes() - before)
    print("\n== lexicon load: \(loadForms) forms indexed in \(String(format: "%.1f", loadSeconds)) s (wall), \(String(format: "%.0f", Double(grown) / Double(loadForms))) bytes of memory per form (\(big.tableEntries) table entries)")
}

/// The resident set size now (VmRSS), in bytes.
func residentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kilobytes * 1024
}
