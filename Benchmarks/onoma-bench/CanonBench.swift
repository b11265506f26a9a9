import Foundation
import OnomaLexicon
import OnomaText

/// Canonicalization throughput with a large lexicon, next to tokenizing alone, and the time and
/// memory it takes to load a lexicon of a million forms.
func benchCanon(text: String, forms: Int, loadForms: [Int]) throws {
    var generator = BenchLexicon()
    print("\nlexicon names: \(generator.source)")
    let shipped = Lexicon.load(path: "Lexicons", confusables: false).lexicon.entries
    let entries = generator.entries(max(0, forms - shipped.count)) + shipped
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

    for count in loadForms {
        try benchLoad(forms: count, generator: &generator)
    }
}

/// Writes a lexicon file of `forms` generated forms and loads it as `onoma canon` does (parse,
/// check, index), printing the time of each step and the memory the loaded index holds per form.
func benchLoad(forms: Int, generator: inout BenchLexicon) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("onoma-bench-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("lexicon.tsv")
    try generator.entries(forms).map(\.tsvLine).joined(separator: "\n").appending("\n")
        .write(to: file, atomically: true, encoding: .utf8)
    let before = residentBytes()
    let cpuStart = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID)
    let parseStart = Date()
    let (lexicon, diagnostics) = Lexicon.load(path: file.path, confusables: false)
    let indexStart = Date()
    let cpuIndexStart = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID)
    let index = try LexiconIndex(lexicon: lexicon)
    let end = Date()
    let cpuEnd = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID)
    let grown = max(0, residentBytes() - before)
    let errors = diagnostics.filter { $0.severity == .error }.count
    print("\n== lexicon load: \(forms) forms in \(String(format: "%.1f", end.timeIntervalSince(parseStart))) s (wall; \(String(format: "%.1f", cpuEnd - cpuStart)) s CPU): read and check \(String(format: "%.1f", indexStart.timeIntervalSince(parseStart))) s (\(String(format: "%.1f", cpuIndexStart - cpuStart)) s CPU), index \(String(format: "%.1f", end.timeIntervalSince(indexStart))) s (\(String(format: "%.1f", cpuEnd - cpuIndexStart)) s CPU); \(String(format: "%.0f", Double(grown) / Double(forms))) bytes of memory per form (lexicon and index; \(index.tableEntries) table entries); \(errors) errors, \(diagnostics.count - errors) warnings")

    // The same lexicon compiled (`onoma lexicon compile`), written, then read back as canon reads it.
    let compiled = directory.appendingPathComponent("lexicon.onoma").path
    let compileStart = Date()
    try AtomicFile.replace(compiled, with: LexiconSnapshot(index: index, warnings: diagnostics.count - errors, origin: LexiconSnapshot.Origin(file.path)).encoded())
    let readStart = Date()
    let cpuReadStart = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID)
    let read = try LexiconSnapshot.read(path: compiled).index
    let readEnd = Date()
    let cpuReadEnd = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID)
    guard read.tableEntries == index.tableEntries, read.lexicon.entries == index.lexicon.entries else { fail("the compiled lexicon read back differs") }
    let size = (try FileManager.default.attributesOfItem(atPath: compiled)[.size] as? NSNumber)?.intValue ?? 0
    print("   compiled (onoma lexicon compile): written in \(String(format: "%.1f", readStart.timeIntervalSince(compileStart))) s, \(String(format: "%.0f", Double(size) / Double(forms))) bytes per form on disk; read in \(String(format: "%.2f", readEnd.timeIntervalSince(readStart))) s (wall; \(String(format: "%.2f", cpuReadEnd - cpuReadStart)) s CPU), \(String(format: "%.1f", end.timeIntervalSince(parseStart) / readEnd.timeIntervalSince(readStart))) x faster than loading the file")

    // As commands load it: through the cache, indexed and kept the first time, read back after.
    let cache = LexiconCache(directory: directory.appendingPathComponent("cache").path, build: "onoma-bench")
    let missStart = Date()
    let miss = try cache.loadIndex(path: file.path)
    let hitStart = Date()
    let hit = try cache.loadIndex(path: file.path)
    let hitEnd = Date()
    guard !miss.fromCache, hit.fromCache, hit.index?.tableEntries == index.tableEntries else { fail("the cached lexicon read back differs") }
    print("   cached (LexiconCache, as commands load lexicon files): first run \(String(format: "%.1f", hitStart.timeIntervalSince(missStart))) s (wall, indexing and writing the entry), then \(String(format: "%.2f", hitEnd.timeIntervalSince(hitStart))) s (wall), \(String(format: "%.1f", end.timeIntervalSince(parseStart) / hitEnd.timeIntervalSince(hitStart))) x faster than loading the file")
}

/// The resident set size now (VmRSS), in bytes.
func residentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kilobytes * 1024
}
