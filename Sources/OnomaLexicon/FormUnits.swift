import OnomaText

/// The units of every form of a lexicon (see `MatchUnit`), cut on all cores with one tokenizer
/// per chunk of forms: ICU's word break over a million forms is a large part of indexing.
struct FormUnits {
    /// The units' texts, form after form: form i's are `texts[starts[i]..<starts[i + 1]]`.
    private var texts: [String] = []
    private var starts: [Int] = [0]
    /// Per form: the script of its first unit in a script of its own (`.common` when none).
    private(set) var scripts: [Script] = []
    /// Per form: whether a unit is Cyrillic.
    private(set) var hasCyrillic: [Bool] = []

    /// The units of the forms of `entries`, in order.
    init(_ entries: [LexiconEntry]) throws(ICUError) {
        let results = concurrentChunks(count: entries.count, minimumChunk: 4096) { range in
            Result { () throws(ICUError) in try FormUnits(cutting: entries[range]) }
        }
        texts.reserveCapacity(entries.count * 2)
        starts.reserveCapacity(entries.count + 1)
        for result in results {
            let part = try result.get()
            let offset = texts.count
            texts += part.texts
            starts += part.starts.dropFirst().map { $0 + offset }
            scripts += part.scripts
            hasCyrillic += part.hasCyrillic
        }
    }

    private init(cutting entries: ArraySlice<LexiconEntry>) throws(ICUError) {
        let tokenizer = try Tokenizer()
        for position in entries.indices {
            let units = MatchUnit.units(in: entries[position].form, tokenizer: tokenizer)
            for unit in units { texts.append(unit.text) }
            starts.append(texts.count)
            scripts.append(units.first { !$0.script.isShared }?.script ?? .common)
            hasCyrillic.append(units.contains { $0.script == .cyrillic })
        }
    }

    /// The texts of form `position`'s units.
    func texts(of position: Int) -> ArraySlice<String> {
        texts[starts[position]..<starts[position + 1]]
    }
}
