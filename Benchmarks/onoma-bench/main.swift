// onoma-bench: throughput of the tokenizer and of cached transliteration, each beside the raw
// ICU call it wraps. Prints figures; it is not a timed test. See Options.usage.
import CICU
import Foundation
import OnomaText

let options = Options.parse(Array(CommandLine.arguments.dropFirst()))

/// Boundaries of `text` from the shim's word break iterator with nothing else done: the peer.
func rawWordBreak(_ breaker: OpaquePointer, _ text: String) -> Int {
    var text = text
    return text.withUTF8 { bytes in
        var status: Int32 = 0
        bytes.withMemoryRebound(to: CChar.self) {
            onoma_word_break_set_text(breaker, $0.baseAddress, Int64($0.count), &status)
        }
        let count = onoma_word_break_count_boundaries(breaker, &status)
        precondition(status <= 0, "ICU word break failed: \(String(cString: onoma_u_error_name(status)))")
        return Int(count)
    }
}

/// The UTF-8 prefix of `text` of about `megabytes`, cut at a line break.
func slice(_ text: String, megabytes: Double) -> String {
    let utf8 = text.utf8
    guard let cut = utf8.index(utf8.startIndex, offsetBy: Int(megabytes * 1_000_000), limitedBy: utf8.endIndex),
        let lineEnd = text[cut...].firstIndex(of: "\n")
    else { return text }
    return String(text[..<lineEnd])
}

/// `text` cut at line breaks into documents of at least `bytes` (the last may be shorter).
func documents(_ text: String, bytes: Int) -> [String] {
    var documents: [String] = [], current = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        current += line + "\n"
        if current.utf8.count >= bytes {
            documents.append(current)
            current = ""
        }
    }
    if !current.isEmpty { documents.append(current) }
    return documents
}

/// Size of the documents of the "per document" stages: a news article.
let documentBytes = 3_000

func bench(_ input: BenchText) throws {
    let bytes = input.text.utf8.count
    print("\n== \(input.name): \(String(format: "%.1f", Double(bytes) / 1_000_000)) MB, transliterated as lang \(input.lang ?? "none")")
    let rawBreaker = { var status: Int32 = 0; return onoma_word_break_open("", &status)! }()
    defer { onoma_word_break_close(rawBreaker) }
    let tokenizer = try Tokenizer()
    let transliterator = Transliterator.toLatin(lang: input.lang)
    let part = slice(input.text, megabytes: options.sliceMegabytes)
    let docs = documents(input.text, bytes: documentBytes)
    var tokens = 0
    let raw = "ICU word break (raw)", rawDocs = "ICU word break (raw), per document"
    let whole = "ICU transform, whole text, no cache", cached = "transliterate(document:), warm cache"
    let stages = [
        Stage(name: raw, bytes: bytes) { rawWordBreak(rawBreaker, input.text) },
        Stage(name: "Tokenizer.forEachToken", bytes: bytes, peer: raw) {
            var sum = 0
            tokens = 0
            tokenizer.forEachToken(in: input.text) { token in
                tokens += 1
                sum &+= token.range.count &+ token.possessiveSuffixLength
            }
            return sum
        },
        Stage(name: "Tokenizer.tokenize", bytes: bytes, peer: raw) { tokenizer.tokenize(input.text).count },
        Stage(name: rawDocs, bytes: bytes) { docs.reduce(0) { $0 + rawWordBreak(rawBreaker, $1) } },
        Stage(name: "Tokenizer.tokenize, per document", bytes: bytes, peer: rawDocs) {
            docs.reduce(0) { $0 + tokenizer.tokenize($1).count }
        },
        Stage(name: whole, bytes: part.utf8.count) { transliterator.transliterate(part).utf8.count },
        Stage(name: cached, bytes: bytes, peer: whole) {
            transliterator.transliterate(document: input.text, using: tokenizer).utf8.count
        },
        Stage(name: "transliterate(document:), per document", bytes: bytes, peer: whole) {
            docs.reduce(0) { $0 + transliterator.transliterate(document: $1, using: tokenizer).utf8.count }
        },
    ]
    let times = measure(stages, repeats: options.repeats)
    var rows = zip(stages, times).map { Row(stage: $0.name, bytes: $0.bytes, seconds: $1.best, peer: $0.peer) }
    // The first run of the whole-document transliteration found the cache empty.
    let first = stages.firstIndex { $0.name == cached }!
    rows.insert(Row(stage: "transliterate(document:), cold cache", bytes: bytes, seconds: times[first].first, peer: whole), at: first)
    printTable(rows)
    print("\(tokens) tokens without whitespace, \(docs.count) documents of about \(documentBytes) bytes; transform \(transliterator.id)")
}

print("onoma-bench: MB = 10^6 UTF-8 bytes; s = CPU seconds, best of \(options.repeats) runs after one warm-up")
print("(each stage runs once to warm up, then all stages run in turn K times)")
if options.canon {
    try benchCanon(text: Inputs.english(megabytes: options.megabytes ?? 20).text, forms: options.canonForms, loadForms: options.loadForms)
} else if let path = options.input {
    try bench(Inputs.file(path, megabytes: options.megabytes, lang: options.lang))
} else {
    let megabytes = options.megabytes ?? 20
    try bench(Inputs.english(megabytes: megabytes))
    if let mixed = try Inputs.nonLatin(megabytes: megabytes) {
        try bench(mixed)
    } else {
        print("\n(skipping the non-Latin text: ../shared/dev is absent)")
    }
}
print("\npeak RSS (VmHWM): \(peakRSS() ?? "unknown")")
