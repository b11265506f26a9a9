import OnomaText

/// A unit's label ids (-1 where no form has the label) and what matching asks of it: what the
/// canonicalizer's label cache holds for a word, copied per document for the trie walks. Kept
/// to 22 bytes, so that a cache slot holds it next to its key (`LabelCache`).
struct UnitIDs {
    /// Position of the unit's labels in the canonicalizer's `labelStore` and `fuzzyStore`.
    let store: Int32
    /// The case-folded unit.
    let folded: Int32
    let key: Int32
    /// The stem's key, else the unit's key: what the stem trie is walked with.
    let stem: Int32
    /// The language the unit's keys are made for, as `LexiconIndex.languageID(_:)` gives it.
    let language: Int32
    private let flags: UInt8
    /// `Script.rawValue` + 1 of the script in which the unit alone is known to match no fuzzy
    /// form; 0 when not known.
    fileprivate(set) var noFuzzyScript: UInt8 = 0

    init(store: Int32, folded: Int32, key: Int32, stem: Int32, isNameLike: Bool, isLong: Bool, hasBareKeys: Bool,
         language: Int32, mayStart: Bool) {
        self.store = store
        self.folded = folded
        self.key = key
        self.stem = stem
        self.language = language
        flags = (isNameLike ? Self.nameLike : 0) | (isLong ? Self.long : 0) | (hasBareKeys ? Self.bareKeys : 0)
            | (mayStart ? Self.start : 0)
    }

    private static let nameLike: UInt8 = 1, long: UInt8 = 2, bareKeys: UInt8 = 4, start: UInt8 = 8

    var isNameLike: Bool { flags & Self.nameLike != 0 }
    /// Whether the unit has more than one character.
    var isLong: Bool { flags & Self.long != 0 }
    /// Whether the unit has bare keys (`UnitLabels.bareIDs`).
    var hasBareKeys: Bool { flags & Self.bareKeys != 0 }
    /// Whether a listed form may start at the unit: it is capitalised or starts a form in
    /// lowercase, and some trie has an edge from its root along one of its labels.
    var mayStart: Bool { flags & Self.start != 0 }

    /// Whether the unit alone is known to match no fuzzy form in `script`.
    func matchesNoFuzzyForm(in script: Script) -> Bool {
        Int32(noFuzzyScript) == script.rawValue &+ 1
    }

    /// Records that the unit alone matches no fuzzy form in `script` (a script whose value
    /// does not fit in a byte is not recorded: such units take the canonicalizer's store).
    mutating func noteNoFuzzyForm(in script: Script) {
        noFuzzyScript = UInt8(exactly: script.rawValue &+ 1) ?? 0
    }
}
